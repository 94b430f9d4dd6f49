/** `createClient`: the resources of the Public Service API v1 over the transport, cache and offline queue. */
import { createGet, type CacheOptions } from './cache.ts';
import { DvcError } from './errors.ts';
import * as is from './guards.ts';
import { createHttp, parse, type Exchange, type HttpOptions } from './http.ts';
import { createQueue, type OfflineQueue, type QueueStorage } from './queue.ts';
import type {
  Dossier, DossierLookup, FilterList, Health, Procedure, ProcedureSummary, SearchParams, SearchResult, SurveyForm,
  SurveyReceipt, SurveyResponseInput,
} from './types.ts';

export type Locale = 'vi' | 'en';

export interface ClientOptions extends HttpOptions {
  /** What comes before "/v1", e.g. "https://api.tinh.gov.vn/dvc"; relative URLs resolve against the page. */
  baseUrl: string;
  /** Accept-Language of every call. Default 'vi'. */
  locale?: Locale;
  /** A captcha token for dossier lookups, sent as X-Captcha-Token (null sends none). */
  captcha?: () => string | null | Promise<string | null>;
  /** Memory cache of GETs. Default: on in browsers, off elsewhere. */
  cache?: boolean | CacheOptions;
  /** Offline queue of survey responses. Default: on where localStorage works. */
  queue?: boolean | { storage?: QueueStorage; key?: string };
}

export interface CallOptions {
  signal?: AbortSignal;
  locale?: Locale;
}

export type SubmitResult = { status: 'sent'; receipt: SurveyReceipt } | { status: 'queued'; idempotencyKey: string };

export interface DvcClient {
  /** The resolved base URL, absolute, without a trailing slash. */
  readonly baseUrl: string;
  procedures: {
    search(params: SearchParams, options?: CallOptions): Promise<SearchResult>;
    get(code: string, options?: CallOptions): Promise<Procedure>;
    /** Every matching procedure, fetching page after page as the loop asks for more. */
    iterate(params: Omit<SearchParams, 'page'>, options?: CallOptions): AsyncIterableIterator<ProcedureSummary>;
    fields(options?: CallOptions): Promise<FilterList>;
    agencies(options?: CallOptions): Promise<FilterList>;
  };
  dossiers: { lookup(input: DossierLookup, options?: CallOptions): Promise<Dossier> };
  surveys: {
    form(id: string, options?: CallOptions): Promise<SurveyForm>;
    submit(input: SurveyResponseInput, options?: CallOptions & { idempotencyKey?: string }): Promise<SubmitResult>;
  };
  queue: OfflineQueue;
  health(options?: CallOptions): Promise<Health>;
}

/** 128 random bits. Not crypto.randomUUID: it is missing on plain-http pages, where some commune sites live. */
const newKey = () => crypto.getRandomValues(new Uint32Array(4)).join('-');

function localStorageIfUsable(): QueueStorage | void {
  try {
    return globalThis.localStorage;
  } catch { /* sandboxed iframe or storage disabled: accessing it throws */ }
}

export function createClient(options: ClientOptions): DvcClient {
  let baseUrl: string;
  try {
    baseUrl = new URL(options.baseUrl.replace(/\/*$/, '/'), globalThis.location?.href).href.slice(0, -1);
  } catch (e) {
    throw new DvcError('invalid-request', { cause: e });
  }
  const root = baseUrl + '/v1/';
  const http = createHttp(options);
  const browser = typeof document == 'object';
  const { cache = browser, queue: queueOption = true } = options;
  const headers = (o?: CallOptions) => ({ 'accept-language': o?.locale ?? options.locale ?? 'vi' });
  /** One exchange, not cached: `x` adds a body, headers, the lookup's retry rule. */
  const call = async <T>(path: string, guard: is.Guard<T>, o?: CallOptions, x?: Omit<Exchange, 'headers'> & { headers?: object }) =>
    parse(await http(root + path, { ...x, headers: { ...headers(o), ...x?.headers }, signal: o?.signal }), guard);
  const get = cache && createGet(http, cache === true ? {} : cache);
  const read = <T>(path: string, guard: is.Guard<T>, o?: CallOptions) =>
    get ? get(root + path, guard, headers(o), o?.signal) : call(path, guard, o);
  const sendSurvey = (input: SurveyResponseInput, key: string, o?: CallOptions) =>
    call('survey-responses', is.receipt, o, { json: input, headers: { 'idempotency-key': key } });

  const storage = queueOption && ((queueOption !== true && queueOption.storage) || localStorageIfUsable());
  const queue = storage
    ? createQueue(storage, (queueOption !== true && queueOption.key) || 'dvc-kit:queue:' + baseUrl, (i) => sendSurvey(i.input, i.key))
    : null;

  const search = (params: SearchParams, o?: CallOptions) => {
    const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== '') as string[][]);
    return read('procedures?' + query, is.searchResult, o);
  };

  return {
    baseUrl,
    procedures: {
      search,
      get: (code, o) => read('procedures/' + encodeURIComponent(code), is.procedure, o),
      async *iterate(params, o) {
        for (let page = 1; ; page++) {
          const { items, total, pageSize } = await search({ ...params, page }, o);
          yield* items;
          if (!items.length || page * pageSize >= total) return;
        }
      },
      fields: (o) => read('fields', is.filterList, o),
      agencies: (o) => read('agencies', is.filterList, o),
    },
    dossiers: {
      // The ID number travels only in the body, never in a URL.
      lookup: async (input, o) => {
        let token;
        try {
          token = await options.captcha?.();
        } catch (e) {
          throw new DvcError('invalid-request', { cause: e }); // the page's captcha widget failed
        }
        return call('dossiers/lookup', is.dossier, o, { json: input, lookup: true, headers: token ? { 'x-captcha-token': token } : {} });
      },
    },
    surveys: {
      form: (id, o) => read('survey-forms/' + encodeURIComponent(id), is.surveyForm, o),
      async submit(input, o) {
        // Older responses waiting on the device go first: the server keeps the evaluation of a dossier that arrives
        // last, so a rating saved offline must not arrive after (and replace) the newer one sent now.
        if (queue?.pending() && globalThis.navigator?.onLine !== false) await queue.flush();
        const key = o?.idempotencyKey ?? newKey();
        const held = queue?.hold(key, input);
        try {
          const receipt = await sendSurvey(input, key, o);
          queue?.settle(key, false);
          return { status: 'sent', receipt };
        } catch (e) {
          const kind = (e as DvcError).kind;
          const keep = !!held && (kind == 'network' || kind == 'timeout' || kind == 'server');
          queue?.settle(key, keep);
          if (keep) return { status: 'queued', idempotencyKey: key };
          throw e;
        }
      },
    },
    queue: queue ?? { pending: () => 0, subscribe: () => () => {}, flush: async () => {} },
    health: (o) => call('health', is.health, o),
  };
}
