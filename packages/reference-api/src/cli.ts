#!/usr/bin/env node
import { parseArgs } from 'node:util';
import type { Limits } from './app.ts';
import { CatalogError } from './catalog/index.ts';
import { startServer } from './node.ts';

const HELP = `dvc-reference-api — the reference Public Service API (v1) over HTTP

Usage: dvc-reference-api [options]

  --port <n>           port to listen on (env PORT; default 8787; 0 = any free port)
  --host <name>        interface to bind (env HOST; default 127.0.0.1)
  --catalog <file>     catalogue in the dvc-kit JSON format (.json) or CSV (.csv; .tsv and
                       Excel's "Unicode text" .txt too), UTF-8 or UTF-16
                       (env DVC_CATALOG; default: the shipped sample catalogue)
  --data-dir <dir>     where the SQLite store lives (env DVC_DATA_DIR; default .dvc-data/)
  --cors-origin <url>  allow this browser origin; repeatable; '*' allows any
                       (env DVC_CORS_ORIGIN, comma-separated)
  --static <prefix=dir> also serve a directory of static files under a URL prefix; repeatable
  --lookups-per-minute <n>  dossier lookups allowed per client address per minute (default 20)
  --posts-per-minute <n>    survey posts allowed per client address per minute (default 30)
  --trust-proxy        behind one reverse proxy: limits count the client address it appends to
                       X-Forwarded-For, not the proxy's (env DVC_TRUST_PROXY=1). Only with a proxy
                       that sets the header, or clients could pick their own address.
  --print-demo         print three demo dossier codes with their (fake) ID numbers
  --quiet              no request log
  --help               this text
`;

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  catalog: { type: 'string' },
  'data-dir': { type: 'string' },
  'cors-origin': { type: 'string', multiple: true },
  static: { type: 'string', multiple: true },
  'lookups-per-minute': { type: 'string' },
  'posts-per-minute': { type: 'string' },
  'trust-proxy': { type: 'boolean' },
  'print-demo': { type: 'boolean' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

function fail(message: string): never {
  process.stderr.write(`dvc-reference-api: ${message}\nTry --help.\n`);
  process.exit(2);
}

function parse(): ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'] {
  try {
    return parseArgs({ options: OPTIONS, allowPositionals: false, strict: true }).values;
  } catch (error) {
    fail((error as Error).message);
  }
}

const args = parse();
if (args.help) {
  process.stdout.write(HELP);
  process.exit(0);
}

const env = process.env;
const portText = args.port ?? env.PORT ?? '8787';
if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65_535) fail(`invalid port "${portText}"`);
const host = args.host ?? env.HOST ?? '127.0.0.1';
const corsOrigins = args['cors-origin'] ?? (env.DVC_CORS_ORIGIN ? env.DVC_CORS_ORIGIN.split(',').map((o) => o.trim()).filter(Boolean) : []);
for (const origin of corsOrigins) {
  if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin)) fail(`invalid CORS origin "${origin}" (expected e.g. https://example.gov.vn)`);
}
const staticDirs: Record<string, string> = {};
for (const mapping of args.static ?? []) {
  const [prefix, dir] = mapping.split('=', 2);
  if (!prefix || !dir) fail(`invalid --static "${mapping}" (expected /prefix/=directory)`);
  staticDirs[prefix] = dir;
}

const limits: Partial<Limits> = {};
for (const [option, limit] of [['lookups-per-minute', 'lookupsPerClientPerMinute'], ['posts-per-minute', 'postsPerClientPerMinute']] as const) {
  const value = args[option];
  if (value === undefined) continue;
  if (!/^\d{1,9}$/.test(value) || Number(value) < 1) fail(`invalid --${option} "${value}" (expected a positive whole number)`);
  limits[limit] = Number(value);
}

const catalogPath = args.catalog ?? env.DVC_CATALOG ?? undefined;
let server: Awaited<ReturnType<typeof startServer>>;
try {
  server = await startServer({
    host,
    port: Number(portText),
    dataDir: args['data-dir'] ?? env.DVC_DATA_DIR ?? '.dvc-data',
    catalogPath,
    corsOrigins,
    staticDirs,
    limits,
    trustProxy: args['trust-proxy'] ?? env.DVC_TRUST_PROXY === '1',
    quiet: args.quiet ?? false,
  });
} catch (error) {
  if (error instanceof CatalogError) fail(`cannot load the catalogue ${catalogPath ?? '(the shipped sample)'}: ${error.message}`);
  const code = (error as NodeJS.ErrnoException).code;
  const reasons: Record<string, string> = {
    ENOENT: 'file not found', EISDIR: 'is a directory, not a file', EACCES: 'permission denied', EADDRINUSE: 'address already in use',
  };
  const reason = (code && reasons[code]) ?? (error as Error).message;
  const path = (error as NodeJS.ErrnoException).path;
  fail(`cannot start: ${reason}${path ? ` (${path})` : ''}`);
}

process.stdout.write(`dvc-reference-api listening on ${server.url}\n`);
process.stdout.write(`  API       ${server.url}/v1/\n  OpenAPI   ${server.url}/v1/openapi.json\n`);
for (const prefix of Object.keys(staticDirs)) process.stdout.write(`  Static    ${server.url}/${prefix.replace(/^\/+/, '')}\n`);
process.stdout.write(`  Catalogue ${server.catalogue.size} procedures (${server.catalogue.detailedCount} with full detail)\n`);
if (args['print-demo']) {
  const featured = server.demo.filter((dossier) => dossier.featured).slice(0, 3);
  if (featured.length > 0) {
    process.stdout.write('  Demo dossiers (fake data; look them up with code + ID number):\n');
    for (const dossier of featured) process.stdout.write(`    ${dossier.code}  ID ${dossier.idNumber}  — ${dossier.scenario}\n`);
  }
}

let stopping = false;
const stop = (signal: string): void => {
  if (stopping) return;
  stopping = true;
  if (!args.quiet) process.stdout.write(`dvc-reference-api: ${signal}, closing\n`);
  server.close().then(() => process.exit(0), () => process.exit(1));
};
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
