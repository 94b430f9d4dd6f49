// axe-core in the page (the npm package's own browser build, injected as a script) run on one widget, shadow roots
// included, against the WCAG 2.x A and AA rules.
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { ROOT } from '../../support/server.ts';

const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Loads axe into the page once (it stays until the page navigates). */
export async function injectAxe(page: Page): Promise<void> {
  if (await page.evaluate(() => 'axe' in window)) return;
  await page.addScriptTag({ path: AXE });
}

/** The WCAG A/AA violations inside the first element matching `selector` (a light-DOM selector), one line each. */
export async function axeViolations(page: Page, selector: string): Promise<string[]> {
  await injectAxe(page);
  return page.evaluate(async (selector, tags) => {
    const el = document.querySelector(selector);
    if (!el) return [`no element ${selector}`];
    type Result = { violations: { id: string; impact: string; nodes: { target: unknown[] }[] }[] };
    const axe = (window as unknown as { axe: { run(context: Element, options: unknown): Promise<Result> } }).axe;
    const result = await axe.run(el, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => `${selector}: ${v.id} (${v.impact}) at ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(', ')}`);
  }, selector, WCAG_AA);
}
