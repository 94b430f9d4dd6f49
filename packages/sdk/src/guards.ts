/**
 * Runtime checks of response bodies: the API is untrusted, so nothing reaches a component before it has the
 * shape types.ts promises. Hand-written combinators rather than a schema library because every byte counts
 * against the SDK's size budget. `obj` requires a guard for every key of the type, so a field added to
 * types.ts that is not checked here is a compile error. Unknown extra properties are allowed (forward
 * compatibility); enum values are checked, because components look them up in label tables.
 */
import type {
  Dossier, Duration, FacetValue, FeeSummary, FilterList, Health, Procedure, ProcedureSummary, Problem, Question,
  Ref, SearchResult, SurveyForm, SurveyReceipt,
} from './types.ts';

export type Guard<T> = (v: unknown) => v is T;
type Shape<T> = { [K in keyof T]-?: Guard<T[K]> };

const str = ((v) => typeof v == 'string') as Guard<string>;
const num = ((v) => typeof v == 'number') as Guard<number>; // JSON has no NaN or Infinity
const bool = ((v) => typeof v == 'boolean') as Guard<boolean>;
const nul = <T>(g: Guard<T>) => ((v) => v === null || g(v)) as Guard<T | null>;
const opt = <T>(g: Guard<T>) => ((v) => v === undefined || g(v)) as Guard<T | undefined>;
const arr = <T>(g: Guard<T>) => ((v) => Array.isArray(v) && v.every((x) => g(x))) as Guard<T[]>;
const oneOf = <const T>(...values: T[]) => ((v) => values.includes(v as T)) as Guard<T>;
const obj = <T>(shape: Shape<T>) => ((v) =>
  typeof v == 'object' && v !== null && Object.keys(shape).every((k) => shape[k as keyof T]((v as Record<string, unknown>)[k]))) as Guard<T>;

const strs = arr(str);
const nstr = nul(str);
const ref = obj<Ref>({ id: str, name: str });
const duration = obj<Duration>({
  value: num, unit: oneOf('working-day', 'day', 'hour', 'month'), note: opt(str),
});
const base = {
  code: str,
  name: str,
  levels: arr(oneOf('xa', 'tinh', 'bo', 'khac')),
  field: ref,
  agency: nul(ref),
  online: oneOf('toan-trinh', 'mot-phan', 'none'),
  processingTime: nul(duration),
  fee: nul(obj<FeeSummary>({ free: bool, minVnd: nul(num), maxVnd: nul(num) })),
};
const summary = obj<ProcedureSummary>({
  ...base,
  matches: arr(obj({ field: oneOf('code', 'name'), start: num, end: num })),
});
const facets = arr(obj<FacetValue>({ value: str, label: str, count: num }));

export const searchResult = obj<SearchResult>({
  items: arr(summary),
  total: num,
  page: num,
  pageSize: num,
  facets: obj({ levels: facets, fields: facets, agencies: facets, online: facets }),
});

export const procedure = obj<Procedure>({
  ...base,
  type: nstr,
  issuingAgency: nstr,
  agencies: arr(ref),
  subjects: strs,
  methods: arr(obj({
    channel: oneOf('direct', 'online', 'postal'),
    processingTime: nul(duration),
    fees: arr(obj({ kind: oneOf('phi', 'le-phi', 'khac'), amountVnd: nul(num), description: str })),
    description: str,
  })),
  documentCases: arr(obj({
    name: str,
    documents: arr(obj({ name: str, originals: num, copies: num, required: bool, template: nstr })),
  })),
  steps: arr(obj({ title: str, description: str })),
  conditions: strs,
  results: strs,
  legalBasis: arr(obj({ number: str, title: str })),
  portalUrl: str,
  detailed: bool,
});

export const filterList = obj<FilterList>({ items: arr(obj({ id: str, name: str, count: num })) });

const status = oneOf(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
export const dossier = obj<Dossier>({
  code: str,
  procedure: obj({ code: str, name: str }),
  applicant: str,
  agency: str,
  status: obj({ code: status, label: str }),
  receivedAt: nstr,
  appointmentAt: nstr,
  finishedAt: nstr,
  returnedAt: nstr,
  timing: nul(oneOf('early', 'on-time', 'overdue', 'on-track')),
  history: arr(obj({ at: str, unit: str, officer: nstr, action: str, status: nul(status) })),
  supplements: arr(obj({
    requestedAt: str, content: str, items: strs, dueAt: nstr, newAppointmentAt: nstr, fulfilledAt: nstr,
  })),
  survey: nul(obj({ form: str, token: str })),
});

const questionBase = { id: str, label: str, help: nstr, required: bool };
const choice = obj({
  ...questionBase, kind: oneOf('choice'), options: arr(obj({ value: str, label: str })),
});
const text = obj({ ...questionBase, kind: oneOf('text'), maxLength: num });
export const surveyForm = obj<SurveyForm>({
  id: str,
  version: num,
  title: str,
  description: nstr,
  needsDossier: bool,
  questions: arr(((v) => choice(v) || text(v)) as Guard<Question>),
});

export const receipt = obj<SurveyReceipt>({ id: str, form: str, receivedAt: str });

export const health = obj<Health>({ status: oneOf('ok'), version: str, procedures: num, detailed: num });

export const problem = obj<Problem>({
  type: str,
  title: str,
  status: num,
  detail: opt(str),
  errors: opt(arr(obj({ pointer: str, message: str }))),
  retryAfter: opt(num),
});
