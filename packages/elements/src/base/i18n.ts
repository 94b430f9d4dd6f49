/** The languages every element speaks. */
export type Locale = 'vi' | 'en';

/**
 * One element's strings: the same keys in Vietnamese and English. Vietnamese is in the element's own code; English
 * is a separate module (`strings-en.ts`, exporting `en`) imported the first time an element speaks English, so the
 * pages that never do (nearly all of them) never download it.
 */
export type Strings<S extends Record<string, string>> = { vi: S; en: () => Promise<{ en: S }> };

export const DEFAULT_LOCALE: Locale = 'vi';

/** 'en', 'en-GB' → 'en'; 'vi', 'vi-VN' → 'vi'; languages we do not speak fall back to Vietnamese. */
export function parseLocale(tag: string | null | undefined): Locale {
  return tag && /^en(?:-|$)/i.test(tag.trim()) ? 'en' : DEFAULT_LOCALE;
}

/**
 * The language for `el`: its own `lang`, else the nearest ancestor's (crossing shadow roots), where a
 * `<dvc-provider locale>` counts as a default for what it contains; else Vietnamese.
 */
export function resolveLocale(el: Element): Locale {
  // Up through parents, and from a shadow root to its host (a document has neither, which ends the walk).
  for (let node: Node | null = el; node; node = node.parentNode ?? (node as ShadowRoot).host) {
    if (!(node instanceof Element)) continue;
    const lang = node.getAttribute('lang');
    if (lang) return parseLocale(lang);
    if (node.localName === 'dvc-provider') {
      const locale = node.getAttribute('locale');
      if (locale) return parseLocale(locale);
    }
  }
  return DEFAULT_LOCALE;
}

/** A wait in whole seconds, in minutes (rounded up) from two minutes on: a 600 s lock reads "10 phút", not "600 giây". */
export function waitText(seconds: number, locale: Locale): string {
  const minutes = seconds >= 120;
  return new Intl.NumberFormat(locale, { style: 'unit', unit: minutes ? 'minute' : 'second', unitDisplay: 'long' })
    .format(minutes ? Math.ceil(seconds / 60) : seconds);
}

/** Fill `{name}` placeholders; unknown placeholders stay visible so a missing value is noticed. */
export function interpolate(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole);
}

// One observer for the whole page: a `lang` change anywhere above an element (in the document or in any shadow
// root on its ancestor chain) may change its language, and elements are few, so each one simply re-resolves.
const listeners = new Set<() => void>();
let observer: MutationObserver | undefined;

/**
 * Call `onChange` whenever a `lang` (or a provider's `locale`) changes on `el` or above it. Call again after the
 * element moves; returns the unsubscribe function.
 */
export function watchLanguage(el: Element, onChange: () => void): () => void {
  observer ??= new MutationObserver(() => {
    for (const listener of [...listeners]) listener();
  });
  // The element's root, then each shadow host's root above it, up to the document (which has no host).
  for (let root: Node | undefined = el.getRootNode(); root; root = (root as ShadowRoot).host?.getRootNode()) {
    observer.observe(root, { subtree: true, attributes: true, attributeFilter: ['lang', 'locale'] });
  }
  listeners.add(onChange);
  return () => listeners.delete(onChange);
}
