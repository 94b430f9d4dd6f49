// API throughput and latency under autocannon: search, procedure detail, dossier lookup and survey posting at
// several concurrencies, on the real-size catalogue and on a 10,000-procedure one synthesised from it (written to
// a temp dir), with the server's memory. Loopback only; every run is bounded in time.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { startServerProcess } from './server-process.mjs';

export const CONCURRENCIES = [1, 8, 32];
const SYNTHETIC_SIZE = 10_000;
/** Rate limits high enough that the load generator measures the work, not the 429s. */
const UNLIMITED = { lookupsPerClientPerMinute: 1e9, postsPerClientPerMinute: 1e9 };

/**
 * Copies of every procedure under local-variant codes (`<code>.000.00.00.B<n>`, the shape provinces use) until
 * there are `size`: realistic text, more of it. Works on the CSV line by line (the code is the first, unquoted
 * column) or on the JSON format's procedure list.
 */
function synthesise(source, size, dir) {
  const variant = (code, copy) => (copy === 0 ? code : `${code}.000.00.00.B${copy}`);
  const text = readFileSync(source, 'utf8');
  if (extname(source).toLowerCase() === '.csv') {
    const [header, ...rows] = text.split(/\r?\n/).filter((line) => line.trim() !== '');
    const out = [header];
    for (let i = 0; i < size; i++) {
      const row = rows[i % rows.length];
      out.push(row.replace(/^[^,]+/, (code) => variant(code, Math.floor(i / rows.length))));
    }
    const file = join(dir, `catalog-${size}.csv`);
    writeFileSync(file, out.join('\r\n') + '\r\n');
    return file;
  }
  const catalog = JSON.parse(text);
  const procedures = catalog.procedures;
  catalog.procedures = Array.from({ length: size }, (_, i) => ({ ...procedures[i % procedures.length], code: variant(procedures[i % procedures.length].code, Math.floor(i / procedures.length)) }));
  const file = join(dir, `catalog-${size}.json`);
  writeFileSync(file, JSON.stringify(catalog));
  return file;
}

function percentiles(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] : null);
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.at(-1) ?? null };
}

/** One bounded autocannon run; latencies come from every response (autocannon's own summary has no p95). */
function load(autocannon, { url, connections, seconds, requests }) {
  return new Promise((resolve, reject) => {
    const times = [];
    let failed = 0;
    const instance = autocannon({ url, connections, duration: seconds, requests, timeout: 10 }, (error, result) => {
      if (error) reject(error);
      else {
        resolve({
          connections,
          requests: times.length,
          rps: times.length / (result.duration || seconds),
          ...percentiles(times),
          failed: failed + result.errors + result.timeouts,
        });
      }
    });
    instance.on('response', (_client, status, _bytes, responseTime) => {
      times.push(responseTime);
      if (status >= 300) failed++;
    });
  });
}

function scenarios(server, queries, runId) {
  const json = { 'content-type': 'application/json' };
  let key = 0;
  return [
    {
      name: 'search',
      label: 'GET /v1/procedures?q=',
      requests: queries.map((q) => ({ method: 'GET', path: `/v1/procedures?q=${encodeURIComponent(q)}` })),
    },
    {
      name: 'detail',
      label: 'GET /v1/procedures/{code}',
      requests: server.codes.map((code) => ({ method: 'GET', path: `/v1/procedures/${encodeURIComponent(code)}` })),
    },
    {
      name: 'lookup',
      label: 'POST /v1/dossiers/lookup',
      requests: server.dossiers.slice(0, 20).map((d) => ({ method: 'POST', path: '/v1/dossiers/lookup', headers: json, body: JSON.stringify(d) })),
    },
    {
      name: 'survey',
      label: 'POST /v1/survey-responses',
      requests: [{
        method: 'POST', path: '/v1/survey-responses', headers: json,
        body: JSON.stringify({ form: 'general', answers: { overall: '2', found: 'yes' } }),
        // Each post its own response: a repeated key would measure the replay path instead of the write.
        setupRequest: (request) => ({ ...request, headers: { ...request.headers, 'idempotency-key': `bench-${runId}-${++key}` } }),
      }],
    },
  ];
}

export async function measureApi({ autocannon, catalogs, queries, seconds = 3, log }) {
  const dir = mkdtempSync(join(tmpdir(), 'dvc-bench-api-'));
  const results = [];
  try {
    const runs = [...catalogs.map((c) => ({ ...c, file: c.file })), { name: `synthetic ${SYNTHETIC_SIZE.toLocaleString('en')}`, file: synthesise(catalogs.at(-1).file, SYNTHETIC_SIZE, dir) }];
    for (const [index, catalog] of runs.entries()) {
      const server = await startServerProcess({ catalogPath: catalog.file, dataDir: join(dir, `data-${index}`), limits: UNLIMITED });
      try {
        const idle = await server.memory();
        log(`  API on ${catalog.name} (${server.size} procedures, ready in ${server.readyMs.toFixed(0)} ms)`);
        const rows = [];
        for (const scenario of scenarios(server, queries, index)) {
          // Warm-up, discarded: JIT and first-touch caches are not what a running server pays.
          await load(autocannon, { url: server.url, connections: 4, seconds: 1, requests: scenario.requests });
          for (const connections of CONCURRENCIES) {
            const row = await load(autocannon, { url: server.url, connections, seconds, requests: scenario.requests });
            rows.push({ scenario: scenario.name, label: scenario.label, ...row });
            log(`    ${scenario.name.padEnd(7)} c=${String(connections).padStart(2)}  ${row.rps.toFixed(0).padStart(6)} req/s  p50 ${row.p50?.toFixed(1)} ms  p95 ${row.p95?.toFixed(1)} ms  p99 ${row.p99?.toFixed(1)} ms${row.failed ? `  ${row.failed} failed` : ''}`);
          }
        }
        const after = await server.memory();
        results.push({ catalog: catalog.name, procedures: server.size, readyMs: server.readyMs, memory: { idle, afterLoad: after }, rows });
      } finally {
        await server.close();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { concurrencies: CONCURRENCIES, seconds, results };
}
