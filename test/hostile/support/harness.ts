// What every hostile-page test shares: the browsers it runs in, a real reference API serving the host pages and the
// built CDN bundles from one origin, and the instrumentation that catches what must never happen on a page (CSP
// violations, executed payloads, dialogs, uncaught exceptions).
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { startServer, type RunningServer } from '@dvc-kit/reference-api/node';
import { firefoxPath, launchBrowser, launchFirefox } from '../../support/browser.ts';
import { ROOT } from '../../support/server.ts';

export const HOSTILE_DIR = join(ROOT, 'test/hostile');
export const PAGES_DIR = join(HOSTILE_DIR, 'pages');
export const CDN_DIR = join(ROOT, 'packages/elements/dist/cdn');
const SCREENSHOTS_DIR = join(HOSTILE_DIR, 'screenshots');

export type BrowserName = 'chromium' | 'firefox';

/**
 * Chromium always. Firefox ESR too when installed (CI installs it) for the host-page and loading tests (`'host'`);
 * the deeper sweeps (`'deep'`: bad data, faults, accessibility) pass there as well but cost another minute, so
 * they run in Firefox only with `HOSTILE_FIREFOX=all`. `HOSTILE_BROWSERS=chromium` narrows any run.
 */
export function browserNames(scope: 'host' | 'deep' = 'host'): BrowserName[] {
  const firefox = firefoxPath() && (scope === 'host' || process.env.HOSTILE_FIREFOX === 'all');
  const all: BrowserName[] = firefox ? ['chromium', 'firefox'] : ['chromium'];
  const only = process.env.HOSTILE_BROWSERS?.split(',').map((name) => name.trim());
  return only ? all.filter((name) => only.includes(name)) : all;
}

export function launch(name: BrowserName): Promise<Browser> {
  return name === 'firefox' ? launchFirefox() : launchBrowser();
}

/**
 * The host pages as served: most share one body (probes of the host's own elements plus the four widgets), kept once in
 * `pages/partials/` and put in place of `<!--#include NAME -->` markers, so each page file holds only what makes it
 * hostile.
 */
function renderPages(into: string): void {
  cpSync(PAGES_DIR, into, { recursive: true });
  const partials = join(PAGES_DIR, 'partials');
  for (const name of readdirSync(into).filter((file) => file.endsWith('.html'))) {
    const page = join(into, name);
    const html = readFileSync(page, 'utf8').replace(/<!--#include ([\w-]+) -->\n?/g, (_, partial: string) =>
      readFileSync(join(partials, `${partial}.html`), 'utf8'));
    writeFileSync(page, html);
  }
}

/**
 * The reference API with the host pages under `/hostile/` and the built bundles under `/cdn/`, so that a page's
 * `default-src 'self'` covers the widgets and their API alike. Limits are generous: every test is one client.
 */
export async function startHostileServer(options: { catalogPath?: string } = {}): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dvc-hostile-'));
  const pagesDir = join(dataDir, 'pages');
  renderPages(pagesDir);
  const server = await startServer({
    host: '127.0.0.1',
    port: 0,
    dataDir,
    quiet: true,
    // The hostile gateway (another origin) forwards to it; the host pages themselves are same-origin.
    corsOrigins: ['*'],
    ...(options.catalogPath && { catalogPath: options.catalogPath }),
    limits: { lookupsPerClientPerMinute: 10_000, postsPerClientPerMinute: 10_000, failedLookupsPerCode: 1_000 },
    staticDirs: { '/hostile/': pagesDir, '/cdn/': CDN_DIR },
  });
  return {
    ...server,
    close: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** What the page itself reported: CSP violations, dialogs opened, and the flag hostile payloads set if they run. */
export interface Incidents {
  violations: string[];
  dialogs: string[];
  pageErrors: string[];
}

const PAYLOAD_FLAG = '__dvcPwned';

/**
 * Listens from before the first script: `securitypolicyviolation` events (a preload script, which CSP does not
 * govern), dialogs (an executed `alert()`), uncaught exceptions.
 */
export async function instrument(page: Page): Promise<Incidents> {
  const incidents: Incidents = { violations: [], dialogs: [], pageErrors: [] };
  await page.evaluateOnNewDocument(() => {
    const seen: string[] = [];
    Object.defineProperty(window, '__dvcViolations', { value: seen });
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  page.on('dialog', (dialog) => {
    incidents.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => {});
  });
  page.on('pageerror', (error) => incidents.pageErrors.push(error instanceof Error ? error.message : String(error)));
  return incidents;
}

/** The CSP violations the page saw (read back from the preload script's list). */
export function violationsOf(page: Page): Promise<string[]> {
  return page.evaluate(() => [...((window as unknown as { __dvcViolations?: string[] }).__dvcViolations ?? [])]);
}

/** How many times a hostile payload ran on the page (each one increments the flag). */
export function payloadRuns(page: Page): Promise<number> {
  return page.evaluate((flag) => Number((window as unknown as Record<string, unknown>)[flag] ?? 0), PAYLOAD_FLAG);
}

/** JavaScript that, if it ever runs, counts itself in the page's payload flag. */
export const PAYLOAD_JS = `window.${PAYLOAD_FLAG}=(window.${PAYLOAD_FLAG}||0)+1`;

/** Saves a full-page screenshot for review into test/hostile/screenshots/ (git-ignored). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS_DIR, `${name}.png`) as `${string}.png`, fullPage: true });
}
