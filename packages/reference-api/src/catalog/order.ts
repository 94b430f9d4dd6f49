/**
 * The order of text matches: procedures satisfying more of the query's concepts first, then by score, then by
 * code. Scores closer than a millionth count as equal (sums of the same BM25 terms in another order differ in
 * the last bits), which makes the comparison a consistent order only when no run of near-equal scores spans a
 * millionth. When it is consistent, the result does not depend on the order the hits arrive in, and a numeric
 * sort of packed keys gives it far faster than the comparator; when it is not, the caller sorts hits in their
 * historical arrival order with `compareHits`, as the search always did.
 */

export interface Scored {
  index: number;
  coverage: number;
  score: number;
}

const EPSILON_SCALE = 1e6;

/** The comparison the search has always sorted with; `codeRank[i]` orders procedure i's code among all codes. */
export function compareHits(codeRank: Int32Array): (a: Scored, b: Scored) => number {
  return (a, b) => b.coverage - a.coverage || Math.round((b.score - a.score) * EPSILON_SCALE) || codeRank[a.index]! - codeRank[b.index]!;
}

/** Whether `compareHits` sees the two scores as equal, both ways round. */
function tied(a: number, b: number): boolean {
  return Math.round((a - b) * EPSILON_SCALE) === 0 && Math.round((b - a) * EPSILON_SCALE) === 0;
}

/** Whether `compareHits` puts a before b and b after a, by score alone. */
function apart(higher: number, lower: number): boolean {
  return Math.round((lower - higher) * EPSILON_SCALE) < 0 && Math.round((higher - lower) * EPSILON_SCALE) > 0;
}

/**
 * The hits sorted as `compareHits` sorts them, or null when that comparison is not a consistent order on these
 * scores (its result would then depend on the order the hits arrived in).
 */
export function orderHits<T extends Scored>(hits: readonly T[], codeRank: Int32Array): T[] | null {
  if (hits.length < 2) return [...hits];
  // Group the distinct scores, best first, into runs that compare equal; consecutive runs must compare apart.
  const scores = Float64Array.from(hits, (h) => h.score).sort();
  const group = new Map<number, number>();
  let start = scores[scores.length - 1]!;
  let previous = start;
  let groups = 0;
  for (let i = scores.length - 1; i >= 0; i--) {
    const score = scores[i]!;
    if (score === previous && group.has(score)) continue;
    if (apart(previous, score)) {
      start = score;
      groups++;
    } else if (!tied(start, score)) {
      return null;
    }
    group.set(score, groups);
    previous = score;
  }
  // Coverage, score group and code rank packed into one number each: a native numeric sort does the rest.
  let most = 0;
  for (const h of hits) most = Math.max(most, h.coverage);
  const codes = codeRank.length;
  const byCode = new Map<number, T>();
  const keys = new Float64Array(hits.length);
  hits.forEach((h, i) => {
    const code = codeRank[h.index]!;
    byCode.set(code, h);
    keys[i] = ((most - h.coverage) * (groups + 1) + group.get(h.score)!) * codes + code;
  });
  keys.sort();
  return Array.from(keys, (key) => byCode.get(key % codes)!);
}
