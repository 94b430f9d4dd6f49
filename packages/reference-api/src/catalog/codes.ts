/**
 * Procedure codes typed whole ("1.001193", "1.011442.000.00.00.H38"), as the base of a local variant
 * ("1.011442"), while typing ("1.0011") or as the last digits of the numeric part ("001193", "1193").
 */
import type { Match } from '@dvc-kit/sdk';

export interface CodeHit {
  /** 0 whole code, 1 local variant of the typed base code, 2 prefix or last digits. */
  tier: 0 | 1 | 2;
  match: Match;
}

const CODE_LIKE = /^\d[\d.]*(?:\.[0-9a-z]+)*$/i;
/** Fewer digits than this match too many codes by suffix to mean anything. */
const MIN_SUFFIX_DIGITS = 4;

/** Normalised code query, or null when the query does not look like (part of) a code. */
export function codeQuery(query: string): string | null {
  const text = query.trim().toLowerCase();
  return CODE_LIKE.test(text) && (text.match(/\d/g)?.length ?? 0) >= MIN_SUFFIX_DIGITS ? text : null;
}

export function matchCode(code: string, query: string): CodeHit | null {
  const lower = code.toLowerCase();
  const base = lower.slice(0, 8); // d.dddddd
  if (lower === query || base.replace('.', '') === query) return { tier: 0, match: { field: 'code', start: 0, end: code.length } };
  if (query.includes('.')) {
    if (lower.startsWith(query)) {
      const tier = /^\d\.\d{6}$/.test(query) ? 1 : 2;
      return { tier, match: { field: 'code', start: 0, end: query.length } };
    }
    return null;
  }
  if (/^\d+$/.test(query) && query.length <= 6 && base.endsWith(query)) {
    return { tier: 2, match: { field: 'code', start: 8 - query.length, end: 8 } };
  }
  return null;
}
