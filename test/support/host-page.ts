// Host pages of our own making for tests of the built CDN bundles: the built files as the loader sees them, and a
// page served on the examples server's origin (so `base-url="/"` reaches the reference API) whose requests are
// recorded and can be blocked or answered in place, with the page's console errors collected.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before } from 'node:test';
import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { launchBrowser, watchProblems } from './browser.ts';
import { ROOT, startExamplesServer, type StartedServer } from './server.ts';

export const CDN = join(ROOT, 'packages/elements/dist/cdn');

/** A built CDN file, by its path below dist/cdn/. */
export const readCdn = (path: string): string => readFileSync(join(CDN, path), 'utf8');

/** The code of <tag>'s chunk, as the loader imports it (rollup leaves older builds' chunks beside it). */
export function elementChunk(tag: string): string {
  const chunk = new RegExp(`"${tag}":\\(\\)=>import\\("\\./([^"]+)"\\)`).exec(readCdn('dvc-kit.js'))?.[1];
  assert.ok(chunk, `the loader imports <${tag}>`);
  return readCdn(chunk);
}

/** The file name of the chunk `code` imports on demand under `name`, asserting one such import and no static one. */
export function importedOnDemand(code: string, name: string): string {
  const found = [...code.matchAll(new RegExp(`import\\("\\./(${name}-[\\w-]+\\.js)"\\)`, 'g'))];
  assert.equal(found.length, 1, `one on-demand import of ${name}`);
  assert.doesNotMatch(code, new RegExp(`from\\s*"\\./${name}-`), `no static import of ${name}`);
  return found[0]![1]!;
}

export interface HostPage {
  /** <html lang>; default vi. */
  lang?: string;
  /** The bundle below /cdn/; default dvc-kit.js. */
  bundle?: string;
  /** The markup inside <body>. */
  body: string;
  /** Query string and hash after /host.html, e.g. `?dvc-q=ket+hon`. */
  search?: string;
  /** Requests to fail as a lost connection would. */
  block?: (url: string) => boolean;
  /** Another answer for a request (return true when `answer` responded). */
  answer?: (request: HTTPRequest, url: URL) => boolean;
  /** Console problems that are expected (e.g. the blocked request's error). */
  allow?: (problem: string) => boolean;
}

/** The examples server (`npm start`) and a Chromium, started before the tests of the calling suite, closed after. */
export function examplesStack(): { server: () => StartedServer; visit: (host: HostPage, body: (page: Page, requested: string[]) => Promise<void>) => Promise<void> } {
  let server: StartedServer | undefined;
  let browser: Browser | undefined;
  before(async () => {
    server = await startExamplesServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens the host page, runs `body` with the paths requested so far, and asserts the page logged no problem. */
  async function visit(host: HostPage, body: (page: Page, requested: string[]) => Promise<void>): Promise<void> {
    const page = await browser!.newPage();
    page.setDefaultTimeout(15_000);
    const requested: string[] = [];
    await page.setRequestInterception(true);
    page.on('request', (request: HTTPRequest) => {
      const url = new URL(request.url());
      requested.push(url.pathname);
      if (host.block?.(url.href)) return void request.abort('internetdisconnected');
      if (url.pathname === '/host.html') {
        return void request.respond({
          status: 200,
          contentType: 'text/html; charset=utf-8',
          body: `<!doctype html><html lang="${host.lang ?? 'vi'}"><head><meta charset="utf-8"><title>host</title>
            <link rel="icon" href="data:,"><script type="module" src="/cdn/${host.bundle ?? 'dvc-kit.js'}"></script></head>
            <body>${host.body}</body></html>`,
        });
      }
      if (!host.answer?.(request, url)) void request.continue();
    });
    const problems = watchProblems(page, { allow: host.allow });
    try {
      await page.goto(`${server!.url}/host.html${host.search ?? ''}`, { waitUntil: 'networkidle0' });
      await body(page, requested);
    } finally {
      problems.stop();
      await page.close();
    }
    assert.deepEqual(problems.list, [], 'problems on the page');
  }

  return { server: () => server!, visit };
}
