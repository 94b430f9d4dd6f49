// Faults between the built widgets and their API, one at a time, each on all four widgets of one page: the API down
// (connection refused), slow (4 s, inside the SDK's 10 s per-attempt timeout) and slower than that timeout (10.5 s,
// Chromium only: it costs real seconds), 429 with Retry-After, 500, connections dropped without an answer, and
// the browser offline then back online. Each widget must show its documented state, recover (by itself or with its
// "Thử lại" / "Gửi lại ngay" button), throw nothing, and the survey must end with every response stored once.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import type { RunningServer } from '@dvc-kit/reference-api/node';
import { startFaultProxy, type FaultProxy, type FaultRule } from '../../packages/sdk/test/support/fault-proxy.ts';
import { ensureBuilt } from '../support/build.ts';
import { browserNames, instrument, launch, startHostileServer, type BrowserName, type Incidents } from './support/harness.ts';
import { startRelay, type Relay } from './support/relay.ts';
import { fill, type ElementTag } from './support/widgets.ts';

type Fault = 'down' | 'slow' | 'slower than the timeout' | '429 + Retry-After' | '500' | 'dropped connection' | 'offline';
const FAULTS: Fault[] = ['down', 'slow', 'slower than the timeout', '429 + Retry-After', '500', 'dropped connection', 'offline'];

// Every round asks for something new: catalogue answers are cacheable, and a cached one never meets the fault.
const QUERIES = ['khai sinh', 'ket hon', 'tam tru', 'chung thuc', 'thuong tru', 'khai tu', 'nuoi con nuoi', 'ho kinh doanh'];
/** "Slow": answered after this long, inside the SDK's 10 s per-attempt timeout. */
const SLOW_MS = 4_000;
const CODES = ['1.000894', '1.000656', '2.000528', '1.004873', '2.000815', '2.000884', '1.004194', '1.004222'];

let server: RunningServer;
let proxy: FaultProxy;
let relay: Relay;

before(async () => {
  ensureBuilt();
  server = await startHostileServer();
  proxy = await startFaultProxy(server.url);
  relay = await startRelay(proxy.url);
});

after(async () => {
  await relay?.close();
  await proxy?.close();
  await server?.close();
});

/** What one widget does in a round: get ready (no fault yet), act (sequential UI input), then wait and recover. */
interface Scenario {
  prepare(): Promise<void>;
  act(round: number): Promise<void>;
  /** Waits for the documented state of this fault. */
  faulted(fault: Fault): Promise<void>;
  /** Clicks whatever the citizen clicks once the fault is gone (nothing when the widget recovers by itself). */
  recover(fault: Fault): Promise<void>;
  recovered(): Promise<void>;
}

/**
 * Activates a button the way assistive technology does (a DOM click), once it is there and enabled: four widgets
 * change height at once here, and a mouse click aimed a moment earlier can land on the wrong thing. That the parts
 * take real clicks is what host-pages.node.test.ts shows.
 */
async function activate(page: Page, selector: string, timeout = 15_000): Promise<void> {
  const handle = await page.waitForSelector(selector, { visible: true, timeout });
  await handle!.evaluate((el) => (el as HTMLElement).click());
  await handle!.dispose();
}

const wait = (page: Page, selector: string, timeout = 15_000) => page.waitForSelector(selector, { timeout }).then((h) => h?.dispose());
const textIn = (page: Page, selector: string, pattern: RegExp, timeout = 15_000): Promise<void> =>
  page.waitForFunction((sel: string, source: string) => {
    // `>>>` only works in puppeteer's selectors, so the widget's shadow root is walked here.
    const [host, inner] = sel.split(' >>> ') as [string, string];
    const el = document.querySelector(host)?.shadowRoot?.querySelector(inner) as HTMLElement | null;
    return el && new RegExp(source).test(el.innerText);
  }, { timeout }, selector, pattern.source).then((handle) => handle.dispose());

function search(page: Page): Scenario {
  const s = 'dvc-service-search';
  return {
    prepare: async () => {},
    act: (round) => fill(page, `${s} >>> input#q`, QUERIES[round]!),
    faulted: async (fault) => {
      if (fault.startsWith('slow')) return wait(page, `${s} >>> [aria-busy="true"]`, SLOW_MS);
      if (fault === 'offline') return textIn(page, `${s} >>> .outcome [part~="alert"]`, /Không có kết nối mạng/);
      // The retry button is held for those seconds too; recover() waits for it.
      if (fault === '429 + Retry-After') return textIn(page, `${s} >>> .outcome [part~="alert"]`, /Hệ thống đang bận[\s\S]*sau 1 giây/);
      return textIn(page, `${s} >>> .outcome [part~="alert"]`, /Không tìm được thủ tục/);
    },
    recover: async (fault) => {
      if (fault.startsWith('slow') || fault === 'offline') return;
      await activate(page, `${s} >>> [part~="retry-button"]:not([disabled])`, 5_000);
    },
    recovered: () => wait(page, `${s} >>> ul.results[aria-busy="false"] [part~="result-link"]`, 25_000),
  };
}

function procedure(page: Page): Scenario {
  const s = 'dvc-procedure';
  return {
    prepare: async () => {},
    act: (round) => page.evaluate((code) => document.querySelector('dvc-procedure')!.setAttribute('code', code), CODES[round]!),
    faulted: async (fault) => {
      if (fault.startsWith('slow')) return wait(page, `${s} >>> .loading[aria-busy="true"]`, SLOW_MS);
      if (fault === 'offline') return textIn(page, `${s} >>> [part~="alert"]`, /Không có kết nối mạng/);
      if (fault === '429 + Retry-After') return textIn(page, `${s} >>> [part~="alert"]`, /Không tải được thủ tục[\s\S]*sau 1 giây/);
      return textIn(page, `${s} >>> [part~="alert"]`, /Không tải được thủ tục/);
    },
    recover: async (fault) => {
      if (fault.startsWith('slow') || fault === 'offline') return;
      await activate(page, `${s} >>> [part~="retry-button"]:not([disabled])`, 5_000);
    },
    recovered: () => wait(page, `${s} >>> [part~="title"]`, 25_000),
  };
}

function tracker(page: Page, dossier: { code: string; idNumber: string }): Scenario {
  const s = 'dvc-dossier-tracker';
  const problem = (kind: string) => wait(page, `${s} >>> [part~="alert"][data-problem="${kind}"]`);
  return {
    prepare: async () => {
      if (await page.$(`${s} >>> [part~="result"]`)) await activate(page, `${s} >>> [part~="result"] .actions button`);
      await wait(page, `${s} >>> input#code`);
    },
    act: async () => {
      await fill(page, `${s} >>> input#code`, dossier.code);
      await fill(page, `${s} >>> input#id-number`, dossier.idNumber);
      await activate(page, `${s} >>> button[part~="submit"]`);
    },
    faulted: async (fault) => {
      if (fault.startsWith('slow')) return textIn(page, `${s} >>> button[part~="submit"]`, /Đang tra cứu/, SLOW_MS);
      // The submit button counts the same second down; recover() waits for it.
      if (fault === '429 + Retry-After') return textIn(page, `${s} >>> [part~="alert"][data-problem="rate-limited"]`, /sau 1 giây/);
      return problem(fault === 'offline' ? 'offline' : fault === '500' ? 'server' : 'network');
    },
    recover: async (fault) => {
      if (fault.startsWith('slow')) return;
      if (fault === '429 + Retry-After') return activate(page, `${s} >>> button[part~="submit"]:not([disabled])`, 5_000);
      await activate(page, `${s} >>> [part~="alert"] button`);
    },
    recovered: () => wait(page, `${s} >>> [part~="result"]`, 25_000),
  };
}

function survey(page: Page, sent: { count: number }): Scenario {
  const s = 'dvc-satisfaction-survey';
  return {
    // A fresh survey each round (a sent one stays a thank-you), its form loaded before the fault starts.
    prepare: async () => {
      await page.evaluate(() => {
        const old = document.querySelector('dvc-satisfaction-survey')!;
        const fresh = document.createElement('dvc-satisfaction-survey');
        fresh.setAttribute('form', 'general');
        old.replaceWith(fresh);
      });
      await wait(page, `${s} >>> fieldset[part~="question"]`);
    },
    act: async () => {
      await page.$$eval(`${s} >>> fieldset[part~="question"]`, (questions) => {
        for (const question of questions) question.querySelector<HTMLInputElement>('input[type="radio"]')?.click();
      });
      await activate(page, `${s} >>> button[part~="submit"]`);
      sent.count++;
    },
    faulted: async (fault) => {
      if (fault.startsWith('slow')) return textIn(page, `${s} >>> button[part~="submit"]`, /Đang gửi/, SLOW_MS);
      if (fault === '429 + Retry-After') return wait(page, `${s} >>> [part~="alert"][data-problem="rate-limited"]`);
      // Down, dropped, 500 or offline: the SDK keeps the response on this device, and the widget says so.
      return wait(page, `${s} >>> [part~="outcome"][data-outcome="queued"]`);
    },
    recover: async (fault) => {
      if (fault.startsWith('slow') || fault === 'offline') return;
      if (fault === '429 + Retry-After') return activate(page, `${s} >>> button[part~="submit"]`);
      await activate(page, `${s} >>> [part~="outcome"] button`);
    },
    recovered: () => wait(page, `${s} >>> [part~="outcome"][data-outcome="sent"]`, 25_000),
  };
}

const DELAYED_PATHS = ['/v1/procedures?', '/v1/procedures/', '/v1/dossiers/lookup', '/v1/survey-responses'];

/** Starts the fault (before the widgets act). */
async function start(fault: Fault, page: Page): Promise<void> {
  const rule = (r: FaultRule) => proxy.set(r);
  switch (fault) {
    case 'down': return relay.down();
    case 'slow': return rule({ fault: 'delay', delayMs: SLOW_MS, path: '/v1/' });
    // The first request of each call waits past the SDK's 10 s per-attempt timeout; its retry is answered.
    case 'slower than the timeout': return proxy.set(...DELAYED_PATHS.map((path) => ({ fault: 'delay' as const, delayMs: 10_500, path, times: 1 })));
    case '429 + Retry-After': return rule({ fault: 'status', status: 429, retryAfter: 1, path: '/v1/' });
    case '500': return rule({ fault: 'status', status: 500, path: '/v1/' });
    case 'dropped connection': return rule({ fault: 'drop', path: '/v1/' });
    case 'offline': return page.setOfflineMode(true);
  }
}

/** Ends the fault (before the citizen retries). */
async function end(fault: Fault, page: Page): Promise<void> {
  if (fault === 'down') await relay.up();
  if (fault === 'offline') await page.setOfflineMode(false);
  if (!fault.startsWith('slow')) proxy.set();
}

function faultsFor(browserName: BrowserName): Fault[] {
  // 10.5 s of real waiting per run: once, in Chromium, is enough to show the timeout-and-retry path.
  return browserName === 'chromium' ? FAULTS : FAULTS.filter((f) => f !== 'slower than the timeout');
}

for (const browserName of browserNames('deep')) {
  describe(`faults in ${browserName}`, () => {
    let browser: Browser;
    let page: Page;
    let incidents: Incidents;
    let scenarios: Record<ElementTag, Scenario>;
    const sent = { count: 0 };
    let storedBefore = 0;
    const table: string[] = [];

    before(async () => {
      browser = await launch(browserName);
      const context = await browser.createBrowserContext();
      page = await context.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      incidents = await instrument(page);
      storedBefore = (await server.store.listResponses()).length;
      await page.goto(`${relay.url}/hostile/plain.html`, { waitUntil: 'networkidle0' });
      const dossier = server.demo.find((d) => d.status === 4)!;
      scenarios = {
        'dvc-service-search': search(page),
        'dvc-procedure': procedure(page),
        'dvc-dossier-tracker': tracker(page, dossier),
        'dvc-satisfaction-survey': survey(page, sent),
      };
    });

    after(async () => {
      proxy.set();
      await relay.up().catch(() => {});
      await browser?.close();
    });

    for (const [round, fault] of faultsFor(browserName).entries()) {
      test(`${fault}: every widget shows its documented state and recovers`, async () => {
        const entries = Object.entries(scenarios) as [ElementTag, Scenario][];
        for (const [, scenario] of entries) await scenario.prepare();
        await start(fault, page);
        // Input one widget after another (typing cannot interleave), each then waited for while the next acts.
        const faulted: Promise<void>[] = [];
        let states: PromiseSettledResult<void>[];
        try {
          for (const [, scenario] of entries) {
            const acted = scenario.act(round);
            faulted.push(acted.then(() => scenario.faulted(fault)));
            await acted.catch(() => {});
          }
          states = await Promise.allSettled(faulted);
        } finally {
          await end(fault, page);
        }
        const recovered = [];
        for (const [i, [, scenario]] of entries.entries()) {
          if (states[i]!.status === 'rejected') { recovered.push(Promise.reject(new Error('no fault state'))); continue; }
          await scenario.recover(fault);
          recovered.push(scenario.recovered());
        }
        const outcomes = await Promise.allSettled(recovered);
        // What each widget showed at the end, for the failure message.
        const screens = await page.evaluate((tags) => tags.map((tag) => {
          const el = document.querySelector(tag);
          return ((el?.shadowRoot?.querySelector('*') as HTMLElement | null)?.parentNode as ShadowRoot | undefined)?.textContent?.replace(/\s+/g, ' ').trim().slice(0, 300) ?? '';
        }), entries.map(([tag]) => tag));
        const failures = entries.flatMap(([tag], i) => {
          const state = states[i]!;
          const back = outcomes[i]!;
          const ok = state.status === 'fulfilled' && back.status === 'fulfilled';
          table.push(`${fault.padEnd(24)} ${tag.padEnd(24)} ${ok ? 'pass' : 'FAIL'}`);
          if (state.status === 'rejected') return [`${tag}: no ${fault} state (${String(state.reason).slice(0, 160)}); shows: ${screens[i]}`];
          if (back.status === 'rejected') return [`${tag}: did not recover (${String(back.reason).slice(0, 160)}); shows: ${screens[i]}`];
          return [];
        });
        assert.deepEqual(failures, []);
      });
    }

    test('the survey lost nothing and stored nothing twice; no uncaught exception', async (t) => {
      const responses = (await server.store.listResponses()).slice(storedBefore);
      assert.equal(responses.length, sent.count, 'one stored response per survey sent');
      assert.equal(new Set(responses.map((r) => r.id)).size, responses.length);
      assert.deepEqual(incidents.pageErrors, []);
      assert.deepEqual(incidents.dialogs, []);
      for (const line of table) t.diagnostic(line);
    });
  });
}
