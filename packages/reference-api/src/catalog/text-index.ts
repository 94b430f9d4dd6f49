/**
 * The full-text side of search: BM25+ with prefix search over folded, canonical terms (`term-index.ts`), with the
 * Vietnamese ranking rules on top: every concept of the query counts once (AND-ish), synonyms satisfy a concept,
 * words typed side by side count extra when they stand side by side in the name, names that begin with or
 * mostly consist of the query win, and follow-up procedures (cấp lại, gia hạn) yield to the base one.
 * The weights were set by measuring test/fixtures/queries.json on the sample and on a real province catalogue.
 */
import type { Procedure } from '@dvc-kit/sdk';
import { indexTerms, type AnalyzedQuery } from './query.ts';
import { VARIANT_WORDS } from './synonyms.ts';
import { TermIndex } from './term-index.ts';
import { corrections, type Vocabulary } from './typos.ts';

/**
 * The indexed fields in order, with their boosts. Name first; the field and agencies help ("hộ tịch",
 * "ủy ban nhân dân cấp xã"); results and subjects a little.
 */
const BOOSTS = [3, 1, 0.5, 0.5];
/** Per pair of query words found side by side, in order, in the name. */
const PAIR_BONUS = 6;
/** A corrected typo counts, but less than the word as typed would. */
const CORRECTION_WEIGHT = 0.5;
const WEAK_WEIGHT = 0.5;
/** Bonus for a name made entirely of matched words (scaled by the matched share of its words). */
const NAME_COVER_WEIGHT = 12;
/** Bonus for a name that begins with the typed words (scaled by how many of them it begins with). */
const HEAD_WEIGHT = 12;
/** A follow-up procedure (cấp lại, gia hạn...) when the query asks for none: the base procedure first. */
const VARIANT_PENALTY = 8;
const VARIANTS = VARIANT_WORDS.map(indexTerms);
/** Names often start with "Thủ tục"; it says nothing about the procedure. */
const NAME_PREFIX = ['thu', 'tuc'];

export interface TextHit {
  index: number;
  /** How many required concepts of the query the procedure satisfies. */
  coverage: number;
  score: number;
  /** The wordings that satisfied each concept (for highlighting: see `matcher`). */
  matched: Alternative[];
}

export interface Alternative {
  terms: string[];
  weight: number;
  prefix: boolean;
  /** A synonym's wording rather than what was typed. */
  expansion: boolean;
}

function containsRun(terms: readonly string[], run: readonly string[]): boolean {
  return terms.some((_, i) => run.every((r, k) => terms[i + k] === r));
}

function pairsOf(terms: readonly string[]): string[] {
  return terms.slice(1).map((t, i) => `${terms[i]}_${t}`);
}

/** Whether `second` follows `first` somewhere in the name; with `open`, a word beginning with `second` does. */
function hasPair(name: readonly string[], first: string, second: string, open = false): boolean {
  for (let j = 0; j + 1 < name.length; j++) {
    if (name[j] === first && (open ? name[j + 1]!.startsWith(second) : name[j + 1] === second)) return true;
  }
  return false;
}

export class TextIndex implements Vocabulary {
  readonly #index: TermIndex;
  /**
   * Each name's words, one string per distinct word across names. Word pairs are looked for in these (a set of
   * pairs per name held most of a large catalogue's index in memory).
   */
  readonly #names: string[][] = [];
  /** Where the words that count for the name begin: after a leading "Thủ tục". */
  readonly #nameStarts: Uint8Array;
  /** Per procedure, the indexes (in VARIANTS) of the follow-up words its name contains. */
  readonly #variants: number[][] = [];
  readonly terms = new Map<string, number>();
  readonly pairs = new Set<string>();

  constructor(procedures: readonly Procedure[]) {
    const words = new Map<string, string>();
    this.#nameStarts = new Uint8Array(procedures.length);
    const documents = procedures.map((p, id) => {
      const name = indexTerms(p.name).map((w) => words.get(w) ?? (words.set(w, w), w));
      this.#names.push(name);
      this.#nameStarts[id] = name[0] === NAME_PREFIX[0] && name[1] === NAME_PREFIX[1] ? NAME_PREFIX.length : 0;
      this.#variants.push(VARIANTS.flatMap((v, i) => (containsRun(name, v) ? [i] : [])));
      const fields = [name, indexTerms(p.field.name), p.agencies.flatMap((a) => indexTerms(a.name)), [...p.results, ...p.subjects].flatMap(indexTerms)];
      for (const term of new Set(fields.flat())) this.terms.set(term, (this.terms.get(term) ?? 0) + 1);
      for (const pair of pairsOf(name)) this.pairs.add(pair);
      return fields;
    });
    this.#index = new TermIndex(documents, BOOSTS);
  }

  /**
   * The procedures matching the query, with their coverage and score, in no particular order. With `ordered`,
   * the order is the one the hits came in when MiniSearch returned each word's documents best first: only a
   * sort that is not a consistent order (see `orderHits`) depends on it.
   */
  search(query: AnalyzedQuery, ordered = false): TextHit[] {
    const cache = new Map<string, Map<number, number>>();
    const lookup = (term: string, prefix: boolean): Map<number, number> => {
      const key = `${prefix ? '*' : ''}${term}`;
      let scores = cache.get(key);
      if (!scores) cache.set(key, (scores = this.#index.scores(term, prefix, ordered)));
      return scores;
    };
    const { concepts, prefixLast } = query;
    const last = concepts.length - 1;
    const required = concepts.flatMap((c, i) => (c.weak ? [] : [i]));

    // Required concepts decide which procedures are candidates; weak ones only add to their scores.
    const hits = new Map<number, TextHit>();
    for (const c of required) {
      for (const [index, { score, alt }] of this.#satisfy(concepts[c]!.alternatives, prefixLast && c === last, lookup)) {
        let h = hits.get(index);
        if (!h) hits.set(index, (h = { index, coverage: 0, score: 0, matched: [] }));
        h.coverage++;
        h.score += score;
        h.matched.push(alt);
      }
    }
    let candidates = [...hits.values()];
    if (required.length > 0) {
      const most = candidates.reduce((m, h) => Math.max(m, h.coverage), 0);
      // Prefer procedures that match every concept; with three or more, one may be missing (a word the
      // name does not use), but those rank below every complete match (the caller sorts by coverage first).
      const least = Math.max(1, required.length >= 3 ? most - 1 : most);
      candidates = candidates.filter((h) => h.coverage >= least);
    }
    const byIndex = new Map(candidates.map((h) => [h.index, h]));
    concepts.forEach((concept, c) => {
      if (!concept.weak) return;
      const satisfied = this.#satisfy(concept.alternatives, prefixLast && c === last, lookup, required.length > 0 ? byIndex : undefined);
      for (const [index, { score, alt }] of satisfied) {
        let h = byIndex.get(index);
        if (!h) byIndex.set(index, (h = { index, coverage: 0, score: 0, matched: [] }));
        h.score += score * WEAK_WEIGHT;
        h.matched.push(alt);
      }
    });

    const typed = concepts.flatMap((c) => c.words);
    const asked = new Set(concepts.flatMap((c) => c.alternatives.flat()));
    const unasked = new Set(VARIANTS.flatMap((v, i) => (v.some((t) => asked.has(t)) ? [] : [i])));
    const matcherOf = matchers();
    for (const h of byIndex.values()) {
      const name = this.#names[h.index]!;
      const start = this.#nameStarts[h.index]!;
      // Words typed next to each other that stand next to each other in the name ("khai sinh", "kết hôn"): a
      // fixed bonus per pair, not BM25, so a long official name is not penalised twice for its length.
      for (let k = 0; k + 1 < typed.length; k++) {
        const open = prefixLast && k === typed.length - 2;
        if (hasPair(name, typed[k]!, typed[k + 1]!) || (open && hasPair(name, typed[k]!, typed[k + 1]!, true))) h.score += PAIR_BONUS;
      }
      const length = name.length - start;
      if (length > 0) {
        const matches = matcherOf(h);
        let matched = 0;
        for (let j = start; j < name.length; j++) if (matches(name[j]!)) matched++;
        h.score += (NAME_COVER_WEIGHT * matched) / length;
        // Citizens type the beginning of a name: "cấp giấy phép xây dựng" is "Cấp giấy phép xây dựng mới ...",
        // not "Cấp lại giấy phép xây dựng ...".
        let head = 0;
        const open = (i: number) => prefixLast && i === typed.length - 1 && name[start + i]!.startsWith(typed[i]!);
        while (head < typed.length && head < length && (name[start + head] === typed[head] || open(head))) head++;
        h.score += (HEAD_WEIGHT * head) / typed.length;
      }
      for (const variant of this.#variants[h.index]!) {
        if (!unasked.has(variant)) continue;
        h.score -= VARIANT_PENALTY;
        break;
      }
    }
    return [...byIndex.values()];
  }

  /**
   * For each procedure that satisfies one of the wordings (every term present), the best wording and its score.
   * `within` restricts the work to those procedures (weak words only matter for candidates).
   */
  #satisfy(
    wordings: readonly string[][],
    prefix: boolean,
    lookup: (term: string, prefix: boolean) => Map<number, number>,
    within?: ReadonlyMap<number, unknown>,
  ): Map<number, { score: number; alt: Alternative }> {
    const best = new Map<number, { score: number; alt: Alternative }>();
    for (const alt of this.#alternatives(wordings, prefix)) {
      const perTerm = alt.terms.map((t, k) => lookup(t, alt.prefix && k === alt.terms.length - 1));
      // Typed words earn their pair bonus in `search`; a synonym's wording earns it here.
      const [smallest, ...others] = [...perTerm].sort((a, b) => a.size - b.size);
      if (!smallest) continue;
      const pool = within && within.size < smallest.size ? within.keys() : smallest.keys();
      for (const index of pool) {
        if ((within && !within.has(index)) || !smallest.has(index) || !others.every((m) => m.has(index))) continue;
        let score = 0;
        for (const m of perTerm) score += m.get(index)!;
        // The mean keeps a seven-word expansion comparable to a one-word concept; in-order words add to it.
        let inOrder = 0;
        if (alt.expansion) {
          const name = this.#names[index]!;
          for (let k = 0; k + 1 < alt.terms.length; k++) if (hasPair(name, alt.terms[k]!, alt.terms[k + 1]!)) inOrder++;
        }
        score = (score / perTerm.length + PAIR_BONUS * inOrder) * alt.weight;
        const previous = best.get(index);
        if (!previous || score > previous.score) best.set(index, { score, alt });
      }
    }
    return best;
  }

  /** The concept's own wordings, then corrections of an unknown typed word. */
  #alternatives(wordings: readonly string[][], prefix: boolean): Alternative[] {
    const alternatives: Alternative[] = wordings.map((terms, i) => ({ terms, weight: 1, prefix: prefix && i === 0, expansion: i > 0 }));
    const [typed] = wordings;
    if (wordings.length === 1 && typed?.length === 1) {
      const word = typed[0]!;
      const completes = prefix && this.#index.completes(word);
      if (!completes) {
        for (const terms of corrections(word, this)) alternatives.push({ terms, weight: CORRECTION_WEIGHT, prefix: false, expansion: true });
      }
    }
    return alternatives;
  }
}

/**
 * `matcher`, shared by the hits that matched the same wordings: one query's thousands of hits satisfy it in a
 * handful of ways.
 */
function matchers(): (hit: TextHit) => (word: string) => boolean {
  const ids = new Map<Alternative, number>();
  const made = new Map<string, (word: string) => boolean>();
  return (hit) => {
    let key = '';
    for (const alt of hit.matched) {
      let id = ids.get(alt);
      if (id === undefined) ids.set(alt, (id = ids.size));
      key += `${id},`;
    }
    let matches = made.get(key);
    if (!matches) made.set(key, (matches = matcher(hit)));
    return matches;
  };
}

/** Whether a (canonical) name word matched the wordings that satisfied the query for this procedure. */
export function matcher(hit: TextHit): (word: string) => boolean {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  for (const alt of hit.matched) {
    alt.terms.forEach((t, k) => (alt.prefix && k === alt.terms.length - 1 ? prefixes.push(t) : exact.add(t)));
  }
  // Asked for every word of every matching name: no closure per call.
  if (prefixes.length === 0) return (word) => exact.has(word);
  return (word) => {
    if (exact.has(word)) return true;
    for (const p of prefixes) if (word.startsWith(p)) return true;
    return false;
  };
}
