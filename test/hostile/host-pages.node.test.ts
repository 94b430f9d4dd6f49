// The built CDN bundle on host pages that fight back (test/hostile/pages/): a stylesheet that resets and hides
// everything with !important, an RTL site, a legacy CMS with a jQuery stand-in and an old CSS framework, and a page
// full of conflicting globals and prototype pollution. On each, in every installed browser, every widget must stay
// readable and operable (its key parts have a box in the viewport, on top, with sane type and contrast; a citizen
// completes its main task; axe finds no WCAG A/AA violation in the state reached) and the host page's own elements
// must look exactly as they do without the widgets.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import type { RunningServer } from '@dvc-kit/reference-api/node';
import { ensureBuilt } from '../support/build.ts';
import { textOf, watchProblems, type PageProblems } from '../support/browser.ts';
import { axeViolations } from './support/axe.ts';
import { hostStyles, inspect, styleDifferences, unusable } from './support/checks.ts';
import { browserNames, instrument, launch, screenshot, startHostileServer, type Incidents } from './support/harness.ts';
import { answerSurvey, KEY_PARTS, lookUp, openResult, backToResults, returnedDossier, searchKhaiSinh, type ElementTag } from './support/widgets.ts';

const PAGES = ['aggressive', 'rtl', 'legacy', 'globals'] as const;
const VIEWPORT = { width: 1280, height: 900 };

let server: RunningServer;

before(async () => {
  ensureBuilt();
  server = await startHostileServer();
});

after(async () => {
  await server?.close();
});

/**
 * axe on the widget in its current state; not on globals.html, where axe (a UMD build) registers with the page's AMD
 * loader instead of `window` and its own code breaks on the prototype pollution that the widgets survive.
 */
async function accessible(page: Page, name: string, tag: ElementTag, state: string): Promise<void> {
  if (name === 'globals') return;
  assert.deepEqual(await axeViolations(page, tag), [], `axe, ${state}`);
}

async function usable(page: Page, tag: ElementTag): Promise<void> {
  const problems: string[] = [];
  for (const part of KEY_PARTS[tag]) problems.push(...unusable(await inspect(page, `${tag} >>> ${part}`), VIEWPORT.width));
  assert.deepEqual(problems, [], `<${tag}> is not usable`);
}

/** The same page with the widgets' bundle blocked (they never upgrade): its host elements' styles and its width. */
async function withoutWidgets(browser: Browser, url: string): Promise<{ styles: Record<string, Record<string, string>>; scrollWidth: number }> {
  const page = await browser.newPage();
  await page.setViewport(VIEWPORT);
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/cdn/')) void request.abort('blockedbyclient');
    else void request.continue();
  });
  await page.goto(url, { waitUntil: 'networkidle0' });
  const styles = await hostStyles(page);
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  await page.close();
  return { styles, scrollWidth };
}

for (const browserName of browserNames()) {
  describe(`host pages in ${browserName}`, () => {
    let browser: Browser;
    before(async () => { browser = await launch(browserName); });
    after(async () => { await browser?.close(); });

    for (const name of PAGES) {
      describe(`${name}.html`, () => {
        let page: Page;
        let problems: PageProblems;
        let incidents: Incidents;
        const url = () => `${server.url}/hostile/${name}.html`;

        before(async () => {
          page = await browser.newPage();
          await page.setViewport(VIEWPORT);
          incidents = await instrument(page);
          problems = watchProblems(page, { allow: (problem) => problem.includes('/favicon.ico') });
          await page.goto(url(), { waitUntil: 'networkidle0' });
        });

        after(async () => {
          if (page && !page.isClosed()) {
            await screenshot(page, `${browserName}-${name}`).catch(() => {});
            await page.close();
          }
        });

        test('dvc-service-search: readable, and "khai sinh" finds Đăng ký khai sinh, which opens inline', async () => {
          await usable(page, 'dvc-service-search');
          const codes = await searchKhaiSinh(page);
          assert.equal(codes[0], '1.001193');
          assert.deepEqual(unusable(await inspect(page, 'dvc-service-search >>> [part~="result-link"]'), VIEWPORT.width), []);
          assert.match(await openResult(page, '1.001193'), /Đăng ký khai sinh/);
          await accessible(page, name, 'dvc-service-search', 'inline detail');
          await backToResults(page);
          await accessible(page, name, 'dvc-service-search', 'results');
        });

        test('dvc-procedure: readable, with its title, sections and portal link', async () => {
          await usable(page, 'dvc-procedure');
          assert.match(await textOf(page, 'dvc-procedure >>> [part~="title"]'), /Đăng ký khai sinh/);
          await accessible(page, name, 'dvc-procedure', 'loaded');
        });

        test('dvc-dossier-tracker: readable, and a lookup shows the dossier', async () => {
          await usable(page, 'dvc-dossier-tracker');
          const dossier = returnedDossier(server.demo);
          const result = await lookUp(page, dossier);
          assert.ok(result.includes(dossier.code), `the result names the dossier: ${result.slice(0, 200)}`);
          assert.ok(!result.includes(dossier.idNumber), 'the ID number is never shown back');
          assert.deepEqual(unusable(await inspect(page, 'dvc-dossier-tracker >>> [part~="status"]'), VIEWPORT.width), []);
          await accessible(page, name, 'dvc-dossier-tracker', 'result');
        });

        test('dvc-satisfaction-survey: readable, and a response is sent', async () => {
          await usable(page, 'dvc-satisfaction-survey');
          assert.match(await answerSurvey(page), /Cảm ơn/);
          await accessible(page, name, 'dvc-satisfaction-survey', 'sent');
        });

        test('beside a float that fills the line (old CMS headings), each widget moves below it at full width', async () => {
          const widths = await page.evaluate(() => {
            const hosts = [...document.querySelectorAll<HTMLElement>('dvc-service-search, dvc-procedure, dvc-dossier-tracker, dvc-satisfaction-survey')];
            const floats = hosts.map((host) => {
              const float = document.createElement('div');
              float.style.cssText = 'float: left; width: 100%; height: 10px';
              host.before(float);
              return float;
            });
            const out = hosts.map((host) => {
              const content = [...host.shadowRoot!.children].find((child) => child.getBoundingClientRect().height > 0)!;
              return { tag: host.localName, host: host.clientWidth, content: Math.round(content.getBoundingClientRect().width) };
            });
            for (const float of floats) float.remove();
            return out;
          });
          for (const w of widths) assert.ok(w.content >= Math.min(w.host, 320) - 1, `<${w.tag}> squeezed to ${w.content}px of ${w.host}px`);
        });

        if (name === 'globals') {
          test('the host\'s globals are left alone, and each tag went once through its wrapped customElements.define', async () => {
            const globals = await page.evaluate(() => {
              const w = window as unknown as Record<string, unknown>;
              return {
                lit: (w.Lit as { version?: string } | undefined)?.version,
                litHtml: w.litHtmlVersions,
                amd: w.__amdDefines ?? 0,
                env: (w.process as { env?: { NODE_ENV?: string } }).env?.NODE_ENV,
                defined: [...(w.__definedTags as string[])].sort(),
              };
            });
            assert.equal(globals.lit, '1.0.0-host');
            assert.equal((globals.litHtml as string[])[0], '1.4.1', 'the other Lit\'s version list is appended to, not replaced');
            assert.equal(globals.amd, 0, 'the bundles are ES modules: they never call the page\'s AMD define()');
            assert.equal(globals.env, 'development');
            assert.deepEqual(globals.defined, ['dvc-dossier-tracker', 'dvc-procedure', 'dvc-provider', 'dvc-satisfaction-survey', 'dvc-service-search']);
          });
        }

        test('the host page looks the same as without the widgets, they make it no wider, nothing went wrong', async () => {
          const styles = await hostStyles(page);
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          const bare = await withoutWidgets(browser, url());
          assert.deepEqual(styleDifferences(bare.styles, styles), []);
          // aggressive.html overflows by itself (its own nowrap headings); the widgets must not add to that.
          assert.ok(width <= Math.max(bare.scrollWidth, VIEWPORT.width), `the widgets widen the page to ${width}px`);
          problems.stop();
          assert.deepEqual(problems.list, []);
          assert.deepEqual(incidents.pageErrors, []);
          assert.deepEqual(incidents.dialogs, []);
        });
      });
    }
  });
}
