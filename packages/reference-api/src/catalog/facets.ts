/**
 * Filters and facet counts. Standard (disjunctive) faceting: each facet counts the query's matches with every
 * OTHER active filter applied, not its own, so a citizen sees how many results each alternative value would
 * give (pick "Cấp tỉnh" and "Cấp xã" still shows its count instead of dropping to 0).
 */
import type { FacetValue, Level, OnlineService, Procedure, SearchFacets, SearchParams } from '@dvc-kit/sdk';
import { LEVELS, ONLINE_SERVICES } from './model.ts';

export type Filters = Pick<SearchParams, 'level' | 'field' | 'agency' | 'online'>;
type Dimension = keyof Filters;

export const LEVEL_LABELS: Record<Level, string> = { xa: 'Cấp xã', tinh: 'Cấp tỉnh', bo: 'Cấp Bộ', khac: 'Cơ quan khác' };
export const ONLINE_LABELS: Record<OnlineService, string> = {
  'toan-trinh': 'Toàn trình',
  'mot-phan': 'Một phần',
  none: 'Không trực tuyến',
};
/** Fields and agencies can run into hundreds; a facet lists the most frequent (the full lists have endpoints). */
export const FACET_LIMIT = 50;

const collator = new Intl.Collator('vi');

function passes(p: Procedure, filters: Filters, skip?: Dimension): boolean {
  if (skip !== 'level' && filters.level && !p.levels.includes(filters.level)) return false;
  if (skip !== 'field' && filters.field && p.field.id !== filters.field) return false;
  if (skip !== 'agency' && filters.agency && !p.agencies.some((a) => a.id === filters.agency)) return false;
  if (skip !== 'online' && filters.online) {
    if (filters.online === 'any' ? p.online === 'none' : p.online !== filters.online) return false;
  }
  return true;
}

export function applyFilters<T>(items: readonly T[], procedureOf: (item: T) => Procedure, filters: Filters): T[] {
  return items.filter((item) => passes(procedureOf(item), filters));
}

class Counter {
  readonly counts = new Map<string, { label: string; count: number }>();

  add(value: string, label: string): void {
    const entry = this.counts.get(value);
    if (entry) entry.count++;
    else this.counts.set(value, { label, count: 1 });
  }

  values(active: string | undefined, order: 'fixed' | 'count', fixed: readonly string[] = []): FacetValue[] {
    let values = [...this.counts].map(([value, { label, count }]) => ({ value, label, count }));
    if (order === 'fixed') values.sort((a, b) => fixed.indexOf(a.value) - fixed.indexOf(b.value));
    else {
      values.sort((a, b) => b.count - a.count || collator.compare(a.label, b.label) || (a.value < b.value ? -1 : 1));
      const shown = values.slice(0, FACET_LIMIT);
      const selected = values.find((v) => v.value === active);
      values = selected && !shown.includes(selected) ? [...shown, selected] : shown;
    }
    return values;
  }
}

/** Facets over `matches` (the query's matches before filtering), labelled with `activeLabels` for chosen values that match nothing. */
export function facets(matches: readonly Procedure[], filters: Filters, activeLabels: { field?: string; agency?: string }): SearchFacets {
  const levels = new Counter();
  const fields = new Counter();
  const agencies = new Counter();
  const online = new Counter();
  for (const p of matches) {
    if (passes(p, filters, 'level')) for (const l of p.levels) levels.add(l, LEVEL_LABELS[l]);
    if (passes(p, filters, 'field')) fields.add(p.field.id, p.field.name);
    if (passes(p, filters, 'agency')) for (const a of p.agencies) agencies.add(a.id, a.name);
    if (passes(p, filters, 'online')) online.add(p.online, ONLINE_LABELS[p.online]);
  }
  // A chosen value stays visible with 0, so the citizen can see and undo it.
  if (filters.level && !levels.counts.has(filters.level)) levels.counts.set(filters.level, { label: LEVEL_LABELS[filters.level], count: 0 });
  if (filters.field && !fields.counts.has(filters.field) && activeLabels.field) fields.counts.set(filters.field, { label: activeLabels.field, count: 0 });
  if (filters.agency && !agencies.counts.has(filters.agency) && activeLabels.agency) agencies.counts.set(filters.agency, { label: activeLabels.agency, count: 0 });
  const chosenOnline = filters.online && filters.online !== 'any' ? filters.online : undefined;
  if (chosenOnline && !online.counts.has(chosenOnline)) online.counts.set(chosenOnline, { label: ONLINE_LABELS[chosenOnline], count: 0 });
  return {
    levels: levels.values(filters.level, 'fixed', LEVELS),
    fields: fields.values(filters.field, 'count'),
    agencies: agencies.values(filters.agency, 'count'),
    online: online.values(chosenOnline, 'fixed', ONLINE_SERVICES),
  };
}
