// Bench-only packages live in bench/.deps, outside the workspace tree: the comparison libraries and the load
// generator are measured, never shipped. Versions are pinned so two runs compare the same things.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export const BENCH_PACKAGES = {
  '@govtechsg/sgds-web-component': '3.8.0',
  '@algolia/autocomplete-js': '1.19.12',
  '@pagefind/default-ui': '1.5.2',
  'fuse.js': '7.5.0',
  flexsearch: '0.8.212',
  autocannon: '9.0.0',
};

function installedVersion(depsDir, name) {
  const file = join(depsDir, 'node_modules', name, 'package.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).version : null;
}

function npm(args, cwd) {
  return execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * Installs whatever is missing (one npm call, so npm never prunes what an earlier call installed) and returns,
 * per package, its version or why it is unavailable.
 */
export function ensureBenchDeps(depsDir, log) {
  mkdirSync(depsDir, { recursive: true });
  const wanted = Object.entries(BENCH_PACKAGES);
  const status = {};
  if (wanted.some(([name, version]) => installedVersion(depsDir, name) !== version)) {
    const available = wanted.filter(([name, version]) => {
      try {
        npm(['view', `${name}@${version}`, 'version'], depsDir);
        return true;
      } catch {
        status[name] = { available: false, reason: `${name}@${version} not found on the registry` };
        return false;
      }
    });
    log(`installing bench-only packages into ${depsDir} (${available.map(([n]) => n).join(', ')})`);
    try {
      npm(['install', '--prefix', depsDir, '--no-save', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error',
        ...available.map(([name, version]) => `${name}@${version}`)], depsDir);
    } catch (error) {
      log(`npm install failed: ${String(error.stderr ?? error.message).trim().split('\n').slice(-3).join(' ')}`);
    }
  }
  for (const [name] of wanted) {
    if (status[name]) continue;
    const got = installedVersion(depsDir, name);
    status[name] = got ? { available: true, version: got } : { available: false, reason: 'install failed' };
  }
  return status;
}

/** `require` rooted in bench/.deps: the bench-only packages resolve there and nowhere else. */
export function benchRequire(depsDir) {
  return createRequire(join(depsDir, 'node_modules', '.bench-resolve.cjs'));
}
