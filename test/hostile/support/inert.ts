// Did API text turn into anything but text? Walks every dvc widget's shadow tree (nested ones too) for elements and
// attributes our templates never render: scripts, frames, images, style or base elements, event-handler attributes,
// `javascript:` links.
import type { Page } from 'puppeteer-core';

export function injectedElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const forbidden = new Set(['SCRIPT', 'IFRAME', 'IMG', 'OBJECT', 'EMBED', 'STYLE', 'LINK', 'BASE', 'META', 'FRAME']);
    const visit = (root: ShadowRoot, host: string) => {
      for (const el of root.querySelectorAll('*')) {
        const where = `${host} > ${el.localName}`;
        if (forbidden.has(el.tagName)) found.push(`${where}: <${el.localName}> element`);
        for (const attr of el.attributes) {
          if (/^on/i.test(attr.name)) found.push(`${where}: ${attr.name} attribute`);
          if (/^(href|src|action|formaction|srcdoc)$/i.test(attr.name) && /^\s*(javascript|data|vbscript):/i.test(attr.value)) {
            found.push(`${where}: ${attr.name}=${attr.value.slice(0, 40)}`);
          }
        }
        if (el.shadowRoot) visit(el.shadowRoot, `${where}#shadow`);
      }
    };
    for (const el of document.querySelectorAll('*')) if (el.localName.startsWith('dvc-') && el.shadowRoot) visit(el.shadowRoot, el.id || el.localName);
    return found;
  });
}

/**
 * Where `needle` occurs in the text of a widget's shadow tree (found by host id, nested shadow roots included), does
 * it read left to right on screen? Returns how often it occurs and how often it is drawn reversed (its first
 * character right of its last): what a stray bidi override in API text does to the widget's own words after it.
 */
export function visualOrder(page: Page, hostId: string, needle: string): Promise<{ found: number; reversed: number }> {
  return page.evaluate((hostId, needle) => {
    let found = 0;
    let reversed = 0;
    const visit = (root: ShadowRoot) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
          const edge = (at: number) => {
            const range = document.createRange();
            range.setStart(node!, at);
            range.setEnd(node!, at + 1);
            return range.getBoundingClientRect();
          };
          const first = edge(i);
          const last = edge(i + needle.length - 1);
          if (first.width === 0 && last.width === 0) continue;
          found++;
          if (Math.abs(first.top - last.top) < first.height / 2 && first.left > last.left) reversed++;
        }
      }
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
    };
    const host = document.getElementById(hostId);
    if (host?.shadowRoot) visit(host.shadowRoot);
    return { found, reversed };
  }, hostId, needle);
}

/** How many text nodes in the widgets' shadow trees (nested too) contain one of `needles`: hostile text on screen. */
export function textNodesWith(page: Page, needles: string[]): Promise<number> {
  return page.evaluate((needles) => {
    let count = 0;
    const visit = (root: ShadowRoot) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = (node.textContent ?? '').replace(/\p{Cf}/gu, '');
        if (needles.some((needle) => text.includes(needle))) count++;
      }
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
    };
    for (const el of document.querySelectorAll('*')) if (el.localName.startsWith('dvc-') && el.shadowRoot) visit(el.shadowRoot);
    return count;
  }, needles);
}
