/**
 * Vietnamese-insensitive text utilities shared by the SDK, the elements and the reference API's search.
 *
 * Folding (domain.md §5): NFD, drop combining marks, đ→d explicitly (NFD does not decompose đ), lower case.
 * Old and new tone placement ("hoà" / "hòa") fold to the same string. Every folded character remembers the
 * index of the original character it came from, so matches found on folded text map back onto the original
 * for highlighting.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Fold one string for matching: lower case, no diacritics, đ → d. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

export interface FoldedText {
  /** The folded text. */
  folded: string;
  /** `map[i]` is the UTF-16 index in the original text of the character that produced `folded[i]`;
   * `map[folded.length]` is the original length. */
  map: number[];
}

/**
 * Folding one character costs a normalisation, two regular expressions and a lower-casing; names use a few hundred
 * distinct characters and the search maps a page of them per query, so each character's fold is remembered (bounded:
 * odd text cannot grow the table for ever).
 */
const folds = new Map<string, string>();
function foldChar(ch: string): string {
  let f = folds.get(ch);
  if (f == null) {
    f = fold(ch);
    if (folds.size < 4096) folds.set(ch, f);
  }
  return f;
}

/** Fold and keep, for each folded character, the index of its source character in the original text. */
export function foldWithMap(text: string): FoldedText {
  let folded = '';
  const map: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = foldChar(ch);
    folded += f;
    for (let k = 0; k < f.length; k++) map.push(i);
    i += ch.length;
  }
  map.push(text.length);
  return { folded, map };
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Split folded text into word tokens (letters and digits). */
export function tokenize(text: string): string[] {
  return fold(text).match(WORD) ?? [];
}


/**
 * Undo leftovers of Telex typing in an already folded token: "nguyeenx" → "nguyen", "sinhf" → "sinh",
 * "ddaats" → "dat", "khaaur" → "khau". Tokens with digits are left alone. A Vietnamese syllable never ends
 * in s, f, r, x or j, so a trailing tone key after a vowel or a final consonant is dropped.
 */
export function untelex(token: string): string {
  // Digits, very short words and vowel-less abbreviations (GCN, QSDĐ, CCCD) are not Telex.
  if (/\d/.test(token) || token.length < 3 || !/[aeiouy]/.test(token)) return token;
  let t = token;
  if (/[aeiouy][a-z]*[sfrxj]$/.test(t)) t = t.slice(0, -1);
  t = t.replace(/([adeo])\1/g, '$1');
  t = t.replace(/([aou])w/g, '$1').replace(/^w/, 'u');
  return t;
}

/** Fold a query and clean Telex leftovers from each of its words. */
export function queryTerms(query: string): string[] {
  return tokenize(query).map((t) => (/\d/.test(t) ? t : untelex(t))).filter((t) => t.length > 0);
}

/** A `[start, end)` range of UTF-16 indexes in an original text. */
export type Range = readonly [start: number, end: number];

/**
 * Where the folded `terms` occur in `text`, as merged ranges of the original text. Letter terms match at the
 * start of a word (prefix matching, as the user types); terms with digits match anywhere, so "001193" marks
 * the tail of "1.001193".
 */
export function matchRanges(text: string, terms: readonly string[]): Range[] {
  if (!text || terms.length === 0) return [];
  const { folded, map } = foldWithMap(text);
  const found: [number, number][] = [];
  for (const term of new Set(terms)) {
    if (!term) continue;
    const anywhere = /\d/.test(term);
    let from = 0;
    for (;;) {
      const at = folded.indexOf(term, from);
      if (at < 0) break;
      from = at + 1;
      const before = folded[at - 1];
      if (!anywhere && before !== undefined && /[\p{L}\p{N}]/u.test(before)) continue;
      found.push([map[at]!, map[at + term.length]!]);
    }
  }
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const [s, e] of found) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

/** A piece of an original text, marked when it matched the query. */
export interface Segment {
  text: string;
  match: boolean;
}

/** Split `text` into segments from explicit ranges (e.g. the `matches` the API returns). */
export function segments(text: string, ranges: readonly Range[]): Segment[] {
  const out: Segment[] = [];
  let pos = 0;
  for (const [s0, e0] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const s = Math.max(pos, Math.min(s0, text.length));
    const e = Math.max(s, Math.min(e0, text.length));
    if (s > pos) out.push({ text: text.slice(pos, s), match: false });
    if (e > s) out.push({ text: text.slice(s, e), match: true });
    pos = e;
  }
  if (pos < text.length || out.length === 0) out.push({ text: text.slice(pos), match: false });
  return out;
}

/**
 * Mark the parts of `text` that match `query`, ignoring case, diacritics and đ, and tolerating Telex
 * leftovers: `highlight('Đăng ký khai sinh', 'dang ky')` →
 * `[{text:'Đăng', match:true}, {text:' ', match:false}, {text:'ký', match:true}, {text:' khai sinh', match:false}]`.
 */
export function highlight(text: string, query: string): Segment[] {
  return segments(text, matchRanges(text, queryTerms(query)));
}
