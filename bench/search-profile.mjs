// Catalogue search in-process, without HTTP: index build time, heap after build, and CPU time per search for every
// query of test/fixtures/queries.json (median over rounds) and for every keystroke of typing them. On the sample
// catalogue, the province catalogue when present (DVC_PROVINCE_CSV or ../shared/data), and a synthetic one of
// 10,000 procedures made from it as bench/lib/api.mjs makes it (copies under local-variant codes).
//
//   node --conditions=source --expose-gc bench/search-profile.mjs [rounds]
//   node --conditions=source --expose-gc --cpu-prof bench/search-profile.mjs 2   # then open the .cpuprofile
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createCatalogue, parseCatalogCsv, parseCatalogJson } from '@dvc-kit/reference-api';

const root = fileURLToPath(new URL('../', import.meta.url));
const rounds = Number(process.argv[2] ?? 5);
const province = process.env.DVC_PROVINCE_CSV ?? `${root}../shared/data/catalog-province.csv`;
const queries = JSON.parse(readFileSync(`${root}packages/reference-api/test/fixtures/queries.json`, 'utf8')).map((entry) => entry.q);
const keystrokes = queries.flatMap((q) => Array.from({ length: q.length - 1 }, (_, i) => q.slice(0, i + 2)));

function synthetic(csv, size) {
  const [header, ...rows] = csv.split(/\r?\n/).filter((line) => line.trim() !== '');
  const out = [header];
  for (let i = 0; i < size; i++) {
    const copy = Math.floor(i / rows.length);
    out.push(rows[i % rows.length].replace(/^[^,]+/, (code) => (copy === 0 ? code : `${code}.000.00.00.B${copy}`)));
  }
  return out.join('\r\n');
}

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const at = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
const heapMb = () => {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 1e6;
};

/** Per search, the median (or best) CPU time over `times` runs; searches run round-robin so noise spreads. */
function timeSearches(catalogue, list, times, pick) {
  const samples = list.map(() => []);
  for (let r = 0; r < times; r++) {
    list.forEach((q, i) => {
      const started = cpuMs();
      catalogue.search({ q, pageSize: 10 });
      samples[i].push(cpuMs() - started);
    });
  }
  return samples.map((s) => pick(s.sort((a, b) => a - b))).sort((a, b) => a - b);
}

function profile(name, load) {
  const procedures = load();
  const before = heapMb();
  const started = performance.now();
  const catalogue = createCatalogue(procedures);
  const buildMs = performance.now() - started;
  const heap = heapMb() - before;
  for (const q of queries) catalogue.search({ q, pageSize: 10 }); // warm-up
  const perQuery = timeSearches(catalogue, queries, rounds, (s) => s[s.length >> 1]);
  const perKey = timeSearches(catalogue, keystrokes, Math.max(1, rounds >> 1), (s) => s[0]);
  const ms = (v) => `${v.toFixed(2)} ms`;
  console.log(`${name}: ${catalogue.size} procedures, build ${buildMs.toFixed(0)} ms, catalogue heap ${heap.toFixed(1)} MB${globalThis.gc ? '' : ' (run with --expose-gc for exact heap)'}`);
  console.log(`  ${queries.length} queries: median ${ms(at(perQuery, 0.5))}, p95 ${ms(at(perQuery, 0.95))}, max ${ms(perQuery.at(-1))}`);
  console.log(`  ${keystrokes.length} keystrokes: median ${ms(at(perKey, 0.5))}, p95 ${ms(at(perKey, 0.95))}, max ${ms(perKey.at(-1))}`);
}

profile('sample', () => parseCatalogJson(readFileSync(`${root}packages/reference-api/data/catalog.json`, 'utf8')));
if (existsSync(province)) {
  const csv = readFileSync(province, 'utf8');
  profile('province', () => parseCatalogCsv(csv));
  profile('synthetic 10,000', () => parseCatalogCsv(synthetic(csv, 10_000)));
} else {
  console.log(`province catalogue not present (${province}): sample only`);
}
