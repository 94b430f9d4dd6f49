// Every example page, served by `npm start` (scripts/start.mjs on a free port, building first if needed), driven in
// real Chromium as a citizen would: the widgets upgrade, "khai sinh" finds Đăng ký khai sinh (1.001193), a demo
// dossier is found, and nothing goes wrong on the way (no console error or warning, which includes CSP
// violations under the pages' `default-src 'self'`; no failed or 4xx/5xx request).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { ensureBuilt } from './support/build.ts';
import { launchBrowser, textOf, watchProblems } from './support/browser.ts';
import { startExamplesServer, type PrintedDossier, type StartedServer } from './support/server.ts';

let server: StartedServer;
let browser: Browser;

before(async () => {
  ensureBuilt();
  server = await startExamplesServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

interface VisitOptions {
  width?: number;
  /** Runs before the page loads (e.g. request interception). */
  setup?: (page: Page) => Promise<void>;
  /** Problems this test expects (they are not failures). */
  allow?: (problem: string) => boolean;
}

/**
 * Opens `path` in a fresh tab, runs `body`, then requires that the page had no problems. When `body` fails, the
 * page's problems (a failed chunk, a CSP violation…) are added to the error: they are usually the reason.
 */
async function visit(path: string, body: (page: Page) => Promise<void>, options: VisitOptions = {}): Promise<void> {
  const page = await browser.newPage();
  page.setDefaultTimeout(15_000);
  await page.setViewport({ width: options.width ?? 1280, height: 900 });
  await options.setup?.(page);
  const problems = watchProblems(page, { allow: options.allow });
  try {
    await page.goto(server.url + path, { waitUntil: 'networkidle0' });
    await body(page);
  } catch (error) {
    if (error instanceof Error && problems.list.length) error.message += `\nproblems on ${path}:\n  ${problems.list.join('\n  ')}`;
    throw error;
  } finally {
    problems.stop();
    await page.close();
  }
  assert.deepEqual(problems.list, [], `problems on ${path}`);
}

/** Types into the search box and waits for the result for 1.001193; returns the result codes shown. */
async function searchKhaiSinh(page: Page, host = 'dvc-service-search'): Promise<string[]> {
  await page.locator(`${host} >>> input#q`).fill('khai sinh');
  await page.waitForSelector(`${host} >>> [part~="result-link"][data-code="1.001193"]`);
  return page.$$eval(`${host} >>> [part~="result-link"]`, (links) => links.map((link) => link.getAttribute('data-code') ?? ''));
}

/** Light-DOM fallback children are hidden once the element works (no layout boxes). */
async function fallbackHidden(page: Page, host: string): Promise<boolean> {
  return page.$eval(host, (el) => [...el.children].every((child) => child.getClientRects().length === 0));
}

async function lookUp(page: Page, dossier: PrintedDossier, host = 'dvc-dossier-tracker'): Promise<string> {
  await page.locator(`${host} >>> input#code`).fill(dossier.code);
  await page.locator(`${host} >>> input#id-number`).fill(dossier.idNumber);
  await page.locator(`${host} >>> button[part~="submit"]`).click();
  return textOf(page, `${host} >>> [part~="result"]`);
}

function featured(match: string): PrintedDossier {
  const dossier = server.dossiers.find((d) => d.scenario.includes(match));
  assert.ok(dossier, `npm start prints a demo dossier with "${match}" (printed: ${server.dossiers.map((d) => d.scenario).join('; ')})`);
  return dossier;
}

describe('examples served by npm start', () => {
  test('the examples index links every example, and each link opens a page', () => visit('/examples/', async (page) => {
    const links = await page.$$eval('main a', (anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
    assert.equal(links.length, 5);
    for (const link of links) {
      const response = await page.goto(link, { waitUntil: 'domcontentloaded' });
      assert.equal(response?.status(), 200, link);
    }
  }));

  test('commune page: commune-level search, a dossier with a supplement request, the survey form', () => visit('/examples/commune/', async (page) => {
    assert.equal(await page.$eval('html', (el) => el.lang), 'vi');

    const codes = await searchKhaiSinh(page);
    assert.equal(codes[0], '1.001193', 'the exact name ranks first');
    // The level is preset to commune, so the widget offers no level filter, and the query is kept in the address.
    assert.equal(await page.$('dvc-service-search >>> select#level'), null);
    assert.match(page.url(), /[?&]dvc-q=khai(\+|%20)sinh/);
    assert.ok(await fallbackHidden(page, 'dvc-service-search'));

    const supplement = featured('supplement');
    const result = await lookUp(page, supplement);
    assert.ok(result.includes(supplement.code), 'the result names the dossier');
    assert.match(result, /Yêu cầu bổ sung/);
    assert.ok(!result.includes(supplement.idNumber), 'the ID number is never shown back');

    const survey = await textOf(page, 'dvc-satisfaction-survey >>> [part~="question"]');
    assert.ok(survey.length > 10, 'the general survey renders its first question');
  }));

  test('commune page: nothing jumps while the widgets load (CLS under 0.1 in a tall window)', async () => {
    // A tall window shows every panel, so a widget growing in place would push the others in view. The page keeps
    // the search's and the tracker's room until each one is ready (`:state(ready)` in commune.css).
    const page = await browser.newPage();
    try {
      await page.setViewport({ width: 1280, height: 1400 });
      await page.evaluateOnNewDocument(() => {
        const page = window as unknown as { __cls: number };
        page.__cls = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
            if (!entry.hadRecentInput) page.__cls += entry.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(server.url + '/examples/commune/', { waitUntil: 'networkidle0' });
      await page.waitForSelector('dvc-satisfaction-survey >>> fieldset');
      const cls = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
      assert.ok(cls < 0.1, `cumulative layout shift ${cls.toFixed(3)}`);
      assert.ok(await page.$eval('dvc-service-search', (el) => el.matches(':state(ready)')), 'the search is ready');
    } finally {
      await page.close();
    }
  });

  test('department page: search preset to hộ tịch links to the site\'s own procedure page', () => visit('/examples/department/', async (page) => {
    await searchKhaiSinh(page);
    assert.equal(await page.$('dvc-service-search >>> select#field'), null, 'the field is preset, so not offered');
    const href = await page.$eval('dvc-service-search >>> a[data-code="1.001193"]', (a) => (a as HTMLAnchorElement).href);
    assert.equal(href, `${server.url}/examples/department/thu-tuc.html?ma=1.001193`);

    await Promise.all([
      page.waitForNavigation({ waitUntil: 'networkidle0' }),
      page.locator('dvc-service-search >>> a[data-code="1.001193"]').click(),
    ]);
    assert.equal(new URL(page.url()).pathname, '/examples/department/thu-tuc.html');
    const detail = await textOf(page, 'dvc-procedure >>> [part~="title"]');
    assert.match(detail, /Đăng ký khai sinh/);
    const submit = await page.$eval('dvc-procedure >>> a[part~="submit-link"]', (a) => a.getAttribute('href'));
    assert.match(submit ?? '', /ma_thu_tuc=1\.001193$/);
  }));

  test('plain page: one script tag and one element work', () => visit('/examples/plain/', async (page) => {
    const scripts = await page.$$eval('script', (list) => list.map((s) => s.getAttribute('src')));
    assert.deepEqual(scripts, ['/cdn/dvc-kit.js']);
    await searchKhaiSinh(page);
    assert.ok(await fallbackHidden(page, 'dvc-service-search'));
  }));

  test('plain page: when the script cannot load, the fallback link to the national portal stays', () => visit('/examples/plain/', async (page) => {
    const link = await page.$eval('dvc-service-search a', (a) => ({ href: (a as HTMLAnchorElement).href, shown: a.getClientRects().length > 0 }));
    assert.deepEqual(link, { href: 'https://dichvucong.gov.vn/', shown: true });
  }, {
    async setup(page) {
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        if (new URL(request.url()).pathname.startsWith('/cdn/')) void request.abort('blockedbyclient');
        else void request.continue();
      });
    },
    allow: (problem) => problem.includes('/cdn/dvc-kit.js'),
  }));

  // The policies docs/embedding.md tells a web team to use: nothing but the script and the API, no style-src at
  // all (Lit styles through constructable stylesheets), and Trusted Types with Lit's one policy.
  const POLICIES = [
    "default-src 'none'; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'",
    "default-src 'none'; script-src 'self'; connect-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html",
  ];
  for (const bundle of ['dvc-kit.js', 'dvc-kit.all.js']) {
    for (const [index, policy] of POLICIES.entries()) {
      test(`${bundle} works under documented strict CSP #${index + 1} (sent as a header)`, () => visit('/csp-host.html', async (page) => {
        await searchKhaiSinh(page);
        await textOf(page, 'dvc-satisfaction-survey >>> [part~="question"]');
      }, {
        async setup(page) {
          await page.setRequestInterception(true);
          // A host page of our own making, served on the API's origin with the policy as a real response header.
          page.on('request', (request) => {
            if (!request.url().endsWith('/csp-host.html')) return void request.continue();
            void request.respond({
              status: 200,
              contentType: 'text/html; charset=utf-8',
              headers: { 'content-security-policy': policy },
              body: `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>CSP</title>
                <script type="module" src="/cdn/${bundle}"></script></head><body><dvc-provider base-url="/">
                <dvc-service-search></dvc-service-search><dvc-satisfaction-survey form="general"></dvc-satisfaction-survey>
                </dvc-provider></body></html>`,
            });
          });
        },
        // This bare host page has no icon; Chromium's automatic /favicon.ico request is not dvc-kit's doing.
        allow: (problem) => problem.includes('/favicon.ico'),
      }));
    }
  }

  test('Vite app: the SDK lists fields, the element searches and reports the chosen procedure', () => visit('/examples/vite-app/', async (page) => {
    await page.waitForSelector('#fields button[data-field="ho-tich"]');
    assert.equal(await page.$$eval('#fields button', (buttons) => buttons.length), 7, '"all" and the six largest fields');
    await page.locator('#fields button[data-field="ho-tich"]').click();
    assert.equal(await page.$eval('dvc-service-search', (el) => el.getAttribute('field')), 'ho-tich');

    await searchKhaiSinh(page);
    await page.locator('dvc-service-search >>> [data-code="1.001193"]').click();
    assert.match(await textOf(page, '#chosen'), /Đăng ký khai sinh \(mã 1\.001193\)/);
    // The search then opens the procedure inline (its code loaded on demand).
    assert.match(await textOf(page, 'dvc-service-search >>> dvc-procedure >>> [part~="title"]'), /Đăng ký khai sinh/);
  }));

  test('React app: JSX attributes and ondvc-select work, the lang switch reaches the widgets, the tracker finds a dossier', () => visit('/examples/react-app/', async (page) => {
    await searchKhaiSinh(page);
    await page.locator('dvc-service-search >>> [data-code="1.001193"]').click();
    assert.match(await textOf(page, '.recent li'), /Đăng ký khai sinh\s+1\.001193/);

    const labelVi = await textOf(page, 'dvc-dossier-tracker >>> label[for="code"]');
    await page.select('.lang select', 'en');
    await page.waitForFunction(
      (before) => {
        const tracker = document.querySelector('dvc-dossier-tracker');
        const label = tracker?.shadowRoot?.querySelector('label[for="code"]')?.textContent?.trim();
        return label && label !== before;
      },
      {},
      labelVi.trim(),
    );
    const result = await lookUp(page, featured('status 10'));
    assert.match(result, /Dossier/i, 'the result speaks English after the switch');
  }, { width: 360 }));
});
