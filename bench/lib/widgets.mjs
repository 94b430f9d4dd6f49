// The widgets in real Chromium over CDP, on the commune example page served as `npm start` serves it: bytes on
// the wire and time to first render on a cold load (loopback and an emulated slow 4G link), layout shift while
// loading, keystroke-to-results latency, long tasks while typing, and JS heap after 10 and 1,000 searches.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { startServerProcess } from './server-process.mjs';

const PAGE = '/examples/commune/';
/** The element's own debounce (dvc-service-search.ts): part of every keystroke-to-results time. */
export const DEBOUNCE_MS = 250;
const TYPING_DELAY_MS = 30;
/** Layout shift counts only what moves inside the viewport, so loads run at several sizes; slow 4G runs on the phone. */
const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
  tall: { width: 1280, height: 1400 },
};
const SLOW_LOADS = 2;
/** Lighthouse's "slow 4G": 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up. */
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9 };
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Runs in the page before its own scripts: layout shifts, long tasks, when each widget first shows its form. */
function instrument() {
  /* global PerformanceObserver, requestAnimationFrame */
  const bench = { cls: 0, longTasks: [], rendered: {}, lastInputAt: 0, pending: null };
  Object.defineProperty(window, '__bench', { value: bench });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) bench.cls += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  // "Rendered" means usable: the search box, the lookup form, the survey's first question (fetched from the API).
  const ready = { 'dvc-service-search': 'input', 'dvc-dossier-tracker': 'input', 'dvc-satisfaction-survey': 'fieldset' };
  const check = () => {
    for (const [tag, selector] of Object.entries(ready)) {
      if (!(tag in bench.rendered) && document.querySelector(tag)?.shadowRoot?.querySelector(selector)) bench.rendered[tag] = performance.now();
    }
    if (Object.keys(bench.rendered).length < Object.keys(ready).length) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
  document.addEventListener('input', () => { bench.lastInputAt = performance.now(); }, true);
  /** Resolves when results for `query` are on screen: the search finished, Lit rendered, a frame went by. */
  bench.expect = (query) => {
    const search = document.querySelector('dvc-service-search');
    bench.pending = new Promise((resolve) => {
      const timer = setTimeout(() => { document.removeEventListener('dvc-search', onSearch); resolve(null); }, 10_000);
      async function onSearch(event) {
        if (event.detail.query !== query) return;
        document.removeEventListener('dvc-search', onSearch);
        clearTimeout(timer);
        await search.updateComplete;
        requestAnimationFrame(() => setTimeout(() => resolve({ ms: performance.now() - bench.lastInputAt, total: event.detail.total })));
      }
      document.addEventListener('dvc-search', onSearch);
    });
  };
  /** One search through the form's submit (no debounce), for the heap run. */
  bench.submit = async (query) => {
    const search = document.querySelector('dvc-service-search');
    const input = search.shadowRoot.querySelector('input');
    input.value = query;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    const done = new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), 5000);
      document.addEventListener('dvc-search', () => { clearTimeout(timer); resolve(true); }, { once: true });
    });
    search.shadowRoot.querySelector('form').requestSubmit();
    const ok = await done;
    await search.updateComplete;
    return ok;
  };
}

const median = (values) => {
  const sorted = values.filter((v) => v != null).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : null;
};
const at = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] : null;
};

/** Bytes on the wire (headers included) per kind of resource, from the CDP network events of one page. */
function trackBytes(cdp) {
  const kinds = new Map();
  const bytes = {};
  // Not counted as bytes: kept so a page that never renders can say which request failed.
  Object.defineProperty(bytes, 'failed', { value: [], enumerable: false });
  cdp.on('Network.responseReceived', ({ requestId, type, response }) => {
    const path = new URL(response.url).pathname;
    kinds.set(requestId, path.startsWith('/v1/') ? 'api' : type.toLowerCase());
    if (response.status >= 400) bytes.failed.push(`${response.status} ${path}`);
  });
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    const kind = kinds.get(requestId) ?? 'other';
    bytes[kind] = (bytes[kind] ?? { requests: 0, bytes: 0 });
    bytes[kind].requests++;
    bytes[kind].bytes += encodedDataLength;
  });
  return bytes;
}

async function coldLoad(browser, url, { viewport, network = null }) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setViewport(VIEWPORTS[viewport]);
    const cdp = await page.createCDPSession();
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (network) await cdp.send('Network.emulateNetworkConditions', network);
    const bytes = trackBytes(cdp);
    await page.evaluateOnNewDocument(instrument);
    await page.goto(url, { waitUntil: 'networkidle0', timeout: 60_000 });
    await page.waitForFunction(() => Object.keys(window.__bench.rendered).length === 3, { timeout: 30_000 }).catch(async () => {
      const rendered = await page.evaluate(() => Object.keys(window.__bench.rendered));
      throw new Error(`the widgets did not all render within 30 s (rendered: ${rendered.join(', ') || 'none'}; failed requests: ${bytes.failed.join(', ') || 'none'})`);
    });
    const timings = await page.evaluate(() => ({
      rendered: window.__bench.rendered,
      cls: window.__bench.cls,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      load: performance.getEntriesByType('navigation')[0]?.loadEventEnd ?? null,
    }));
    const total = Object.values(bytes).reduce((sum, k) => sum + k.bytes, 0);
    const requests = Object.values(bytes).reduce((sum, k) => sum + k.requests, 0);
    return { viewport, ...timings, firstWidget: Math.min(...Object.values(timings.rendered)), allWidgets: Math.max(...Object.values(timings.rendered)), bytes, totalBytes: total, requests };
  } finally {
    await context.close();
  }
}

function summariseLoads(loads) {
  return {
    runs: loads.length,
    firstWidgetMs: median(loads.map((l) => l.firstWidget)),
    allWidgetsMs: median(loads.map((l) => l.allWidgets)),
    fcpMs: median(loads.map((l) => l.fcp)),
    loadEventMs: median(loads.map((l) => l.load)),
    renderedMs: Object.fromEntries(Object.keys(loads[0].rendered).map((tag) => [tag, median(loads.map((l) => l.rendered[tag]))])),
    clsByViewport: Object.fromEntries(loads.map((l) => [l.viewport, l.cls])),
    cls: Math.max(...loads.map((l) => l.cls)),
    totalBytes: loads[0].totalBytes,
    requests: loads[0].requests,
    bytes: loads[0].bytes,
  };
}

async function typing(page, queries) {
  const input = await page.waitForFunction(() => document.querySelector('dvc-service-search')?.shadowRoot?.querySelector('input'));
  await input.click();
  const started = await page.evaluate(() => performance.now());
  const rows = [];
  for (const q of queries) {
    await page.keyboard.down('Control');
    await page.keyboard.press('a');
    await page.keyboard.up('Control');
    await page.keyboard.press('Backspace');
    await page.evaluate((query) => window.__bench.expect(query), q);
    await page.keyboard.type(q, { delay: TYPING_DELAY_MS });
    const result = await page.evaluate(() => window.__bench.pending);
    rows.push({ q, ms: result?.ms ?? null, total: result?.total ?? null });
  }
  const ended = await page.evaluate(() => performance.now());
  const longTasks = (await page.evaluate(() => window.__bench.longTasks)).filter((t) => t.start >= started && t.start <= ended);
  const times = rows.map((r) => r.ms).filter((ms) => ms != null);
  return {
    queries: rows.length,
    timedOut: rows.filter((r) => r.ms == null).length,
    medianMs: at(times, 0.5),
    p95Ms: at(times, 0.95),
    maxMs: times.length ? Math.max(...times) : null,
    medianAfterDebounceMs: at(times, 0.5) == null ? null : at(times, 0.5) - DEBOUNCE_MS,
    p95AfterDebounceMs: at(times, 0.95) == null ? null : at(times, 0.95) - DEBOUNCE_MS,
    longTasks: { count: longTasks.length, maxMs: longTasks.length ? Math.max(...longTasks.map((t) => t.duration)) : 0, totalMs: longTasks.reduce((s, t) => s + t.duration, 0) },
    typingSeconds: (ended - started) / 1000,
    rows,
  };
}

async function heapAfterSearches(page, cdp, queries) {
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  const run = (from, to) => page.evaluate(async (list, start, end) => {
    let failed = 0;
    for (let i = start; i < end; i++) if (!(await window.__bench.submit(list[i % list.length]))) failed++;
    return failed;
  }, queries, from, to);
  let failed = await run(0, 10);
  const after10 = await heap();
  const started = performance.now();
  failed += await run(10, 1000);
  const seconds = (performance.now() - started) / 1000;
  const after1000 = await heap();
  return { after10, after1000, growth: after1000 - after10, perSearch: (after1000 - after10) / 990, failed, searchesPerSecond: 990 / seconds };
}

export async function measureWidgets({ root, chromePath, typedQueries, heapQueries, log }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'dvc-bench-widgets-'));
  const server = await startServerProcess({
    dataDir,
    staticDirs: { '/examples/': join(root, 'examples'), '/cdn/': join(root, 'packages/elements/dist/cdn') },
    // The heap run searches 1,000 times from one address; search itself has no rate limit, the others are raised anyway.
    limits: { lookupsPerClientPerMinute: 1e9, postsPerClientPerMinute: 1e9 },
  });
  const browser = await puppeteer.launch({ executablePath: chromePath, headless: true, args: FLAGS });
  try {
    const url = server.url + PAGE;
    const loopback = [];
    for (const viewport of Object.keys(VIEWPORTS)) loopback.push(await coldLoad(browser, url, { viewport }));
    const slow = [];
    for (let i = 0; i < SLOW_LOADS; i++) slow.push(await coldLoad(browser, url, { viewport: 'phone', network: SLOW_4G }));
    const cold = { loopback: summariseLoads(loopback), slow4g: summariseLoads(slow) };
    log(`  commune page cold: ${(cold.loopback.totalBytes / 1000).toFixed(1)} KB in ${cold.loopback.requests} requests; first widget ${cold.loopback.firstWidgetMs?.toFixed(0)} ms (loopback), ${cold.slow4g.firstWidgetMs?.toFixed(0)} ms (slow 4G); CLS ${cold.loopback.cls.toFixed(3)} (worst viewport)`);

    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.setViewport(VIEWPORTS.desktop);
    const cdp = await page.createCDPSession();
    await page.evaluateOnNewDocument(instrument);
    await page.goto(url, { waitUntil: 'networkidle0' });
    const typed = await typing(page, typedQueries);
    log(`  typing ${typed.queries} queries: keystroke to results median ${typed.medianMs?.toFixed(0)} ms (${typed.medianAfterDebounceMs?.toFixed(0)} ms after the ${DEBOUNCE_MS} ms debounce), ${typed.longTasks.count} long tasks`);
    const heap = await heapAfterSearches(page, cdp, heapQueries);
    log(`  heap after 10 searches ${(heap.after10 / 1e6).toFixed(2)} MB, after 1,000 ${(heap.after1000 / 1e6).toFixed(2)} MB`);
    await context.close();
    return { browser: await browser.version(), page: PAGE, viewports: VIEWPORTS, debounceMs: DEBOUNCE_MS, typingDelayMs: TYPING_DELAY_MS, slow4g: SLOW_4G, cold, typing: typed, heap };
  } finally {
    await browser.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
