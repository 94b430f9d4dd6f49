/** Polls inside a play function until the element shows `selector` (the in-tab API answers asynchronously). */
export async function waitFor(el: Element, selector: string): Promise<HTMLElement> {
  for (let i = 0; i < 200; i++) {
    const found = el.shadowRoot?.querySelector<HTMLElement>(selector);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`story: ${selector} never appeared`);
}
