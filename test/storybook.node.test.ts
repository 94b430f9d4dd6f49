// The static Storybook (`npm run build-storybook`, rebuilt here when older than its sources), served on 127.0.0.1
// and opened in Chromium story by story: every story must finish with Storybook's own verdict "success" (its
// play function passed and the a11y addon, set to `test: 'error'`, found no violation), every dvc-* element on
// the canvas must have upgraded and rendered, and the console must stay free of errors. Docs pages must render too.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { launchBrowser } from './support/browser.ts';
import { newest } from './support/build.ts';
import { ROOT } from './support/server.ts';
import { serveDirectory, type StaticServer } from './support/static-server.ts';

const STATIC = join(ROOT, 'storybook-static');
const SOURCES = ['stories', '.storybook', 'packages/elements/src', 'packages/sdk/src', 'packages/reference-api/src', 'packages/reference-api/data'];

interface IndexEntry { id: string; type: 'story' | 'docs'; title: string; name: string; tags?: string[] }

function ensureStorybook(): void {
  const index = join(STATIC, 'index.json');
  const stale = !existsSync(index) || statSync(index).mtimeMs < Math.max(...SOURCES.map((s) => newest(join(ROOT, s))));
  if (!stale) return;
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build-storybook', '--silent'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' } });
  assert.equal(result.status, 0, 'npm run build-storybook failed');
}

// Entries are read before the tests are declared, so each story is its own test; building is the only slow part.
ensureStorybook();
const entries = Object.values((JSON.parse(readFileSync(join(STATIC, 'index.json'), 'utf8')) as { entries: Record<string, IndexEntry> }).entries);

let site: StaticServer;
let browser: Browser;
let page: Page;
let consoleErrors: string[] = [];

/** Storybook announces a story's end on its channel; keep the verdicts where the test can read them. */
function recordStorybookEvents(): void {
  const verdicts: unknown[] = [];
  Object.assign(window, { __dvcVerdicts: verdicts });
  Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => undefined,
    set(channel: { on(event: string, listener: (payload: unknown) => void): void }) {
      Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', { value: channel, writable: true, configurable: true });
      channel.on('storyFinished', (payload) => verdicts.push({ event: 'storyFinished', payload }));
      channel.on('docsRendered', (payload) => verdicts.push({ event: 'docsRendered', payload }));
      for (const event of ['storyErrored', 'storyThrewException', 'storyMissing']) {
        channel.on(event, (payload) => verdicts.push({ event, payload: String((payload as { message?: string })?.message ?? payload) }));
      }
    },
  });
}

before(async () => {
  site = await serveDirectory(STATIC);
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.setViewport({ width: 1024, height: 800 });
  await page.evaluateOnNewDocument(recordStorybookEvents);
  page.on('console', (message) => {
    const source = message.location().url ?? '';
    // Chromium asks every new origin for /favicon.ico; Storybook's iframe has none, and no visitor sees that.
    if (message.type() === 'error' && !source.endsWith('/favicon.ico')) consoleErrors.push(`${message.text()} (${source})`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`page error: ${error instanceof Error ? error.message : String(error)}`));
});

after(async () => {
  await browser?.close();
  await site?.close();
});

type Verdict = { event: string; payload: { status?: string; reporters?: { type: string; status: string; result?: unknown }[] } | string };

async function open(entry: IndexEntry): Promise<Verdict[]> {
  consoleErrors = [];
  await page.goto(`${site.url}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=${entry.type}`, { waitUntil: 'load' });
  const wanted = entry.type === 'docs' ? 'docsRendered' : 'storyFinished';
  await page.waitForFunction(
    (event) => (window as unknown as { __dvcVerdicts: { event: string }[] }).__dvcVerdicts.some((v) => v.event === event || v.event.startsWith('story') && v.event !== 'storyFinished'),
    { timeout: 30_000 },
    wanted,
  );
  return page.evaluate(() => (window as unknown as { __dvcVerdicts: Verdict[] }).__dvcVerdicts);
}

/** The a11y violations (rule ids and how many nodes) from the reporters of a failed story, for the message. */
function describeFailure(verdicts: Verdict[]): string {
  return JSON.stringify(verdicts, (key, value: unknown) => {
    if (key === 'result' && value && typeof value === 'object' && 'violations' in value) {
      return (value as { violations: { id: string; nodes: unknown[] }[] }).violations.map((v) => `${v.id} (${v.nodes.length})`);
    }
    return value;
  });
}

describe('static Storybook', () => {
  test('index.json lists stories for every element and a docs page for each', () => {
    const titles = new Set(entries.filter((e) => e.type === 'story').map((e) => e.title));
    for (const title of ['Elements/Service search', 'Elements/Procedure', 'Elements/Dossier tracker', 'Elements/Satisfaction survey', 'Theme/Tokens and palettes']) {
      assert.ok(titles.has(title), title);
    }
    assert.ok(entries.some((e) => e.type === 'docs'), 'autodocs pages');
  });

  for (const entry of entries.filter((e) => e.type === 'story')) {
    test(`story ${entry.title} › ${entry.name} renders without errors`, async () => {
      const verdicts = await open(entry);
      const finished = verdicts.find((v) => v.event === 'storyFinished')?.payload;
      assert.ok(finished && typeof finished === 'object' && finished.status === 'success', `Storybook's verdict: ${describeFailure(verdicts)}`);
      const elements = await page.$$eval('#storybook-root *', (all) => all.filter((el) => el.localName.startsWith('dvc-')).map((el) => ({
        tag: el.localName,
        upgraded: customElements.get(el.localName) !== undefined && el.matches(':defined'),
        rendered: (el.shadowRoot?.childElementCount ?? 0) > 0,
      })));
      assert.ok(elements.length > 0, 'the story shows a dvc element');
      for (const el of elements) assert.deepEqual(el, { tag: el.tag, upgraded: true, rendered: true });
      assert.deepEqual(consoleErrors, []);
    });
  }

  for (const entry of entries.filter((e) => e.type === 'docs')) {
    test(`docs ${entry.title} render without errors`, async () => {
      const verdicts = await open(entry);
      assert.ok(verdicts.some((v) => v.event === 'docsRendered'), describeFailure(verdicts));
      const text = await page.$eval('#storybook-docs', (el) => (el as HTMLElement).innerText);
      assert.ok(text.trim().length > 100, 'the docs page has content');
      if (!entry.tags?.includes('unattached-mdx')) {
        // Autodocs: the stories render inline on the page (after their loaders, which may still be running).
        const shown = await page.waitForFunction(() => [...document.querySelectorAll('#storybook-docs *')].some((el) => el.localName.startsWith('dvc-')), { timeout: 10_000 })
          .then(() => true, () => false);
        assert.ok(shown, 'the docs page shows the element');
        // Storybook puts docs inside its own lang="en" block; an element without a lang of its own must still speak
        // the toolbar's language (Vietnamese by default), as it does on a page.
        const spoken = await page.$$eval('#storybook-docs *', (all) => [...new Set(all
          .filter((el) => el.localName.startsWith('dvc-') && !el.hasAttribute('lang'))
          .map((el) => el.closest('[lang]')?.getAttribute('lang')))]);
        assert.deepEqual(spoken, ['vi'], 'the elements on the docs page follow the toolbar language');
      }
      assert.deepEqual(consoleErrors, []);
    });
  }
});
