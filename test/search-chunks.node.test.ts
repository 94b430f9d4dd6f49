// <dvc-service-search>'s on-demand chunks in the built bundles. The result list ('search-results') is fetched by the
// first search, and by it, only when a gateway sends no match positions, the SDK's highlighter ('text'); URL sync
// ('url-sync') only by a search with the url-sync attribute, the inline procedure only when a result is opened. The
// pages run in real Chromium against `npm start` (the reference API plus /cdn/); the gateway without match positions is
// the reference API with the positions taken out of its answers.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { ensureBuilt } from './support/build.ts';
import { launchBrowser, watchProblems } from './support/browser.ts';
import { ROOT, startExamplesServer, type StartedServer } from './support/server.ts';

const cdn = join(ROOT, 'packages/elements/dist/cdn');
const read = (path: string) => readFileSync(path, 'utf8');
const chunkNamed = (name: string) => new RegExp(`/chunks/${name}-[\\w-]+\\.js$`);

/** The search's chunk, as the loader imports it (rollup leaves older builds' chunks beside it). */
function searchChunk(): string {
  const chunk = /"dvc-service-search":\(\)=>import\("\.\/([^"]+)"\)/.exec(read(join(cdn, 'dvc-kit.js')))?.[1];
  assert.ok(chunk, 'the loader imports <dvc-service-search>');
  return read(join(cdn, chunk));
}

before(() => ensureBuilt());

/** The chunk `code` imports on demand under `name`, asserting it is imported once and never statically. */
function importedOnDemand(code: string, name: string): string {
  const found = [...code.matchAll(new RegExp(`import\\("\\./(${name}-[\\w-]+\\.js)"\\)`, 'g'))];
  assert.equal(found.length, 1);
  assert.doesNotMatch(code, new RegExp(`from\\s*"\\./${name}-`));
  return found[0]![1]!;
}

describe('the search in the built output', () => {
  for (const name of ['url-sync', 'procedure', 'search-results']) {
    test(`imports the ${name} chunk on demand, never statically`, () => void importedOnDemand(searchChunk(), name));
  }

  test('its result list imports the text chunk on demand, never statically', () => {
    const results = importedOnDemand(searchChunk(), 'search-results');
    importedOnDemand(read(join(cdn, 'chunks', results)), 'text');
  });
});

describe('the search on a page', () => {
  let server: StartedServer;
  let browser: Browser;

  before(async () => {
    server = await startExamplesServer();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A host page of our own making (at `path`, query included) with one search loaded from dvc-kit.js. */
  async function visit(path: string, attributes: string, body: (page: Page, requested: string[]) => Promise<void>,
    options: { unmarked?: boolean } = {}): Promise<void> {
    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    const requested: string[] = [];
    await page.setRequestInterception(true);
    page.on('request', (request: HTTPRequest) => {
      const url = new URL(request.url());
      requested.push(url.pathname);
      if (url.pathname === '/search-host.html') {
        return void request.respond({
          status: 200,
          contentType: 'text/html; charset=utf-8',
          body: `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>search</title>
            <link rel="icon" href="data:,"><script type="module" src="/cdn/dvc-kit.js"></script></head><body>
            <dvc-service-search base-url="/" ${attributes}></dvc-service-search></body></html>`,
        });
      }
      if (!options.unmarked || url.pathname !== '/v1/procedures') return void request.continue();
      // A gateway that sends no match positions: the reference API's answer without them.
      void fetch(url).then(async (response) => {
        const answer = await response.json() as { items: { matches: unknown[] }[] };
        for (const item of answer.items) item.matches = [];
        await request.respond({ status: 200, contentType: 'application/json', body: JSON.stringify(answer) });
      });
    });
    const problems = watchProblems(page);
    try {
      await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle0' });
      await body(page, requested);
    } finally {
      problems.stop();
      await page.close();
    }
    assert.deepEqual(problems.list, [], 'problems on the page');
  }

  const marks = (page: Page) => page.waitForFunction(() => {
    const found = [...document.querySelector('dvc-service-search')!.shadowRoot!.querySelectorAll('.result .name mark')];
    return found.length ? found.map((m) => m.textContent).join(' ') : null;
  }).then((handle) => handle.jsonValue());

  test('searching with match positions fetches neither the highlighter nor URL sync', () => visit('/search-host.html', '', async (page, requested) => {
    await page.type('dvc-service-search >>> input#q', 'dang ky khai sinh');
    assert.match(await marks(page) as string, /Đăng.*ký.*khai.*sinh/);
    assert.deepEqual(requested.filter((path) => chunkNamed('(text|url-sync|procedure)').test(path)), []);
  }));

  test('a gateway without match positions gets the names highlighted by the text chunk', () => visit('/search-host.html', '', async (page, requested) => {
    await page.type('dvc-service-search >>> input#q', 'dang ky khai sinh');
    assert.match(await marks(page) as string, /Đăng.*ký.*khai.*sinh/);
    assert.equal(requested.filter((path) => chunkNamed('text').test(path)).length, 1);
  }, { unmarked: true }));

  test('url-sync fetches its chunk and starts from the URL', () => visit('/search-host.html?dvc-q=ket+hon', 'url-sync', async (page, requested) => {
    await page.waitForSelector('dvc-service-search >>> [data-code="1.000894"]');
    assert.equal(await page.$eval('dvc-service-search >>> input#q', (input) => (input as HTMLInputElement).value), 'ket hon');
    assert.equal(requested.filter((path) => chunkNamed('url-sync').test(path)).length, 1);
  }));
});
