#!/usr/bin/env node
// Size budgets, min+gzip, checked by `npm test`. A budget measures a source entry point or a snippet of
// source, bundled and minified here with esbuild (`production` condition, dependencies included), or built
// files read from disk (the CDN bundles rollup writes). Prints a table; exits 1 when any budget is exceeded or cannot be measured.
// Usage: node scripts/size.mjs [--json] [name-substring...]
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const KB = 1000;

const CDN = 'packages/elements/dist/cdn';
const TAGS = ['dvc-provider', 'dvc-service-search', 'dvc-procedure', 'dvc-dossier-tracker', 'dvc-satisfaction-survey'];

/** The chunk the loader imports for `tag`, read from the built loader (chunk names carry content hashes). */
function elementChunk(tag) {
  const loader = readFileSync(join(root, CDN, 'dvc-kit.js'), 'utf8');
  const chunk = new RegExp(`"${tag}":\\(\\)=>import\\("\\./([^"]+)"\\)`).exec(loader)?.[1];
  if (!chunk) throw new Error(`the loader does not import <${tag}>`);
  return `${CDN}/${chunk}`;
}

/** `file` and every chunk it imports statically, transitively: what a browser must fetch before it runs. */
function withStaticImports(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const path = join(root, file);
  if (!existsSync(path)) throw new Error(`${file} is not built`);
  const code = readFileSync(path, 'utf8');
  // `from"./x.js"` and `import"./x.js"`; dynamic `import("./x.js")` is fetched later, on demand, so not counted.
  for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*"(\.{1,2}\/[^"]+)"/g)) {
    withStaticImports(join(dirname(file), m[1]).replaceAll('\\', '/'), seen);
  }
  return seen;
}

/** @type {{ name: string, limit: number, entry?: string, source?: string, files?: string[] | (() => string[]) }[]} */
export const budgets = [
  { name: 'sdk (@dvc-kit/sdk with ky)', entry: 'packages/sdk/src/index.ts', limit: 13 * KB },
  // Tree-shaking works: a page that only folds text does not pay for the client or ky.
  { name: 'sdk, only fold() imported', source: "export { fold } from '@dvc-kit/sdk';", limit: 0.3 * KB },
  // The CDN bundles as rollup built them (`npm run build`); each file gzipped on its own, as it is served.
  { name: 'cdn: dvc-kit.all.js (all-in-one)', files: [`${CDN}/dvc-kit.all.js`], limit: 32 * KB },
  { name: 'cdn: dvc-kit.js (loader)', files: [`${CDN}/dvc-kit.js`], limit: 2 * KB },
  ...TAGS.map((tag) => ({
    name: `cdn: loader + shared + <${tag}>`,
    files: () => [...withStaticImports(elementChunk(tag), new Set([`${CDN}/dvc-kit.js`]))],
    limit: 27 * KB,
  })),
];

const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;

async function bundle({ entry, source }) {
  const out = await build({
    ...(entry ? { entryPoints: [join(root, entry)] } : { stdin: { contents: source, resolveDir: root, loader: 'ts' } }),
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    // `source`: workspace packages are measured from their TypeScript, built or not.
    conditions: ['source', 'production'],
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0].contents;
}

/** @returns {Promise<{ min: number, gz: number }>} */
export async function measure(budget) {
  if (budget.entry || budget.source) {
    const code = await bundle(budget);
    return { min: code.length, gz: gzip(code) };
  }
  let min = 0;
  let gz = 0;
  const files = typeof budget.files === 'function' ? budget.files() : budget.files ?? [];
  for (const file of files) {
    const path = join(root, file);
    if (!existsSync(path)) throw new Error(`${file} is not built`);
    const code = readFileSync(path);
    min += code.length;
    gz += gzip(code);
  }
  return { min, gz };
}

const args = process.argv.slice(2);
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const json = args.includes('--json');
  const filters = args.filter((a) => a !== '--json');
  const rows = [];
  for (const b of budgets.filter((b) => !filters.length || filters.some((f) => b.name.includes(f)))) {
    try {
      const { min, gz } = await measure(b);
      rows.push({ name: b.name, min, gz, limit: b.limit, ok: gz <= b.limit });
    } catch (e) {
      rows.push({ name: b.name, min: null, gz: null, limit: b.limit, ok: false, error: e.message });
    }
  }
  if (json) console.log(JSON.stringify(rows, null, 2));
  else {
    const kb = (n) => (n == null ? '—' : (n / KB).toFixed(2) + ' KB');
    const width = Math.max(...rows.map((r) => r.name.length), 6);
    console.log(`${'bundle'.padEnd(width)}  ${'min'.padStart(10)}  ${'min+gz'.padStart(10)}  ${'budget'.padStart(10)}  result`);
    for (const r of rows) {
      console.log(`${r.name.padEnd(width)}  ${kb(r.min).padStart(10)}  ${kb(r.gz).padStart(10)}  ${kb(r.limit).padStart(10)}  ${r.ok ? 'ok' : 'OVER BUDGET'}${r.error ? ` (${r.error})` : ''}`);
    }
    const failed = rows.filter((r) => !r.ok).length;
    console.log(`${rows.length - failed} passed, ${failed} failed`);
  }
  process.exitCode = rows.every((r) => r.ok) ? 0 : 1;
}
