import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serve, type ServerType } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import { compress } from 'hono/compress';
import { parseAccept } from 'hono/utils/accept';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/utils/compress';
import { createApp, type CaptchaVerifier, type Limits } from './app.ts';
import { createCatalogue, parseCatalogFile, type Catalogue } from './catalog/index.ts';
import { CompressedFiles, type Encoding } from './compressed-files.ts';
import { demoDossiers, seedDemoDossiers, type DemoDossier } from './demo-dossiers.ts';
import { openSqliteStore } from './sqlite-store.ts';
import type { Store } from './store.ts';

export const SHIPPED_CATALOG = fileURLToPath(new URL('../data/catalog.json', import.meta.url));
const PACKAGE_VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export interface ServerOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Where the SQLite database lives (created when missing). */
  dataDir: string;
  /** A catalogue in the project's JSON format (.json) or CSV (.csv); default: the shipped sample. */
  catalogPath?: string;
  corsOrigins?: readonly string[];
  limits?: Partial<Limits>;
  captcha?: CaptchaVerifier;
  /** No request log lines. */
  quiet?: boolean;
  /**
   * Behind one reverse proxy (nginx, a load balancer): rate limits count the client address the proxy appended to
   * X-Forwarded-For, not the proxy's own (which would put every citizen of the province under one limit). Off by
   * default: without a proxy that sets the header, a client could name any address it likes.
   */
  trustProxy?: boolean;
  /** URL prefix (e.g. `/examples/`) → directory served as static files next to the API. */
  staticDirs?: Record<string, string>;
  clock?: () => Date;
}

export interface RunningServer {
  /** `http://host:port`, no trailing slash. */
  url: string;
  close(): Promise<void>;
  store: Store;
  catalogue: Catalogue;
  /** Demo dossiers with their (fake) ID numbers, when the store holds the generated set; else empty. */
  demo: DemoDossier[];
}

/** Loads a catalogue file (JSON or CSV); throws CatalogError (or a file-system error) with a clear message. */
export function loadCatalogue(path: string = SHIPPED_CATALOG): Catalogue {
  return createCatalogue(parseCatalogFile(readFileSync(path), path));
}

/** Starts the reference API over HTTP with a SQLite store, seeding the demo dossiers on first start. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const clock = options.clock ?? (() => new Date());
  const catalogue = loadCatalogue(options.catalogPath);
  const store = openSqliteStore(options.dataDir);
  let server: ServerType | undefined;
  try {
    const procedureName = (code: string): string | undefined => catalogue.get(code)?.name;
    const anchor = await seedDemoDossiers(store, clock(), procedureName);

    const api = createApp({
      catalogue,
      store,
      clock,
      limits: options.limits,
      captcha: options.captcha,
      corsOrigins: options.corsOrigins,
      version: PACKAGE_VERSION,
      clientAddress: (c) => (options.trustProxy && c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim()) || getConnInfo(c).remote.address,
      log: options.quiet ? undefined : (line) => console.log(line),
    });
    const root = new Hono();
    // What a page downloads (the bundles, search results) travels gzipped, as the size budgets assume; ETags turn
    // weak on the way, which the API's If-None-Match comparison accepts.
    root.use('*', compress());
    mountStatic(root, options.staticDirs ?? {});
    root.all('*', (c) => api.fetch(c.req.raw, c.env));

    const host = options.host ?? '127.0.0.1';
    const address = await new Promise<AddressInfo>((resolveListening, rejectListening) => {
      const listening = serve({ fetch: root.fetch, hostname: host, port: options.port ?? 8787 }, resolveListening);
      listening.once('error', rejectListening);
      server = listening;
    });
    const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;

    let closing: Promise<void> | undefined;
    return {
      url: `http://${shownHost}:${address.port}`,
      store,
      catalogue,
      demo: anchor ? demoDossiers(anchor, procedureName) : [],
      close() {
        closing ??= new Promise<void>((done) => {
          const running = server as ServerType & { closeAllConnections?: () => void };
          running.close(() => done());
          running.closeAllConnections?.();
        }).then(() => store.close());
        return closing;
      },
    };
  } catch (error) {
    server?.close();
    await store.close();
    throw error;
  }
}

/** Compressed static files kept in memory: every example page and bundle several times over. */
const STATIC_CACHE_BYTES = 32 * 1024 * 1024;
/** What `compress()` leaves uncompressed (its default threshold). */
const COMPRESS_THRESHOLD = 1024;
const ENCODINGS: readonly Encoding[] = ['gzip', 'deflate'];

/** The encoding `compress()` would choose for this Accept-Encoding (gzip unless deflate is preferred). */
function negotiate(header: string | undefined): Encoding | undefined {
  if (header === undefined) return undefined;
  const accepts = parseAccept(header);
  const wildcard = accepts.find((a) => a.type === '*')?.q;
  let best: { encoding: Encoding; q: number } | undefined;
  for (const encoding of ENCODINGS) {
    const q = accepts.find((a) => a.type.toLowerCase() === encoding)?.q ?? wildcard ?? 0;
    if (q === 1) return encoding;
    if (q > 0 && (!best || q > best.q)) best = { encoding, q };
  }
  return best?.encoding;
}

/**
 * Replaces a static file's response with its compressed bytes from the cache, where `compress()` would have
 * compressed it on the fly (so that middleware then leaves it alone): a full GET of a compressible type, big
 * enough, to a client accepting gzip or deflate.
 */
async function useCompressed(c: Context, path: string, files: CompressedFiles): Promise<void> {
  const { res } = c;
  const type = res.headers.get('Content-Type');
  if (c.req.method !== 'GET' || res.status !== 200 || res.headers.has('Content-Encoding') || !type || !COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type)) return;
  if (Number(res.headers.get('Content-Length') ?? 0) < COMPRESS_THRESHOLD) return;
  const encoding = negotiate(c.req.header('Accept-Encoding'));
  if (!encoding) return;
  let file;
  try {
    file = await files.get(path, encoding);
  } catch {
    // Removed or unreadable since it was found: the response already opened stays, compressed on the fly.
    return;
  }
  await res.body?.cancel();
  c.res = new Response(file.bytes, { status: 200, headers: { 'Content-Type': type } });
  // Hono carries the previous response's headers over; these describe the new body.
  c.res.headers.set('Content-Encoding', encoding);
  c.res.headers.set('Content-Length', String(file.bytes.length));
  c.res.headers.set('Last-Modified', file.modified.toUTCString());
  c.res.headers.set('Vary', 'Accept-Encoding');
}

/** Static files under their prefixes (examples, CDN bundles), with types sniffing disabled; everything else falls through. */
function mountStatic(root: Hono, dirs: Record<string, string>): void {
  const files = new CompressedFiles(STATIC_CACHE_BYTES);
  const found = new WeakMap<Context, string>();
  for (const [rawPrefix, dir] of Object.entries(dirs)) {
    const prefix = `/${rawPrefix.replace(/^\/+|\/+$/g, '')}`;
    const directory = resolve(dir);
    root.get(prefix, (c) => c.redirect(`${prefix}/`, 301));
    root.use(`${prefix}/*`, async (c, next) => {
      await next();
      c.res.headers.set('X-Content-Type-Options', 'nosniff');
      c.res.headers.set('Referrer-Policy', 'no-referrer');
      // Commune and department sites load /cdn/ from this server: module scripts are fetched with CORS, so without
      // this header the browser refuses them on every other origin. The files are public and sent without cookies.
      c.res.headers.set('Access-Control-Allow-Origin', '*');
      c.res.headers.set('Cross-Origin-Resource-Policy', 'cross-origin');
    });
    root.use(`${prefix}/*`, async (c, next) => {
      await next();
      const path = found.get(c);
      if (path) await useCompressed(c, path, files);
    });
    root.use(`${prefix}/*`, serveStatic({
      root: directory,
      rewriteRequestPath: (path) => path.slice(prefix.length) || '/',
      onFound: (path, c) => {
        found.set(c, path);
      },
    }));
  }
}
