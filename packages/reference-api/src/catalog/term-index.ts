/**
 * Per-term BM25+ scores, computed the way MiniSearch 7 scores a one-term query (same parameters, same
 * floating-point operations in the same order, prefix completions visited in the same radix-tree order), so
 * rankings tuned on MiniSearch stay exactly as they were. The search asks for one term at a time, many times
 * per keystroke: MiniSearch recomputed every score and built a result object per document each time, which
 * dominated query time and heap on large catalogues. Here the raw score of every (term, field, document) is
 * computed once at build time and kept in typed arrays.
 */
import SearchableMap from 'minisearch/SearchableMap';

/** MiniSearch's defaults: BM25+ parameters and the weight of a prefix completion. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const PREFIX_WEIGHT = 0.375;

interface Postings {
  /** Documents having the term, field after field (ascending within a field). */
  docs: Int32Array;
  /** The raw BM25+ score of the term in that document's field, parallel to `docs`. */
  raw: Float64Array;
  /** `docs` of field f are `[ends[f - 1] ?? 0, ends[f])`. */
  ends: Int32Array;
}

function bm25(termFreq: number, matching: number, total: number, fieldLength: number, avgFieldLength: number): number {
  const { k, b, d } = BM25;
  const invDocFreq = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
  return invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / avgFieldLength)));
}

export class TermIndex {
  readonly #tree = new SearchableMap<Postings>();
  readonly #boosts: Float64Array;

  /** `documents[id][f]` are the terms of field f of document id; `boosts[f]` weighs field f. */
  constructor(documents: readonly (readonly string[])[][], boosts: readonly number[]) {
    this.#boosts = Float64Array.from(boosts);
    const fields = boosts.length;
    const avgFieldLength = new Float64Array(fields);
    const fieldLengths = new Uint32Array(documents.length * fields);
    // Term → per field, flat [doc, frequency, doc, frequency...], freed once the postings are packed.
    const building = new Map<string, { postings: Postings; freqs: number[][] }>();
    documents.forEach((document, id) => {
      for (let f = 0; f < fields; f++) {
        const terms = document[f] ?? [];
        // MiniSearch tokenises the joined text: an empty field is one empty token, which counts in its length.
        const length = terms.length === 0 ? 1 : new Set(terms).size;
        fieldLengths[id * fields + f] = length;
        avgFieldLength[f] = (avgFieldLength[f]! * id + length) / (id + 1);
        for (const term of terms) {
          if (!term) continue;
          let entry = building.get(term);
          if (!entry) {
            entry = { postings: { docs: new Int32Array(0), raw: new Float64Array(0), ends: new Int32Array(fields) }, freqs: Array.from({ length: fields }, () => []) };
            building.set(term, entry);
            // Insertion order shapes the radix tree, hence the order prefix completions are summed in.
            this.#tree.set(term, entry.postings);
          }
          const list = entry.freqs[f]!;
          if (list[list.length - 2] === id) list[list.length - 1]!++;
          else list.push(id, 1);
        }
      }
    });
    const total = documents.length;
    for (const { postings, freqs } of building.values()) {
      const size = freqs.reduce((n, list) => n + list.length / 2, 0);
      postings.docs = new Int32Array(size);
      postings.raw = new Float64Array(size);
      let at = 0;
      freqs.forEach((list, f) => {
        const matching = list.length / 2;
        for (let i = 0; i < list.length; i += 2) {
          const doc = list[i]!;
          postings.docs[at] = doc;
          postings.raw[at] = bm25(list[i + 1]!, matching, total, fieldLengths[doc * fields + f]!, avgFieldLength[f]!);
          at++;
        }
        postings.ends[f] = at;
      });
    }
  }

  /** Whether some indexed term starts with `prefix` (or is it). */
  completes(prefix: string): boolean {
    return !this.#tree.atPrefix(prefix).keys().next().done;
  }

  /**
   * Document → score for one term (and, with `prefix`, the terms it begins): what
   * `MiniSearch.search(term, { prefix, boost })` returned, without a result object per document. With `ordered`,
   * in MiniSearch's order too (best first); otherwise in the order documents were found, which saves a sort.
   */
  scores(term: string, prefix: boolean, ordered = false): Map<number, number> {
    const sums = new Map<number, number>();
    if (!term) return sums;
    const exact = this.#tree.get(term);
    if (exact) this.#add(sums, exact, 1);
    if (prefix) {
      for (const [completion, postings] of this.#tree.atPrefix(term)) {
        const distance = completion.length - term.length;
        if (distance === 0) continue;
        this.#add(sums, postings, (PREFIX_WEIGHT * completion.length) / (completion.length + 0.3 * distance));
      }
    }
    // Stable, as MiniSearch's: equal scores keep the order documents were first found in.
    return ordered ? new Map([...sums].sort((a, b) => b[1] - a[1])) : sums;
  }

  #add(sums: Map<number, number>, { docs, raw, ends }: Postings, weight: number): void {
    let at = 0;
    for (let f = 0; f < ends.length; f++) {
      const boost = this.#boosts[f]!;
      for (const end = ends[f]!; at < end; at++) {
        const doc = docs[at]!;
        const score = weight * boost * raw[at]!;
        const sum = sums.get(doc);
        sums.set(doc, sum === undefined ? score : sum + score);
      }
    }
  }
}
