/**
 * Typo tolerance against the index's own vocabulary. Vietnamese words are short syllables, so a plain
 * Levenshtein fuzzy search turns "thuong" into "truong" and "hon" into "hoa"; instead a word is corrected only
 * when the catalogue does not contain it at all, to the words one edit away (a swap of two neighbouring letters
 * counts as one edit: "sihn" → "sinh"), or split in two when the space was forgotten ("khaisinh").
 */

/** Optimal string alignment distance, giving up (returning max + 1) as soon as it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/** How many edits a word of this length may be away from a correction: none for 1-2 letters. */
function allowedEdits(length: number): number {
  if (length < 3) return 0;
  return length < 8 ? 1 : 2;
}

export interface Vocabulary {
  /** Term → number of procedures that contain it. */
  readonly terms: ReadonlyMap<string, number>;
  /** Adjacent word pairs of names, "khai_sinh". */
  readonly pairs: ReadonlySet<string>;
}

const MAX_CORRECTIONS = 3;

/** Likely intended spellings of an unknown word, most common first; each is a sequence of terms. */
export function corrections(word: string, vocabulary: Vocabulary): string[][] {
  if (!/^[a-z]+$/.test(word) || vocabulary.terms.has(word)) return [];
  const max = allowedEdits(word.length);
  const found: [string[], number][] = [];
  if (max > 0) {
    for (const [term, count] of vocabulary.terms) {
      if (editDistance(word, term, max) <= max) found.push([[term], count]);
    }
  }
  for (let at = 2; at <= word.length - 2; at++) {
    const left = word.slice(0, at);
    const right = word.slice(at);
    if (vocabulary.pairs.has(`${left}_${right}`)) found.push([[left, right], vocabulary.terms.get(left) ?? 0]);
  }
  return found
    .sort((a, b) => b[1] - a[1] || (a[0].join(' ') < b[0].join(' ') ? -1 : 1))
    .slice(0, MAX_CORRECTIONS)
    .map(([terms]) => terms);
}
