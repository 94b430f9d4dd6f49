/**
 * Search quality over a set of citizen queries with the procedures a good answer contains: top-1/3/10 hit
 * rates and mean reciprocal rank, overall and per kind of query. Used by the quality test and the benchmark.
 */

export interface EvaluationQuery {
  q: string;
  /** Acceptable answers: the query succeeds at k when any of them is in the first k results. */
  expect: readonly string[];
  kind?: string;
}

export interface QueryOutcome {
  q: string;
  kind: string;
  expect: readonly string[];
  /** 1-based rank of the best expected code, or null when none was returned. */
  rank: number | null;
  /** The first codes returned, for reading a failure. */
  top: string[];
}

export interface Rates {
  queries: number;
  top1: number;
  top3: number;
  top10: number;
  /** Mean reciprocal rank (0 when not found). */
  mrr: number;
}

export interface Evaluation extends Rates {
  byKind: Record<string, Rates>;
  outcomes: QueryOutcome[];
  /** Queries whose expected procedure is not in the top 3. */
  misses: QueryOutcome[];
}

function rates(outcomes: readonly QueryOutcome[]): Rates {
  const n = outcomes.length || 1;
  const within = (k: number) => outcomes.filter((o) => o.rank !== null && o.rank <= k).length / n;
  return {
    queries: outcomes.length,
    top1: within(1),
    top3: within(3),
    top10: within(10),
    mrr: outcomes.reduce((sum, o) => sum + (o.rank ? 1 / o.rank : 0), 0) / n,
  };
}

/** Run every query through `search` (codes in ranked order, at least the first 10) and score the answers. */
export function evaluate(queries: readonly EvaluationQuery[], search: (q: string) => readonly string[]): Evaluation {
  const outcomes = queries.map(({ q, expect, kind = 'other' }): QueryOutcome => {
    const codes = search(q);
    const ranks = expect.map((code) => codes.indexOf(code)).filter((i) => i >= 0);
    return { q, kind, expect, rank: ranks.length ? Math.min(...ranks) + 1 : null, top: codes.slice(0, 5) };
  });
  const kinds = [...new Set(outcomes.map((o) => o.kind))].sort();
  return {
    ...rates(outcomes),
    byKind: Object.fromEntries(kinds.map((k) => [k, rates(outcomes.filter((o) => o.kind === k))])),
    outcomes,
    misses: outcomes.filter((o) => o.rank === null || o.rank > 3),
  };
}

/** A short human-readable report: overall and per-kind rates, then the misses. */
export function formatEvaluation(name: string, e: Evaluation): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const line = (label: string, r: Rates) =>
    `${label.padEnd(16)} n=${String(r.queries).padStart(3)}  top1 ${pct(r.top1).padStart(6)}  top3 ${pct(r.top3).padStart(6)}  top10 ${pct(r.top10).padStart(6)}  MRR ${r.mrr.toFixed(3)}`;
  return [
    `${name}`,
    line('all', e),
    ...Object.entries(e.byKind).map(([kind, r]) => line(`  ${kind}`, r)),
    ...e.misses.map((m) => `  miss [${m.kind}] "${m.q}" expected ${m.expect.join('|')} rank ${m.rank ?? '-'}; got ${m.top.join(', ')}`),
  ].join('\n');
}
