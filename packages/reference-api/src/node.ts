import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serve, type ServerType } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { createApp, type CaptchaVerifier, type Limits } from './app.ts';
import { createCatalogue, parseCatalogCsv, parseCatalogJson, type Catalogue } from './catalog/index.ts';
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

/** Loads a catalogue file by its extension; throws CatalogError (or a file-system error) with a clear message. */
export function loadCatalogue(path: string = SHIPPED_CATALOG): Catalogue {
  const text = readFileSync(path, 'utf8');
  const procedures = extname(path).toLowerCase() === '.csv' ? parseCatalogCsv(text) : parseCatalogJson(text);
  return createCatalogue(procedures);
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
      clientAddress: (c) => getConnInfo(c).remote.address,
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

/** Static files under their prefixes (examples, CDN bundles), with types sniffing disabled; everything else falls through. */
function mountStatic(root: Hono, dirs: Record<string, string>): void {
  for (const [rawPrefix, dir] of Object.entries(dirs)) {
    const prefix = `/${rawPrefix.replace(/^\/+|\/+$/g, '')}`;
    const directory = resolve(dir);
    root.get(prefix, (c) => c.redirect(`${prefix}/`, 301));
    root.use(`${prefix}/*`, async (c, next) => {
      await next();
      c.res.headers.set('X-Content-Type-Options', 'nosniff');
      c.res.headers.set('Referrer-Policy', 'no-referrer');
    });
    root.use(`${prefix}/*`, serveStatic({
      root: directory,
      rewriteRequestPath: (path) => path.slice(prefix.length) || '/',
    }));
  }
}
