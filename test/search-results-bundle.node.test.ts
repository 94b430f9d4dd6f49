// <dvc-service-search>'s result list in the built bundles. CDN build: the cards, "load more" and their styles are a
// chunk of their own, imported as the first search request starts, so a page where nobody searches never downloads
// them. The pages run in real Chromium against `npm start` (the reference API plus /cdn/), including a result chunk
// that fails to load and a search made offline.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'puppeteer-core';
import { ensureBuilt } from './support/build.ts';
import { textOf } from './support/browser.ts';
import { elementChunk, examplesStack, readCdn, type HostPage } from './support/host-page.ts';

// The result list and what it shows beyond the form's needs (durations, fees, the online badge: catalog-detail/).
const RESULT_CHUNK = /\/chunks\/(search-results|catalog-detail)-[\w-]+\.js/;

before(() => ensureBuilt());

describe('the search result list in the built output', () => {
  test('is a chunk of its own that the search imports on demand, never statically', () => {
    const code = elementChunk('dvc-service-search');
    const imports = [...code.matchAll(/import\("\.\/(search-results-[\w-]+\.js)"\)/g)].map((m) => m[1]!);
    assert.equal(new Set(imports).size, 1, 'one result chunk, imported on demand');
    assert.doesNotMatch(code, /from\s*"\.\/search-results-/, 'never a static import');
    // The cards, "load more" and the cards' styles come with the result chunk alone.
    assert.doesNotMatch(code, /part="result"|part="load-more"|\.facts\{/);
    const results = readCdn(`chunks/${imports[0]!}`);
    assert.match(results, /part="result"/);
    assert.match(results, /part="load-more"/);
    assert.match(results, /\.facts\{/);
  });

  test('the all-in-one carries it inline', () => {
    const all = readCdn('dvc-kit.all.js');
    assert.match(all, /part="load-more"/);
    assert.doesNotMatch(all, /import\(/, 'the all-in-one fetches nothing more');
  });
});

describe('the search result list on a page', () => {
  const stack = examplesStack();

  /** A page with one search (with `attributes`), loaded from dvc-kit.js. */
  const visit = (attributes: string, body: (page: Page, requested: string[]) => Promise<void>, options: Omit<HostPage, 'body'> = {}) =>
    stack.visit({ ...options, body: `<dvc-service-search base-url="/" ${attributes}></dvc-service-search>` }, body);

  /** Types a query and presses "Tìm kiếm" as a citizen would; resolves with the count line or the alert's title. */
  async function search(page: Page, query: string): Promise<string> {
    await page.waitForSelector('dvc-service-search >>> input#q', { visible: true });
    await page.type('dvc-service-search >>> input#q', query);
    await page.click('dvc-service-search >>> button[type="submit"]');
    return outcome(page);
  }

  async function outcome(page: Page): Promise<string> {
    return textOf(page, 'dvc-service-search >>> .count[part="status"], dvc-service-search >>> .outcome [role="alert"]');
  }

  const retry = (page: Page) => page.evaluate(() => document.querySelector('dvc-service-search')!.shadowRoot!
    .querySelector<HTMLButtonElement>('[part="retry-button"]')!.click());

  /** The first card's name link and whether the cards are styled (their accent rule is the results chunk's). */
  const firstCard = (page: Page) => page.waitForFunction(() => {
    const card = document.querySelector('dvc-service-search')!.shadowRoot!.querySelector<HTMLElement>('.result');
    return card && { name: card.querySelector('[part="result-link"]')!.textContent!.trim(), accent: getComputedStyle(card).borderInlineStartWidth };
  }).then((handle) => handle.jsonValue() as Promise<{ name: string; accent: string }>);

  const resultChunks = (requested: string[]) => requested.filter((path) => RESULT_CHUNK.test(path));

  test('the form never downloads the result list; the first search does, and shows styled results', () => visit('', async (page, requested) => {
    assert.equal((await textOf(page, 'dvc-service-search >>> label[for="q"]')).trim(), 'Tìm thủ tục hành chính');
    assert.deepEqual(resultChunks(requested), []);
    assert.match(await search(page, 'khai sinh'), /\d+ thủ tục/);
    assert.equal(resultChunks(requested).length, 2);
    const card = await firstCard(page);
    assert.match(card.name, /khai sinh/i);
    assert.equal(card.accent, '4px');
    // The online badge, drawn by catalog-detail/, reads as a badge (its pill shape is the base's, its colour the tone's).
    const badge = await page.evaluate(() => {
      const el = document.querySelector('dvc-service-search')!.shadowRoot!.querySelector<HTMLElement>('[part="online-badge"]')!;
      return { text: el.textContent!.trim(), radius: getComputedStyle(el).borderTopLeftRadius };
    });
    assert.match(badge.text, /Trực tuyến|Chưa có dịch vụ trực tuyến/);
    assert.notEqual(badge.radius, '0px');
  }));

  test('a search that starts with a query fetches the result list at once', () => visit('query="kết hôn"', async (page, requested) => {
    await page.waitForSelector('dvc-service-search >>> [data-code="1.000894"]');
    assert.equal(resultChunks(requested).length, 2);
  }));

  test('when the result list cannot load, the citizen may try again, and the retry shows the results', async () => {
    let cut = true;
    await visit('', async (page) => {
      const failed = await search(page, 'khai sinh');
      assert.match(failed, /Không tìm được thủ tục/);
      cut = false;
      await retry(page);
      assert.match((await firstCard(page)).name, /khai sinh/i);
    }, { block: (url) => cut && RESULT_CHUNK.test(url), allow: (problem) => RESULT_CHUNK.test(problem) });
  });

  test('a search made offline does not ask for the result list (a browser may remember the failure), and works once back online', () => visit('', async (page, requested) => {
    await page.waitForSelector('dvc-service-search >>> input#q', { visible: true });
    await page.setOfflineMode(true);
    assert.match(await search(page, 'khai sinh'), /Không có kết nối mạng/);
    assert.deepEqual(resultChunks(requested), []);
    await page.setOfflineMode(false);
    assert.match((await firstCard(page)).name, /khai sinh/i);
    assert.equal(resultChunks(requested).length, 2);
  }, { allow: (problem) => /ERR_INTERNET_DISCONNECTED|net::/.test(problem) }));
});
