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
// any origin allowed (the test page is served from another port).
const api = await startServer({
  host: '127.0.0.1',
  port: 0,
  dataDir: mkdtempSync(join(tmpdir(), 'dvc-wtr-')),
  corsOrigins: ['*'],
  limits: { lookupsPerClientPerMinute: 10_000, postsPerClientPerMinute: 10_000 },
  quiet: true,
});

// The SDK's fault-injection proxy in front of that API, for tests of failures: `window.DVC_TEST_FAULTS`;
// rules are set with PUT /__faults (see packages/sdk/test/support/fault-proxy.ts).
const faults = await startFaultProxy(api.url);

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
    { name: 'dvc-api-shutdown', serverStop: () => api.close() },
    { name: 'dvc-fault-proxy-shutdown', serverStop: () => faults.close() },
    {
      // Test-only, read-only views of the server above, same origin as the test page: what its store holds (to
      // count stored survey responses, e.g. exactly one after an offline reload) and the demo dossiers it seeded
      // (codes with their fake ID numbers, exactly as the server generated them).
      name: 'dvc-test-store',
      async serve(context) {
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
<script>window.DVC_TEST_API = ${JSON.stringify(api.url)}; window.DVC_TEST_FAULTS = ${JSON.stringify(faults.url)};</script></head>
<body><script type="module" src="${testFramework}"></script></body></html>`,
  browsers: [chromium, ...(process.env.WTR_FIREFOX ? [firefox()] : [])],
  concurrency: 1,
  browserStartTimeout: 60000,
  testsFinishTimeout: 180000,
  testFramework: { config: { timeout: 15000 } },
};
