// Builds every package: library ESM (one file per module, dependencies external) and the browser bundles
// (self-contained, minified, `production` condition). Declarations come from `tsc -p tsconfig.build.json`.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import json from '@rollup/plugin-json';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import minifyLiterals from './scripts/minify-literals.ts';
import { terserOptions } from './scripts/terser-options.mjs';

const ts = () => esbuild({ target: 'es2022', tsconfig: 'tsconfig.json', sourceMap: true });
const pkg = (name) => JSON.parse(readFileSync(`packages/${name}/package.json`, 'utf8'));

/** Library build of one workspace package: its own modules only; dependencies and Node built-ins stay imports. */
function library(name, input) {
  const deps = Object.keys(pkg(name).dependencies ?? {});
  const external = (id) => deps.some((d) => id === d || id.startsWith(`${d}/`)) || id.startsWith('node:') || builtinModules.includes(id);
  return {
    input,
    external,
    // Template and CSS text is minified for npm consumers too: their bundlers leave it as written.
    plugins: [json({ preferConst: true }), ...(name === 'elements' ? [minifyLiterals()] : []), ts()],
    output: { dir: `packages/${name}/dist`, format: 'es', preserveModules: true, preserveModulesRoot: `packages/${name}/src`, sourcemap: true },
  };
}

const browser = () => [
  nodeResolve({ browser: true, exportConditions: ['source', 'production'] }),
  minifyLiterals(),
  ts(),
  terser(terserOptions),
];

const elements = ['provider', 'service-search', 'procedure', 'dossier-tracker', 'satisfaction-survey'];

export default [
  library('sdk', ['packages/sdk/src/index.ts', 'packages/sdk/src/text.ts']),
  library('reference-api', ['packages/reference-api/src/index.ts', 'packages/reference-api/src/node.ts', 'packages/reference-api/src/cli.ts']),
  library('elements', [
    'packages/elements/src/index.ts',
    'packages/elements/src/define.ts',
    ...elements.map((e) => `packages/elements/src/${e}/define.ts`),
  ]),
  // The drop-in loader: tiny, registers nothing heavy; each element's code (and one shared chunk with Lit, ky, the
  // SDK client and the element base) is fetched only when its tag appears on the page. What only some elements use
  // (the SDK's text utilities, catalog/) is left to rollup, which keeps it with the elements that import it.
  {
    input: { 'dvc-kit': 'packages/elements/src/cdn/loader.ts' },
    plugins: browser(),
    output: {
      dir: 'packages/elements/dist/cdn',
      format: 'es',
      sourcemap: true,
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      manualChunks: (id) => {
        // Rollup pulls a manual chunk's dependencies into it, so the modules only some pages need are named first:
        // the context provider (only <dvc-provider> provides) and the SDK's text utilities (the search highlights with
        // them only when a gateway sends no match positions, and imports them then); otherwise the SDK index and
        // @lit/context's index would drag them into `shared`.
        if (/@lit\/context\/lib\/(controllers\/context-provider|value-notifier)\.js$/.test(id)) return 'provider';
        if (/packages\/sdk\/src\/text\.ts$/.test(id)) return 'text';
        const own = /packages\/elements\/src\/([\w-]+)\//.exec(id)?.[1];
        // English strings are imported on demand: a small chunk of their own, fetched only by pages that speak English.
        if (/\/strings-en\.ts$/.test(id)) return `${own}-en`;
        if (own === 'base' || /node_modules|packages\/sdk\/src\//.test(id)) return 'shared';
        // Each element's own chunk, and what two elements share: catalog/ (search and procedure), form/ (tracker and survey).
        return own === 'cdn' ? undefined : own;
      },
    },
  },
  // Everything in one file, for pages that prefer a single request.
  {
    input: 'packages/elements/src/define.ts',
    plugins: browser(),
    output: { file: 'packages/elements/dist/cdn/dvc-kit.all.js', format: 'es', sourcemap: true, inlineDynamicImports: true },
  },
];
