/**
 * Filters and facet counts. Standard (disjunctive) faceting: each facet counts the query's matches with every
 * OTHER active filter applied, not its own, so a citizen sees how many results each alternative value would
 * give (pick "Cấp tỉnh" and "Cấp xã" still shows its count instead of dropping to 0).
 * Every search counts facets over all its matches (thousands on a large catalogue, every keystroke), so each
 * procedure's values are numbered once, and counting is array arithmetic.
 */
import type { FacetValue, Level, OnlineService, Procedure, Ref, SearchFacets, SearchParams } from '@dvc-kit/sdk';
import { LEVELS, ONLINE_SERVICES } from './model.ts';

export type Filters = Pick<SearchParams, 'level' | 'field' | 'agency' | 'online'>;

export const LEVEL_LABELS: Record<Level, string> = { xa: 'Cấp xã', tinh: 'Cấp tỉnh', bo: 'Cấp Bộ', khac: 'Cơ quan khác' };
export const ONLINE_LABELS: Record<OnlineService, string> = {
  'toan-trinh': 'Toàn trình',
  'mot-phan': 'Một phần',
  none: 'Không trực tuyến',
};
/** Fields and agencies can run into hundreds; a facet lists the most frequent (the full lists have endpoints). */
export const FACET_LIMIT = 50;

const NONE = ONLINE_SERVICES.indexOf('none');

/** The values of one dimension, numbered: their ids, labels and a rank in Vietnamese alphabetical order of label. */
class Values {
  readonly ids: string[] = [];
  readonly labels: string[] = [];
  readonly #numbers = new Map<string, number>();
  alphabetical = new Int32Array(0);

  number({ id, name }: Ref): number {
    let n = this.#numbers.get(id);
    if (n === undefined) {
      this.#numbers.set(id, (n = this.ids.length));
      this.ids.push(id);
      this.labels.push(name);
    }
    return n;
  }

  /** The number of an id, -1 when no procedure has it (a filter on it matches nothing). */
  find(id: string): number {
    return this.#numbers.get(id) ?? -1;
  }

  /** Labels that collate equal share a rank, so comparing ranks is comparing labels. */
  rank(collator: Intl.Collator): void {
    const order = this.labels.map((_, n) => n).sort((a, b) => collator.compare(this.labels[a]!, this.labels[b]!));
    this.alphabetical = new Int32Array(this.labels.length);
    order.forEach((n, i) => {
      const previous = order[i - 1];
      this.alphabetical[n] = previous === undefined ? 0 : this.alphabetical[previous]! + (collator.compare(this.labels[previous]!, this.labels[n]!) === 0 ? 0 : 1);
    });
  }
}

/** Several values per procedure (levels, agencies), flattened: procedure i has `values[starts[i]..starts[i + 1])`. */
interface Lists {
  starts: Int32Array;
  values: Int32Array;
}

function lists(procedures: readonly Procedure[], valuesOf: (p: Procedure) => number[]): Lists {
  const all = procedures.map(valuesOf);
  const starts = new Int32Array(procedures.length + 1);
  all.forEach((v, i) => (starts[i + 1] = starts[i]! + v.length));
  return { starts, values: Int32Array.from(all.flat()) };
}

function has({ starts, values }: Lists, i: number, value: number): boolean {
  for (let k = starts[i]!; k < starts[i + 1]!; k++) if (values[k] === value) return true;
  return false;
}

/** Values with a count, most first (then alphabetically); at most FACET_LIMIT, plus the chosen one. */
function byCount(values: Values, counts: Int32Array, chosen: number): FacetValue[] {
  const listed: number[] = [];
  counts.forEach((count, n) => {
    if (count > 0 || n === chosen) listed.push(n);
  });
  listed.sort((a, b) => counts[b]! - counts[a]! || values.alphabetical[a]! - values.alphabetical[b]! || (values.ids[a]! < values.ids[b]! ? -1 : 1));
  const shown = listed.slice(0, FACET_LIMIT);
  if (chosen >= 0 && !shown.includes(chosen)) shown.push(chosen);
  return shown.map((n) => ({ value: values.ids[n]!, label: values.labels[n]!, count: counts[n]! }));
}

/** Values with a count (and the chosen one, even at 0) in their fixed order. */
function fixed<T extends string>(order: readonly T[], labels: Record<T, string>, counts: Int32Array, chosen: number): FacetValue[] {
  return order.flatMap((value, n) => (counts[n]! > 0 || n === chosen ? [{ value, label: labels[value], count: counts[n]! }] : []));
}

export class FacetIndex {
  readonly #levels: Lists;
  readonly #agencies: Lists;
  readonly #field: Int32Array;
  readonly #online: Int32Array;
  readonly #fieldValues = new Values();
  readonly #agencyValues = new Values();

  constructor(procedures: readonly Procedure[], collator: Intl.Collator) {
    this.#levels = lists(procedures, (p) => p.levels.map((l) => LEVELS.indexOf(l)));
    this.#agencies = lists(procedures, (p) => p.agencies.map((a) => this.#agencyValues.number(a)));
    this.#field = Int32Array.from(procedures, (p) => this.#fieldValues.number(p.field));
    this.#online = Int32Array.from(procedures, (p) => ONLINE_SERVICES.indexOf(p.online));
    this.#fieldValues.rank(collator);
    this.#agencyValues.rank(collator);
  }

  /**
   * For procedure i, whether it passes each filter: bit 0 level, 1 field, 2 agency, 3 online (set when that
   * filter is not active).
   */
  #passer(filters: Filters): (i: number) => number {
    const level = filters.level ? LEVELS.indexOf(filters.level) : -2;
    const field = filters.field ? this.#fieldValues.find(filters.field) : -2;
    const agency = filters.agency ? this.#agencyValues.find(filters.agency) : -2;
    const online = filters.online && filters.online !== 'any' ? ONLINE_SERVICES.indexOf(filters.online) : -2;
    const anyOnline = filters.online === 'any';
    return (i) =>
      (level === -2 || has(this.#levels, i, level) ? 1 : 0) |
      (field === -2 || this.#field[i] === field ? 2 : 0) |
      (agency === -2 || has(this.#agencies, i, agency) ? 4 : 0) |
      ((anyOnline ? this.#online[i] !== NONE : online === -2 || this.#online[i] === online) ? 8 : 0);
  }

  /** The items whose procedure passes every active filter, in order. */
  filter<T>(items: readonly T[], indexOf: (item: T) => number, filters: Filters): T[] {
    if (!filters.level && !filters.field && !filters.agency && !filters.online) return [...items];
    const passes = this.#passer(filters);
    return items.filter((item) => passes(indexOf(item)) === 15);
  }

  /** Facets over the query's matches (procedure indexes, before filtering). */
  facets(matches: readonly number[], filters: Filters): SearchFacets {
    const passes = this.#passer(filters);
    const levels = new Int32Array(LEVELS.length);
    const fields = new Int32Array(this.#fieldValues.ids.length);
    const agencies = new Int32Array(this.#agencyValues.ids.length);
    const online = new Int32Array(ONLINE_SERVICES.length);
    for (const i of matches) {
      const passed = passes(i);
      // Each dimension counts what passes every filter but its own.
      if ((passed | 1) === 15) for (let k = this.#levels.starts[i]!; k < this.#levels.starts[i + 1]!; k++) levels[this.#levels.values[k]!]!++;
      if ((passed | 2) === 15) fields[this.#field[i]!]!++;
      if ((passed | 4) === 15) for (let k = this.#agencies.starts[i]!; k < this.#agencies.starts[i + 1]!; k++) agencies[this.#agencies.values[k]!]!++;
      if ((passed | 8) === 15) online[this.#online[i]!]!++;
    }
    // A chosen value stays visible with 0, so the citizen can see and undo it.
    const chosenOnline = filters.online && filters.online !== 'any' ? ONLINE_SERVICES.indexOf(filters.online) : -1;
    return {
      levels: fixed(LEVELS, LEVEL_LABELS, levels, filters.level ? LEVELS.indexOf(filters.level) : -1),
      fields: byCount(this.#fieldValues, fields, filters.field ? this.#fieldValues.find(filters.field) : -1),
      agencies: byCount(this.#agencyValues, agencies, filters.agency ? this.#agencyValues.find(filters.agency) : -1),
      online: fixed(ONLINE_SERVICES, ONLINE_LABELS, online, chosenOnline),
    };
  }
}
