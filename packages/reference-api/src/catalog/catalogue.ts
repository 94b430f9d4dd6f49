/** The searchable catalogue the API serves: procedures with derived fields, filter lists and search. */
import type { FilterList, Match, Procedure, ProcedureSummary, SearchParams, SearchResult } from '@dvc-kit/sdk';
import { foldWithMap } from '@dvc-kit/sdk/text';
import { codeQuery, matchCode, type CodeHit } from './codes.ts';
import { toProcedure } from './derive.ts';
import { FacetIndex } from './facets.ts';
import { fnv1a64 } from './hash.ts';
import { CatalogError, type CatalogProcedure } from './model.ts';
import { compareHits, orderHits } from './order.ts';
import { canonicalTerm, Lexicon } from './query.ts';
import { RefTable } from './refs.ts';
import { SYNONYMS, type Synonym } from './synonyms.ts';
import { matcher, TextIndex, type TextHit } from './text-index.ts';

export interface Catalogue {
  readonly size: number;
  readonly detailedCount: number;
  /** Content hash of the procedures and the search tables: changes whenever an answer could change (ETags). */
  readonly version: string;
  search(params: SearchParams): SearchResult;
  get(code: string): Procedure | undefined;
  fields(): FilterList;
  agencies(): FilterList;
}

export interface CatalogueOptions {
  /** A province's own colloquial names and abbreviations, added to the built-in table. */
  synonyms?: readonly Synonym[];
}

export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 50;
/** Bumped when ranking changes, so cached search answers are not revalidated as unchanged. */
const SEARCH_REVISION = 1;

interface Ranked {
  index: number;
  /** Computed for the page only: mapping matches back onto the original name is the costly part. */
  matches: () => Match[];
}

const NO_MATCHES = (): Match[] => [];

const collator = new Intl.Collator('vi');

/** JSON with object keys sorted, so the version does not depend on the order properties were written in. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Ranges of the name's words that matched the query, on the original (unfolded) name. */
function nameMatches(name: string, hit: TextHit): Match[] {
  const matches: Match[] = [];
  const matched = matcher(hit);
  const { folded, map } = foldWithMap(name);
  for (const word of folded.matchAll(/[\p{L}\p{N}]+/gu)) {
    if (!matched(canonicalTerm(word[0]))) continue;
    matches.push({ field: 'name', start: map[word.index]!, end: map[word.index + word[0].length]! });
  }
  return matches;
}

function clamp(value: number | undefined, min: number, max: number, fallback: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.floor(value)));
}

export function createCatalogue(input: readonly CatalogProcedure[], options: CatalogueOptions = {}): Catalogue {
  const codes = new Set<string>();
  const duplicates = input.filter((p) => codes.size === codes.add(p.code).size).map((p) => p.code);
  if (duplicates.length > 0) throw new CatalogError(duplicates.map((code) => `duplicate procedure code ${code}`));

  const fieldRefs = new RefTable(collator);
  const agencyRefs = new RefTable(collator);
  for (const p of input) {
    fieldRefs.add([p.field]);
    agencyRefs.add(p.agencies);
  }
  const procedures = input.map((p) => deepFreeze(toProcedure(p, (n) => fieldRefs.ref(n), (n) => agencyRefs.ref(n))));
  const byCode = new Map(procedures.map((p, i) => [p.code, i]));
  const codeRank = new Int32Array(procedures.length);
  [...byCode.keys()].sort().forEach((code, rank) => (codeRank[byCode.get(code)!] = rank));
  const lexicon = new Lexicon([...SYNONYMS, ...(options.synonyms ?? [])]);
  const index = new TextIndex(procedures);
  const facetIndex = new FacetIndex(procedures, collator);
  const alphabetical: Ranked[] = procedures
    .map((_, i) => ({ index: i, matches: NO_MATCHES }))
    .sort((a, b) => collator.compare(procedures[a.index]!.name, procedures[b.index]!.name) || (procedures[a.index]!.code < procedures[b.index]!.code ? -1 : 1));
  const version = fnv1a64(canonicalJson({ revision: SEARCH_REVISION, procedures: input, search: lexicon.describe() }));

  function rank(q: string): Ranked[] {
    const ranked: Ranked[] = [];
    const seen = new Set<number>();
    const code = codeQuery(q);
    if (code) {
      const hits: [number, CodeHit][] = [];
      procedures.forEach((p, i) => {
        const hit = matchCode(p.code, code);
        if (hit) hits.push([i, hit]);
      });
      hits.sort(([a, x], [b, y]) => x.tier - y.tier || (procedures[a]!.code < procedures[b]!.code ? -1 : 1));
      for (const [i, hit] of hits) {
        ranked.push({ index: i, matches: () => [hit.match] });
        seen.add(i);
      }
    }
    const query = lexicon.analyze(q);
    const unseen = (h: TextHit) => !seen.has(h.index);
    const text = orderHits(index.search(query).filter(unseen), codeRank) ?? index.search(query, true).filter(unseen).sort(compareHits(codeRank));
    for (const h of text) ranked.push({ index: h.index, matches: () => nameMatches(procedures[h.index]!.name, h) });
    return ranked;
  }

  function summary({ index: i, matches }: Ranked): ProcedureSummary {
    const p = procedures[i]!;
    return {
      code: p.code, name: p.name, levels: [...p.levels], field: { ...p.field }, agency: p.agency && { ...p.agency },
      online: p.online, processingTime: p.processingTime && { ...p.processingTime }, fee: p.fee && { ...p.fee }, matches: matches(),
    };
  }

  return {
    size: procedures.length,
    detailedCount: procedures.filter((p) => p.detailed).length,
    version,
    search(params: SearchParams): SearchResult {
      const q = params.q ?? '';
      const page = clamp(params.page, 1, Number.MAX_SAFE_INTEGER, 1);
      const pageSize = clamp(params.pageSize, 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE);
      const matched = q.trim() ? rank(q) : alphabetical;
      const filters = { level: params.level, field: params.field, agency: params.agency, online: params.online };
      const filtered = facetIndex.filter(matched, (r) => r.index, filters);
      const start = (page - 1) * pageSize;
      return {
        items: filtered.slice(start, start + pageSize).map(summary),
        total: filtered.length,
        page,
        pageSize,
        facets: facetIndex.facets(matched.map((r) => r.index), filters),
      };
    },
    get(code: string): Procedure | undefined {
      const i = byCode.get(code.trim());
      return i === undefined ? undefined : procedures[i];
    },
    fields: () => ({ items: fieldRefs.list() }),
    agencies: () => ({ items: agencyRefs.list() }),
  };
}
