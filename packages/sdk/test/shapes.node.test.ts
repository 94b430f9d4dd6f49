// Every response shape the SDK accepts, field by field. Real bodies from the real reference API are served again by
// a stand-in gateway (a real HTTP server: a province gateway is untrusted), once as they are and once per spoiled
// field: a wrong type, a missing key, an enum value no component has a label for. The untouched body and one with
// an unknown extra property must come through; every spoiled one must be `invalid-response`, never a crash later.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createClient, isDvcError, type DvcClient } from '@dvc-kit/sdk';
import type { DemoDossier } from '@dvc-kit/reference-api';
import { startTestApi, type TestApi } from './support/node-api.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** Keys the API may leave out: a duration's note. */
const OPTIONAL = /(^|\.)processingTime\.note$/;
/** Closed value sets: components look these up in label tables, so an unknown value is a wrong shape. */
const ENUMS = new Set([
  'levels.[]', 'items.[].levels.[]', 'online', 'items.[].online', 'processingTime.unit', 'items.[].processingTime.unit',
  'methods.[].channel', 'methods.[].processingTime.unit', 'methods.[].fees.[].kind', 'items.[].matches.[].field',
  'status.code', 'timing', 'history.[].status', 'questions.[].kind', 'status',
]);

let api: TestApi;
let gateway: Server;
let body = '';
let client: DvcClient;

before(async () => {
  api = await startTestApi();
  gateway = createServer((req, res) => {
    req.resume().on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(body));
  });
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  client = createClient({ baseUrl: `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`, retry: 0, cache: false, queue: false });
});
after(async () => {
  await new Promise((resolve) => gateway.close(resolve));
  await api.close();
});

const real = async (path: string, init?: RequestInit): Promise<Json> => {
  const headers = { 'content-type': 'application/json', 'idempotency-key': `shapes-${Date.now()}-${Math.random()}` };
  return (await (await fetch(api.url + '/v1/' + path, { ...init, headers })).json()) as Json;
};

/** The body the gateway answers with, and what the SDK made of it. */
async function served(json: Json, call: (c: DvcClient) => Promise<unknown>): Promise<unknown> {
  body = JSON.stringify(json);
  try {
    return await call(client);
  } catch (e) {
    return e;
  }
}

const at = (json: Json, path: Path): Json => path.reduce<Json>((v, k) => (v as Record<string, Json>)[k]!, json);
const schemaPath = (path: Path) => path.map((k) => (typeof k == 'number' ? '[]' : k)).join('.');

/** Each field path once (the first array element stands for the rest). */
function fields(json: Json, path: Path = [], seen = new Set<string>()): Path[] {
  const out: Path[] = [];
  const children = Array.isArray(json) ? json.map((v, i) => [i, v] as const) : json && typeof json == 'object' ? Object.entries(json) : [];
  for (const [k, v] of children) {
    const p = [...path, k];
    // A later element still counts for what the first one lacks (say, an agency where the first item had null).
    if (!seen.has(schemaPath(p))) out.push(p);
    seen.add(schemaPath(p));
    out.push(...fields(v, p, seen));
  }
  return out;
}

/** A value of another JSON type than `v` (and not null, which some fields allow). */
const wrongType = (v: Json): Json =>
  typeof v == 'string' ? 42 : typeof v == 'number' ? '1' : typeof v == 'boolean' ? 'true' : v === null ? true : Array.isArray(v) ? {} : 'x';

/** `json` with `change` applied to a copy of the value at `path`'s parent. */
function spoil(json: Json, path: Path, change: (parent: Record<string | number, Json>, key: string | number) => void): Json {
  const copy = structuredClone(json);
  change(at(copy, path.slice(0, -1)) as Record<string | number, Json>, path.at(-1)!);
  return copy;
}

async function checkShape(name: string, json: Json, call: (c: DvcClient) => Promise<unknown>) {
  assert.deepEqual(await served(json, call), json, `${name} as the API sent it`);
  const extra = { ...(json as Record<string, Json>), addedInVersion2: { anything: [1, 'x'] } };
  assert.deepEqual(await served(extra, call), extra, `${name} with an unknown extra property`);

  const accepted: string[] = [];
  const expectRejected = async (what: string, spoiled: Json) => {
    const r = await served(spoiled, call);
    if (!(isDvcError(r) && r.kind == 'invalid-response')) accepted.push(what);
  };
  const paths = fields(json);
  assert.ok(paths.length >= 3, `${name} has fields to spoil`);
  for (const path of paths) {
    const p = schemaPath(path);
    await expectRejected(`${p}: ${JSON.stringify(wrongType(at(json, path)))}`, spoil(json, path, (o, k) => { o[k] = wrongType(o[k]!); }));
    if (typeof path.at(-1) == 'string' && !OPTIONAL.test(p)) await expectRejected(`${p} missing`, spoil(json, path, (o, k) => { delete o[k]; }));
    if (ENUMS.has(p)) await expectRejected(`${p}: unknown value`, spoil(json, path, (o, k) => { o[k] = typeof o[k] == 'number' ? 99 : 'zz'; }));
  }
  assert.deepEqual(accepted, [], `${name}: spoiled bodies the SDK let through`);
  for (const path of paths) spoiledEnums.add(schemaPath(path));
}
const spoiledEnums = new Set<string>();

describe('every response shape, field by field', () => {
  test('search result', async () => {
    const json = await real('procedures?q=khai%20sinh&pageSize=3');
    await checkShape('search', json, (c) => c.procedures.search({ q: 'khai sinh' }));
  });

  test('procedure, with its methods, fees, documents, steps and legal basis', async () => {
    const { items } = (await real('procedures?q=khai%20sinh&pageSize=1')) as { items: { code: string }[] };
    const json = await real('procedures/' + encodeURIComponent(items[0]!.code));
    const detail = json as { methods: { fees: unknown[] }[]; documentCases: unknown[]; steps: unknown[]; legalBasis: unknown[] };
    assert.ok(detail.methods[0]?.fees.length && detail.documentCases.length && detail.steps.length && detail.legalBasis.length,
      'a detailed procedure, so every nested shape is spoiled');
    await checkShape('procedure', json, (c) => c.procedures.get('any'));
  });

  test('filter lists', async () => {
    await checkShape('fields', await real('fields'), (c) => c.procedures.fields());
  });

  test('dossier, with its history and supplements', async () => {
    for (const which of [(d: DemoDossier) => d.status === 10, (d: DemoDossier) => d.supplements.length > 0]) {
      const { code, idNumber } = await api.dossier(which);
      const json = await real('dossiers/lookup', { method: 'POST', body: JSON.stringify({ code, idNumber }) });
      assert.ok((json as { history: unknown[] }).history.length > 0);
      await checkShape('dossier', json, (c) => c.dossiers.lookup({ code, idNumber }));
    }
  });

  test('survey form, with choice and text questions', async () => {
    const json = await real('survey-forms/default');
    const kinds = new Set((json as { questions: { kind: string }[] }).questions.map((q) => q.kind));
    assert.deepEqual([...kinds].sort(), ['choice', 'text']);
    await checkShape('survey form', json, (c) => c.surveys.form('default'));
  });

  test('survey receipt', async () => {
    const json = await real('survey-responses', { method: 'POST', body: JSON.stringify({ form: 'general', answers: { overall: '1' } }) });
    const call = async (c: DvcClient) => {
      const r = await c.surveys.submit({ form: 'general', answers: { overall: '1' } });
      return r.status == 'sent' ? r.receipt : r;
    };
    await checkShape('receipt', json, call);
  });

  test('health', async () => {
    await checkShape('health', await real('health'), (c) => c.health());
  });

  test('every listed enum was spoiled in some body', () => {
    assert.deepEqual([...ENUMS].filter((p) => !spoiledEnums.has(p)), []);
  });
});
