// types.ts must say exactly what packages/reference-api/openapi.json says. The OpenAPI document is turned into
// TypeScript with openapi-typescript, and for every endpoint the SDK calls, the request and response types
// must be mutually assignable with ours (checked by the TypeScript compiler). A second run against a
// deliberately drifted copy of types.ts proves the check bites.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';

const require = createRequire(import.meta.url);
const specPath = require.resolve('@dvc-kit/reference-api/openapi.json');
const typesPath = fileURLToPath(new URL('../src/types.ts', import.meta.url));
const spec = JSON.parse(readFileSync(specPath, 'utf8')) as {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>>;
};

let dir: string;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dvc-types-'));
  writeFileSync(join(dir, 'openapi.ts'), astToString(await openapiTS(new URL(`file://${specPath}`))));
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** The path key of an endpoint, with or without a "/v1" prefix in the document. */
function path(suffix: string): string {
  const key = Object.keys(spec.paths).find((p) => p === suffix || p === '/v1' + suffix);
  assert.ok(key, `openapi.json has no path ${suffix}`);
  return key;
}

/** The 2xx status and JSON media type an operation answers with. */
function success(p: string, method: string): string {
  const responses = spec.paths[p]![method]!.responses;
  const status = Object.keys(responses).find((s) => /^2\d\d$/.test(s));
  assert.ok(status, `${method.toUpperCase()} ${p} has no 2xx response`);
  const media = Object.keys(responses[status]!.content ?? {}).find((m) => m.includes('json'));
  return `[${status}]['content']['${media}']`;
}

function problemMedia(): string {
  for (const [p, ops] of Object.entries(spec.paths)) {
    for (const [m, op] of Object.entries(ops)) {
      for (const [status, r] of Object.entries(op.responses ?? {})) {
        if (/^[45]/.test(status) && r.content?.['application/problem+json']) {
          return `paths['${p}']['${m}']['responses'][${status}]['content']['application/problem+json']`;
        }
      }
    }
  }
  assert.fail('no application/problem+json error response in openapi.json');
}

/** The pairs to compare: our type ↔ the OpenAPI type of the same thing on the wire. */
function pairs(): [string, string, string][] {
  const get = (suffix: string) => `paths['${path(suffix)}']['get']['responses']${success(path(suffix), 'get')}`;
  const post = (suffix: string) => `paths['${path(suffix)}']['post']['responses']${success(path(suffix), 'post')}`;
  const body = (suffix: string) => `NonNullable<paths['${path(suffix)}']['post']['requestBody']>['content']['application/json']`;
  return [
    ['search result', 'T.SearchResult', get('/procedures')],
    ['search parameters', 'T.SearchParams', `NonNullable<paths['${path('/procedures')}']['get']['parameters']['query']>`],
    ['procedure', 'T.Procedure', get('/procedures/{code}')],
    ['fields', 'T.FilterList', get('/fields')],
    ['agencies', 'T.FilterList', get('/agencies')],
    ['lookup request', 'T.DossierLookup', body('/dossiers/lookup')],
    ['dossier', 'T.Dossier', post('/dossiers/lookup')],
    ['survey form', 'T.SurveyForm', get('/survey-forms/{id}')],
    ['survey response', 'T.SurveyResponseInput', body('/survey-responses')],
    ['survey receipt', 'T.SurveyReceipt', post('/survey-responses')],
    ['health', 'T.Health', get('/health')],
    ['problem', 'T.Problem', problemMedia()],
  ];
}

/** Compiler diagnostics of the comparison, one line per pair that differs. */
function drift(types: string): string[] {
  const checks = pairs().map(([name, ours, theirs], i) =>
    `// ${name}\nexport const check${i}: Same<${ours}, ${theirs}> = 'same';`);
  const file = join(dir, 'check.ts');
  writeFileSync(file, [
    `import type { paths } from './openapi.ts';`,
    `import type * as T from ${JSON.stringify(types)};`,
    // \`any\` would compare equal to everything: an untyped schema is a failure of its own.
    `type Same<A, B> = 0 extends 1 & B ? 'openapi.json leaves this untyped' : [A] extends [B] ? ([B] extends [A] ? 'same' : 'openapi.json allows more than types.ts') : 'types.ts allows more than openapi.json';`,
    ...checks,
  ].join('\n'));
  const program = ts.createProgram([file], {
    strict: true, noEmit: true, allowImportingTsExtensions: true, module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022, skipLibCheck: true, types: [],
  });
  const pairNames = pairs().map(([name]) => name);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line : -1;
    const check = d.file?.text.split('\n')[line]?.match(/check(\d+)/)?.[1];
    return `${check === undefined ? '?' : pairNames[Number(check)]}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
  });
}

test('types.ts and openapi.json describe the same requests and responses', () => {
  assert.deepEqual(drift(typesPath), []);
});

test('the check notices a drift', () => {
  const drifted = join(dir, 'drifted-types.ts');
  copyFileSync(typesPath, drifted);
  const text = readFileSync(drifted, 'utf8').replace(/export interface SurveyReceipt \{\n {2}id: string;/, 'export interface SurveyReceipt {\n  id: number;');
  writeFileSync(drifted, text);
  const found = drift(drifted);
  assert.equal(found.length, 1, found.join('\n'));
  assert.match(found[0]!, /^survey receipt: /);
});
