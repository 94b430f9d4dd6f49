// The npm packages as a consumer gets them: what `npm pack` would publish, `exports` that point at real files,
// the built ESM running in plain Node (no `source` condition), `sideEffects` that let bundlers drop what is not
// used, the React JSX typings covering every attribute and event of the manifest, and two consumer projects that
// type-check against the published declarations.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { build } from 'esbuild';
import ts from 'typescript';
import { ensureBuilt } from './support/build.ts';
import { ROOT } from './support/server.ts';

const PACKAGES = ['sdk', 'reference-api', 'elements'] as const;
type PackageName = (typeof PACKAGES)[number];
const ELEMENT_FOLDERS = ['provider', 'service-search', 'procedure', 'dossier-tracker', 'satisfaction-survey'];

interface Manifest {
  name: string;
  types?: string;
  bin?: Record<string, string>;
  exports: Record<string, string | Record<string, string>>;
  sideEffects: boolean | string[];
}

const dir = (name: PackageName) => join(ROOT, 'packages', name);
const manifest = (name: PackageName): Manifest => JSON.parse(readFileSync(join(dir(name), 'package.json'), 'utf8'));

/** The file list `npm pack` would publish. */
function packedFiles(name: PackageName): string[] {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: dir(name), encoding: 'utf8' });
  const [report] = JSON.parse(out) as { files: { path: string }[] }[];
  return report!.files.map((file) => file.path).sort();
}

/** Every file an export points at, with `*` patterns expanded over the element folders; `source` excluded. */
function exportTargets(name: PackageName): { key: string; condition: string; path: string }[] {
  const targets: { key: string; condition: string; path: string }[] = [];
  for (const [key, value] of Object.entries(manifest(name).exports)) {
    const conditions = typeof value === 'string' ? { default: value } : value;
    for (const [condition, target] of Object.entries(conditions)) {
      if (condition === 'source') continue;
      if (!target.includes('*')) targets.push({ key, condition, path: target });
      else if (target.startsWith('./dist/cdn/')) targets.push({ key, condition, path: target.replace('*', 'dvc-kit.js') });
      else for (const folder of ELEMENT_FOLDERS) targets.push({ key: key.replace('*', folder), condition, path: target.replace('*', folder) });
    }
  }
  return targets;
}

/** Runs a module in a plain `node` (no `--conditions=source`): what a consumer's Node resolves. */
function runPlainNode(code: string): string {
  // `npm test` puts --conditions=source in NODE_OPTIONS for the monorepo; a consumer has no such thing.
  const env = { ...process.env, NODE_OPTIONS: '' };
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout.trim();
}

before(() => ensureBuilt());

describe('npm pack', () => {
  const allowed: Record<PackageName, RegExp> = {
    sdk: /^(package\.json|README\.md|LICENSE|dist\/.+\.(js|js\.map|d\.ts))$/,
    'reference-api': /^(package\.json|README\.md|LICENSE|openapi\.json|data\/(catalog\.json|README\.md)|dist\/.+\.(js|js\.map|d\.ts))$/,
    elements: /^(package\.json|README\.md|LICENSE|custom-elements\.json|dist\/.+\.(js|js\.map|d\.ts))$/,
  };

  for (const name of PACKAGES) {
    test(`@dvc-kit/${name} ships only its build, types, README and data`, () => {
      const files = packedFiles(name);
      const unexpected = files.filter((file) => !allowed[name].test(file));
      assert.deepEqual(unexpected, [], 'files that should not be published');
      assert.ok(!files.some((file) => /(^|\/)(src|test)\/|\.test\.|\.tsbuildinfo$/.test(file)), 'no sources or tests');
      assert.ok(files.includes('README.md'), 'a README');
      // Whatever the exports promise a consumer must be in the tarball.
      for (const target of exportTargets(name)) assert.ok(files.includes(target.path.replace(/^\.\//, '')), `${target.key} (${target.condition}) → ${target.path} is published`);
    });
  }

  test('the elements package carries the CDN bundles and the custom elements manifest', () => {
    const files = packedFiles('elements');
    for (const file of ['dist/cdn/dvc-kit.js', 'dist/cdn/dvc-kit.all.js', 'custom-elements.json', 'dist/types/jsx.d.ts']) {
      assert.ok(files.includes(file), file);
    }
    assert.ok(files.some((file) => /^dist\/cdn\/chunks\/shared-[\w-]+\.js$/.test(file)), 'the shared chunk');
  });

  test('the reference API package ships its sample catalogue, not the province file', () => {
    const files = packedFiles('reference-api');
    assert.ok(files.includes('data/catalog.json'));
    assert.ok(!files.some((file) => /catalog-province/.test(file)));
  });
});

describe('exports and entry points', () => {
  for (const name of PACKAGES) {
    test(`@dvc-kit/${name}: every export, "types" and "bin" points at a built file`, () => {
      const m = manifest(name);
      const missing = exportTargets(name).filter((t) => !existsSync(join(dir(name), t.path))).map((t) => `${t.key} (${t.condition}) → ${t.path}`);
      if (m.types && !existsSync(join(dir(name), m.types))) missing.push(`types → ${m.types}`);
      for (const [bin, path] of Object.entries(m.bin ?? {})) if (!existsSync(join(dir(name), path))) missing.push(`bin ${bin} → ${path}`);
      assert.deepEqual(missing, []);
      // The monorepo resolves sources first; consumers get types then JavaScript.
      for (const [key, value] of Object.entries(m.exports)) {
        if (typeof value !== 'string' && 'source' in value) assert.equal(Object.keys(value)[0], 'source', `${key}: "source" first`);
        if (typeof value !== 'string' && 'default' in value) assert.ok(Object.keys(value).indexOf('types') < Object.keys(value).indexOf('default'), `${key}: "types" before "default"`);
      }
    });
  }

  test('declarations import their siblings as .js, so any moduleResolution finds them', () => {
    const offenders: string[] = [];
    const walk = (path: string): void => {
      for (const entry of readdirSync(path, { withFileTypes: true })) {
        const full = join(path, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith('.d.ts') && /from ['"]\.{1,2}\/[^'"]+\.ts['"]/.test(readFileSync(full, 'utf8'))) offenders.push(full);
      }
    };
    for (const name of PACKAGES) walk(join(dir(name), 'dist/types'));
    assert.deepEqual(offenders, []);
  });
});

describe('built ESM in plain Node', () => {
  test('@dvc-kit/sdk and @dvc-kit/sdk/text load from dist and work', () => {
    const out = runPlainNode(`
      const sdk = await import('@dvc-kit/sdk');
      const text = await import('@dvc-kit/sdk/text');
      const client = sdk.createClient({ baseUrl: 'https://dichvucong.example.gov.vn/api' });
      console.log(JSON.stringify({ resolved: import.meta.resolve('@dvc-kit/sdk'), fold: text.fold('Đăng ký khai sinh'), base: client.baseUrl, error: typeof sdk.DvcError }));
    `);
    const result = JSON.parse(out) as Record<string, string>;
    assert.match(result.resolved!, /packages\/sdk\/dist\/index\.js$/);
    assert.equal(result.fold, 'dang ky khai sinh');
    assert.equal(result.base, 'https://dichvucong.example.gov.vn/api');
    assert.equal(result.error, 'function');
  });

  test('@dvc-kit/reference-api/node starts a real server from dist that finds 1.001193', () => {
    const out = runPlainNode(`
      import { mkdtempSync, rmSync } from 'node:fs';
      import { tmpdir } from 'node:os';
      import { join } from 'node:path';
      const { startServer } = await import('@dvc-kit/reference-api/node');
      const dataDir = mkdtempSync(join(tmpdir(), 'dvc-pack-'));
      const server = await startServer({ port: 0, dataDir, quiet: true });
      try {
        const search = await (await fetch(server.url + '/v1/procedures?q=khai%20sinh')).json();
        const openapi = await (await fetch(server.url + '/v1/openapi.json')).json();
        console.log(JSON.stringify({ resolved: import.meta.resolve('@dvc-kit/reference-api/node'), first: search.items[0].code, openapi: openapi.openapi }));
      } finally {
        await server.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
    `);
    const result = JSON.parse(out) as Record<string, string>;
    assert.match(result.resolved!, /packages\/reference-api\/dist\/node\.js$/);
    assert.equal(result.first, '1.001193');
    assert.match(result.openapi!, /^3\.1/);
  });

  test('the dvc-reference-api binary runs from dist', () => {
    const bin = join(dir('reference-api'), manifest('reference-api').bin!['dvc-reference-api']!);
    const out = execFileSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    assert.match(out, /--catalog <file>/);
  });
});

describe('sideEffects and tree-shaking', () => {
  /** Bundles `code` as a consumer's bundler would (package `default` exports, sideEffects honoured). */
  async function bundle(code: string): Promise<string> {
    const out = await build({
      stdin: { contents: code, resolveDir: ROOT, loader: 'js' },
      bundle: true, format: 'esm', platform: 'browser', write: false, logLevel: 'silent',
      conditions: ['production'],
    });
    return out.outputFiles[0]!.text;
  }

  test('importing a class from the index registers no tag', async () => {
    const code = await bundle(`import { DvcProcedure } from '@dvc-kit/elements'; console.log(DvcProcedure.name);`);
    assert.doesNotMatch(code, /customElements\.define/);
  });

  test('one element\'s define entry registers that element only', async () => {
    const code = await bundle(`import '@dvc-kit/elements/procedure/define';`);
    const registered = [...code.matchAll(/defineElement\("(dvc-[a-z-]+)"/g)].map((m) => m[1]);
    assert.deepEqual(registered, ['dvc-procedure']);
  });

  test('fold from @dvc-kit/sdk/text leaves the HTTP client (ky) out', async () => {
    const code = await bundle(`import { fold } from '@dvc-kit/sdk/text'; console.log(fold('Đ'));`);
    assert.ok(code.length < 4_000, `${code.length} bytes`);
    assert.doesNotMatch(code, /Retry-After|retry-after/i);
  });
});

describe('typings', () => {
  interface CemDeclaration { tagName?: string; attributes?: { name: string }[]; events?: { name: string }[] }
  const cem = () => JSON.parse(readFileSync(join(dir('elements'), 'custom-elements.json'), 'utf8')) as { modules: { declarations?: CemDeclaration[] }[] };

  test('custom-elements.json describes the five tags', () => {
    const tags = cem().modules.flatMap((m) => m.declarations ?? []).map((d) => d.tagName).filter(Boolean).sort();
    assert.deepEqual(tags, ['dvc-dossier-tracker', 'dvc-procedure', 'dvc-provider', 'dvc-satisfaction-survey', 'dvc-service-search']);
  });

  test('custom-elements.json lists, for every visible element, the part and tokens every element has', () => {
    // The fallback wrapper and these tokens come from the shared base (base/dvc-element.ts, base/styles.ts): each
    // element's JSDoc must say so, or Storybook's tables and editors' completions miss them for that element.
    const shared = { parts: ['fallback'], props: ['--dvc-color-link', '--dvc-color-focus', '--dvc-font-family', '--dvc-font-size', '--dvc-radius', '--dvc-space'] };
    type Declaration = { tagName?: string; cssParts?: { name: string }[]; cssProperties?: { name: string }[] };
    const visible = (cem().modules.flatMap((m) => m.declarations ?? []) as Declaration[]).filter((d) => d.tagName && d.tagName !== 'dvc-provider');
    const missing = visible.flatMap((d) => [
      ...shared.parts.filter((p) => !d.cssParts?.some((x) => x.name === p)).map((p) => `${d.tagName}: part ${p}`),
      ...shared.props.filter((p) => !d.cssProperties?.some((x) => x.name === p)).map((p) => `${d.tagName}: ${p}`),
    ]);
    assert.deepEqual(missing, []);
  });

  /** The props React's JSX accepts on each tag, as the TypeScript checker sees them through the published typings. */
  function jsxProps(tags: string[]): Map<string, Set<string>> {
    const file = join(ROOT, '__dvc_jsx_check.ts');
    const text = "import type {} from '@dvc-kit/elements/jsx';\nimport type { JSX } from 'react';\nexport type Tags = JSX.IntrinsicElements;\n";
    const options: ts.CompilerOptions = {
      target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler,
      strict: true, noEmit: true, types: [], lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
    };
    const host = ts.createCompilerHost(options);
    const readFile = host.readFile.bind(host);
    host.readFile = (name) => (name === file ? text : readFile(name));
    const fileExists = host.fileExists.bind(host);
    host.fileExists = (name) => name === file || fileExists(name);
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (name, version) => (name === file ? ts.createSourceFile(name, text, version) : getSourceFile(name, version));
    const program = ts.createProgram([file], options, host);
    const checker = program.getTypeChecker();
    const source = program.getSourceFile(file)!;
    const alias = source.statements.find(ts.isTypeAliasDeclaration)!;
    const intrinsic = checker.getTypeAtLocation(alias.name);
    const props = new Map<string, Set<string>>();
    for (const tag of tags) {
      const symbol = intrinsic.getProperty(tag);
      const names = symbol ? checker.getPropertiesOfType(checker.getTypeOfSymbol(symbol)).map((p) => p.getName()) : [];
      props.set(tag, new Set(names));
    }
    return props;
  }

  test('the React JSX typings cover every attribute and dvc-* event of the manifest', () => {
    const declarations = cem().modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);
    const props = jsxProps(declarations.map((d) => d.tagName!));
    const missing: string[] = [];
    for (const d of declarations) {
      const accepted = props.get(d.tagName!)!;
      if (accepted.size === 0) missing.push(`${d.tagName} is not in JSX.IntrinsicElements`);
      for (const attribute of d.attributes ?? []) if (!accepted.has(attribute.name)) missing.push(`${d.tagName} ${attribute.name}`);
      for (const event of d.events ?? []) if (event.name.startsWith('dvc-') && !accepted.has(`on${event.name}`)) missing.push(`${d.tagName} on${event.name}`);
      for (const property of ['client', 'children', 'className', 'ref']) if (!accepted.has(property)) missing.push(`${d.tagName} ${property}`);
    }
    assert.deepEqual(missing, []);
  });

  for (const app of ['vite-app', 'react-app']) {
    test(`examples/${app} type-checks against the published declarations (no source condition, no skipLibCheck)`, () => {
      const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
      const result = spawnSync(process.execPath, [tsc, '-p', `examples/${app}/tsconfig.json`], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(result.status, 0, result.stdout + result.stderr);
    });
  }
});
