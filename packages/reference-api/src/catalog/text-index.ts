/**
 * The full-text side of search: MiniSearch (BM25+, prefix search) over folded, canonical terms, with the
 * Vietnamese ranking rules on top: every concept of the query counts once (AND-ish), synonyms satisfy a concept,
 * adjacent words that are adjacent in the name count extra, and a name mostly made of the query wins.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import type { Procedure } from '@dvc-kit/sdk';
import { indexTerms, type AnalyzedQuery } from './query.ts';
import { corrections, type Vocabulary } from './typos.ts';

interface Doc {
  id: number;
  name: string;
  pairs: string;
  field: string;
  agencies: string;
  extra: string;
}

const WORD_FIELDS = ['name', 'field', 'agencies', 'extra'];
const PAIR_FIELDS = ['pairs'];
/** Name first; the field and agencies help ("hộ tịch", "ủy ban nhân dân cấp xã"); results and subjects a little. */
const BOOST = { name: 3, pairs: 2, field: 1, agencies: 0.5, extra: 0.5 };
/** A corrected typo counts, but less than the word as typed would. */
const CORRECTION_WEIGHT = 0.5;
const WEAK_WEIGHT = 0.5;
/** Bonus for a name made entirely of matched words (scaled by the matched share of its words). */
const NAME_COVER_WEIGHT = 12;
/** Names often start with "Thủ tục"; it says nothing about the procedure. */
const NAME_PREFIX = ['thu', 'tuc'];

export interface TextHit {
  index: number;
  /** How many required concepts of the query the procedure satisfies. */
  coverage: number;
  score: number;
  /** Canonical terms of the name that matched, for highlighting. */
  nameTerms: Set<string>;
}

interface TermHit {
  score: number;
  nameTerms: string[];
}

interface Alternative {
  terms: string[];
  weight: number;
  prefix: boolean;
}

function pairsOf(terms: readonly string[]): string[] {
  return terms.slice(1).map((t, i) => `${terms[i]}_${t}`);
}

export class TextIndex implements Vocabulary {
  readonly #search: MiniSearch<Doc>;
  readonly #nameTerms: string[][];
  readonly terms = new Map<string, number>();
  readonly pairs = new Set<string>();

  constructor(procedures: readonly Procedure[]) {
    this.#search = new MiniSearch<Doc>({
      fields: [...WORD_FIELDS, ...PAIR_FIELDS],
      storeFields: [],
      // Documents and queries arrive as canonical terms joined by spaces.
      tokenize: (text) => text.split(' '),
      processTerm: (term) => term || null,
    });
    this.#nameTerms = [];
    const docs = procedures.map((p, id): Doc => {
      const name = indexTerms(p.name);
      this.#nameTerms.push(name[0] === NAME_PREFIX[0] && name[1] === NAME_PREFIX[1] ? name.slice(2) : name);
      const pairs = pairsOf(name);
      const fields = {
        name,
        field: indexTerms(p.field.name),
        agencies: p.agencies.flatMap((a) => indexTerms(a.name)),
        extra: [...p.results, ...p.subjects].flatMap(indexTerms),
      };
      for (const term of new Set(Object.values(fields).flat())) this.terms.set(term, (this.terms.get(term) ?? 0) + 1);
      for (const pair of pairs) this.pairs.add(pair);
      return {
        id,
        name: fields.name.join(' '),
        pairs: pairs.join(' '),
        field: fields.field.join(' '),
        agencies: fields.agencies.join(' '),
        extra: fields.extra.join(' '),
      };
    });
    this.#search.addAll(docs);
  }

  search(query: AnalyzedQuery): TextHit[] {
    const cache = new Map<string, Map<number, TermHit>>();
    const lookup = (term: string, fields: string[], prefix: boolean): Map<number, TermHit> => {
      const key = `${fields[0]}|${prefix ? '*' : ''}${term}`;
      let hits = cache.get(key);
      if (!hits) cache.set(key, (hits = this.#lookup(term, fields, prefix)));
      return hits;
    };
    const hits = new Map<number, TextHit>();
    const hit = (index: number) => {
      let h = hits.get(index);
      if (!h) hits.set(index, (h = { index, coverage: 0, score: 0, nameTerms: new Set() }));
      return h;
    };

    const { concepts, prefixLast } = query;
    const required = concepts.filter((c) => !c.weak).length;
    concepts.forEach((concept, c) => {
      const prefix = prefixLast && c === concepts.length - 1;
      const best = new Map<number, TermHit>();
      for (const alt of this.#alternatives(concept.alternatives, prefix)) {
        const perTerm = alt.terms.map((t, k) => lookup(t, WORD_FIELDS, alt.prefix && k === alt.terms.length - 1));
        const pairHits = pairsOf(alt.terms).map((p, k) => lookup(p, PAIR_FIELDS, alt.prefix && k === alt.terms.length - 2));
        const [smallest, ...others] = [...perTerm].sort((a, b) => a.size - b.size);
        for (const index of smallest?.keys() ?? []) {
          if (!others.every((m) => m.has(index))) continue;
          let score = 0;
          const nameTerms: string[] = [];
          for (const m of perTerm) {
            const h = m.get(index)!;
            score += h.score;
            nameTerms.push(...h.nameTerms);
          }
          // The mean keeps a seven-word expansion comparable to a one-word concept; in-order words add to it.
          score = score / perTerm.length + pairHits.reduce((s, m) => s + (m.get(index)?.score ?? 0), 0);
          score *= alt.weight;
          const previous = best.get(index);
          if (!previous || score > previous.score) best.set(index, { score, nameTerms });
        }
      }
      for (const [index, b] of best) {
        const h = hit(index);
        h.score += concept.weak ? b.score * WEAK_WEIGHT : b.score;
        if (!concept.weak) h.coverage++;
        for (const t of b.nameTerms) h.nameTerms.add(t);
      }
    });

    // Words typed next to each other that stand next to each other in the name ("khai sinh", "kết hôn").
    const typed = concepts.flatMap((c) => c.words);
    pairsOf(typed).forEach((pair, k) => {
      for (const [index, h] of lookup(pair, PAIR_FIELDS, prefixLast && k === typed.length - 2)) {
        const target = hits.get(index);
        if (target) target.score += h.score;
      }
    });

    for (const h of hits.values()) {
      const name = this.#nameTerms[h.index]!;
      const matched = name.filter((t) => h.nameTerms.has(t)).length;
      if (name.length > 0) h.score += (NAME_COVER_WEIGHT * matched) / name.length;
    }

    let list = [...hits.values()];
    if (required > 0) {
      const most = list.reduce((m, h) => Math.max(m, h.coverage), 0);
      // Prefer procedures that match every concept; with three or more, one may be missing (a word the
      // name does not use), but those rank below every complete match.
      const least = Math.max(1, required >= 3 ? most - 1 : most);
      list = list.filter((h) => h.coverage >= least);
    }
    return list;
  }

  /** The concept's own wordings, then corrections of an unknown typed word. */
  #alternatives(wordings: readonly string[][], prefix: boolean): Alternative[] {
    const alternatives: Alternative[] = wordings.map((terms, i) => ({ terms, weight: 1, prefix: prefix && i === 0 }));
    const [typed] = wordings;
    if (wordings.length === 1 && typed?.length === 1) {
      const word = typed[0]!;
      const completes = prefix && [...this.terms.keys()].some((t) => t.startsWith(word));
      if (!completes) {
        for (const terms of corrections(word, this)) alternatives.push({ terms, weight: CORRECTION_WEIGHT, prefix: false });
      }
    }
    return alternatives;
  }

  #lookup(term: string, fields: string[], prefix: boolean): Map<number, TermHit> {
    const results: SearchResult[] = this.#search.search(term, { fields, prefix, fuzzy: false, boost: BOOST });
    const hits = new Map<number, TermHit>();
    for (const r of results) {
      const nameTerms: string[] = [];
      for (const [docTerm, inFields] of Object.entries(r.match)) {
        if (inFields.includes('name')) nameTerms.push(docTerm);
        if (inFields.includes('pairs')) nameTerms.push(...docTerm.split('_'));
      }
      hits.set(r.id as number, { score: r.score, nameTerms });
    }
    return hits;
  }
}
