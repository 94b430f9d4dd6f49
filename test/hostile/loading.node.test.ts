// How the bundle gets onto real pages: under the strictest CSP a CMS can set (meta http-equiv, Trusted Types
// enforced), pasted twice by two teams, and next to the all-in-one bundle pasted by a third (under a Trusted Types
// policy allowlist). Each time every widget
// must work, once, with no error, no CSP violation, and at most one console warning.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, ConsoleMessage, Page } from 'puppeteer-core';
import type { RunningServer } from '@dvc-kit/reference-api/node';
import { ensureBuilt } from '../support/build.ts';
import { textOf, watchProblems, type PageProblems } from '../support/browser.ts';
import { serveDirectory } from '../support/static-server.ts';
import { browserNames, instrument, launch, payloadRuns, PAYLOAD_JS, startHostileServer, violationsOf, type Incidents } from './support/harness.ts';
import { answerSurvey, click, lookUp, openResult, returnedDossier, searchKhaiSinh } from './support/widgets.ts';

const TAGS = ['dvc-provider', 'dvc-service-search', 'dvc-procedure', 'dvc-dossier-tracker', 'dvc-satisfaction-survey'];
const DUPLICATE_WARNING = /already defined by another copy of dvc-kit/;

let server: RunningServer;

before(async () => {
  ensureBuilt();
  server = await startHostileServer();
});

after(async () => {
  await server?.close();
});

interface Opened {
  page: Page;
  problems: PageProblems;
  incidents: Incidents;
  warnings: string[];
}

async function open(browser: Browser, name: string): Promise<Opened> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const incidents = await instrument(page);
  const warnings: string[] = [];
  page.on('console', (message: ConsoleMessage) => { if (message.type() === 'warn') warnings.push(message.text()); });
  // Warnings are counted on their own above; everything else that goes wrong is a failure.
  const problems = watchProblems(page, { allow: (problem) => problem.startsWith('console.warn') || problem.includes('/favicon.ico') });
  await page.goto(`${server.url}/hostile/${name}.html`, { waitUntil: 'networkidle0' });
  return { page, problems, incidents, warnings };
}

/** Every widget does its main job, including the parts loaded on demand (inline detail, the tracker's survey). */
async function everyWidgetWorks(page: Page): Promise<void> {
  assert.equal((await searchKhaiSinh(page))[0], '1.001193');
  assert.match(await openResult(page, '1.001193'), /Đăng ký khai sinh/);
  assert.match(await textOf(page, 'dvc-procedure >>> [part~="title"]'), /Đăng ký khai sinh/);
  const dossier = returnedDossier(server.demo);
  assert.ok((await lookUp(page, dossier)).includes(dossier.code));
  await click(page, 'dvc-dossier-tracker >>> [part~="survey-invite"] button');
  assert.match(await textOf(page, 'dvc-dossier-tracker >>> dvc-satisfaction-survey >>> [part~="title"]'), /\S/);
  assert.match(await answerSurvey(page), /Cảm ơn/);
}

/** Each tag is registered, and each widget (still in its first state) rendered one form, not two stacked. */
async function oneSetOfElements(page: Page): Promise<void> {
  await page.waitForSelector('dvc-dossier-tracker >>> form', { timeout: 15_000 });
  const state = await page.evaluate((tags) => ({
    defined: tags.filter((tag) => customElements.get(tag)),
    searchBoxes: document.querySelector('dvc-service-search')?.shadowRoot?.querySelectorAll('input#q').length,
    trackerForms: document.querySelector('dvc-dossier-tracker')?.shadowRoot?.querySelectorAll('form').length,
  }), TAGS);
  assert.deepEqual(state, { defined: TAGS, searchBoxes: 1, trackerForms: 1 });
}

async function finish({ page, problems, incidents }: Opened): Promise<void> {
  problems.stop();
  assert.deepEqual(problems.list, []);
  assert.deepEqual(incidents.pageErrors, []);
  assert.deepEqual(await violationsOf(page), []);
  await page.close();
}

for (const browserName of browserNames()) {
  describe(`loading the bundle in ${browserName}`, () => {
    let browser: Browser;
    before(async () => { browser = await launch(browserName); });
    after(async () => { await browser?.close(); });

    test('strict CSP with Trusted Types (csp.html): everything works, nothing is reported, the policy is in force', async () => {
      const opened = await open(browser, 'csp');
      const { page } = opened;
      await oneSetOfElements(page);
      await everyWidgetWorks(page);
      assert.deepEqual(await violationsOf(page), [], 'no CSP violation while the widgets work');
      assert.deepEqual(opened.warnings, []);
      opened.problems.stop();
      assert.deepEqual(opened.problems.list, []);
      assert.deepEqual(opened.incidents.pageErrors, []);
      // A control: the page's own inline script is refused and reported, so the silence above means something.
      const ran = await page.evaluate((payload) => {
        const script = document.createElement('script');
        try { script.textContent = payload; } catch { return 'refused by Trusted Types'; }
        document.head.append(script);
        return 'appended';
      }, PAYLOAD_JS);
      assert.ok(ran === 'appended' || ran === 'refused by Trusted Types');
      await page.waitForFunction(() => ((window as unknown as { __dvcViolations: string[] }).__dvcViolations).length > 0, { timeout: 5_000 });
      assert.equal(await payloadRuns(page), 0, 'the inline script did not run');
      await page.close();
    });

    test('a site on another origin loads the bundle and the API from the dvc-kit server (CORS)', async () => {
      // A commune site embeds from its province's dvc-kit server: module scripts are fetched with CORS, so /cdn/
      // must allow other origins, as the API does for the origins it is told (here '*').
      const dir = mkdtempSync(join(tmpdir(), 'dvc-cross-origin-'));
      writeFileSync(join(dir, 'index.html'), `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Xã</title>
        <script type="module" src="${server.url}/cdn/dvc-kit.js"></script></head><body>
        <dvc-provider base-url="${server.url}"><dvc-service-search><a href="https://dichvucong.gov.vn/">Cổng DVC</a></dvc-service-search>
        <dvc-dossier-tracker></dvc-dossier-tracker></dvc-provider></body></html>`);
      const site = await serveDirectory(dir);
      const page = await browser.newPage();
      try {
        await page.setViewport({ width: 1280, height: 900 });
        const problems = watchProblems(page, { allow: (problem) => problem.includes('/favicon.ico') });
        await page.goto(`${site.url}/`, { waitUntil: 'networkidle0' });
        assert.notEqual(new URL(site.url).origin, new URL(server.url).origin);
        assert.equal((await searchKhaiSinh(page))[0], '1.001193');
        assert.match(await openResult(page, '1.001193'), /Đăng ký khai sinh/);
        const dossier = returnedDossier(server.demo);
        assert.ok((await lookUp(page, dossier)).includes(dossier.code));
        await click(page, 'dvc-dossier-tracker >>> [part~="survey-invite"] button');
        assert.match(await answerSurvey(page, 'dvc-dossier-tracker >>> dvc-satisfaction-survey'), /Cảm ơn/);
        problems.stop();
        assert.deepEqual(problems.list, []);
      } finally {
        await page.close();
        await site.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });

    test('the loader included twice (twice.html): one working set of elements, no warning', async () => {
      const opened = await open(browser, 'twice');
      await oneSetOfElements(opened.page);
      await everyWidgetWorks(opened.page);
      assert.deepEqual(opened.warnings, []);
      await finish(opened);
    });

    test('the loader and the all-in-one bundle under trusted-types lit-html \'allow-duplicates\' (mixed.html): one working set, at most one warning', async () => {
      const opened = await open(browser, 'mixed');
      await oneSetOfElements(opened.page);
      await everyWidgetWorks(opened.page);
      assert.ok(opened.warnings.length <= 1, `warnings: ${opened.warnings.join(' | ')}`);
      for (const warning of opened.warnings) assert.match(warning, DUPLICATE_WARNING);
      await finish(opened);
    });
  });
}
