import type { Context } from 'hono';
import { fnv1a64 } from '../crypto.ts';
import { ProblemError } from '../problems.ts';
import type { AppEnv } from './types.ts';

const PUBLIC_CACHE = 'public, max-age=300';

/**
 * A cacheable GET answer: a strong ETag derived from what determines the body (`validator`, the URL and the
 * language), 304 when the client already has it, and the body built only when needed.
 */
export function cacheableJson(c: Context<AppEnv>, validator: string, build: () => unknown): Response {
  const locale = c.get('locale');
  const url = new URL(c.req.url);
  const etag = `"${fnv1a64(`${validator}\u0000${locale}\u0000${url.pathname}${url.search}`)}"`;
  const headers = {
    ETag: etag,
    'Cache-Control': PUBLIC_CACHE,
    'Content-Language': locale,
    Vary: 'Accept-Language',
  };
  if (matchesIfNoneMatch(c.req.header('if-none-match'), etag)) return c.body(null, 304, headers);
  return c.json(build() as object, 200, headers);
}

function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((candidate) => {
    const tag = candidate.trim();
    return tag === '*' || tag === etag || tag === `W/${etag}`;
  });
}

/** Answers that must never be stored by a browser or a CDN (lookups, posts, health). */
export function privateJson(c: Context<AppEnv>, body: unknown, status: 200 | 201 = 200, headers: Record<string, string> = {}): Response {
  return c.json(body as object, status, { 'Cache-Control': 'no-store', 'Content-Language': c.get('locale'), Vary: 'Accept-Language', ...headers });
}

/** Counts a hit against a limiter and refuses with 429 when over it. */
export function enforceLimit(retryAfter: number): void {
  if (retryAfter > 0) throw new ProblemError('rate-limited', { retryAfter });
}
