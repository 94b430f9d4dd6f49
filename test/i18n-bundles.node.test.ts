// English strings in the built bundles. CDN build: each element's English is a small chunk of its own, imported on
// demand, so a Vietnamese page never downloads it; the all-in-one carries it inline; the npm build keeps
// strings-en.js as a module of its own. The pages run in real Chromium against `npm start` (the reference API
// plus /cdn/), including an English chunk that fails to load.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { before, describe, test } from 'node:test';
import type { Page } from 'puppeteer-core';
import { ensureBuilt } from './support/build.ts';
import { textOf } from './support/browser.ts';
import { examplesStack, type HostPage } from './support/host-page.ts';
import { ROOT } from './support/server.ts';

const ELEMENTS = {
  'dvc-service-search': 'service-search',
  'dvc-procedure': 'procedure',
  'dvc-dossier-tracker': 'dossier-tracker',
  'dvc-satisfaction-survey': 'satisfaction-survey',
} as const;
type Tag = keyof typeof ELEMENTS;
type Table = Record<string, string>;

const elements = join(ROOT, 'packages/elements');
const cdn = join(elements, 'dist/cdn');
const read = (path: string) => readFileSync(path, 'utf8');

/** The chunk the loader imports for `tag` (rollup leaves older builds' chunks beside it, so the loader decides). */
function chunkOf(tag: Tag): string {
  const chunk = new RegExp(`"${tag}":\\(\\)=>import\\("\\./([^"]+)"\\)`).exec(read(join(cdn, 'dvc-kit.js')))?.[1];
  assert.ok(chunk, `the loader imports <${tag}>`);
  return join(cdn, chunk);
}

/** The npm build's tables for `folder`, loaded as a consumer's bundler would: English through its dynamic import. */
async function tables(folder: string): Promise<{ vi: Table; en: Table }> {
  const module = await import(pathToFileURL(join(elements, 'dist', folder, 'strings.js')).href) as Record<string, { vi: Table; en: () => Promise<{ en: Table }> }>;
  const [table] = Object.values(module);
  assert.ok(table, `${folder}/strings.js exports its table`);
  return { vi: table.vi, en: (await table.en()).en };
}

/**
 * The English sentences and phrases: strings that differ from the Vietnamese ones (some, like '{label} ({count})',
 * are the same) and have more than one word (a single word such as 'Level' may well be a catalogue label elsewhere).
 */
const englishOnly = ({ vi, en }: { vi: Table; en: Table }) =>
  Object.entries(en).filter(([key, text]) => text !== vi[key] && text.includes(' ')).map(([, text]) => text);

before(() => ensureBuilt());

describe('English strings in the built output', () => {
  for (const [tag, folder] of Object.entries(ELEMENTS) as [Tag, string][]) {
    test(`<${tag}>: its CDN chunk holds no English; a chunk of its own, imported on demand, does`, async () => {
      const english = englishOnly(await tables(folder));
      const code = read(chunkOf(tag));
      assert.deepEqual(english.filter((text) => code.includes(JSON.stringify(text).slice(1, -1))), [], 'English in the element chunk');
      const imports = [...code.matchAll(/import\("\.\/([^"]+)"\)/g)].map((m) => m[1]!).filter((file) => file.startsWith(`${folder}-en-`));
      assert.equal(imports.length, 1, 'one dynamic import of the English chunk');
      assert.doesNotMatch(code, new RegExp(`from\\s*"\\./${folder}-en-`), 'never a static import');
      const en = read(join(cdn, 'chunks', imports[0]!));
      assert.deepEqual(english.filter((text) => !en.includes(JSON.stringify(text).slice(1, -1))), [], 'English missing from its chunk');
    });

    test(`<${tag}>: the npm build has strings-en.js with every key, and the all-in-one has the English inline`, async () => {
      const { vi, en } = await tables(folder);
      assert.deepEqual(Object.keys(en).sort(), Object.keys(vi).sort());
      assert.match(read(join(elements, 'dist', folder, 'strings.js')), /import\('\.\/strings-en\.js'\)/);
      const all = read(join(cdn, 'dvc-kit.all.js'));
      assert.deepEqual(englishOnly({ vi, en }).filter((text) => !all.includes(JSON.stringify(text).slice(1, -1))), []);
      assert.doesNotMatch(all, /import\(/, 'the all-in-one fetches nothing more');
    });
  }
});

describe('English catalogue words in the built output', () => {
  test('the catalogue chunk (search and procedure) holds no English; a chunk of its own, imported on demand, does', async () => {
    const { en } = await import(pathToFileURL(join(elements, 'dist/catalog/strings-en.js')).href) as { en: Record<string, string | Table> };
    const words = Object.values(en).flatMap((value) => (typeof value === 'string' ? [value] : Object.values(value)))
      .filter((word) => word.includes(' '));
    assert.ok(words.length >= 8, 'multi-word English levels, services, channels, fee kinds and units');
    const catalog = /from\s*"\.\/(catalog-[\w-]+\.js)"/.exec(read(chunkOf('dvc-service-search')))?.[1];
    assert.ok(catalog, 'the search imports the catalogue chunk');
    assert.match(read(chunkOf('dvc-procedure')), new RegExp(`from\\s*"\\./${catalog}"`), 'the procedure shares it');
    const code = read(join(cdn, 'chunks', catalog));
    assert.deepEqual(words.filter((word) => code.includes(word)), [], 'English in the catalogue chunk');
    const imports = [...code.matchAll(/import\("\.\/(catalog-en-[^"]+)"\)/g)].map((m) => m[1]!);
    assert.equal(imports.length, 1, 'one dynamic import of the English chunk');
    const chunk = read(join(cdn, 'chunks', imports[0]!));
    assert.deepEqual(words.filter((word) => !chunk.includes(word)), [], 'English missing from its chunk');
  });
});

describe('English strings on a page', () => {
  const stack = examplesStack();

  /** A page in `lang` loading `bundle`: a provider with a procedure and a tracker. */
  const visit = (lang: string, bundle: string, body: (page: Page, requested: string[]) => Promise<void>, options: Omit<HostPage, 'body'> = {}) =>
    stack.visit({ ...options, lang, bundle, body: `<dvc-provider base-url="/"><dvc-procedure code="1.001193"></dvc-procedure>
      <dvc-dossier-tracker></dvc-dossier-tracker></dvc-provider>` }, body);

  const englishChunks = (requested: string[]) => requested.filter((path) => /\/chunks\/[\w-]+-en-[\w-]+\.js$/.test(path));
  const procedureHeadings = (page: Page) =>
    page.$$eval('dvc-procedure >>> section > [role="heading"]', (list) => list.map((h) => (h as HTMLElement).innerText.trim()));

  test('dvc-kit.js on a Vietnamese page downloads no English', () => visit('vi', 'dvc-kit.js', async (page, requested) => {
    assert.equal((await textOf(page, 'dvc-dossier-tracker >>> label[for="code"]')).trim(), 'Mã hồ sơ');
    await page.waitForSelector('dvc-procedure >>> article');
    assert.ok((await procedureHeadings(page)).includes('Cách thức thực hiện'));
    assert.deepEqual(englishChunks(requested), []);
  }));

  test('dvc-kit.js on an English page fetches each element’s English chunk and speaks English', () => visit('en', 'dvc-kit.js', async (page, requested) => {
    assert.equal((await textOf(page, 'dvc-dossier-tracker >>> label[for="code"]')).trim(), 'Dossier code');
    await page.waitForSelector('dvc-procedure >>> article');
    assert.ok((await procedureHeadings(page)).includes('How to submit'));
    assert.match(await textOf(page, 'dvc-procedure >>> [part~="online-badge"]'), /Fully online/);
    // The catalogue's words (levels, channels, fees, units) come with the procedure's English.
    assert.deepEqual(englishChunks(requested).map((path) => /chunks\/([a-z-]+)-en-/.exec(path)?.[1]).sort(), ['catalog', 'dossier-tracker', 'procedure']);
  }));

  test('dvc-kit.all.js speaks English with nothing more to fetch', () => visit('en', 'dvc-kit.all.js', async (page, requested) => {
    assert.equal((await textOf(page, 'dvc-dossier-tracker >>> label[for="code"]')).trim(), 'Dossier code');
    await page.waitForSelector('dvc-procedure >>> article');
    assert.ok((await procedureHeadings(page)).includes('How to submit'));
    assert.deepEqual(requested.filter((path) => path.startsWith('/cdn/')), ['/cdn/dvc-kit.all.js']);
  }));

  test('when the English chunk cannot load, the element shows Vietnamese, and English at the next switch', async () => {
    let offline = true;
    const trackerEnglish = (url: string) => /\/chunks\/dossier-tracker-en-/.test(url);
    await visit('en', 'dvc-kit.js', async (page) => {
      assert.equal((await textOf(page, 'dvc-dossier-tracker >>> label[for="code"]')).trim(), 'Mã hồ sơ', 'Vietnamese rather than nothing');
      offline = false;
      // The switch on the tracker itself: a page-wide one would also reload the procedure (and cancel its request).
      await page.evaluate(() => { document.querySelector('dvc-dossier-tracker')!.lang = 'vi'; });
      await page.evaluate(() => { document.querySelector('dvc-dossier-tracker')!.lang = 'en'; });
      await page.waitForFunction(() =>
        document.querySelector('dvc-dossier-tracker')?.shadowRoot?.querySelector('label[for="code"]')?.textContent?.trim() === 'Dossier code');
    }, { block: (url) => offline && trackerEnglish(url), allow: (problem) => trackerEnglish(problem) });
  });
});
