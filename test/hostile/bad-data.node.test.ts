// Hostile data through every widget of the built bundle: a catalogue and a dossier full of markup, script, bidi and
// zero-width tricks and 10,000-character text, served by the real reference API; a province gateway's answers the
// reference server would never send (match positions outside the name, a `javascript:` portal link, a survey form
// and a receipt made of markup); then malformed, wrong-shape and truncated bodies through the SDK's fault proxy.
// Everything must render as readable text with nothing run, injected or thrown, and every bad body must end in the
// widget's error state, from which it recovers.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'puppeteer-core';
import type { RunningServer } from '@dvc-kit/reference-api/node';
import { startFaultProxy, type FaultKind, type FaultProxy } from '../../packages/sdk/test/support/fault-proxy.ts';
import { ensureBuilt } from '../support/build.ts';
import { textOf } from '../support/browser.ts';
import { scrollsSideways } from './support/checks.ts';
import { startGateway, type Gateway } from './support/gateway.ts';
import { browserNames, instrument, launch, payloadRuns, screenshot, startHostileServer, type Incidents } from './support/harness.ts';
import { injectedElements, textNodesWith, visualOrder } from './support/inert.ts';
import { answerSurvey, click, fill, lookUp } from './support/widgets.ts';
import {
  GATEWAY_PROCEDURE, gatewayRoutes, HOSTILE_CODE, HOSTILE_DOSSIER_CODE, HOSTILE_DOSSIER_ID, HOSTILE_STRINGS, hostileCatalog, hostileDossier,
} from './fixtures/hostile-data.ts';

const SPOILED: FaultKind[] = ['malformed', 'wrong-shape', 'truncated'];

let server: RunningServer;
let gateway: Gateway;
let proxy: FaultProxy;
let catalogDir: string;

before(async () => {
  ensureBuilt();
  catalogDir = mkdtempSync(join(tmpdir(), 'dvc-hostile-catalog-'));
  const catalogPath = join(catalogDir, 'hostile-catalog.json');
  writeFileSync(catalogPath, JSON.stringify(hostileCatalog()));
  server = await startHostileServer({ catalogPath });
  await server.store.putDossiers([hostileDossier(await server.store.hashIdNumber(HOSTILE_DOSSIER_ID))]);
  gateway = await startGateway(gatewayRoutes());
  proxy = await startFaultProxy(server.url);
});

after(async () => {
  await proxy?.close();
  await gateway?.close();
  await server?.close();
  rmSync(catalogDir, { recursive: true, force: true });
});

/** The visible text of a part, whitespace collapsed (line breaks from wrapping are not content). */
async function shown(page: Page, selector: string): Promise<string> {
  return (await textOf(page, selector)).replace(/\s+/g, ' ');
}

/** Text as compared: format characters (zero-width, bidi) dropped, whitespace runs collapsed. */
const collapse = (text: string) => text.replace(/\p{Cf}/gu, '').replace(/\s+/g, ' ').trim();

for (const browserName of browserNames('deep')) {
  describe(`hostile data in ${browserName}`, () => {
    let browser: Browser;
    let page: Page;
    let incidents: Incidents;

    before(async () => {
      browser = await launch(browserName);
      page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      incidents = await instrument(page);
      await page.goto(`${server.url}/hostile/bad-data.html`, { waitUntil: 'networkidle0' });
      await page.evaluate((url) => document.getElementById('gateway')!.setAttribute('base-url', url), gateway.url);
    });

    after(async () => {
      await screenshot(page, `${browserName}-bad-data`).catch(() => {});
      await browser?.close();
    });

    test('catalogue: the search lists every hostile procedure, and each opens in full, as text', async () => {
      await fill(page, '#search >>> input#q', 'thử nghiệm');
      await page.waitForFunction(
        (count) => (document.getElementById('search')?.shadowRoot?.querySelectorAll('[part~="result-link"]').length ?? 0) >= count,
        { timeout: 15_000 }, HOSTILE_STRINGS.length);
      const names = await page.$$eval('#search >>> [part~="result-link"]', (links) => links.map((link) => (link as HTMLElement).innerText));
      for (const [i, { name, text }] of HOSTILE_STRINGS.entries()) {
        const label = `Khai sinh thử nghiệm ${i + 1}:`;
        const card = names.find((n) => n.startsWith(label));
        assert.ok(card, `the search lists ${name}`);
        // The catalogue loader cleans whitespace and zero-width characters, the SDK bidi controls; the rest shows as typed.
        assert.ok(collapse(card).includes(collapse(text).slice(0, 200)), `${name} reads as text: ${card.slice(0, 120)}`);
      }
      const fee = await visualOrder(page, 'search', '000.05');
      assert.ok(fee.found >= 1 && fee.reversed === 0, `a bidi override cannot disguise 000.05 as 50.000: ${JSON.stringify(fee)}`);
      for (const [i, { name }] of HOSTILE_STRINGS.entries()) {
        await page.evaluate((code) => document.getElementById('procedure')!.setAttribute('code', code), HOSTILE_CODE(i));
        await page.waitForFunction((label) => {
          const title = document.getElementById('procedure')?.shadowRoot?.querySelector('[part~="title"]');
          return (title as HTMLElement | null)?.innerText.startsWith(label);
        }, { timeout: 10_000 }, `Khai sinh thử nghiệm ${i + 1}:`);
        const sections = await page.$$eval('#procedure >>> [part~="section"]', (list) => list.length);
        assert.ok(sections >= 6, `${name}: the procedure shows its sections (${sections})`);
      }
    });

    test('dossier: the tracker shows a returned dossier made of hostile strings, its whole history and supplements, as text', async () => {
      const result = await lookUp(page, { code: HOSTILE_DOSSIER_CODE, idNumber: HOSTILE_DOSSIER_ID }, '#tracker');
      assert.ok(result.includes(HOSTILE_DOSSIER_CODE));
      assert.ok(result.includes('<script>'), 'markup is shown as the characters it is');
      await click(page, '#tracker >>> [aria-controls="history"]');
      const steps = await page.$$eval('#tracker >>> #history > li', (items) => items.length);
      assert.equal(steps, HOSTILE_STRINGS.length);
      const supplements = await page.$$eval('#tracker >>> [part~="supplement"]', (items) => items.length);
      assert.equal(supplements, HOSTILE_STRINGS.length);
      // Each step reads "<unit> · Cán bộ: <officer>": unterminated overrides in the unit must not turn our label around.
      assert.deepEqual(await visualOrder(page, 'tracker', 'Cán bộ:'), { found: HOSTILE_STRINGS.length, reversed: 0 });
    });

    test('gateway: bad match positions, a javascript: portal link, a survey form and a receipt made of markup', async () => {
      await fill(page, '#gw-search >>> input#q', 'khai sinh');
      await page.waitForSelector('#gw-search >>> [part~="result-link"]', { timeout: 15_000 });
      assert.equal(await page.$$eval('#gw-search >>> [part~="result-link"]', (links) => links.length), HOSTILE_STRINGS.length);
      const marks = await page.$$eval('#gw-search >>> [part~="result-link"] mark', (list) => list.map((m) => m.textContent ?? ''));
      assert.ok(marks.every((m) => m.length > 0), 'no empty or inside-out highlight');

      assert.match(await shown(page, '#gw-procedure >>> [part~="title"]'), /^Khai sinh thử nghiệm 1:/);
      const portal = await page.$$eval('#gw-procedure >>> a', (links) => links.map((a) => a.getAttribute('href') ?? ''));
      assert.ok(portal.every((href) => /^https?:/.test(href)), `only http(s) links: ${portal.join(', ')}`);

      const dossier = await lookUp(page, { code: HOSTILE_DOSSIER_CODE, idNumber: HOSTILE_DOSSIER_ID }, '#gw-tracker');
      assert.ok(dossier.includes('onerror'), 'the gateway\'s dossier is shown, markup as text');

      const legend = await shown(page, '#gw-survey >>> fieldset[part~="question"] legend');
      assert.ok(legend.startsWith('<script>'), `the question reads as its text: ${legend.slice(0, 60)}`);
      const outcome = await answerSurvey(page, '#gw-survey');
      assert.ok(outcome.includes('<img src="x" onerror='), `the receipt id is shown as text: ${outcome.slice(0, 200)}`);
      assert.ok(gateway.requests.includes(`GET /v1/procedures/${GATEWAY_PROCEDURE}`));
    });

    test('inert and readable: nothing ran or was injected, no dialog, no sideways scrolling, no uncaught exception', async (t) => {
      assert.equal(await payloadRuns(page), 0, 'no hostile payload ran');
      assert.deepEqual(incidents.dialogs, []);
      assert.deepEqual(await injectedElements(page), []);
      assert.equal(await scrollsSideways(page), false, 'the 10,000-character texts wrap');
      assert.deepEqual(incidents.pageErrors, []);
      // The procedure shows one hostile procedure at a time: what is counted is what is on screen at the end.
      const shownNow = await textNodesWith(page, HOSTILE_STRINGS.map(({ text }) => collapse(text).slice(0, 12)));
      t.diagnostic(`${HOSTILE_STRINGS.length} hostile strings tried, ${shownNow} text nodes showing them at the end, ` +
        `${await payloadRuns(page)} payload runs, ${incidents.dialogs.length} dialogs, ${incidents.pageErrors.length} uncaught exceptions`);
    });
  });

  describe(`malformed, wrong-shape and truncated bodies in ${browserName}`, () => {
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    let incidents: Incidents;

    before(async () => {
      browser = await launch(browserName);
      // A fresh context: an empty HTTP cache, so every GET below reaches the proxy (catalogue reads are cacheable).
      context = await browser.createBrowserContext();
      page = await context.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      incidents = await instrument(page);
    });

    after(async () => {
      proxy.set();
      await browser?.close();
    });

    test('dvc-satisfaction-survey: a spoiled form shows the load error, then loads; spoiled receipts show the send error, then one response is stored', async () => {
      proxy.set({ fault: 'malformed', path: '/v1/survey-forms/' });
      await page.goto(`${proxy.url}/hostile/plain.html`, { waitUntil: 'networkidle0' });
      assert.match(await shown(page, 'dvc-satisfaction-survey >>> [part~="alert"]'), /\S/);
      proxy.set();
      await click(page, 'dvc-satisfaction-survey >>> [part~="alert"] button');
      await page.waitForSelector('dvc-satisfaction-survey >>> fieldset[part~="question"]', { timeout: 10_000 });
      const before = (await server.store.listResponses()).length;
      for (const fault of SPOILED) {
        proxy.set({ fault, method: 'POST', path: '/v1/survey-responses' });
        // The previous round's message is marked, so the wait below is for this round's.
        await page.$$eval('dvc-satisfaction-survey >>> [part~="alert"]', (alerts) => alerts.forEach((a) => a.setAttribute('data-seen', '')));
        await answerSurvey(page);
        const problem = await shown(page, 'dvc-satisfaction-survey >>> [part~="alert"]:not([data-seen])');
        assert.match(problem, /Chưa gửi được đánh giá/, `${fault}: ${problem}`);
      }
      proxy.set();
      await click(page, 'dvc-satisfaction-survey >>> button[part~="submit"]');
      assert.match(await shown(page, 'dvc-satisfaction-survey >>> [part~="outcome"]'), /Cảm ơn/);
      assert.equal((await server.store.listResponses()).length - before, 1, 'one response stored, whatever the client saw');
    });

    test('dvc-service-search: each spoiled answer shows the error state, and "Thử lại" recovers', async () => {
      // A new query each round: the previous one's answer is in the browser's HTTP cache.
      for (const [fault, query] of SPOILED.map((f, i) => [f, ['khai sinh', 'thu nghiem', 'khai sinh 1'][i]!] as const)) {
        proxy.set({ fault, path: '/v1/procedures?' });
        await fill(page, 'dvc-service-search >>> input#q', query);
        assert.match(await shown(page, 'dvc-service-search >>> .outcome [part~="alert"]'), /Không tìm được thủ tục/, fault);
        proxy.set();
        await click(page, 'dvc-service-search >>> [part~="retry-button"]');
        await page.waitForSelector('dvc-service-search >>> [part~="result-link"]', { timeout: 10_000 });
      }
    });

    test('dvc-procedure: each spoiled answer shows the error state, and "Thử lại" recovers', async () => {
      for (const [fault, code] of SPOILED.map((f, i) => [f, HOSTILE_CODE(i)] as const)) {
        proxy.set({ fault, path: '/v1/procedures/' });
        await page.evaluate((c) => document.querySelector('dvc-procedure')!.setAttribute('code', c), code);
        assert.match(await shown(page, 'dvc-procedure >>> [part~="alert"]'), /Không tải được thủ tục/, fault);
        proxy.set();
        await click(page, 'dvc-procedure >>> [part~="retry-button"]');
        await page.waitForSelector('dvc-procedure >>> [part~="title"]', { timeout: 10_000 });
      }
    });

    test('dvc-dossier-tracker: each spoiled answer shows the server problem, and "Thử lại" finds the dossier', async () => {
      const dossier = server.demo.find((d) => d.status === 4)!;
      for (const fault of SPOILED) {
        proxy.set({ fault, path: '/v1/dossiers/lookup' });
        await lookUp(page, dossier);
        assert.equal(await page.$eval('dvc-dossier-tracker >>> [part~="alert"]', (el) => el.getAttribute('data-problem')), 'server', fault);
        proxy.set();
        await click(page, 'dvc-dossier-tracker >>> [part~="alert"] button');
        await page.waitForSelector('dvc-dossier-tracker >>> [part~="result"]', { timeout: 10_000 });
        await click(page, 'dvc-dossier-tracker >>> [part~="result"] .actions button');
      }
      assert.deepEqual(incidents.pageErrors, [], 'no uncaught exception on the way');
      assert.deepEqual(await injectedElements(page), []);
    });
  });
}
