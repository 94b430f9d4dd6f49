#!/usr/bin/env node
// Regenerates docs/screenshots/*.png from the running examples, in Chromium at 1280 and 360 px wide, each clipped
// to the widget: search results for "khai sinh", the procedure 1.001193, the tracker showing a dossier with a
// supplement request, the satisfaction survey.
//
// Usage: . scripts/ensure-node.sh && node scripts/screenshots.mjs
//        node scripts/screenshots.mjs --url http://127.0.0.1:8787 --dossier CODE:IDNUMBER   (a server already running;
//        `npm start` prints a dossier with a supplement request)
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

if (!process.features.typescript) {
  console.error('screenshots: needs Node >= 22.18 (it reuses the TypeScript test helpers); run `. scripts/ensure-node.sh` first.');
  process.exit(1);
}
const { launchBrowser, watchProblems } = await import('../test/support/browser.ts');
const { ensureBuilt } = await import('../test/support/build.ts');
const { ROOT, startExamplesServer } = await import('../test/support/server.ts');

const { values: args } = parseArgs({ options: { url: { type: 'string' }, dossier: { type: 'string' } } });
const OUT = join(ROOT, 'docs/screenshots');
const WIDTHS = [1280, 360];
/** Tall widgets are cut here: the top of a long page is what a screenshot row needs. */
const MAX_HEIGHT = { 1280: 1000, 360: 1400 };

let server;
let url = args.url?.replace(/\/+$/, '');
let dossier;
if (url) {
  const [code, idNumber] = (args.dossier ?? '').split(':');
  if (!code || !idNumber) {
    console.error('screenshots: with --url, pass --dossier CODE:IDNUMBER of a dossier with a supplement request (npm start prints one).');
    process.exit(2);
  }
  dossier = { code, idNumber };
} else {
  ensureBuilt();
  server = await startExamplesServer();
  url = server.url;
  dossier = server.dossiers.find((d) => d.scenario.includes('supplement'));
  if (!dossier) throw new Error('npm start printed no dossier with a supplement request');
}

/** Each shot: the page, what to do on it, and the widget to clip to. */
const shots = [
  {
    name: 'search-results',
    path: '/examples/commune/',
    host: 'dvc-service-search',
    async prepare(page) {
      await page.locator('dvc-service-search >>> input#q').fill('khai sinh');
      await page.waitForSelector('dvc-service-search >>> .results[aria-busy="false"] [data-code="1.001193"]');
    },
  },
  {
    name: 'procedure',
    path: '/examples/department/thu-tuc.html?ma=1.001193',
    host: 'dvc-procedure',
    async prepare(page) {
      await page.waitForSelector('dvc-procedure >>> [part~="title"]');
    },
  },
  {
    name: 'tracker-supplement',
    path: '/examples/commune/',
    host: 'dvc-dossier-tracker',
    async prepare(page) {
      await page.locator('dvc-dossier-tracker >>> input#code').fill(dossier.code);
      await page.locator('dvc-dossier-tracker >>> input#id-number').fill(dossier.idNumber);
      await page.locator('dvc-dossier-tracker >>> button[part~="submit"]').click();
      await page.waitForSelector('dvc-dossier-tracker >>> [part~="supplement"]');
    },
  },
  {
    name: 'survey',
    path: '/examples/commune/',
    host: 'dvc-satisfaction-survey',
    async prepare(page) {
      await page.waitForSelector('dvc-satisfaction-survey >>> [part~="question"]');
    },
  },
];

mkdirSync(OUT, { recursive: true });
const browser = await launchBrowser();
let failed = false;
try {
  for (const width of WIDTHS) {
    for (const shot of shots) {
      const page = await browser.newPage();
      await page.setViewport({ width, height: 900, deviceScaleFactor: 1 });
      await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
      const problems = watchProblems(page);
      await page.goto(url + shot.path, { waitUntil: 'networkidle0' });
      await shot.prepare(page);
      // Let the focus move and any transition settle, then take the widget with a little of the page around it.
      await new Promise((resolve) => setTimeout(resolve, 300));
      await page.evaluate(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
      // Page coordinates, whatever the scroll position the outcome's focus left behind.
      const box = await page.$eval(shot.host, (el) => {
        const rect = el.getBoundingClientRect();
        return { x: rect.x + window.scrollX, y: rect.y + window.scrollY, width: rect.width, height: rect.height };
      });
      const margin = 8;
      const clip = {
        x: Math.max(0, box.x - margin),
        y: Math.max(0, box.y - margin),
        width: Math.min(width, box.width + 2 * margin),
        height: Math.min(MAX_HEIGHT[width], box.height + 2 * margin),
      };
      const file = join(OUT, `${shot.name}-${width}.png`);
      await page.screenshot({ path: file, clip, captureBeyondViewport: true });
      problems.stop();
      const kb = statSync(file).size / 1000;
      console.log(`${file.slice(ROOT.length + 1)}  ${clip.width}×${Math.round(clip.height)}  ${kb.toFixed(0)} KB`);
      if (problems.list.length) {
        failed = true;
        console.error(`  problems on ${shot.path}:\n  ${problems.list.join('\n  ')}`);
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server?.close();
}
process.exitCode = failed ? 1 : 0;
