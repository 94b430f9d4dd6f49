#!/usr/bin/env node
// `npm test`: every check in one command, in order of cost. Prints each step's result and a final
// "N passed, N failed" line (tests counted across the Node and browser runners).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const only = process.argv.slice(2);
const chrome = process.env.CHROME_PATH || ['/usr/bin/chromium', '/usr/bin/google-chrome', '/usr/bin/chromium-browser'].find(existsSync);
if (!chrome) {
  console.error('npm test needs Chrome or Chromium: install it (Debian: apt-get install chromium) or set CHROME_PATH.');
  process.exit(1);
}
process.env.CHROME_PATH = chrome;
// The monorepo runs its TypeScript sources directly: packages resolve through their `source` export condition.
process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --conditions=source`.trim();
if (!process.env.WTR_FIREFOX && existsSync('/usr/bin/firefox-esr')) process.env.WTR_FIREFOX = '1';

const nodeTests = ['packages/reference-api/test/**/*.test.ts', 'packages/sdk/test/**/*.node.test.ts', 'test/**/*.node.test.ts'];
const steps = [
  // First: the distribution tests check the built packages and examples, and the stories type against the
  // generated custom-elements.json.
  { name: 'build', cmd: process.execPath, args: ['scripts/build.mjs'] },
  { name: 'typecheck', cmd: 'npx', args: ['tsc', '-p', 'tsconfig.json', '--noEmit'] },
  { name: 'lint', cmd: 'npx', args: ['eslint', '.', '--max-warnings=0'] },
  { name: 'size budgets', cmd: process.execPath, args: ['scripts/size.mjs'] },
  { name: 'node tests', cmd: process.execPath, args: ['--conditions=source', '--test', '--test-reporter=spec', ...nodeTests], count: 'node' },
  { name: 'browser tests', cmd: 'npx', args: ['web-test-runner', '--config', 'web-test-runner.config.mjs'], count: 'wtr' },
];

function run(step) {
  return new Promise((resolve) => {
    const child = spawn(step.cmd, step.args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    let out = '';
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk) => { out += chunk; (stream === child.stdout ? process.stdout : process.stderr).write(chunk); });
    }
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

function count(kind, out) {
  if (kind === 'node') {
    const pass = Number(/^ℹ pass (\d+)/m.exec(out)?.[1] ?? 0);
    const fail = Number(/^ℹ fail (\d+)/m.exec(out)?.[1] ?? 0);
    return { pass, fail };
  }
  // web-test-runner redraws a progress line per browser ("Chrome: |███| 6/6 test files | 89 passed, 0 failed"),
  // coloured even when asked not to be: the last line of each browser holds its totals.
  const plain = out.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '');
  const last = new Map();
  for (const m of plain.matchAll(/^(\w[\w ]*):\s+\|.*\| \d+\/\d+ test files \| (\d+) passed, (\d+) failed/gm)) last.set(m[1], m);
  let pass = 0, fail = 0;
  for (const m of last.values()) { pass += Number(m[2]); fail += Number(m[3]); }
  return { pass, fail };
}

let passed = 0, failed = 0;
const summary = [];
for (const step of steps) {
  if (only.length && !only.includes(step.name)) continue;
  if (step.when && !step.when()) continue;
  console.log(`\n── ${step.name} ──`);
  const started = Date.now();
  const { code, out } = await run(step);
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (step.count) {
    const c = count(step.count, out);
    passed += c.pass; failed += c.fail;
    if (code !== 0 && c.fail === 0) failed += 1; // a runner that crashed counts as one failure
  } else if (code !== 0) failed += 1;
  summary.push(`${code === 0 ? 'ok  ' : 'FAIL'} ${step.name} (${secs} s)`);
}
console.log('\n' + summary.join('\n'));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
