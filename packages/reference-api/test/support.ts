// Shared by the reference API tests: a real server on an ephemeral port over a fresh SQLite directory, and a
// validator that checks every answer against openapi.json (JSON Schema 2020-12, as OpenAPI 3.1 uses it).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import doc from '../openapi.json' with { type: 'json' };
import { startServer, type RunningServer, type ServerOptions } from '../src/node.ts';
import type { Dossier, Problem } from '@dvc-kit/sdk';

export const openapi = doc;

export function tempDir(prefix = 'dvc-api-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Limits high enough that only the tests about limits ever meet them (every test client is 127.0.0.1). */
export const GENEROUS_LIMITS = { lookupsPerClientPerMinute: 100_000, postsPerClientPerMinute: 100_000, failedLookupsPerCode: 100_000 };

export interface TestServer extends RunningServer {
  dataDir: string;
  stop(): Promise<void>;
}

export async function startTestServer(options: Partial<ServerOptions> = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? tempDir();
  const server = await startServer({ host: '127.0.0.1', port: 0, quiet: true, limits: GENEROUS_LIMITS, ...options, dataDir });
  return {
    ...server,
    dataDir,
    async stop() {
      await server.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
// OpenAPI's own keywords around the schemas: annotations for the validator.
ajv.addKeyword({ keyword: 'components' });
ajv.addKeyword({ keyword: 'discriminator' });
ajv.addSchema({ $id: 'openapi', components: doc.components });

type Json = Record<string, unknown>;

function deref(node: Json): Json {
  const pointer = node.$ref;
  if (typeof pointer !== 'string') return node;
  const target = pointer.slice(2).split('/').reduce<unknown>((at, key) => (at as Json)[key], doc);
  return deref(target as Json);
}

function schemaValidator(schema: Json): ValidateFunction {
  const pointer = schema.$ref;
  if (typeof pointer === 'string') {
    const found = ajv.getSchema(`openapi${pointer}`);
    assert.ok(found, `openapi.json has no schema at ${pointer}`);
    return found;
  }
  return ajv.compile({ $schema: 'https://json-schema.org/draft/2020-12/schema', ...schema, $id: undefined });
}

export function componentValidator(name: string): ValidateFunction {
  return schemaValidator({ $ref: `#/components/schemas/${name}` });
}

/**
 * Asserts that a response is one the document declares for this operation: the status is listed, the media
 * type matches, the body validates against the schema, and declared headers with a fixed shape are there.
 * Returns the parsed body.
 */
export async function expectDocumented(response: Response, method: string, path: string): Promise<unknown> {
  const operation = (doc.paths as Record<string, Record<string, Json>>)[path]?.[method.toLowerCase()];
  assert.ok(operation, `openapi.json has no ${method} ${path}`);
  const declared = (operation.responses as Record<string, Json>)[String(response.status)];
  assert.ok(declared, `${method} ${path}: status ${response.status} is not documented`);
  const spec = deref(declared);
  const text = await response.text();
  const content = spec.content as Record<string, { schema: Json }> | undefined;
  if (!content) {
    assert.equal(text, '', `${method} ${path} ${response.status} must have no body`);
    return undefined;
  }
  const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
  const media = content[mediaType];
  assert.ok(media, `${method} ${path} ${response.status}: content type ${mediaType} is not documented`);
  const body: unknown = JSON.parse(text);
  const validate = schemaValidator(media.schema);
  assert.ok(validate(body), `${method} ${path} ${response.status} does not match openapi.json: ${ajv.errorsText(validate.errors)}`);
  for (const name of Object.keys((spec.headers as Json | undefined) ?? {})) {
    if (name === 'Idempotency-Replayed') continue; // only on replays
    assert.ok(response.headers.has(name), `${method} ${path} ${response.status}: header ${name} is missing`);
  }
  return body;
}

export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}


/**
 * What a citizen's browser sends to rate a returned demo dossier: its code and the survey token that a real
 * lookup with the dossier's ID number handed out.
 */
export async function surveyProof(target: TestServer, code: string): Promise<{ dossierCode: string; dossierToken: string }> {
  const demo = target.demo.find((d) => d.code === code);
  assert.ok(demo, `${code} is a demo dossier`);
  const response = await postJson(`${target.url}/v1/dossiers/lookup`, { code, idNumber: demo.idNumber });
  assert.equal(response.status, 200, `lookup of ${code}`);
  const { survey } = (await response.json()) as Dossier;
  assert.ok(survey, `${code} is returned, so its lookup offers the survey`);
  return { dossierCode: code, dossierToken: survey.token };
}

/** Asserts a problem+json answer of the given slug and status, and returns it. */
export async function expectProblem(response: Response, slug: string, status: number): Promise<Problem> {
  assert.equal(response.status, status, `expected ${status} ${slug}, got ${response.status}`);
  assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
  const problem = (await response.json()) as Problem;
  assert.ok(componentValidator('Problem')(problem), 'the problem matches the Problem schema');
  assert.equal(problem.type, `urn:dvc-kit:problem:${slug}`);
  assert.equal(problem.status, status);
  return problem;
}

/** A complete valid answer set for the `default` form. */
export const DEFAULT_ANSWERS = {
  contacts: '2', agencies: '1', publication: '2', conduct: '2', convenience: '1', overall: '2',
};
