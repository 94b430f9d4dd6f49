// The distribution tests check built output; they build it first when it is missing or older than its sources
// (`npm test` builds before the Node tests, so there this is a quick look at file times).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
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

export function ensureBuilt(): void {
  const outputs = BUILT.map((file) => join(ROOT, file));
  const oldestOutput = outputs.every(existsSync) ? Math.min(...outputs.map((file) => statSync(file).mtimeMs)) : 0;
  const newestSource = Math.max(...SOURCES.map((path) => newest(join(ROOT, path))));
  if (oldestOutput > newestSource) return;
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`npm run build failed (exit ${result.status})`);
}
