// One warning per page, however many tags and copies: a page that loads dvc-kit twice has one problem to fix, and
// each copy has its own module state, so the flag lives on the global object.
const WARNED = Symbol.for('dvc-kit/duplicate-warned');

/**
 * Register `tag` unless something already did: loading a bundle twice, or two versions of dvc-kit, on one page
 * must not throw. When a different implementation holds the tag, say so once per page; the first one keeps working.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing === undefined) {
    customElements.define(tag, ctor);
    return;
  }
  const page = globalThis as { [WARNED]?: true };
  if (existing !== ctor && !page[WARNED]) {
    page[WARNED] = true;
    console.warn(`dvc-kit: <${tag}> is already defined by another copy of dvc-kit (loaded twice?); the first one stays.`);
  }
}
