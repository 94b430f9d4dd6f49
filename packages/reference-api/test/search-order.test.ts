// How the search orders its text matches, and the shortcut taken for speed: matches are ordered by a numeric sort
// whenever the historical comparison is a consistent order (else the search sorts as it always did).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compareHits, orderHits, type Scored } from '../src/catalog/order.ts';


describe('ordering text matches', () => {
  // Procedure i's code is the i-th in code order, except that 0 and 1 swap (the order must come from codeRank).
  const codeRank = Int32Array.from({ length: 40 }, (_, i) => (i === 0 ? 1 : i === 1 ? 0 : i));
  const hit = (index: number, coverage: number, score: number): Scored => ({ index, coverage, score });

  function shuffled<T>(items: readonly T[], seed: number): T[] {
    const out = [...items];
    let state = seed;
    for (let i = out.length - 1; i > 0; i--) {
      state = (state * 1103515245 + 12345) % 2147483648;
      const j = state % (i + 1);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }

  test('more concepts satisfied first, then higher score, then code; scores a rounding error apart are equal', () => {
    const hits = [
      hit(5, 2, 10), hit(6, 2, 12.5), hit(0, 2, 0.1 + 0.2), hit(1, 2, 0.3), hit(2, 1, 99), hit(3, 2, 12.5), hit(4, 2, 10 + 1e-9),
    ];
    const order = orderHits(hits, codeRank)!.map((h) => h.index);
    assert.deepEqual(order, [3, 6, 4, 5, 1, 0, 2]);
  });

  test('whenever the comparison is a consistent order, it is exactly what sorting with the comparison gives, whatever the arrival order', () => {
    const scores = [0, 1, 2.5, 2.5 + 1e-12, 3 - 1e-7, 3, 7.25, 0.1 + 0.7, 0.8];
    const hits = Array.from({ length: 40 }, (_, i) => hit(i, 1 + (i % 3), scores[(i * 7) % scores.length]!));
    for (let seed = 1; seed <= 20; seed++) {
      const arrived = shuffled(hits, seed);
      assert.deepEqual(orderHits(arrived, codeRank), [...arrived].sort(compareHits(codeRank)), `arrival order ${seed}`);
    }
  });

  test('a run of near-equal scores spanning more than a millionth is not a consistent order: left to the comparator', () => {
    // 3 before 4 and 4 before 5 (tied scores, so by code), but 5 before 3 (a higher score): no order satisfies all.
    const hits = [hit(3, 1, 1 - 0.8e-6), hit(4, 1, 1 - 0.4e-6), hit(5, 1, 1)];
    assert.equal(orderHits(hits, codeRank), null);
    // So what the comparator sorts out depends on the order the hits arrive in.
    const results = new Set([0, 1, 2, 3, 4, 5].map((seed) => [...shuffled(hits, seed)].sort(compareHits(codeRank)).map((h) => h.index).join()));
    assert.ok(results.size > 1, [...results].join(' | '));
  });

  test('no hits, or one, need no ordering', () => {
    assert.deepEqual(orderHits([], codeRank), []);
    assert.deepEqual(orderHits([hit(3, 1, 2)], codeRank), [hit(3, 1, 2)]);
  });
});
