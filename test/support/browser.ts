// Real Chromium for the cross-package checks (example pages, the static Storybook, screenshots), driven by
// puppeteer-core: the system browser, never a downloaded one.
import { existsSync } from 'node:fs';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function chromePath(): string {
  const path = process.env.CHROME_PATH || CANDIDATES.find((candidate) => existsSync(candidate));
  if (!path) throw new Error('Chromium not found: install it (apt-get install chromium) or set CHROME_PATH');
  return path;
}

export function launchBrowser(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: chromePath(),
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--lang=vi-VN',
    ],
  });
}

/** Firefox ESR where Debian puts it (or FIREFOX_PATH); undefined when it is not installed. */
export function firefoxPath(): string | undefined {
  const path = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
  return existsSync(path) ? path : undefined;
}

/** Stock Firefox driven over WebDriver BiDi (no geckodriver), for the tests that also run there. */
export function launchFirefox(): Promise<Browser> {
  const executablePath = firefoxPath();
  if (!executablePath) throw new Error('Firefox not found: install it (apt-get install firefox-esr) or set FIREFOX_PATH');
  return puppeteer.launch({ browser: 'firefox', executablePath, headless: true });
}

/** Everything on a page that a visitor (or its console) would see go wrong. */
export interface PageProblems {
  /** Console errors and warnings (CSP violations land here), uncaught exceptions, failed and 4xx/5xx requests. */
  list: string[];
  /** Stop recording; problems after this are not the test's business. */
  stop(): void;
}

/** Records console errors/warnings, page errors, failed requests and error responses from now on. */
export function watchProblems(page: Page, options: { allow?: (problem: string) => boolean } = {}): PageProblems {
  const list: string[] = [];
  let recording = true;
  const add = (problem: string): void => {
    if (recording && !options.allow?.(problem)) list.push(problem);
  };
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warn') add(`console.${message.type()}: ${message.text()} (${message.location().url ?? ''})`);
  });
  page.on('pageerror', (error) => add(`page error: ${error instanceof Error ? error.message : String(error)}`));
  page.on('requestfailed', (request) => add(`request failed: ${request.url()} (${request.failure()?.errorText ?? 'unknown'})`));
  page.on('response', (response) => {
    if (response.status() >= 400) add(`HTTP ${response.status()}: ${response.url()}`);
  });
  return { list, stop: () => { recording = false; } };
}

/** The visible text of the first element matching a (shadow-piercing, `>>>`) selector, once it has some. */
export async function textOf(page: Page, selector: string, timeout = 15_000): Promise<string> {
  const handle = await page.waitForSelector(selector, { timeout, visible: true });
  if (!handle) throw new Error(`no element for ${selector}`);
  const text = await handle.evaluate((el) => (el as HTMLElement).innerText);
  await handle.dispose();
  return text;
}
