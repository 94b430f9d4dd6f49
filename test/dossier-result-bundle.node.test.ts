// <dvc-dossier-tracker>'s result view in the built bundles. CDN build: the view (status, facts, supplements, history)
// is a chunk of its own, imported by the first lookup, so a page where nobody looks a dossier up never downloads it.
// The pages run in real Chromium against `npm start` (the reference API plus /cdn/), including a result chunk that
// fails to load and a lookup made offline.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'puppeteer-core';
import { ensureBuilt } from './support/build.ts';
import { textOf } from './support/browser.ts';
import { elementChunk, examplesStack, readCdn, type HostPage } from './support/host-page.ts';
import type { PrintedDossier } from './support/server.ts';
import { axeViolations } from './hostile/support/axe.ts';

const RESULT_CHUNK = /\/chunks\/dossier-result-[\w-]+\.js/;

before(() => ensureBuilt());

describe('the tracker result view in the built output', () => {
  test('is a chunk of its own that the tracker imports on demand, never statically', () => {
    const code = elementChunk('dvc-dossier-tracker');
    const imports = [...code.matchAll(/import\("\.\/(dossier-result-[\w-]+\.js)"\)/g)].map((m) => m[1]!);
    assert.equal(new Set(imports).size, 1, 'one result chunk, imported on demand');
    assert.doesNotMatch(code, /from\s*"\.\/dossier-result-/, 'never a static import');
    // The history timeline and the supplement cards are drawn by the result chunk alone.
    assert.doesNotMatch(code, /class="timeline"|class="supplement /);
    assert.match(readCdn(`chunks/${imports[0]!}`), /class="timeline"/);
  });

  test('the all-in-one carries it inline', () => {
    const all = readCdn('dvc-kit.all.js');
    assert.match(all, /class="timeline"/);
    assert.doesNotMatch(all, /import\(/, 'the all-in-one fetches nothing more');
  });
});

describe('the tracker result view on a page', () => {
  const stack = examplesStack();
  let dossier: PrintedDossier;
  before(() => { dossier = stack.server().dossiers[0]!; });

  /** A page with one tracker, loaded from dvc-kit.js. */
  const visit = (body: (page: Page, requested: string[]) => Promise<void>, options: Omit<HostPage, 'body'> = {}) =>
    stack.visit({ ...options, body: '<dvc-dossier-tracker base-url="/"></dvc-dossier-tracker>' }, body);

  /** Fills the form as a citizen would and presses "Tra cứu"; resolves with the result heading or the problem. */
  async function lookUp(page: Page, which: PrintedDossier = dossier): Promise<{ id: string; text: string }> {
    await page.waitForSelector('dvc-dossier-tracker >>> #code', { visible: true });
    await page.evaluate((code, idNumber) => {
      const root = document.querySelector('dvc-dossier-tracker')!.shadowRoot!;
      const input = root.querySelector<HTMLInputElement>('#code')!;
      input.value = code;
      input.dispatchEvent(new Event('input'));
      root.querySelector<HTMLInputElement>('#id-number')!.value = idNumber;
      root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    }, which.code, which.idNumber);
    const outcome = await page.waitForSelector('dvc-dossier-tracker >>> #result-title, dvc-dossier-tracker >>> #problem', { visible: true });
    const found = await outcome!.evaluate((el) => ({ id: el.id, text: (el as HTMLElement).innerText.trim(), problem: el.getAttribute('data-problem') }));
    await outcome!.dispose();
    return { id: found.problem ?? found.id, text: found.text };
  }

  const resultChunks = (requested: string[]) => requested.filter((path) => RESULT_CHUNK.test(path));

  test('the form never downloads the result view; the first lookup does, and shows the dossier', () => visit(async (page, requested) => {
    assert.equal((await textOf(page, 'dvc-dossier-tracker >>> label[for="code"]')).trim(), 'Mã hồ sơ');
    assert.deepEqual(resultChunks(requested), []);
    const outcome = await lookUp(page);
    assert.deepEqual(outcome, { id: 'result-title', text: `Hồ sơ ${dossier.code}` });
    assert.equal(resultChunks(requested).length, 1);
    assert.match(await textOf(page, 'dvc-dossier-tracker >>> [part~="status"]'), /\S/);
    assert.match(await textOf(page, 'dvc-dossier-tracker >>> [part~="history"]'), /\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/);
  }));

  test('when the result view cannot load, the citizen may try again, and the retry shows the dossier', async () => {
    let cut = true;
    await visit(async (page) => {
      const outcome = await lookUp(page);
      assert.equal(outcome.id, 'network');
      assert.match(outcome.text, /Không kết nối được/);
      cut = false;
      await page.evaluate(() => document.querySelector('dvc-dossier-tracker')!.shadowRoot!.querySelector<HTMLButtonElement>('#problem button')!.click());
      assert.equal((await textOf(page, 'dvc-dossier-tracker >>> #result-title')).trim(), `Hồ sơ ${dossier.code}`);
    }, { block: (url) => cut && RESULT_CHUNK.test(url), allow: (problem) => RESULT_CHUNK.test(problem) });
  });

  test('when the survey cannot load, the invitation says so, and its button tries again', async () => {
    const SURVEY_CHUNK = /\/chunks\/satisfaction-survey-(?!en-)[\w-]+\.js/;
    const returned = stack.server().dossiers.find((d) => /status 10\b/.test(d.scenario));
    assert.ok(returned, 'npm start prints a returned dossier');
    let cut = true;
    await visit(async (page) => {
      const outcome = await lookUp(page, returned);
      assert.equal(outcome.id, 'result-title');
      const press = () => page.evaluate(() => document.querySelector('dvc-dossier-tracker')!.shadowRoot!
        .querySelector<HTMLButtonElement>('[part~="survey-invite"] button')!.click());
      await press();
      await page.waitForSelector('dvc-dossier-tracker >>> .survey-failed', { visible: true });
      assert.match(await textOf(page, 'dvc-dossier-tracker >>> [part~="survey-invite"]'), /Chưa tải được phiếu đánh giá/);
      assert.match(await textOf(page, 'dvc-dossier-tracker >>> [role="status"]'), /Chưa tải được phiếu đánh giá/);
      assert.deepEqual(await axeViolations(page, 'dvc-dossier-tracker'), []);
      cut = false;
      await press();
      await page.waitForSelector('dvc-dossier-tracker >>> dvc-satisfaction-survey >>> fieldset', { visible: true });
      assert.equal(await page.$('dvc-dossier-tracker >>> .survey-failed'), null);
    }, { block: (url) => cut && SURVEY_CHUNK.test(url), allow: (problem) => SURVEY_CHUNK.test(problem) });
  });

  test('a lookup made offline does not ask for the result view (a browser may remember the failure), and works once back online', () => visit(async (page, requested) => {
    await page.waitForSelector('dvc-dossier-tracker >>> #code', { visible: true });
    await page.setOfflineMode(true);
    const outcome = await lookUp(page);
    assert.equal(outcome.id, 'offline');
    assert.deepEqual(resultChunks(requested), []);
    await page.setOfflineMode(false);
    await page.evaluate(() => document.querySelector('dvc-dossier-tracker')!.shadowRoot!.querySelector<HTMLButtonElement>('#problem button')!.click());
    assert.equal((await textOf(page, 'dvc-dossier-tracker >>> #result-title')).trim(), `Hồ sơ ${dossier.code}`);
    assert.equal(resultChunks(requested).length, 1);
  }, { allow: (problem) => /ERR_INTERNET_DISCONNECTED|net::/.test(problem) }));
});
