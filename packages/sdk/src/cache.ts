/**
 * GETs through a small memory cache: identical requests in flight share one exchange, bodies are kept in a
 * bounded LRU (as text, so every caller gets its own copy to mutate), served as they are while younger than
 * `ttlMs`, then revalidated with If-None-Match: a 304 reuses the stored body.
 */
import { DvcError } from './errors.ts';
import type { Guard } from './guards.ts';
import { parse, type Reply, type Send } from './http.ts';

export interface CacheOptions {
  /** Bodies kept, least recently used dropped first. Default 100. */
  maxEntries?: number;
  /** How long a body is served without asking the server. Default 30 000 ms; 0 revalidates every time. */
  ttlMs?: number;
}

type Entry = Reply & { at: number };
/** Joins the exchange in flight for one key. */
type Flight = (signal?: AbortSignal) => Promise<Entry>;

export type Get = <T>(url: string, guard: Guard<T>, headers: Record<string, string>, signal?: AbortSignal) => Promise<T>;

export function createGet(send: Send, options: CacheOptions): Get {
  const { maxEntries = 100, ttlMs = 30_000 } = options;
  const entries = new Map<string, Entry>();
  const flights = new Map<string, Flight>();
  const keep = (key: string, entry: Entry) => {
    entries.delete(key);
    entries.set(key, entry);
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
  };

  /** Starts the exchange for `key` (revalidating `hit`, if any) that callers then join; the last to abort aborts it. */
  const start = (key: string, url: string, headers: Record<string, string>, hit?: Entry): Flight => {
    const land = () => { if (flights.get(key) == flight) flights.delete(key); };
    const ctl = new AbortController();
    const etag = hit?.etag;
    const reply = send(url, { headers: etag ? { ...headers, 'if-none-match': etag } : headers, signal: ctl.signal })
      .then((r) => ({ ...(r.status == 304 && hit ? hit : r), at: Date.now() }))
      .finally(land);
    let waiters = 0;
    const flight: Flight = (signal) => new Promise((resolve, reject) => {
      const abort = () => {
        if (!--waiters) {
          land();
          ctl.abort();
        }
        reject(new DvcError('aborted'));
      };
      waiters++;
      if (signal?.aborted) return abort();
      signal?.addEventListener('abort', abort);
      reply.then(resolve, reject).finally(() => signal?.removeEventListener('abort', abort));
    });
    flights.set(key, flight);
    return flight;
  };

  return async (url, guard, headers, signal) => {
    const key = headers['accept-language'] + url;
    const hit = entries.get(key);
    const entry = hit && Date.now() - hit.at < ttlMs ? hit : await (flights.get(key) ?? start(key, url, headers, hit))(signal);
    // Kept only once it passed the check, so a spoiled body is never served again.
    const body = parse(entry, guard);
    keep(key, entry);
    return body;
  };
}
