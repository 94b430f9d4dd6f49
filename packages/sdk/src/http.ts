/**
 * One HTTP exchange with the API on ky: timeouts, retries, abort, and the mapping of every failure to a
 * DvcError. Knows nothing about resources or caching.
 */
import ky from 'ky';
import { DvcError, isDvcError } from './errors.ts';
import { problem as isProblem, type Guard } from './guards.ts';

export interface HttpOptions {
  fetch?: typeof fetch;
  timeout?: number;
  totalTimeout?: number;
  retry?: number | { limit?: number; backoffLimit?: number };
  hooks?: {
    beforeRequest?: (req: Request) => void | Request | Promise<void | Request>;
    afterResponse?: (req: Request, res: Response) => void | Promise<void>;
  };
}

/**
 * One exchange: a GET, or a POST of `json`. Which failures it may retry: a GET (idempotent) or a POST carrying an
 * Idempotency-Key (the server deduplicates it) on network errors, timeouts, 408, 429 and 5xx; the dossier lookup
 * (`lookup`: a read-only POST, rate-limited per client) the same but never on 429: the limit exists to slow down
 * guessing, so the caller gets `rate-limited` with `retryAfter` at once.
 */
export interface Exchange {
  headers: Record<string, string>;
  json?: object;
  lookup?: boolean;
  signal?: AbortSignal | undefined;
}

export interface Reply {
  status: number;
  etag: string | null;
  text: string;
}

export type Send = (url: string, x: Exchange) => Promise<Reply>;

/**
 * Seconds from a Retry-After header: delta-seconds (what the reference API sends) or an HTTP date (0 once past).
 * Every HTTP date names a month; without a letter ("1.5", "-3") the header is neither, not a date `Date.parse` guesses.
 */
const retryAfter = (res: Response): number | null => {
  const header = res.headers.get('retry-after') ?? '';
  const seconds = /^\d+$/.test(header) ? +header : Math.ceil((Date.parse(/[a-z]/i.test(header) ? header : '') - Date.now()) / 1000);
  // An absent or unreadable header parses as NaN: then nothing says how long to wait.
  return Number.isNaN(seconds) ? null : Math.max(0, seconds);
};

type KyFailure = Error & { request?: Request; response?: Response; data?: unknown };

/**
 * ky's errors hold the request's options, the lookup's body (dossier code and ID number) among them: a console that
 * logs a DvcError would print it. Its cause keeps only ky's message (method, URL and status; no PII in URLs).
 */
const causeOf = (e: unknown) => Error((e as Error)?.message);

export function createHttp(options: HttpOptions): Send {
  const { totalTimeout = 30_000, retry, hooks: { beforeRequest, afterResponse } = {} } = options;
  const { limit = 2, backoffLimit = 5_000 } = typeof retry == 'number' ? { limit: retry } : retry ?? {};
  const api = ky.create({
    timeout: options.timeout ?? 10_000,
    totalTimeout,
    // 304 answers our own If-None-Match: the cache layer reuses its stored body.
    throwHttpErrors: (status) => status != 304,
    fetch: options.fetch,
    hooks: {
      beforeRequest: [({ request }) => beforeRequest?.(request)],
      // The user's hook sees every attempt.
      afterResponse: [({ request, response }) => afterResponse?.(request, response)],
    },
  });

  return async (url, x) => {
    const started = Date.now();
    try {
      const call = api(url, {
        method: x.json && 'post',
        headers: { accept: 'application/json', ...x.headers },
        json: x.json,
        signal: x.signal,
        retry: {
          limit,
          backoffLimit,
          methods: ['get', 'post'],
          // (ky's default afterStatusCodes wait for Retry-After on 429 and 503; its 413 is not retried here at all.)
          statusCodes: [408, x.lookup ? 0 : 429, 500, 502, 503, 504],
          retryOnTimeout: true,
          // "Full jitter": clients that failed together do not come back together.
          jitter: true,
          shouldRetry: ({ error }) => {
            const { request, response } = error as KyFailure;
            // Decided on the request actually sent: a POST without Idempotency-Key (say, a hook removed it)
            // could be stored twice, so it is never retried.
            if (!x.lookup && request?.method == 'POST' && !request.headers.has('idempotency-key')) return false;
            // Never wait longer than 30 s for a Retry-After, nor past the total timeout: surface `rate-limited`
            // (or `server`) with `retryAfter` and let the caller decide.
            const after = response && retryAfter(response);
            if (after != null && after * 1000 > Math.min(30_000, started + totalTimeout - Date.now())) return false;
            return undefined;
          },
        },
      });
      const res = await call;
      // `.text()` rather than the raw Response's: ky then bounds the body read by the timeouts too.
      return { status: res.status, etag: res.headers.get('etag'), text: await call.text() };
    } catch (e) {
      throw x.signal?.aborted ? new DvcError('aborted', { cause: causeOf(e) }) : toDvcError(e as KyFailure);
    }
  };
}

function toDvcError(e: KyFailure): DvcError {
  if (isDvcError(e)) return e;
  const res = e?.response;
  // Anything without a response failed before it arrived or while its body streamed: ky's NetworkError, fetch's
  // TypeError, a connection reset mid-body.
  if (!res) return new DvcError(e?.name == 'TimeoutError' ? 'timeout' : 'network', { cause: causeOf(e) });
  const { status } = res;
  const problem = isProblem(e.data) ? e.data : null;
  return new DvcError(
    status == 429 ? 'rate-limited' : status == 404 ? 'not-found' : status >= 500 ? 'server' : status >= 400 ? 'invalid-request' : 'invalid-response',
    { status, problem, retryAfter: retryAfter(res) ?? problem?.retryAfter ?? null, cause: causeOf(e) },
  );
}

// Explicit bidi embeddings, overrides and isolates. In API text they reorder whatever a widget prints after them in
// the same line (its own labels, "Cán bộ:") or disguise a number ("Trojan Source": 000.05 shown as 50.000);
// Vietnamese and English text never needs them, so they are dropped from every string of a response.
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
const withoutBidiControls = (_key: string, v: unknown) => (typeof v == 'string' ? v.replace(BIDI_CONTROLS, '') : v);

/** Parse and check a body; anything unexpected is `invalid-response`, never a crash further down. */
export function parse<T>(reply: Reply, guard: Guard<T>): T {
  let v: unknown;
  try { v = JSON.parse(reply.text, withoutBidiControls); } catch { /* the guard rejects undefined */ }
  if (!guard(v)) throw new DvcError('invalid-response', { status: reply.status });
  return v;
}
