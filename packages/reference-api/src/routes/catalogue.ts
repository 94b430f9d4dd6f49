import type { FacetValue, Level, OnlineService, SearchParams, SearchResult } from '@dvc-kit/sdk';
import { FIELD_MESSAGES, hasControlCharacters } from '../input.ts';
import { LEVEL_LABELS, ONLINE_LABELS } from '../labels.ts';
import { pick, type Locale, type Localized } from '../locale.ts';
import { ProblemError, type FieldError } from '../problems.ts';
import { cacheableJson } from './http.ts';
import type { RouteContext, RouteTable } from './types.ts';

const LEVELS: readonly Level[] = ['xa', 'tinh', 'bo', 'khac'];
const ONLINE: readonly (OnlineService | 'any')[] = ['toan-trinh', 'mot-phan', 'none', 'any'];
const PROCEDURE_CODE = /^[0-9A-Za-z][0-9A-Za-z.-]{0,63}$/;
const MAX_QUERY = 200;

export function catalogueRoutes(context: RouteContext): RouteTable {
  const { catalogue } = context;
  return [
    {
      method: 'GET', path: '/v1/procedures', handler: (c) => {
        const params = parseSearchParams(new URL(c.req.url).searchParams);
        return cacheableJson(c, catalogue.version, () => localizeFacets(catalogue.search(params), c.get('locale')));
      },
    },
    {
      method: 'GET', path: '/v1/procedures/:code', handler: (c) => {
        const code = c.req.param('code') ?? '';
        const procedure = PROCEDURE_CODE.test(code) ? catalogue.get(code) : undefined;
        if (!procedure) throw new ProblemError('not-found', { detail: { vi: 'Không có thủ tục nào có mã này.', en: 'No procedure has this code.' } });
        return cacheableJson(c, catalogue.version, () => procedure);
      },
    },
    { method: 'GET', path: '/v1/fields', handler: (c) => cacheableJson(c, catalogue.version, () => catalogue.fields()) },
    { method: 'GET', path: '/v1/agencies', handler: (c) => cacheableJson(c, catalogue.version, () => catalogue.agencies()) },
  ];
}

/** Validates the query string of a search; unknown parameters are ignored, known ones must be well-formed. */
export function parseSearchParams(query: URLSearchParams): SearchParams {
  const errors: FieldError[] = [];
  const params: SearchParams = {};
  const fail = (name: string, message: Localized): void => {
    errors.push({ pointer: `/query/${name}`, message });
  };
  const value = (name: string): string | undefined => {
    const raw = query.get(name);
    if (raw === null) return undefined;
    if (hasControlCharacters(raw)) {
      fail(name, FIELD_MESSAGES.controlCharacters);
      return undefined;
    }
    return raw.trim() === '' ? undefined : raw.trim();
  };
  const integer = (name: string, min: number, max: number): number | undefined => {
    const raw = value(name);
    if (raw === undefined) return undefined;
    const parsed = /^\d{1,6}$/.test(raw) ? Number(raw) : Number.NaN;
    if (!(parsed >= min && parsed <= max)) {
      fail(name, { vi: `phải là số nguyên từ ${min} đến ${max}`, en: `must be an integer from ${min} to ${max}` });
      return undefined;
    }
    return parsed;
  };
  const id = (name: 'field' | 'agency'): void => {
    const raw = value(name);
    if (raw === undefined) return;
    if (raw.length > 100) fail(name, FIELD_MESSAGES.tooLong(100));
    else params[name] = raw;
  };

  const q = value('q');
  if (q !== undefined) {
    if (q.length > MAX_QUERY) fail('q', FIELD_MESSAGES.tooLong(MAX_QUERY));
    else params.q = q;
  }
  const level = value('level');
  if (level !== undefined) {
    if ((LEVELS as readonly string[]).includes(level)) params.level = level as Level;
    else fail('level', oneOf(LEVELS));
  }
  const online = value('online');
  if (online !== undefined) {
    if ((ONLINE as readonly string[]).includes(online)) params.online = online as OnlineService | 'any';
    else fail('online', oneOf(ONLINE));
  }
  id('field');
  id('agency');
  const page = integer('page', 1, 100_000);
  if (page !== undefined) params.page = page;
  const pageSize = integer('pageSize', 1, 50);
  if (pageSize !== undefined) params.pageSize = pageSize;

  if (errors.length > 0) throw new ProblemError('validation', { errors });
  return params;
}

function oneOf(values: readonly string[]): Localized {
  const list = values.join(', ');
  return { vi: `phải là một trong các giá trị ${list}`, en: `must be one of ${list}` };
}

/** Level and online-service facets get labels in the caller's language; field and agency names stay as published. */
function localizeFacets(result: SearchResult, locale: Locale): SearchResult {
  const relabel = (values: FacetValue[], labels: Record<string, Localized>): FacetValue[] =>
    values.map((facet) => {
      const label = labels[facet.value];
      return label ? { ...facet, label: pick(label, locale) } : facet;
    });
  return {
    ...result,
    facets: {
      ...result.facets,
      levels: relabel(result.facets.levels, LEVEL_LABELS),
      online: relabel(result.facets.online, ONLINE_LABELS),
    },
  };
}
