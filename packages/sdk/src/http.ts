/**
 * One HTTP exchange with the API on ky: timeouts, retries, abort, and the mapping of every failure to a
 * DvcError. Knows nothing about resources or caching.
 */
import ky, { type HTTPError, type KyInstance } from 'ky';
import { DvcError, isDvcError, kindOfStatus } from './errors.ts';
import { problem as isProblem } from './guards.ts';

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
 * Which failures an exchange may retry. `read`: GETs (idempotent). `lookup`: the dossier lookup POST, read-only
 * but rate-limited per client: retried on network errors, timeouts and 5xx, never on 429 (the limit exists to
 * slow down guessing; the caller gets `rate-limited` with `retryAfter` at once). `keyed`: a POST carrying an
 * Idempotency-Key, which the server deduplicates, so it is retried like a GET.
 */
export type RetryPolicy = 'read' | 'lookup' | 'keyed';

export interface Exchange {
  /** Default GET. */
  method?: 'post';
  headers?: Record<string, string>;
  json?: unknown;
  retry: RetryPolicy;
  signal?: AbortSignal | undefined;
}

export interface Reply {
  status: number;
  etag: string | null;
  text: string;
}

/** Never wait longer than this for a Retry-After: surface `rate-limited` and let the caller decide. */
const MAX_RETRY_AFTER_MS = 30_000;

/**
 * Seconds from a Retry-After header. Only the delta-seconds form (what the reference API sends); for an
 * HTTP date ky still waits as asked, within the total timeout, but `retryAfter` stays null.
 */
export function retryAfterSeconds(header: string | null): number | null {
  return header && /^\d+$/.test(header) ? +header : null;
}

// By name rather than ky's guards: smaller, and as reliable for the errors ky itself creates.
const isHTTPError = (e: unknown): e is HTTPError => (e as Error)?.name == 'HTTPError';

export function createHttp(options: HttpOptions): (url: string, x: Exchange) => Promise<Reply> {
  const total = options.totalTimeout ?? 30_000;
  const { limit = 2, backoffLimit = 5_000 } =
    typeof options.retry == 'number' ? { limit: options.retry } : options.retry ?? {};
  const { beforeRequest, afterResponse } = options.hooks ?? {};
  const api: KyInstance = ky.create({
    timeout: options.timeout ?? 10_000,
    totalTimeout: total,
    // 304 answers our own If-None-Match: the cache layer reuses its stored body.
    throwHttpErrors: (status) => status != 304,
    ...(options.fetch && { fetch: options.fetch }),
  });

  return async (url, x) => {
    const started = Date.now();
    let res: Response | undefined;
    try {
      // `.text()` rather than the raw Response: ky then bounds the body read by the timeouts too.
      const text = await api(url, {
        method: x.method,
        headers: { accept: 'application/json', ...x.headers },
        json: x.json,
        signal: x.signal,
        hooks: {
          beforeRequest: [({ request }) => beforeRequest?.(request)],
          // Keeps the status and ETag for the caller; the user's hook sees every attempt.
          afterResponse: [async ({ request, response }) => { res = response; await afterResponse?.(request, response); }],
        },
        retry: {
          limit,
          backoffLimit,
          methods: ['get', 'post'],
          statusCodes: [408, x.retry == 'lookup' ? 0 : 429, 500, 502, 503, 504],
          afterStatusCodes: [429, 503],
          retryOnTimeout: true,
          // "Full jitter": clients that failed together do not come back together.
          jitter: true,
          shouldRetry: ({ error }) => {
            // Decided on the request actually sent: a POST without Idempotency-Key (say, a hook removed it)
            // could be stored twice, so it is never retried.
            const req = (error as { request?: Request }).request;
            if (x.retry != 'lookup' && req?.method == 'POST' && !req.headers.has('idempotency-key')) return false;
            const after = isHTTPError(error) ? retryAfterSeconds(error.response.headers.get('retry-after')) : null;
            if (after != null && after * 1000 > Math.min(MAX_RETRY_AFTER_MS, started + total - Date.now())) return false;
            return undefined;
          },
        },
      }).text();
      return { status: res!.status, etag: res!.headers.get('etag'), text };
    } catch (e) {
      throw x.signal?.aborted ? new DvcError('aborted', { cause: e }) : toDvcError(e);
    }
  };
}

function toDvcError(e: unknown): DvcError {
  if (isDvcError(e)) return e;
  if (isHTTPError(e)) {
    const { status, headers } = e.response;
    const problem = isProblem(e.data) ? e.data : null;
    return new DvcError(kindOfStatus(status), {
      status,
      problem,
      retryAfter: retryAfterSeconds(headers.get('retry-after')) ?? problem?.retryAfter ?? null,
      cause: e,
    });
  }
  // Anything else failed before a response arrived or while its body streamed: ky's NetworkError, fetch's
  // TypeError, a connection reset mid-body.
  return new DvcError((e as Error)?.name == 'TimeoutError' ? 'timeout' : 'network', { cause: e });
}

// Explicit bidi embeddings, overrides and isolates. In API text they reorder whatever a widget prints after them in
// the same line (its own labels, "Cán bộ:") or disguise a number ("Trojan Source": 000.05 shown as 50.000);
// Vietnamese and English text never needs them, so they are dropped from every string of a response.
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
const withoutBidiControls = (_key: string, v: unknown) => (typeof v == 'string' ? v.replace(BIDI_CONTROLS, '') : v);

/** Parse and check a body; anything unexpected is `invalid-response`, never a crash further down. */
export function parse<T>(reply: Reply, guard: (v: unknown) => v is T): T {
  let v: unknown;
  try { v = JSON.parse(reply.text, withoutBidiControls); } catch { /* the guard rejects undefined */ }
  if (!guard(v)) throw new DvcError('invalid-response', { status: reply.status });
  return v;
}
