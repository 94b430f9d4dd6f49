#!/usr/bin/env node
// `npm run bench`: sizes, search quality, API throughput and widget timings against the alternatives, in one
// report (bench/results/report.md and report.json) and a printed summary. Benchmarks report; they gate nothing:
// the exit code is 1 only when a section could not run at all. See bench/README.md.
// Usage: node scripts/bench.mjs [--only=size,search,api,widgets] [--seconds=N]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const self = fileURLToPath(import.meta.url);

// The sections import the TypeScript sources (type stripping, Node >= 22.18) through the `source` condition.
const [major, minor] = process.versions.node.split('.').map(Number);
const modern = major > 22 || (major === 22 && minor >= 18);
if (!modern || !process.execArgv.includes('--conditions=source')) {
  const args = ['--conditions=source', self, ...process.argv.slice(2)];
  const quoted = args.map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  const child = modern
    ? spawnSync(process.execPath, args, { stdio: 'inherit' })
    : spawnSync('bash', ['-c', `. '${join(root, 'scripts/ensure-node.sh')}' && exec node ${quoted}`], { stdio: 'inherit' });
  process.exit(child.status ?? 1);
}

const { benchRequire, ensureBenchDeps } = await import('../bench/lib/deps.mjs');
const { computeRatios, markdown, summary } = await import('../bench/lib/report.mjs');

const SECTIONS = ['size', 'search', 'api', 'widgets'];
const option = (name) => process.argv.slice(2).find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const only = option('only')?.split(',') ?? SECTIONS;
const unknown = only.filter((s) => !SECTIONS.includes(s));
if (unknown.length) {
  console.error(`bench: unknown section ${unknown.join(', ')} (known: ${SECTIONS.join(', ')})`);
  process.exit(2);
}
const seconds = Number(option('seconds') ?? 3);
if (!(seconds > 0 && seconds <= 60)) {
  console.error('bench: --seconds must be a number of seconds between 0 and 60');
  process.exit(2);
}

const depsDir = join(root, 'bench/.deps');
const outDir = join(root, 'bench/results');
const queriesFile = join(root, 'packages/reference-api/test/fixtures/queries.json');
const sampleFile = join(root, 'packages/reference-api/data/catalog.json');
const provinceCsv = process.env.DVC_PROVINCE_CSV ?? resolve(root, '../shared/data/catalog-province.csv');
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const log = (line) => console.log(line);

const started = Date.now();
const load1 = () => loadavg()[0].toFixed(2);
const report = {
  startedAt: new Date(started).toISOString(),
  commit: gitCommit(),
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.versions.node, loadStart: load1() },
  deps: {},
  results: {},
  ratios: [],
  skipped: [],
  errors: [],
};

function gitCommit() {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${sha} (with uncommitted changes)` : sha;
  } catch {
    return 'unknown';
  }
}

async function section(name, run) {
  if (!only.includes(name)) return;
  const t0 = Date.now();
  log(`bench: ${name}`);
  try {
    report.results[name] = await run();
  } catch (error) {
    report.errors.push({ section: name, message: error.message.split('\n')[0] });
    console.error(error);
  }
  log(`bench: ${name} took ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

report.deps = ensureBenchDeps(depsDir, log);
const requireBench = benchRequire(depsDir);
const load = (name) => (report.deps[name]?.available ? requireBench(name) : null);
for (const [name, status] of Object.entries(report.deps)) if (!status.available) report.skipped.push(`${name}: ${status.reason}`);

const queries = JSON.parse(readFileSync(queriesFile, 'utf8'));
// Twenty queries spread over the set's kinds (it is grouped by kind), for the typing and the API search runs.
const spread = queries.filter((_, i) => i % Math.floor(queries.length / 20) === 0).slice(0, 20).map((q) => q.q);
const provincePresent = existsSync(provinceCsv);
if (!provincePresent) report.skipped.push(`the province catalogue (${provinceCsv}): not on this machine; the API ran on the sample and a catalogue synthesised from it`);

// Measure what the sources build to now: rebuild when the bundles are missing or older than their sources, through
// the distribution tests' helper, which waits for a build another process is running instead of racing it.
if (only.includes('size') || only.includes('widgets')) {
  try {
    const { ensureBuilt } = await import('../test/support/build.ts');
    ensureBuilt();
  } catch (error) {
    report.errors.push({ section: 'build', message: error.message.split('\n')[0] });
  }
}

await section('size', async () => {
  const { measureSizes } = await import('../bench/lib/size.mjs');
  return measureSizes({ root, depsDir, outDir, deps: report.deps });
});

await section('search', async () => {
  const { measureSearch } = await import('../bench/lib/search.mjs');
  return measureSearch({ queriesFile, sampleFile, provinceCsv: provincePresent ? provinceCsv : null, load });
});

await section('api', async () => {
  const autocannon = load('autocannon');
  if (!autocannon) throw new Error('autocannon is unavailable');
  const { measureApi } = await import('../bench/lib/api.mjs');
  const catalogs = [provincePresent ? { name: 'province', file: provinceCsv } : { name: 'sample', file: sampleFile }];
  return measureApi({ autocannon, catalogs, queries: spread, seconds, log });
});

if (only.includes('widgets') && !existsSync(chromePath)) {
  report.skipped.push(`widgets: no Chromium at ${chromePath} (set CHROME_PATH)`);
} else {
  await section('widgets', async () => {
    const { measureWidgets } = await import('../bench/lib/widgets.mjs');
    return measureWidgets({ root, chromePath, typedQueries: spread, heapQueries: queries.map((q) => q.q), log });
  });
}

report.machine.loadEnd = load1();
report.machine.chromium = report.results.widgets?.browser ?? null;
report.seconds = (Date.now() - started) / 1000;
report.ratios = computeRatios(report.results);
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'report.json'), JSON.stringify(report, null, 2) + '\n');
writeFileSync(join(outDir, 'report.md'), markdown(report));
console.log(`\n${summary(report)}\n\nbench: ${report.seconds.toFixed(0)} s; report in bench/results/report.md and report.json`);
process.exitCode = report.errors.length ? 1 : 0;
