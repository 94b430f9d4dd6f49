/**
 * From what a citizen typed to what the index is asked: folded words without Telex leftovers, grouped into
 * concepts (a word, or a synonym phrase with the wordings that satisfy it), filler dropped, weak words marked.
 */
import { queryTerms, tokenize } from '@dvc-kit/sdk/text';
import { FILLER, SYNONYMS, WEAK_WORDS, type Synonym } from './synonyms.ts';

/**
 * One spelling for the i/y variants of an open syllable ("kỳ"/"kì", "lý"/"lí", "quy"/"qui", "y tế"/"i"):
 * a final y after consonants only becomes i. "uy" (ủy, huy) is a different vowel and is left alone.
 */
export function canonicalTerm(term: string): string {
  return term.replace(/^(qu|[bcdghklmnprstvx]*)y$/, '$1i');
}

/** Index-side terms of a text: folded words in canonical spelling. */
export function indexTerms(text: string): string[] {
  return tokenize(text).map(canonicalTerm);
}

/** Query-side terms: also undoes Telex leftovers ("khai sinhf", "ddaats"). */
function typedTerms(text: string): string[] {
  return queryTerms(text).map(canonicalTerm);
}

export interface Concept {
  /** The words as typed (folded, canonical). */
  words: string[];
  /** Term sequences that satisfy the concept: the typed words first, then what names say for them. */
  alternatives: string[][];
  /** Scores when present, never required. */
  weak: boolean;
}

export interface AnalyzedQuery {
  concepts: Concept[];
  /** The last typed word may be unfinished (nothing typed after it): match it as a prefix too. */
  prefixLast: boolean;
}

interface Phrase {
  words: string[];
  means: string[][];
}

/** The synonym, filler and weak-word tables, folded once. */
export class Lexicon {
  readonly #phrases = new Map<string, Phrase[]>();
  readonly #filler: string[][];
  readonly #weak: Set<string>;

  constructor(synonyms: readonly Synonym[] = SYNONYMS) {
    for (const { say, means, twoWay } of synonyms) {
      this.#add(say, means);
      if (twoWay) this.#add(means, say);
    }
    this.#filler = FILLER.map(typedTerms).sort((a, b) => b.length - a.length);
    this.#weak = new Set(WEAK_WORDS.map(typedTerms).flat());
  }

  #add(say: readonly string[], means: readonly string[]): void {
    const meanings = means.map(indexTerms).filter((m) => m.length > 0);
    for (const phrase of say) {
      const words = typedTerms(phrase);
      if (words.length === 0) continue;
      const list = this.#phrases.get(words[0]!) ?? [];
      const same = list.find((p) => p.words.join(' ') === words.join(' '));
      if (same) same.means.push(...meanings);
      else list.push({ words, means: [...meanings] });
      list.sort((a, b) => b.words.length - a.words.length);
      this.#phrases.set(words[0]!, list);
    }
  }

  /** A stable description of the tables, part of the catalogue version (search answers depend on them). */
  describe(): string {
    return JSON.stringify([[...this.#phrases.entries()].sort(), this.#filler, [...this.#weak].sort()]);
  }

  analyze(query: string): AnalyzedQuery {
    const words = typedTerms(query);
    const concepts: Concept[] = [];
    const filler: Concept[] = [];
    let lastIsPhrase = false;
    for (let i = 0; i < words.length; ) {
      const phrase = (this.#phrases.get(words[i]!) ?? []).find((p) => startsWith(words, i, p.words));
      if (phrase) {
        concepts.push({ words: phrase.words, alternatives: [phrase.words, ...phrase.means], weak: false });
        i += phrase.words.length;
        lastIsPhrase = i === words.length;
        continue;
      }
      const fill = this.#filler.find((f) => startsWith(words, i, f));
      if (fill) {
        for (const w of fill) filler.push({ words: [w], alternatives: [[w]], weak: false });
        i += fill.length;
        lastIsPhrase = i === words.length;
        continue;
      }
      const word = words[i]!;
      concepts.push({ words: [word], alternatives: [[word]], weak: this.#weak.has(word) });
      i++;
      lastIsPhrase = false;
    }
    // A query made only of filler ("thủ tục") still means what it says.
    const useful = concepts.length > 0 ? concepts : filler;
    const last = words[words.length - 1] ?? '';
    return {
      concepts: useful,
      // A lone first letter would expand to half the vocabulary; after other words it narrows them down.
      prefixLast: !lastIsPhrase && !/\s$/.test(query) && /^[a-z]+$/.test(last) && (last.length > 1 || words.length > 1) && useful.length > 0,
    };
  }
}

function startsWith(words: readonly string[], at: number, phrase: readonly string[]): boolean {
  return phrase.every((w, k) => words[at + k] === w);
}
