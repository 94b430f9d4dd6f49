// Problems speak the request's language: every title, detail and field message in Vietnamese by default and in
// English on request, with Content-Language and Vary like the other answers, while `type`, `status`, pointers
// and `retryAfter` stay the same in both. Titles are fixed texts: nothing a client sends ends up in them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Problem } from '@dvc-kit/sdk';
import { createApp, createCatalogue, createMemoryStore, parseCatalogJson, PROBLEM_TYPES } from '../src/index.ts';
import { SHIPPED_CATALOG } from '../src/node.ts';
import { DEFAULT_ANSWERS, expectProblem, postJson, startTestServer, type TestServer } from './support.ts';

// The spec, written out rather than read from the code, so a changed text is a visible decision.
const TITLES: Record<string, { vi: string; en: string }> = {
  'malformed-json': { vi: 'Nội dung JSON không hợp lệ', en: 'Malformed JSON body' },
  validation: { vi: 'Yêu cầu không hợp lệ', en: 'The request is not valid' },
  'not-found': { vi: 'Không tìm thấy', en: 'Not found' },
  'dossier-not-found': { vi: 'Không có hồ sơ nào khớp với mã hồ sơ và số định danh này', en: 'No dossier matches this code and ID number' },
  'method-not-allowed': { vi: 'Phương thức HTTP không được phép', en: 'Method not allowed' },
  'payload-too-large': { vi: 'Nội dung yêu cầu quá lớn', en: 'Request body too large' },
  'unsupported-media-type': { vi: 'Chỉ chấp nhận application/json', en: 'Only application/json is accepted' },
  'captcha-required': { vi: 'Cần mã xác minh captcha hợp lệ', en: 'A valid captcha token is required' },
  'idempotency-conflict': { vi: 'Idempotency-Key này đã được dùng với một nội dung khác', en: 'This Idempotency-Key was already used with a different body' },
  'rate-limited': { vi: 'Quá nhiều yêu cầu', en: 'Too many requests' },
  internal: { vi: 'Lỗi máy chủ nội bộ', en: 'Internal server error' },
};

type HeaderMap = Record<string, string>;
type Language = 'vi' | 'en';

let server: TestServer;
/** Refuses every captcha and allows one survey post a minute: the 403 and 429 paths. */
let strict: TestServer;
before(async () => {
  server = await startTestServer();
  strict = await startTestServer({ captcha: async () => false, limits: { postsPerClientPerMinute: 1 } });
});
after(async () => {
  await server.stop();
  await strict.stop();
});

let keyCounter = 0;
const freshKey = () => `language-${process.pid}-${keyCounter++}`;
const lookup = (body: unknown, headers: HeaderMap = {}, target = server) => postJson(`${target.url}/v1/dossiers/lookup`, body, headers);
const survey = (body: unknown, headers: HeaderMap = {}, target = server) =>
  postJson(`${target.url}/v1/survey-responses`, body, { 'idempotency-key': freshKey(), ...headers });
const featured = () => {
  const demo = server.demo.find((d) => d.featured);
  assert.ok(demo);
  return demo;
};

/** An app whose catalogue search throws (fault injection: no input reaches the 500 path). */
function brokenApp() {
  const real = createCatalogue(parseCatalogJson(readFileSync(SHIPPED_CATALOG, 'utf8')));
  const broken = Object.create(real) as typeof real;
  broken.search = () => {
    throw new Error('secret detail');
  };
  return createApp({ catalogue: broken, store: createMemoryStore() });
}

/** One way to meet each problem, as a client would; `headers` carries the language. */
const TRIGGERS: { slug: string; status: number; via: string; send: (headers: HeaderMap) => Promise<Response> }[] = [
  { slug: 'malformed-json', status: 400, via: 'broken JSON', send: (h) => lookup('{"code":', h) },
  { slug: 'validation', status: 422, via: 'an empty lookup', send: (h) => lookup({}, h) },
  { slug: 'validation', status: 422, via: 'a bad search parameter', send: (h) => fetch(`${server.url}/v1/procedures?pageSize=99`, { headers: h }) },
  { slug: 'not-found', status: 404, via: 'an unknown procedure', send: (h) => fetch(`${server.url}/v1/procedures/9.999999`, { headers: h }) },
  { slug: 'not-found', status: 404, via: 'an unknown survey form', send: (h) => fetch(`${server.url}/v1/survey-forms/khong-co`, { headers: h }) },
  { slug: 'not-found', status: 404, via: 'an unknown route', send: (h) => fetch(`${server.url}/v1/nothing-here`, { headers: h }) },
  { slug: 'not-found', status: 404, via: 'a path outside /v1', send: (h) => fetch(`${server.url}/elsewhere`, { headers: h }) },
  { slug: 'dossier-not-found', status: 404, via: 'a wrong ID number', send: (h) => lookup({ code: featured().code, idNumber: '001099000111' }, h) },
  { slug: 'method-not-allowed', status: 405, via: 'DELETE on search', send: (h) => fetch(`${server.url}/v1/procedures`, { method: 'DELETE', headers: h }) },
  { slug: 'payload-too-large', status: 413, via: 'a 100 KB body', send: (h) => lookup({ code: 'x'.repeat(100_000), idNumber: '1' }, h) },
  {
    slug: 'unsupported-media-type', status: 415, via: 'a text/plain body',
    send: (h) => fetch(`${server.url}/v1/dossiers/lookup`, { method: 'POST', headers: { ...h, 'content-type': 'text/plain' }, body: '{}' }),
  },
  { slug: 'captcha-required', status: 403, via: 'a refused captcha', send: (h) => lookup({ code: featured().code, idNumber: featured().idNumber }, h, strict) },
  {
    slug: 'idempotency-conflict', status: 409, via: 'a key reused with another body',
    send: async (h) => {
      const key = freshKey();
      const first = await survey({ form: 'general', answers: { overall: '2' } }, { ...h, 'idempotency-key': key });
      assert.equal(first.status, 201);
      return survey({ form: 'general', answers: { overall: '0' } }, { ...h, 'idempotency-key': key });
    },
  },
  {
    slug: 'rate-limited', status: 429, via: 'a second survey post within the minute',
    send: async (h) => {
      await (await survey({ form: 'general', answers: { overall: '2' } }, h, strict)).body?.cancel();
      return survey({ form: 'general', answers: { overall: '2' } }, h, strict);
    },
  },
  {
    slug: 'internal', status: 500, via: 'a failing catalogue (fetch handler)',
    send: async (h) => {
      const originalError = console.error;
      console.error = () => {};
      try {
        return await brokenApp().fetch(new Request('http://test/v1/procedures?q=x', { headers: h }));
      } finally {
        console.error = originalError;
      }
    },
  },
];

/** Asserts the problem, its title and the language headers; returns the body. */
async function expectInLanguage(response: Response, slug: string, status: number, language: Language): Promise<Problem> {
  assert.equal(response.headers.get('content-language'), language, `${slug}: Content-Language`);
  assert.match(response.headers.get('vary') ?? '', /Accept-Language/i, `${slug}: Vary`);
  assert.equal(response.headers.get('cache-control'), 'no-store');
  const problem = await expectProblem(response, slug, status);
  assert.equal(problem.title, TITLES[slug]?.[language], `${slug} in ${language}`);
  return problem;
}

/** What clients branch on: identical in both languages (`retryAfter` counts down between the two requests). */
const stable = (problem: Problem) => ({
  type: problem.type, status: problem.status, retryAfter: typeof problem.retryAfter, pointers: problem.errors?.map((e) => e.pointer),
});

test('the title table covers every problem type, each title in both languages and different in each', () => {
  assert.deepEqual(Object.keys(PROBLEM_TYPES).sort(), Object.keys(TITLES).sort());
  for (const [slug, { title }] of Object.entries(PROBLEM_TYPES)) {
    assert.deepEqual(title, TITLES[slug], slug);
    assert.notEqual(title.vi, title.en, slug);
  }
});

describe('every problem a client can meet', () => {
  for (const { slug, status, via, send } of TRIGGERS) {
    test(`${slug} (${via}): Vietnamese by default, English on request`, async () => {
      const vi = await expectInLanguage(await send({}), slug, status, 'vi');
      const en = await expectInLanguage(await send({ 'accept-language': 'en' }), slug, status, 'en');
      assert.deepEqual(stable(en), stable(vi));
      if (vi.retryAfter !== undefined) assert.ok(Math.abs((en.retryAfter ?? 0) - vi.retryAfter) <= 1);
      if (vi.detail !== undefined) assert.notEqual(en.detail, vi.detail, 'the detail is translated too');
      vi.errors?.forEach((error, i) => assert.notEqual(en.errors?.[i]?.message, error.message, `${error.pointer} is translated`));
    });
  }
  assert.deepEqual(new Set(TRIGGERS.map((t) => t.slug)), new Set(Object.keys(TITLES)), 'a trigger for every problem type');
});

test('the language is negotiated as for successful answers (q-values, region tags, unsupported languages)', async () => {
  const cases: [string, Language][] = [
    ['vi-VN', 'vi'], ['en-US,en;q=0.9', 'en'], ['fr, en;q=0.5', 'en'], ['fr', 'vi'], ['en;q=0.4, vi;q=0.8', 'vi'], ['*', 'vi'],
  ];
  for (const [acceptLanguage, language] of cases) {
    const problem = await fetch(`${server.url}/v1/procedures/9.999999`, { headers: { 'accept-language': acceptLanguage } });
    const answer = await fetch(`${server.url}/v1/procedures?q=khai%20sinh`, { headers: { 'accept-language': acceptLanguage } });
    const unstored = await fetch(`${server.url}/v1/health`, { headers: { 'accept-language': acceptLanguage } });
    await Promise.all([answer.body?.cancel(), unstored.body?.cancel()]);
    for (const response of [answer, unstored]) {
      assert.equal(response.headers.get('content-language'), language, `${response.url} for ${acceptLanguage}`);
      assert.match(response.headers.get('vary') ?? '', /Accept-Language/i, `${response.url} says it varies by language`);
    }
    await expectInLanguage(problem, 'not-found', 404, language);
  }
});

test('details and field messages are written in both languages', async () => {
  const malformed = async (h: HeaderMap) => expectProblem(await lookup('[1,', h), 'malformed-json', 400);
  assert.equal((await malformed({})).detail, 'Nội dung yêu cầu không phải JSON hợp lệ.');
  assert.equal((await malformed({ 'accept-language': 'en' })).detail, 'The body is not valid JSON.');

  const missing = async (h: HeaderMap) => expectProblem(await lookup({}, h), 'validation', 422);
  assert.deepEqual((await missing({})).errors, [{ pointer: '/code', message: 'là bắt buộc' }, { pointer: '/idNumber', message: 'là bắt buộc' }]);
  assert.deepEqual((await missing({ 'accept-language': 'en' })).errors, [{ pointer: '/code', message: 'is required' }, { pointer: '/idNumber', message: 'is required' }]);

  const search = async (h: HeaderMap) => expectProblem(await fetch(`${server.url}/v1/procedures?level=huyen&pageSize=0`, { headers: h }), 'validation', 422);
  assert.deepEqual((await search({})).errors, [
    { pointer: '/query/level', message: 'phải là một trong các giá trị xa, tinh, bo, khac' },
    { pointer: '/query/pageSize', message: 'phải là số nguyên từ 1 đến 50' },
  ]);
  assert.deepEqual((await search({ 'accept-language': 'en' })).errors, [
    { pointer: '/query/level', message: 'must be one of xa, tinh, bo, khac' },
    { pointer: '/query/pageSize', message: 'must be an integer from 1 to 50' },
  ]);
});

test('every field message the server writes has a Vietnamese text, with the same pointers in English', async () => {
  const { code } = featured();
  const requests: [string, (h: HeaderMap) => Promise<Response>][] = [
    ['lookup: not an object', (h) => lookup([], h)],
    ['lookup: wrong types', (h) => lookup({ code: 1, idNumber: null }, h)],
    ['lookup: formats', (h) => lookup({ code: 'ABC', idNumber: '12' }, h)],
    ['lookup: empty, control characters, unknown property', (h) => lookup({ code: ' ', idNumber: 'a\u0000b', extra: 1 }, h)],
    ['lookup: too long', (h) => lookup({ code: 'A'.repeat(65), idNumber: '1'.repeat(33) }, h)],
    ['search: control characters, too long', (h) => fetch(`${server.url}/v1/procedures?q=%00&field=${'a'.repeat(101)}&online=yes&page=x`, { headers: h })],
    ['search: query too long', (h) => fetch(`${server.url}/v1/procedures?q=${'a'.repeat(201)}`, { headers: h })],
    ['survey: not an object', (h) => survey('"x"', h)],
    ['survey: unknown form, answers not an object', (h) => survey({ form: 'khong-co', answers: [] }, h)],
    ['survey: needs a dossier', (h) => survey({ form: 'default', answers: DEFAULT_ANSWERS }, h)],
    ['survey: token without code', (h) => survey({ form: 'general', dossierToken: 'x'.repeat(32), answers: { overall: '2' } }, h)],
    ['survey: code without token', (h) => survey({ form: 'default', dossierCode: code, answers: DEFAULT_ANSWERS }, h)],
    ['survey: a token that proves nothing', (h) => survey({ form: 'default', dossierCode: code, dossierToken: '0'.repeat(32), answers: DEFAULT_ANSWERS }, h)],
    ['survey: answers', (h) => survey({
      form: 'default', dossierCode: code, dossierToken: '0'.repeat(32),
      answers: { ...DEFAULT_ANSWERS, contacts: 2, agencies: '7', conduct: '', comment: 'a\u0000', bogus: '1' },
    }, h)],
    ['survey: a long comment', (h) => survey({ form: 'general', answers: { overall: '2', comment: 'x'.repeat(501) } }, h)],
    ['survey: no Idempotency-Key', (h) => postJson(`${server.url}/v1/survey-responses`, { form: 'general', answers: { overall: '2' } }, h)],
  ];
  const seen = new Set<string>();
  for (const [label, send] of requests) {
    const vi = await expectInLanguage(await send({}), 'validation', 422, 'vi');
    const en = await expectInLanguage(await send({ 'accept-language': 'en' }), 'validation', 422, 'en');
    assert.deepEqual(stable(en), stable(vi), label);
    assert.ok(vi.errors && vi.errors.length > 0, label);
    vi.errors.forEach((error, i) => {
      // Every Vietnamese message carries diacritics; an English text left in the Vietnamese answer would not.
      assert.match(error.message, /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i, `${label}: ${error.pointer} "${error.message}"`);
      assert.notEqual(en.errors?.[i]?.message, error.message, `${label}: ${error.pointer}`);
      seen.add(en.errors?.[i]?.message ?? '');
    });
  }
  assert.ok(seen.size >= 20, `${seen.size} distinct messages exercised`);
});

test('dossier not found: the same bytes for an unknown code and a wrong ID number, in each language', async () => {
  const demo = featured();
  const snapshot = async (response: Response) => ({
    status: response.status,
    headers: [...response.headers].filter(([name]) => !['date', 'keep-alive', 'connection'].includes(name)),
    body: await response.text(),
  });
  const bodies: string[] = [];
  const languages: HeaderMap[] = [{}, { 'accept-language': 'vi' }, { 'accept-language': 'en' }];
  for (const headers of languages) {
    const unknown = await snapshot(await lookup({ code: '000.40.21.H56-200101-0001', idNumber: demo.idNumber }, headers));
    const wrongId = await snapshot(await lookup({ code: demo.code, idNumber: '001099000111' }, headers));
    assert.deepEqual(unknown, wrongId, JSON.stringify(headers));
    assert.equal(unknown.status, 404);
    bodies.push(unknown.body);
  }
  assert.equal(bodies[0], bodies[1], 'Vietnamese is the default');
  assert.notEqual(bodies[2], bodies[0], 'English differs');
});

test('no input reaches a title, in either language', async () => {
  const hostile = '<script>alert(1)</script>';
  const responses: [string, string, () => Promise<Response>][] = [
    ['validation', 'vi', () => lookup({ code: hostile, idNumber: hostile })],
    ['validation', 'en', () => lookup({ code: hostile, idNumber: hostile }, { 'accept-language': 'en' })],
    ['dossier-not-found', 'en', () => lookup({ code: '000.40.21.H56-200101-0001', idNumber: 'ABC123456' }, { 'accept-language': 'en' })],
    ['not-found', 'vi', () => fetch(`${server.url}/v1/procedures/${encodeURIComponent('1.0<b>x')}`)],
    ['not-found', 'en', () => fetch(`${server.url}/v1/survey-forms/${encodeURIComponent(hostile)}`, { headers: { 'accept-language': 'en' } })],
    ['validation', 'en', () => fetch(`${server.url}/v1/procedures?level=${encodeURIComponent(hostile)}`, { headers: { 'accept-language': 'en' } })],
    // A hostile Accept-Language is no language at all: Vietnamese, and nothing of it comes back.
    ['not-found', 'vi', () => fetch(`${server.url}/v1/nothing`, { headers: { 'accept-language': `en-${'x'.repeat(20)};q=abc, <b>` } })],
    ['malformed-json', 'vi', () => fetch(`${server.url}/v1/dossiers/lookup`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': hostile }, body: `{"${hostile}"`,
    })],
  ];
  for (const [slug, language, send] of responses) {
    const response = await send();
    const text = await response.clone().text();
    assert.ok(!text.includes('<script') && !text.includes('<b>') && !text.includes('ABC123456'), text);
    const problem = await expectInLanguage(response, slug, slug === 'validation' ? 422 : slug === 'malformed-json' ? 400 : 404, language as Language);
    assert.ok(Object.values(TITLES).some((title) => title[language as Language] === problem.title));
  }
});
