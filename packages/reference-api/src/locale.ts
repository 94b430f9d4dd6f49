export type Locale = 'vi' | 'en';

/** Picks the best supported language from Accept-Language (q-values honoured); Vietnamese unless English wins. */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return 'vi';
  let best: { locale: Locale; q: number } | null = null;
  for (const part of acceptLanguage.slice(0, 500).split(',')) {
    const [tag = '', ...params] = part.trim().split(';');
    const primary = tag.trim().toLowerCase().split('-')[0];
    if (primary !== 'vi' && primary !== 'en') continue;
    let q = 1;
    for (const param of params) {
      const [key, value] = param.trim().split('=');
      if (key === 'q' && value !== undefined) q = Number.parseFloat(value);
    }
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { locale: primary, q };
  }
  return best?.locale ?? 'vi';
}

/** A user-facing text in both languages. */
export interface Localized {
  vi: string;
  en: string;
}

export function pick(text: Localized, locale: Locale): string {
  return text[locale];
}
