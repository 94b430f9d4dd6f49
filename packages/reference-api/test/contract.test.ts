// Every endpoint's answers, successes and problems alike, validated against openapi.json.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Dossier, FilterList, Procedure, SearchResult, SurveyForm } from '@dvc-kit/sdk';
import { createApp, createCatalogue, createMemoryStore, parseCatalogJson, seedDemoDossiers, demoDossiers } from '../src/index.ts';
import { SHIPPED_CATALOG } from '../src/node.ts';
import { componentValidator, DEFAULT_ANSWERS, expectDocumented, openapi, postJson, startTestServer, surveyProof, type TestServer } from './support.ts';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.stop());

const get = (path: string, headers: Record<string, string> = {}) => fetch(server.url + path, { headers });

describe('catalogue', () => {
  test('search answers match SearchResult, with and without filters, in both languages', async () => {
    const queries = ['', '?q=dang%20ky%20khai%20sinh', '?q=001193', '?q=so%20do&pageSize=3', '?level=xa&online=any&page=2',
      '?q=chứng%20thực&field=chung-thuc', '?q=zzzzqqq', '?pageSize=50'];
    for (const query of queries) {
      for (const language of ['vi', 'en']) {
        const response = await get(`/v1/procedures${query}`, { 'accept-language': language });
        const result = (await expectDocumented(response, 'GET', '/v1/procedures')) as SearchResult;
        assert.equal(response.headers.get('content-language'), language);
        assert.ok(result.items.length <= result.pageSize);
      }
    }
  });

  test('facet labels follow Accept-Language; catalogue names stay Vietnamese', async () => {
    const en = (await (await get('/v1/procedures?q=khai%20sinh', { 'accept-language': 'en-GB,en;q=0.9' })).json()) as SearchResult;
    const vi = (await (await get('/v1/procedures?q=khai%20sinh')).json()) as SearchResult;
    assert.equal(en.facets.levels.find((f) => f.value === 'xa')?.label, 'Commune level');
    assert.equal(vi.facets.levels.find((f) => f.value === 'xa')?.label, 'Cấp xã');
    assert.deepEqual(en.items.map((i) => i.name), vi.items.map((i) => i.name));
  });

  test('every procedure of the shipped catalogue matches Procedure', async () => {
    const { procedures } = JSON.parse(readFileSync(SHIPPED_CATALOG, 'utf8')) as { procedures: { code: string }[] };
    assert.ok(procedures.length >= 150, 'the sample has at least 150 procedures');
    for (const { code } of procedures) {
      const response = await get(`/v1/procedures/${encodeURIComponent(code)}`);
      const procedure = (await expectDocumented(response, 'GET', '/v1/procedures/{code}')) as Procedure;
      assert.equal(procedure.code, code);
    }
  });

  test('fields and agencies match FilterList and count procedures', async () => {
    for (const path of ['/v1/fields', '/v1/agencies'] as const) {
      const list = (await expectDocumented(await get(path), 'GET', path)) as FilterList;
      assert.ok(list.items.length > 5);
      assert.ok(list.items.every((item) => item.count > 0));
    }
  });

  test('unknown procedure, invalid search parameters: documented problems', async () => {
    await expectDocumented(await get('/v1/procedures/9.999999'), 'GET', '/v1/procedures/{code}');
    await expectDocumented(await get('/v1/procedures?pageSize=500&level=huyen'), 'GET', '/v1/procedures');
  });

  test('If-None-Match with the ETag: a documented 304', async () => {
    const first = await get('/v1/fields');
    const etag = first.headers.get('etag') ?? '';
    const again = await get('/v1/fields', { 'if-none-match': etag });
    await expectDocumented(again, 'GET', '/v1/fields');
    assert.equal(again.status, 304);
  });
});

describe('dossiers', () => {
  test('every demo dossier, looked up with its ID number, matches Dossier', async () => {
    assert.ok(server.demo.length >= 40);
    for (const demo of server.demo) {
      const response = await postJson(`${server.url}/v1/dossiers/lookup`, { code: demo.code, idNumber: demo.idNumber });
      const dossier = (await expectDocumented(response, 'POST', '/v1/dossiers/lookup')) as Dossier;
      assert.equal(dossier.code, demo.code);
    }
  });

  test('lookup problems are documented', async () => {
    const url = `${server.url}/v1/dossiers/lookup`;
    await expectDocumented(await postJson(url, '{"code":'), 'POST', '/v1/dossiers/lookup');
    await expectDocumented(await postJson(url, { code: 1, idNumber: [] }), 'POST', '/v1/dossiers/lookup');
    await expectDocumented(await postJson(url, { code: '000.00.06.H56-231027-9999', idNumber: '001234567890' }), 'POST', '/v1/dossiers/lookup');
    await expectDocumented(await fetch(url, { method: 'POST', body: 'code=1' }), 'POST', '/v1/dossiers/lookup');
  });
});

describe('surveys', () => {
  test('both forms match SurveyForm in both languages', async () => {
    for (const id of ['default', 'general']) {
      for (const language of ['vi', 'en']) {
        const form = (await expectDocumented(await get(`/v1/survey-forms/${id}`, { 'accept-language': language }), 'GET', '/v1/survey-forms/{id}')) as SurveyForm;
        assert.equal(form.id, id);
      }
    }
    await expectDocumented(await get('/v1/survey-forms/nope'), 'GET', '/v1/survey-forms/{id}');
  });

  test('a stored response and a replay match SurveyReceipt; problems are documented', async () => {
    const url = `${server.url}/v1/survey-responses`;
    const returned = server.demo.find((d) => d.status === 10);
    assert.ok(returned);
    const body = { form: 'default', ...(await surveyProof(server, returned.code)), answers: DEFAULT_ANSWERS };
    const headers = { 'idempotency-key': 'contract-0001' };
    await expectDocumented(await postJson(url, body, headers), 'POST', '/v1/survey-responses');
    const replay = await postJson(url, body, headers);
    assert.equal(replay.headers.get('idempotency-replayed'), 'true');
    await expectDocumented(replay, 'POST', '/v1/survey-responses');
    await expectDocumented(await postJson(url, { ...body, answers: { ...DEFAULT_ANSWERS, overall: '0' } }, headers), 'POST', '/v1/survey-responses');
    await expectDocumented(await postJson(url, { form: 'default', answers: {} }, { 'idempotency-key': 'contract-0002' }), 'POST', '/v1/survey-responses');
    await expectDocumented(await postJson(url, body), 'POST', '/v1/survey-responses');
    const input = componentValidator('SurveyResponseInput');
    assert.ok(input(body), 'what the test posts is what the document describes');
    const { dossierToken, dossierCode, ...rest } = body;
    assert.equal(input({ ...rest, dossierCode }), false, 'a code needs its token');
    assert.equal(input({ ...rest, dossierToken }), false, 'a token needs its code');
    const forged = { ...body, dossierToken: '0'.repeat(32) };
    await expectDocumented(await postJson(url, forged, { 'idempotency-key': 'contract-0003' }), 'POST', '/v1/survey-responses');
  });
});

describe('meta', () => {
  test('health matches Health and counts the catalogue', async () => {
    const health = (await expectDocumented(await get('/v1/health'), 'GET', '/v1/health')) as { procedures: number; detailed: number };
    assert.equal(health.procedures, server.catalogue.size);
    assert.ok(health.detailed >= 30);
  });

  test('/v1/openapi.json serves this very document', async () => {
    const response = await get('/v1/openapi.json');
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), openapi);
  });

  test('the document declares the schema names the SDK relies on', () => {
    const names = ['Level', 'OnlineService', 'Channel', 'Ref', 'Duration', 'Fee', 'FeeSummary', 'Match', 'ProcedureSummary',
      'FacetValue', 'SearchFacets', 'SearchResult', 'Method', 'DocumentItem', 'DocumentCase', 'Step', 'LegalBasis', 'Procedure',
      'FilterValue', 'FilterList', 'DossierStatusCode', 'TimingClass', 'HistoryEntry', 'SupplementRequest', 'Dossier',
      'DossierLookup', 'ChoiceOption', 'ChoiceQuestion', 'TextQuestion', 'Question', 'SurveyForm', 'SurveyResponseInput',
      'SurveyReceipt', 'Health', 'Problem'];
    assert.deepEqual(Object.keys(openapi.components.schemas).sort(), [...names].sort());
  });

  test('every $ref in the document resolves', () => {
    const refs = JSON.stringify(openapi).match(/"\$ref":"[^"]+"/g) ?? [];
    for (const ref of refs) {
      const pointer = ref.slice(8, -1).slice(2).split('/');
      const target = pointer.reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], openapi);
      assert.ok(target, `${ref} resolves`);
    }
  });
});

test('the same app runs on the memory store through a plain fetch handler (as in a browser tab)', async () => {
  const catalogue = createCatalogue(parseCatalogJson(readFileSync(SHIPPED_CATALOG, 'utf8')));
  const store = createMemoryStore();
  const now = new Date('2026-03-05T02:00:00Z');
  await seedDemoDossiers(store, now);
  const app = createApp({ catalogue, store, clock: () => now });
  const search = await app.fetch(new Request('http://demo/v1/procedures?q=khai%20sinh'));
  await expectDocumented(search, 'GET', '/v1/procedures');
  const [demo] = demoDossiers(now).filter((d) => d.featured);
  assert.ok(demo);
  const lookup = await app.fetch(new Request('http://demo/v1/dossiers/lookup', {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: demo.code, idNumber: demo.idNumber }),
  }));
  await expectDocumented(lookup, 'POST', '/v1/dossiers/lookup');
});
