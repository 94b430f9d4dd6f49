import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import type { Catalogue } from './catalog/index.ts';
import { negotiateLocale } from './locale.ts';
import { ProblemError } from './problems.ts';
import { createRateLimiter } from './rate-limit.ts';
import { catalogueRoutes } from './routes/catalogue.ts';
import { dossierRoutes } from './routes/dossiers.ts';
import { metaRoutes } from './routes/meta.ts';
import { surveyRoutes } from './routes/surveys.ts';
import type { AppEnv, RouteContext, RouteTable } from './routes/types.ts';
import type { Store } from './store.ts';

export interface Limits {
  /** Dossier lookups per client address per minute. */
  lookupsPerClientPerMinute: number;
  /** Survey posts per client address per minute. */
  postsPerClientPerMinute: number;
  /**
   * Failed lookups (unknown code or wrong ID number) per dossier code per window; beyond it every lookup of that
   * code is refused until the window passes, which stops guessing the ID number of a known code.
   */
  failedLookupsPerCode: number;
  failedLookupWindowSeconds: number;
  /** Largest accepted request body, in bytes. */
  bodyBytes: number;
}

export const DEFAULT_LIMITS: Limits = {
  lookupsPerClientPerMinute: 20,
  postsPerClientPerMinute: 30,
  failedLookupsPerCode: 10,
  failedLookupWindowSeconds: 600,
  bodyBytes: 16 * 1024,
};

/** Verifies a captcha token (from the `X-Captcha-Token` header, null when absent) for a dossier lookup. */
export type CaptchaVerifier = (token: string | null, request: Request) => Promise<boolean>;

export interface AppOptions {
  catalogue: Catalogue;
  store: Store;
  /** The current time; injectable so tests and demos can fix it. */
  clock?: () => Date;
  limits?: Partial<Limits>;
  captcha?: CaptchaVerifier;
  /** Origins allowed to call the API from a browser; `'*'` allows any and must be configured explicitly. */
  corsOrigins?: readonly string[];
  /** Reported by /v1/health. */
  version?: string;
  /** Who is asking, for per-client rate limits; the Node server passes the socket's remote address. */
  clientAddress?: (context: Context<AppEnv>) => string | undefined;
  /** Receives one line per request (method, path without query, status, milliseconds); never bodies. */
  log?: (line: string) => void;
}

const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/**
 * The Public Service API v1 as a web-standard fetch handler (`app.fetch(request)`), assembled from its parts. It
 * imports nothing Node-only, so it also runs in a browser tab over the memory store.
 */
export function createApp(options: AppOptions): Hono<AppEnv> {
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const clock = options.clock ?? (() => new Date());
  const context: RouteContext = {
    catalogue: options.catalogue,
    store: options.store,
    clock,
    limits,
    captcha: options.captcha,
    version: options.version ?? '0.1.0',
    clientOf: (c) => options.clientAddress?.(c) ?? 'local',
    lookupsPerClient: createRateLimiter(limits.lookupsPerClientPerMinute, 60_000),
    postsPerClient: createRateLimiter(limits.postsPerClientPerMinute, 60_000),
    failedLookupsPerCode: createRateLimiter(limits.failedLookupsPerCode, limits.failedLookupWindowSeconds * 1000),
  };

  const app = new Hono<AppEnv>();

  if (options.log) {
    const log = options.log;
    app.use(async (c, next) => {
      const started = performance.now();
      await next();
      log(`${c.req.method} ${c.req.path} ${c.res.status} ${Math.round(performance.now() - started)}ms`);
    });
  }

  app.use('/v1/*', async (c, next) => {
    c.set('locale', negotiateLocale(c.req.header('accept-language')));
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
  });

  const allowed = new Set(options.corsOrigins ?? []);
  app.use('/v1/*', cors({
    origin: (origin) => (allowed.has('*') ? '*' : allowed.has(origin) ? origin : null),
    allowMethods: ['GET', 'HEAD', 'POST', 'OPTIONS'],
    allowHeaders: ['Content-Type', 'Accept-Language', 'If-None-Match', 'Idempotency-Key', 'X-Captcha-Token'],
    exposeHeaders: ['ETag', 'Retry-After', 'Content-Language', 'Idempotency-Replayed'],
    maxAge: 600,
  }));

  const table: RouteTable = [
    ...catalogueRoutes(context),
    ...dossierRoutes(context),
    ...surveyRoutes(context),
    ...metaRoutes(context),
  ];
  const methodsByPath = new Map<string, string[]>();
  for (const route of table) {
    app.on(route.method, route.path, route.handler);
    methodsByPath.set(route.path, [...(methodsByPath.get(route.path) ?? []), route.method]);
  }
  for (const [path, methods] of methodsByPath) {
    const allow = [...methods, ...(methods.includes('GET') ? ['HEAD'] : []), 'OPTIONS'].join(', ');
    app.all(path, () => {
      throw new ProblemError('method-not-allowed', { headers: { Allow: allow } });
    });
  }

  // Negotiated here, not read from the context: a problem can come before the locale middleware ran (a path
  // outside /v1) and must still speak the request's language.
  const localeOf = (c: Context<AppEnv>) => negotiateLocale(c.req.header('accept-language'));
  app.notFound((c) => new ProblemError('not-found').toResponse(localeOf(c)));
  app.onError((error, c) => {
    if (error instanceof ProblemError) return error.toResponse(localeOf(c));
    // The client learns nothing about the failure; the operator gets the stack on stderr.
    console.error('dvc-reference-api: internal error', error);
    return new ProblemError('internal').toResponse(localeOf(c));
  });

  return app;
}
