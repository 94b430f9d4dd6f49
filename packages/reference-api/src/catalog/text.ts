/** String hygiene shared by the JSON and CSV loaders, and the slug ids of filter values. */
import { fold } from '@dvc-kit/sdk/text';

const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;

/** A one-line value: NFC, invisible characters removed, whitespace runs (incl. NBSP, tabs, line breaks) → one space, trimmed. */
export function cleanLine(value: string): string {
  return value.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** A paragraph value: like `cleanLine` but line breaks are kept (descriptions, conditions). */
export function cleanParagraph(value: string): string {
  return value
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * The stable id of a filter value: the folded name as a slug ("Hộ tịch" → "ho-tich"). Spelling variants of one
 * name ("Thi đua - khen thưởng" / "Thi đua – Khen thưởng", "Sở Công Thương" / "Sở Công thương") share an id.
 */
export function slug(name: string): string {
  return fold(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Names that differ only in spelling (same slug) are one; the first spelling is kept, empty names dropped. */
export function uniqueNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => {
    const id = slug(name);
    if (!id || seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
