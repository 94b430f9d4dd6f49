// Measurements taken inside the page: is a part of a widget really there for a citizen (a box of its own, inside the
// viewport, on top where it is drawn, readable type and contrast), and what the host page's own elements look like.
import type { Page } from 'puppeteer-core';

export interface PartReport {
  selector: string;
  width: number;
  height: number;
  left: number;
  right: number;
  /** The part itself (or something inside it) is what a click at its centre lands on. */
  onTop: boolean;
  display: string;
  visibility: string;
  opacity: number;
  fontSizePx: number;
  /** Text against the first opaque background behind it (WCAG ratio). */
  contrast: number;
  direction: string;
}

/** Scrolls the part (a `>>>` selector) into view and measures it. */
export async function inspect(page: Page, selector: string, timeout = 15_000): Promise<PartReport> {
  const handle = await page.waitForSelector(selector, { timeout });
  if (!handle) throw new Error(`no element for ${selector}`);
  const report = await handle.evaluate((el, selector) => {
    el.scrollIntoView({ block: 'center', inline: 'nearest' });
    const rect = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    const x = rect.left + Math.min(rect.width / 2, 20);
    const y = rect.top + rect.height / 2;
    let hit: Element | null = document.elementFromPoint(x, y);
    while (hit?.shadowRoot) {
      const inner = hit.shadowRoot.elementFromPoint(x, y);
      if (!inner || inner === hit) break;
      hit = inner;
    }
    const within = (node: Element | null): boolean => {
      for (let n: Node | null = node; n; n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null)) if (n === el) return true;
      return false;
    };
    const channels = (color: string): number[] => (color.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r = 0, g = 0, b = 0]: number[]): number => {
      const lin = (c: number) => { const s = c / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    let background = [255, 255, 255];
    for (let n: Node | null = el; n; n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null)) {
      if (!(n instanceof Element)) continue;
      const c = channels(getComputedStyle(n).backgroundColor);
      if (c.length >= 3 && (c.length < 4 || c[3]! > 0.5)) { background = c; break; }
    }
    const [l1, l2] = [luminance(channels(style.color)), luminance(background)].sort((a, b) => b - a) as [number, number];
    return {
      selector,
      width: rect.width,
      height: rect.height,
      left: rect.left,
      right: rect.right,
      onTop: within(hit),
      display: style.display,
      visibility: style.visibility,
      opacity: Number(style.opacity),
      fontSizePx: parseFloat(style.fontSize),
      contrast: Math.round(((l1 + 0.05) / (l2 + 0.05)) * 100) / 100,
      direction: style.direction,
    };
  }, selector);
  await handle.dispose();
  return report;
}

/** Why a part is not usable by a citizen, or [] when it is. */
export function unusable(part: PartReport, viewportWidth: number): string[] {
  const problems: string[] = [];
  if (part.width < 1 || part.height < 1) problems.push(`no box (${part.width}×${part.height})`);
  if (part.left < -1 || part.right > viewportWidth + 1) problems.push(`outside the viewport (${Math.round(part.left)}..${Math.round(part.right)} of ${viewportWidth})`);
  if (!part.onTop) problems.push('covered by something else');
  if (part.display === 'none' || part.visibility !== 'visible' || part.opacity < 0.5) problems.push(`hidden (${part.display}, ${part.visibility}, opacity ${part.opacity})`);
  if (part.fontSizePx < 12 || part.fontSizePx > 32) problems.push(`type ${part.fontSizePx}px`);
  if (part.contrast < 4.5) problems.push(`contrast ${part.contrast}:1`);
  // Vietnamese and English read left to right; an RTL page must not reorder them (numbers jump, brackets flip).
  if (part.direction !== 'ltr') problems.push(`direction ${part.direction}`);
  return problems.map((problem) => `${part.selector}: ${problem}`);
}

/** The document scrolls sideways (content wider than the viewport). */
export function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}

/** Every computed style of each `[data-probe]` host element, by probe name: to compare with and without widgets. */
export function hostStyles(page: Page): Promise<Record<string, Record<string, string>>> {
  return page.evaluate(() => {
    const out: Record<string, Record<string, string>> = {};
    for (const el of document.querySelectorAll<HTMLElement>('[data-probe]')) {
      const style = getComputedStyle(el);
      const values: Record<string, string> = {};
      for (let i = 0; i < style.length; i++) {
        const name = style.item(i);
        values[name] = style.getPropertyValue(name);
      }
      out[el.dataset.probe!] = values;
    }
    return out;
  });
}

// Resolved from layout rather than from style rules: a longer page gets a classic scrollbar in Firefox, which
// narrows every block by its width without any rule changing.
const LAYOUT_VALUES = new Set(['width', 'height', 'inline-size', 'block-size', 'perspective-origin', 'transform-origin']);

/** The style properties whose values differ, per probe: "h1 color: rgb(0, 0, 0) → rgb(255, 0, 0)". */
export function styleDifferences(before: Record<string, Record<string, string>>, after: Record<string, Record<string, string>>): string[] {
  const out: string[] = [];
  for (const [probe, values] of Object.entries(before)) {
    const now = after[probe];
    if (!now) { out.push(`${probe}: missing`); continue; }
    for (const [name, value] of Object.entries(values)) {
      if (!LAYOUT_VALUES.has(name) && now[name] !== value) out.push(`${probe} ${name}: ${value} → ${now[name]}`);
    }
  }
  return out;
}

/**
 * Parts of the widgets (anything in their shadow trees, nested ones too) that stick out of the viewport sideways,
 * i.e. would need horizontal scrolling. The host page's own overflow is not counted: legacy.html's framework
 * overflows a 320 px screen by itself.
 */
export function widgetOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const visit = (root: ShadowRoot, path: string) => {
      for (const el of root.querySelectorAll('*')) {
        const rect = el.getBoundingClientRect();
        if (rect.width > 0 && (rect.left < -1 || rect.right > window.innerWidth + 1)) {
          found.push(`${path} ${el.localName}${el.id ? `#${el.id}` : ''}: ${Math.round(rect.left)}..${Math.round(rect.right)}`);
        }
        if (el.shadowRoot) visit(el.shadowRoot, `${path} ${el.localName} >>>`);
      }
    };
    for (const el of document.querySelectorAll('*')) if (el.localName.startsWith('dvc-') && el.shadowRoot) visit(el.shadowRoot, `${el.localName} >>>`);
    return found.slice(0, 10);
  });
}
