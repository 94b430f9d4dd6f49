// Sizes of every CDN bundle file and of comparable published packages, measured the same way on this machine:
// third-party entries are bundled with esbuild (browser, `production` condition, nothing external) and minified
// with terser using the options rollup.config.mjs gives our bundles; then min, min+gzip (size.mjs's measure)
// and min+brotli.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { build } from 'esbuild';
import { minify } from 'terser';
import { measure } from '../../scripts/size.mjs';

const ELEMENT_TAGS = ['dvc-provider', 'dvc-service-search', 'dvc-procedure', 'dvc-dossier-tracker', 'dvc-satisfaction-survey'];
/** The widgets the commune example page uses. */
const COMMUNE_TAGS = ['dvc-provider', 'dvc-service-search', 'dvc-dossier-tracker', 'dvc-satisfaction-survey'];

const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

async function measureFiles(root, files) {
  const { min, gz } = await measure({ name: files.join(' + '), limit: Infinity, files: files.map((f) => relative(root, f)) });
  const br = files.reduce((sum, f) => sum + brotli(readFileSync(f)), 0);
  return { min, gz, br };
}

/** Relative imports of a built file: static ones (fetched before it runs) and, when asked, lazy `import()`s. */
function importsOf(file, { lazy }) {
  const code = readFileSync(file, 'utf8');
  const pattern = lazy ? /\b(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g : /\b(?:from|import)\s*["'](\.{1,2}\/[^"']+)["']/g;
  return [...code.matchAll(pattern)].map((m) => join(dirname(file), m[1]));
}

function closure(entries, { lazy }) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const dep of importsOf(file, { lazy })) visit(dep);
  };
  for (const entry of entries) visit(entry);
  return [...seen];
}

/** Which lazy chunk the loader fetches for each tag, read from the built loader itself. */
function loaderChunks(loaderFile) {
  const code = readFileSync(loaderFile, 'utf8');
  const chunks = {};
  for (const m of code.matchAll(/["']?(dvc-[a-z-]+)["']?\s*:\s*\(\)\s*=>\s*import\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g)) {
    chunks[m[1]] = join(dirname(loaderFile), m[2]);
  }
  return chunks;
}

async function ourBundles(root) {
  const cdn = join(root, 'packages/elements/dist/cdn');
  const loader = join(cdn, 'dvc-kit.js');
  const all = join(cdn, 'dvc-kit.all.js');
  // Only files the entries can reach: rollup leaves the chunks of earlier builds in place.
  const reachable = closure([loader, all], { lazy: true });
  const onDisk = readdirSync(join(cdn, 'chunks')).filter((f) => f.endsWith('.js')).map((f) => join(cdn, 'chunks', f));
  const files = [loader, all, ...reachable.filter((f) => f !== loader && f !== all).sort()];
  const stale = onDisk.filter((f) => !reachable.includes(f)).length;
  const perTag = loaderChunks(loader);
  const tagOf = new Map(Object.entries(perTag).map(([tag, file]) => [file, tag]));
  const measured = [];
  for (const file of files) {
    const tag = tagOf.get(file);
    measured.push({ name: relative(cdn, file) + (tag ? ` (<${tag}>)` : ''), ...(await measureFiles(root, [file])) });
  }
  // What a page really downloads: the loader plus, per tag on the page, its chunk and that chunk's static imports.
  const pageSet = (tags) => [...new Set([loader, ...tags.flatMap((tag) => (perTag[tag] ? closure([perTag[tag]], { lazy: false }) : []))])];
  const composites = [];
  for (const tag of ELEMENT_TAGS.filter((t) => perTag[t])) {
    composites.push({ name: `loader + <${tag}>`, tags: [tag], ...(await measureFiles(root, pageSet([tag]))) });
  }
  composites.push({ name: 'commune example page (loader + provider, search, tracker, survey)', tags: COMMUNE_TAGS, ...(await measureFiles(root, pageSet(COMMUNE_TAGS))) });
  const missingTags = ELEMENT_TAGS.filter((t) => !perTag[t]);
  return { files: measured, composites, missingTags, staleChunks: stale };
}

const TERSER_OPTIONS = { module: true, format: { comments: false }, compress: { passes: 2 } };

/** Bundle `source` (an ES module importing packages from `resolveDir`) the way our CDN bundles are made. */
async function bundleLikeOurs(source, resolveDir, outFile) {
  const out = await build({
    stdin: { contents: source, resolveDir, loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    write: false,
    logLevel: 'silent',
  });
  const { code } = await minify(out.outputFiles[0].text, TERSER_OPTIONS);
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, code);
  return outFile;
}

/** The comparisons: what each includes is part of the result, so it is said beside the numbers. */
function comparisons(root, depsDir) {
  const deps = join(depsDir, 'node_modules');
  return [
    {
      id: 'sgds', pkg: '@govtechsg/sgds-web-component', name: 'SGDS web components, every component (rebuilt)',
      note: 'Singapore Government Design System: Lit components, the package entry that registers all of them',
      source: "import '@govtechsg/sgds-web-component';", resolveDir: depsDir,
    },
    {
      id: 'sgds-published', pkg: '@govtechsg/sgds-web-component', name: 'SGDS web components, published index.umd.min.js',
      note: 'the full bundle file as published, measured as is', file: join(deps, '@govtechsg/sgds-web-component/index.umd.min.js'),
    },
    {
      id: 'autocomplete', pkg: '@algolia/autocomplete-js', name: 'Algolia Autocomplete JS',
      note: 'everything the package exports; its CSS theme is a separate package and not counted',
      source: "export * from '@algolia/autocomplete-js';", resolveDir: depsDir,
    },
    {
      id: 'pagefind-ui', pkg: '@pagefind/default-ui', name: 'Pagefind Default UI (JS)',
      note: 'the UI only: the search engine (pagefind.js + WebAssembly + index) is fetched at run time on top',
      source: "export * from '@pagefind/default-ui';", resolveDir: depsDir,
    },
    {
      id: 'pagefind-ui-css', pkg: '@pagefind/default-ui', name: 'Pagefind Default UI (its CSS file)',
      note: 'our widgets carry their CSS inside the JS, so this belongs beside the JS above', file: join(deps, '@pagefind/default-ui/css/ui.css'),
    },
    {
      id: 'floor', pkg: null, name: 'floor: Lit + @lit/context + ky alone',
      note: 'everything the three libraries export, from the versions our bundles are built with',
      source: "export * from 'lit';\nexport * from '@lit/context';\nexport { default as ky } from 'ky';", resolveDir: root,
    },
  ];
}

export async function measureSizes({ root, depsDir, outDir, deps }) {
  const ours = await ourBundles(root);
  const theirs = [];
  for (const c of comparisons(root, depsDir)) {
    if (c.pkg && !deps[c.pkg]?.available) {
      theirs.push({ id: c.id, name: c.name, note: c.note, unavailable: deps[c.pkg]?.reason ?? 'not installed' });
      continue;
    }
    try {
      const file = c.file ?? (await bundleLikeOurs(c.source, c.resolveDir, join(outDir, 'bundles', `${c.id}.js`)));
      theirs.push({ id: c.id, name: c.name, note: c.note, version: c.pkg ? deps[c.pkg].version : null, ...(await measureFiles(root, [file])) });
    } catch (error) {
      theirs.push({ id: c.id, name: c.name, note: c.note, unavailable: `could not be bundled: ${error.message.split('\n')[0]}` });
    }
  }
  return { ours, theirs };
}
