// The distribution tests check built output; they build it first when it is missing or older than its sources
// (`npm test` builds before the Node tests, so there this is a quick look at file times).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT } from './server.ts';

export const BUILT = [
  'packages/sdk/dist/index.js',
  'packages/sdk/dist/types/index.d.ts',
  'packages/reference-api/dist/node.js',
  'packages/reference-api/dist/types/index.d.ts',
  'packages/elements/dist/index.js',
  'packages/elements/dist/types/jsx.d.ts',
  'packages/elements/dist/cdn/dvc-kit.js',
  'packages/elements/dist/cdn/dvc-kit.all.js',
  'packages/elements/custom-elements.json',
  'examples/vite-app/dist/index.html',
  'examples/react-app/dist/index.html',
];

const SOURCES = [
  'packages/sdk/src', 'packages/reference-api/src', 'packages/elements/src', 'packages/reference-api/openapi.json',
  'examples/vite-app/src', 'examples/react-app/src', 'rollup.config.mjs', 'scripts/build.mjs',
];

/** The newest modification time under `path` (0 when it does not exist). */
export function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

function fresh(): boolean {
  const outputs = BUILT.map((file) => join(ROOT, file));
  const oldestOutput = outputs.every(existsSync) ? Math.min(...outputs.map((file) => statSync(file).mtimeMs)) : 0;
  const newestSource = Math.max(...SOURCES.map((path) => newest(join(ROOT, path))));
  return oldestOutput > newestSource;
}

// Test files may run in parallel (one per spare core): one builds, the others wait for it instead of deleting
// the dist it is writing.
const LOCK = join(ROOT, 'node_modules/.cache/dvc-kit-build.lock');
const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

export function ensureBuilt(): void {
  if (fresh()) return;
  mkdirSync(dirname(LOCK), { recursive: true });
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // Someone else is building; a lock older than ten minutes is left over from a killed run.
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 600_000) rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() - started > 600_000) throw new Error(`waited too long for ${LOCK}`);
      sleep(500);
    }
  }
  try {
    if (fresh()) return;
    const result = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    if (result.status !== 0) throw new Error(`npm run build failed (exit ${result.status})`);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
