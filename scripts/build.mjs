#!/usr/bin/env node
// `npm run build`: everything a consumer or `npm start` needs, from a clean slate.
//   1. rollup: library ESM per package and the CDN bundles (rollup.config.mjs)
//   2. declarations: `tsc -p packages/<p>/tsconfig.build.json` (sdk first: the others type against its .d.ts)
//   3. custom-elements.json for the elements package (shipped in the npm package, read by Storybook)
//   4. the npm example apps (Vite, React) into examples/<app>/dist, served by `npm start`
// Usage: node scripts/build.mjs [--skip-examples]
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const require = createRequire(join(root, 'package.json'));
const packages = ['sdk', 'reference-api', 'elements'];
export const exampleApps = ['vite-app', 'react-app'];

function run(label, bin, args) {
  const started = Date.now();
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    console.error(`build: ${label} failed`);
    process.exit(result.status ?? 1);
  }
  console.log(`build: ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

/** tsc keeps import specifiers as written (`./x.ts`) in declarations; consumers resolve `./x.js` to `./x.d.ts`. */
function rewriteDeclarationSpecifiers(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) rewriteDeclarationSpecifiers(path);
    else if (entry.name.endsWith('.d.ts')) {
      const text = readFileSync(path, 'utf8');
      const rewritten = text.replace(/(['"])(\.{1,2}\/[^'"]*?)\.ts\1/g, '$1$2.js$1');
      if (rewritten !== text) writeFileSync(path, rewritten);
    }
  }
}

const skipExamples = process.argv.includes('--skip-examples');

// Stale files (old hashed chunks, removed modules) must not survive into a package or the size report.
for (const p of packages) rmSync(join(root, 'packages', p, 'dist'), { recursive: true, force: true });
run('rollup', require.resolve('rollup/dist/bin/rollup'), ['-c', 'rollup.config.mjs', '--silent']);

const tsc = require.resolve('typescript/bin/tsc');
for (const p of packages) {
  run(`declarations @dvc-kit/${p}`, tsc, ['-p', `packages/${p}/tsconfig.build.json`]);
  rewriteDeclarationSpecifiers(join(root, 'packages', p, 'dist/types'));
}

run('custom-elements.json', require.resolve('@custom-elements-manifest/analyzer/cem.js'), [
  'analyze', '--litelement', '--globs', 'packages/elements/src/**/dvc-*.ts', '--exclude', '**/*.test.ts', '--outdir', 'packages/elements',
]);

if (!skipExamples) {
  // Each app builds with its own vite.config.ts, resolving @dvc-kit/* through node_modules like any consumer.
  const { build } = await import('vite');
  for (const app of exampleApps) {
    const started = Date.now();
    await build({ root: join(root, 'examples', app), logLevel: 'warn' });
    console.log(`build: examples/${app} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
}
