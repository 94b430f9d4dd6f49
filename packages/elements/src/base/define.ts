const warned = new Set<string>();

/**
 * Register `tag` unless something already did: loading a bundle twice, or two versions of dvc-kit, on one page
 * must not throw. When a different implementation holds the tag, say so once; the first one keeps working.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing === undefined) {
    customElements.define(tag, ctor);
    return;
  }
  if (existing !== ctor && !warned.has(tag)) {
    warned.add(tag);
    console.warn(`dvc-kit: <${tag}> is already defined by another copy of dvc-kit; keeping that one.`);
  }
}
