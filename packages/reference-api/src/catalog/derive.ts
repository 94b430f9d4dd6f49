/** What the API shows that the catalogue does not store: ids, portal links, time and fee summaries. */
import type { Duration, FeeSummary, Method, Procedure, Ref } from '@dvc-kit/sdk';
import type { CatalogProcedure } from './model.ts';

const PORTAL = 'https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=';

export function portalUrl(code: string): string {
  return PORTAL + encodeURIComponent(code);
}

/** Rough length in calendar days, only to compare durations in different units (5 working days ≈ 7 days). */
function approxDays(duration: Duration): number {
  switch (duration.unit) {
    case 'hour': return duration.value / 24;
    case 'day': return duration.value;
    case 'working-day': return (duration.value * 7) / 5;
    case 'month': return duration.value * 30;
  }
}

/** The shortest processing time over all channels, or null when no channel states one. */
export function shortestTime(methods: readonly Method[]): Duration | null {
  let best: Duration | null = null;
  for (const { processingTime } of methods) {
    if (processingTime && (!best || approxDays(processingTime) < approxDays(best))) best = processingTime;
  }
  return best;
}

/**
 * The cheapest and dearest stated fee over all channels. A channel listed with no fees costs nothing;
 * a fee without a single amount (amountVnd null) keeps `free` false but does not move min/max.
 * Null when the catalogue has no channels for the procedure (nothing is known).
 */
export function feeSummary(methods: readonly Method[]): FeeSummary | null {
  if (methods.length === 0) return null;
  const amounts: number[] = [];
  let unknown = false;
  for (const method of methods) {
    if (method.fees.length === 0) amounts.push(0);
    for (const fee of method.fees) {
      if (fee.amountVnd === null) unknown = true;
      else amounts.push(fee.amountVnd);
    }
  }
  return {
    free: !unknown && amounts.every((a) => a === 0),
    minVnd: amounts.length ? Math.min(...amounts) : null,
    maxVnd: amounts.length ? Math.max(...amounts) : null,
  };
}

/** Resolves a display name to the catalogue-wide Ref of its spelling group (see `RefTable`). */
export type RefOf = (name: string) => Ref;

export function toProcedure(p: CatalogProcedure, fieldRef: RefOf, agencyRef: RefOf): Procedure {
  const agencies = p.agencies.map(agencyRef);
  return {
    code: p.code,
    name: p.name,
    levels: [...p.levels],
    field: fieldRef(p.field),
    agency: agencies[0] ?? null,
    online: p.online,
    processingTime: shortestTime(p.methods),
    fee: feeSummary(p.methods),
    type: p.type,
    issuingAgency: p.issuingAgency,
    agencies,
    subjects: p.subjects,
    methods: p.methods,
    documentCases: p.documentCases,
    steps: p.steps,
    conditions: p.conditions,
    results: p.results,
    legalBasis: p.legalBasis,
    portalUrl: portalUrl(p.code),
    detailed: p.methods.length > 0 || p.documentCases.length > 0 || p.steps.length > 0,
  };
}
