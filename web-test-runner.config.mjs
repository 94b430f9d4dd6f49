// Browser tests in real Chromium (and Firefox ESR when WTR_FIREFOX=1), against a real reference API
// server started here over HTTP with a fresh SQLite store. Tests read its base URL from `window.DVC_TEST_API`.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';
import { startServer } from './packages/reference-api/src/node.ts';
import { startFaultProxy } from './packages/sdk/test/support/fault-proxy.ts';

const flags = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const chromePath = process.env.CHROME_PATH || ['/usr/bin/chromium', '/usr/bin/google-chrome'].find((p) => existsSync(p));
const chromium = chromeLauncher({ launchOptions: { executablePath: chromePath, headless: true, args: flags } });
const firefox = () => chromeLauncher({ puppeteer: puppeteerCore,
  launchOptions: { browser: 'firefox', executablePath: process.env.FIREFOX_PATH || '/usr/bin/firefox-esr', headless: true } });

// The reference API for the components: generous per-client limits (every test shares 127.0.0.1),
// any origin allowed (the test page is served from another port). In front of it, the SDK's fault-injection proxy
// for tests of failures: `window.DVC_TEST_FAULTS`; rules are set with PUT /__faults (see
// packages/sdk/test/support/fault-proxy.ts).
async function startStack() {
  const api = await startServer({
    host: '127.0.0.1',
    port: 0,
    dataDir: mkdtempSync(join(tmpdir(), 'dvc-wtr-')),
    corsOrigins: ['*'],
    limits: { lookupsPerClientPerMinute: 10_000, postsPerClientPerMinute: 10_000 },
    quiet: true,
  });
  return { api, faults: await startFaultProxy(api.url) };
}

// One API and one proxy per browser: Chromium and Firefox run at the same time, and a test that sets fault rules,
// counts requests at the proxy, counts stored responses or trips a per-dossier limit must not see the other
// browser's traffic. A test page picks its own by user agent (in testRunnerHtml), the test routes below likewise.
const stacks = { chrome: await startStack(), firefox: process.env.WTR_FIREFOX ? await startStack() : null };
const isFirefox = (userAgent) => (userAgent ?? '').includes('Firefox/');
const stackFor = (userAgent) => (stacks.firefox && isFirefox(userAgent) ? stacks.firefox : stacks.chrome);
const urls = Object.fromEntries(Object.entries(stacks).filter(([, s]) => s).map(([name, s]) => [name, { api: s.api.url, faults: s.faults.url }]));

const files = process.env.WTR_FILES ? process.env.WTR_FILES.split(',') : [
  'packages/elements/src/**/*.test.ts',
  'packages/sdk/test/**/*.browser.test.ts',
  'test/**/*.browser.test.ts',
];

export default {
  files,
  nodeResolve: { exportConditions: ['source', 'development'] },
  plugins: [
    // json: the reference app imports its OpenAPI document, so tests can also run that app inside the tab.
    esbuildPlugin({ ts: true, json: true, target: 'es2022' }),
    {
      name: 'dvc-stacks-shutdown',
      serverStop: () => Promise.all(Object.values(stacks).filter(Boolean).flatMap((s) => [s.faults.close(), s.api.close()])),
    },
    {
      // Test-only, read-only views of the server above, same origin as the test page: what its store holds (to
      // count stored survey responses, e.g. exactly one after an offline reload) and the demo dossiers it seeded
      // (codes with their fake ID numbers, exactly as the server generated them).
      name: 'dvc-test-store',
      async serve(context) {
        const { api } = stackFor(context.get('user-agent'));
        if (context.path === '/__dvc-test/survey-responses') {
          const responses = await api.store.listResponses();
          return { type: 'json', body: JSON.stringify(responses.map(({ id, form, dossierCode, answers }) => ({ id, form, dossierCode, answers }))) };
        }
        if (context.path === '/__dvc-test/demo-dossiers') return { type: 'json', body: JSON.stringify(api.demo) };
        return undefined;
      },
    },
  ],
  testRunnerHtml: (testFramework) => `<!doctype html><html lang="vi"><head><meta charset="utf-8">
<script>{ const urls = ${JSON.stringify(urls)}; const own = (navigator.userAgent.includes('Firefox/') && urls.firefox) || urls.chrome;
window.DVC_TEST_API = own.api; window.DVC_TEST_FAULTS = own.faults; }</script></head>
<body><script type="module" src="${testFramework}"></script></body></html>`,
  browsers: [chromium, ...(process.env.WTR_FIREFOX ? [firefox()] : [])],
  concurrency: 1,
  browserStartTimeout: 60000,
  testsFinishTimeout: 180000,
  testFramework: { config: { timeout: 15000 } },
};
