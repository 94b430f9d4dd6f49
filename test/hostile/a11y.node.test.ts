// Accessibility sweep of the built widgets inside a host page (legacy.html: the CMS page with the old framework and
// the narrow sidebar): axe's WCAG 2.x A/AA rules on every state a citizen can reach, faults included (through the
// SDK's fault proxy); then, in Chromium (puppeteer has no media emulation over Firefox's WebDriver BiDi), forced
// colours, reduced motion, a 320 px wide phone and 200 % zoom without horizontal scrolling.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import type { RunningServer } from '@dvc-kit/reference-api/node';
import { startFaultProxy, type FaultProxy } from '../../packages/sdk/test/support/fault-proxy.ts';
import { ensureBuilt } from '../support/build.ts';
import { axeViolations } from './support/axe.ts';
import { widgetOverflow } from './support/checks.ts';
import { browserNames, instrument, launch, screenshot, startHostileServer, type Incidents } from './support/harness.ts';
import { answerSurvey, click, fill, lookUp, openResult, returnedDossier, type ElementTag } from './support/widgets.ts';

let server: RunningServer;
let proxy: FaultProxy;

before(async () => {
  ensureBuilt();
  server = await startHostileServer();
  proxy = await startFaultProxy(server.url);
});

after(async () => {
  await proxy?.close();
  await server?.close();
});

const wait = (page: Page, selector: string, timeout = 15_000) => page.waitForSelector(selector, { timeout }).then((h) => h?.dispose());

interface State {
  element: ElementTag;
  name: string;
  reach(page: Page): Promise<void>;
}

const S = 'dvc-service-search';
const P = 'dvc-procedure';
const T = 'dvc-dossier-tracker';
const Q = 'dvc-satisfaction-survey';

/** Every state, in the order a session reaches them; faults are set just before and cleared just after. */
function states(): State[] {
  const dossier = returnedDossier(server.demo);
  const faulted = (rule: Parameters<FaultProxy['set']>[0], reach: (page: Page) => Promise<void>) => async (page: Page) => {
    proxy.set(rule);
    try { await reach(page); } finally { proxy.set(); }
  };
  return [
    { element: S, name: 'start', reach: (page) => wait(page, `${S} >>> input#q`) },
    { element: P, name: 'loaded', reach: (page) => wait(page, `${P} >>> [part~="title"]`) },
    { element: T, name: 'form', reach: (page) => wait(page, `${T} >>> form`) },
    { element: Q, name: 'form', reach: (page) => wait(page, `${Q} >>> fieldset`) },
    {
      element: S, name: 'loading', reach: async (page) => {
        proxy.set({ fault: 'delay', delayMs: 3_000, path: '/v1/procedures?' });
        await fill(page, `${S} >>> input#q`, 'chung thuc');
        await wait(page, `${S} >>> [aria-busy="true"]`);
      },
    },
    { element: S, name: 'results', reach: async (page) => { proxy.set(); await wait(page, `${S} >>> ul.results[aria-busy="false"]`, 10_000); } },
    { element: S, name: 'more results', reach: async (page) => { await click(page, `${S} >>> [part~="load-more"]`); await wait(page, `${S} >>> [part~="result"]:nth-child(11)`); } },
    { element: S, name: 'empty', reach: async (page) => { await fill(page, `${S} >>> input#q`, 'zzqqxx'); await wait(page, `${S} >>> .empty`); } },
    { element: S, name: 'error', reach: faulted({ fault: 'status', status: 500, path: '/v1/procedures?' }, async (page) => { await fill(page, `${S} >>> input#q`, 'ket hon'); await wait(page, `${S} >>> .outcome .alert`); }) },
    { element: S, name: 'rate-limited', reach: faulted({ fault: 'status', status: 429, retryAfter: 60, path: '/v1/procedures?' }, async (page) => { await fill(page, `${S} >>> input#q`, 'tam tru'); await wait(page, `${S} >>> [part~="retry-button"][disabled]`); }) },
    { element: S, name: 'inline detail', reach: async (page) => { await fill(page, `${S} >>> input#q`, 'khai sinh'); await openResult(page, '1.001193'); } },
    { element: P, name: 'not found', reach: async (page) => { await page.evaluate(() => document.querySelector('dvc-procedure')!.setAttribute('code', '1.999999')); await wait(page, `${P} >>> [part~="portal-link"]`); } },
    { element: P, name: 'error', reach: faulted({ fault: 'status', status: 500, path: '/v1/procedures/' }, async (page) => { await page.evaluate(() => document.querySelector('dvc-procedure')!.setAttribute('code', '1.000656')); await wait(page, `${P} >>> [part~="retry-button"]`); }) },
    { element: T, name: 'field errors', reach: async (page) => { await click(page, `${T} >>> button[part~="submit"]`); await wait(page, `${T} >>> #error-summary`); } },
    { element: T, name: 'not found', reach: async (page) => { await lookUp(page, { code: dossier.code, idNumber: '012345678999' }); await wait(page, `${T} >>> [data-problem="not-found"]`); } },
    { element: T, name: 'server error', reach: faulted({ fault: 'status', status: 500, path: '/v1/dossiers/lookup' }, async (page) => { await lookUp(page, dossier); await wait(page, `${T} >>> [data-problem="server"]`); }) },
    { element: T, name: 'rate-limited', reach: faulted({ fault: 'status', status: 429, retryAfter: 2, path: '/v1/dossiers/lookup' }, async (page) => { await lookUp(page, dossier); await wait(page, `${T} >>> [data-problem="rate-limited"]`); }) },
    { element: T, name: 'result', reach: async (page) => { await wait(page, `${T} >>> button[part~="submit"]:not([disabled])`, 5_000); await lookUp(page, dossier); await wait(page, `${T} >>> [part~="result"]`); } },
    { element: T, name: 'full history', reach: (page) => click(page, `${T} >>> [aria-controls="history"]`) },
    { element: T, name: 'survey opened', reach: async (page) => { await click(page, `${T} >>> [part~="survey-invite"] button`); await wait(page, `${T} >>> ${Q} >>> fieldset`); } },
    { element: Q, name: 'answers missing', reach: async (page) => { await click(page, `${Q} >>> button[part~="submit"]`); await wait(page, `${Q} >>> #error-summary`); } },
    { element: Q, name: 'sent', reach: async (page) => { await answerSurvey(page); await wait(page, `${Q} >>> [data-outcome="sent"]`); } },
    {
      element: Q, name: 'kept on the device', reach: async (page) => {
        await page.evaluate(() => {
          const fresh = document.createElement('dvc-satisfaction-survey');
          fresh.setAttribute('form', 'general');
          document.querySelector('dvc-satisfaction-survey')!.replaceWith(fresh);
        });
        proxy.set({ fault: 'drop', path: '/v1/survey-responses' });
        await answerSurvey(page);
        await wait(page, `${Q} >>> [data-outcome="queued"]`);
        proxy.set();
      },
    },
  ];
}

async function open(browser: Browser, width: number, deviceScaleFactor = 1): Promise<{ page: Page; incidents: Incidents }> {
  const page = await (await browser.createBrowserContext()).newPage();
  await page.setViewport({ width, height: 900, deviceScaleFactor });
  const incidents = await instrument(page);
  await page.goto(`${proxy.url}/hostile/legacy.html`, { waitUntil: 'networkidle0' });
  return { page, incidents };
}

for (const browserName of browserNames('deep')) {
  describe(`accessibility in ${browserName}`, () => {
    let browser: Browser;
    before(async () => { browser = await launch(browserName); });
    after(async () => { proxy.set(); await browser?.close(); });

    test('axe finds no WCAG A/AA violation in any state of any widget', async (t) => {
      const { page, incidents } = await open(browser, 1280);
      const violations: string[] = [];
      for (const state of states()) {
        await state.reach(page);
        const found = await axeViolations(page, state.element);
        t.diagnostic(`${state.element.padEnd(24)} ${state.name.padEnd(20)} ${found.length ? 'FAIL' : 'pass'}`);
        violations.push(...found.map((v) => `[${state.name}] ${v}`));
      }
      assert.deepEqual(violations, []);
      assert.deepEqual(incidents.pageErrors, []);
      await page.close();
    });

    if (browserName !== 'chromium') return;

    test('forced colours: fields, buttons, alerts and badges keep visible edges; axe still passes', async () => {
      const { page } = await open(browser, 1280);
      await page.emulateMediaFeatures([{ name: 'forced-colors', value: 'active' }]);
      await lookUp(page, returnedDossier(server.demo));
      const edgeless = await page.evaluate(() => {
        const found: string[] = [];
        for (const host of document.querySelectorAll('dvc-service-search, dvc-procedure, dvc-dossier-tracker, dvc-satisfaction-survey')) {
          // Link-styled buttons ("Xem toàn bộ … bước") are links to the eye, drawn in LinkText without a box.
          for (const el of host.shadowRoot!.querySelectorAll<HTMLElement>('input:not([type=radio]), select, textarea, button.button:not(.link-like), .alert, .badge')) {
            const style = getComputedStyle(el);
            if (style.borderTopStyle === 'none' || parseFloat(style.borderTopWidth) === 0) found.push(`${host.localName} ${el.localName}.${el.className}`);
          }
        }
        return found;
      });
      assert.deepEqual(edgeless, [], 'every control and message keeps a border when backgrounds are replaced');
      for (const tag of ['dvc-service-search', 'dvc-dossier-tracker', 'dvc-satisfaction-survey'] as const) {
        assert.deepEqual(await axeViolations(page, tag), []);
      }
      await screenshot(page, `${browserName}-forced-colors`);
      await page.close();
    });

    test('reduced motion: the loading skeletons and spinners stand still (and move without it)', async () => {
      const { page } = await open(browser, 1280);
      proxy.set({ fault: 'delay', delayMs: 4_000, path: '/v1/' });
      await fill(page, `${S} >>> input#q`, 'khai sinh');
      const dossier = returnedDossier(server.demo);
      await fill(page, `${T} >>> input#code`, dossier.code);
      await fill(page, `${T} >>> input#id-number`, dossier.idNumber);
      await click(page, `${T} >>> button[part~="submit"]`);
      await wait(page, `${S} >>> .skeleton`);
      await wait(page, `${T} >>> .spinner`);
      const animations = () => page.evaluate(() => {
        const names: string[] = [];
        for (const host of document.querySelectorAll('dvc-service-search, dvc-dossier-tracker')) {
          for (const el of host.shadowRoot!.querySelectorAll('.skeleton, .spinner')) names.push(getComputedStyle(el).animationName);
        }
        return names;
      });
      await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
      const reduced = await animations();
      await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'no-preference' }]);
      const normal = await animations();
      proxy.set();
      assert.ok(reduced.length >= 2, 'skeletons and a spinner were on screen');
      assert.deepEqual(reduced.filter((name) => name !== 'none'), []);
      assert.ok(normal.every((name) => name !== 'none'), `they animate without the preference: ${normal.join(', ')}`);
      await page.close();
    });

    for (const [label, width, scale] of [['a 320 px phone', 320, 3], ['200 % zoom (1280 px at 2x: 640 CSS px)', 640, 2]] as const) {
      test(`${label}: the widgets need no horizontal scrolling in any main state`, async () => {
        const { page } = await open(browser, width, scale);
        const sideways: string[] = [];
        const check = async (state: string) => { sideways.push(...(await widgetOverflow(page)).map((part) => `[${state}] ${part}`)); };
        await check('start');
        await fill(page, `${S} >>> input#q`, 'khai sinh');
        await wait(page, `${S} >>> [part~="result-link"]`);
        await check('results');
        await openResult(page, '1.001193');
        await check('inline detail');
        await lookUp(page, returnedDossier(server.demo));
        await click(page, `${T} >>> [aria-controls="history"]`);
        await check('dossier with full history');
        await answerSurvey(page);
        await check('survey sent');
        await screenshot(page, `${browserName}-legacy-${width}px`);
        assert.deepEqual(sideways, []);
        await page.close();
      });
    }
  });
}
