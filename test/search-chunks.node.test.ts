// <dvc-service-search>'s on-demand chunks in the built bundles. The result list ('search-results') is fetched by the
// first search, and by it, only when a gateway sends no match positions, the SDK's highlighter ('text'); URL sync
// ('url-sync') only by a search with the url-sync attribute; the inline procedure once there are results to open
// inline. The pages run in real Chromium against `npm start` (the reference API plus /cdn/); the gateway without match
// positions is the reference API with the positions taken out of its answers.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { HTTPRequest, Page } from 'puppeteer-core';
import { ensureBuilt } from './support/build.ts';
import { elementChunk, examplesStack, importedOnDemand, readCdn } from './support/host-page.ts';

const chunkNamed = (name: string) => new RegExp(`/chunks/${name}-[\\w-]+\\.js$`);
const searchChunk = () => elementChunk('dvc-service-search');

before(() => ensureBuilt());

describe('the search in the built output', () => {
  for (const name of ['url-sync', 'procedure', 'search-results']) {
    test(`imports the ${name} chunk on demand, never statically`, () => void importedOnDemand(searchChunk(), name));
  }

  test('its result list imports the text chunk on demand, never statically', () => {
    const results = importedOnDemand(searchChunk(), 'search-results');
    importedOnDemand(readCdn(`chunks/${results}`), 'text');
  });
});

describe('the search on a page', () => {
  const stack = examplesStack();

  /** A gateway that sends no match positions: the reference API's answer without them. */
  function unmarked(request: HTTPRequest, url: URL): boolean {
    if (url.pathname !== '/v1/procedures') return false;
    void fetch(url).then(async (response) => {
      const answer = await response.json() as { items: { matches: unknown[] }[] };
      for (const item of answer.items) item.matches = [];
      await request.respond({ status: 200, contentType: 'application/json', body: JSON.stringify(answer) });
    });
    return true;
  }

  /** A page with one search (with `attributes`), loaded from dvc-kit.js, at /host.html + `search`. */
  const visit = (search: string, attributes: string, body: (page: Page, requested: string[]) => Promise<void>,
    options: { unmarked?: boolean } = {}) => stack.visit({
    search, body: `<dvc-service-search base-url="/" ${attributes}></dvc-service-search>`, answer: options.unmarked ? unmarked : undefined,
  }, body);

  const marks = (page: Page) => page.waitForFunction(() => {
    const found = [...document.querySelector('dvc-service-search')!.shadowRoot!.querySelectorAll('.result .name mark')];
    return found.length ? found.map((m) => m.textContent).join(' ') : null;
  }).then((handle) => handle.jsonValue());

  test('searching with match positions fetches neither the highlighter nor URL sync, and the detail once results show', () => visit('', '', async (page, requested) => {
    await page.type('dvc-service-search >>> input#q', 'dang ky khai sinh');
    assert.match(await marks(page) as string, /Đăng.*ký.*khai.*sinh/);
    assert.deepEqual(requested.filter((path) => chunkNamed('(text|url-sync)').test(path)), []);
    // Results open inline: the detail's code comes before the tap, so a double tap meets the procedure, not its fallback link.
    await page.waitForFunction(() => customElements.get('dvc-procedure') !== undefined);
    assert.equal(requested.filter((path) => chunkNamed('procedure').test(path)).length, 1);
  }));

  test('with detail-href (results link to the site\'s own pages) the detail\'s code is never fetched', () => visit('', 'detail-href="/thu-tuc?ma={code}"', async (page, requested) => {
    await page.type('dvc-service-search >>> input#q', 'dang ky khai sinh');
    assert.match(await marks(page) as string, /Đăng.*ký.*khai.*sinh/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.deepEqual(requested.filter((path) => chunkNamed('procedure').test(path)), []);
  }));

  test('a gateway without match positions gets the names highlighted by the text chunk', () => visit('', '', async (page, requested) => {
    await page.type('dvc-service-search >>> input#q', 'dang ky khai sinh');
    assert.match(await marks(page) as string, /Đăng.*ký.*khai.*sinh/);
    assert.equal(requested.filter((path) => chunkNamed('text').test(path)).length, 1);
  }, { unmarked: true }));

  test('url-sync fetches its chunk and starts from the URL', () => visit('?dvc-q=ket+hon', 'url-sync', async (page, requested) => {
    await page.waitForSelector('dvc-service-search >>> [data-code="1.000894"]');
    assert.equal(await page.$eval('dvc-service-search >>> input#q', (input) => (input as HTMLInputElement).value), 'ket hon');
    assert.equal(requested.filter((path) => chunkNamed('url-sync').test(path)).length, 1);
  }));
});
