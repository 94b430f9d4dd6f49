// Hostile and broken input over real HTTP: every bad request gets a 4xx problem that echoes nothing, and the
// server keeps serving. Also the headers a security reviewer looks for: CSP, nosniff, CORS allowlist, caching.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { createApp, createCatalogue, createMemoryStore, parseCatalogJson } from '../src/index.ts';
import { SHIPPED_CATALOG } from '../src/node.ts';
import { DEFAULT_ANSWERS, expectProblem, postJson, startTestServer, surveyProof, type TestServer } from './support.ts';

let server: TestServer;
let returnedCode: string;
let returnedToken: string;
before(async () => {
  server = await startTestServer();
  returnedCode = server.demo.find((d) => d.status === 10)?.code ?? '';
  returnedToken = (await surveyProof(server, returnedCode)).dossierToken;
});
after(() => server.stop());

const lookupUrl = () => `${server.url}/v1/dossiers/lookup`;
const surveyUrl = () => `${server.url}/v1/survey-responses`;
let keyCounter = 0;
const freshKey = () => `hardening-${Date.now()}-${keyCounter++}`;

const HOSTILE = [
  "' OR '1'='1",
  "1'; DROP TABLE survey_responses; --",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg/onload=alert(1)>',
  '${7*7}{{7*7}}',
  '../../../../etc/passwd',
];

/** The body must not carry the input back: no reflection, so nothing to inject. */
async function expectNoEcho(response: Response, input: string): Promise<string> {
  const text = await response.text();
  assert.ok(!text.includes(input), `the answer echoes the input ${JSON.stringify(input)}: ${text}`);
  for (const fragment of ['<script', 'onerror', 'DROP TABLE', 'etc/passwd', 'onload']) {
    if (input.includes(fragment)) assert.ok(!text.includes(fragment), `the answer contains ${fragment}`);
  }
  return text;
}

async function stillServing(): Promise<void> {
  const health = await fetch(`${server.url}/v1/health`);
  assert.equal(health.status, 200);
  const demo = server.demo.find((d) => d.featured);
  assert.ok(demo);
  const lookup = await postJson(lookupUrl(), { code: demo.code, idNumber: demo.idNumber });
  assert.equal(lookup.status, 200);
}

describe('malformed bodies', () => {
  test('broken JSON gets 400 malformed-json on both POST endpoints', async () => {
    for (const body of ['{', '{"code": "x",}', "{'code': 1}", 'nul', '[1, 2', '']) {
      await expectProblem(await postJson(lookupUrl(), body), 'malformed-json', 400);
      await expectProblem(await postJson(surveyUrl(), body, { 'idempotency-key': freshKey() }), 'malformed-json', 400);
    }
  });

  test('invalid UTF-8 is malformed, not silently replaced', async () => {
    const bytes = new Uint8Array([0x7b, 0x22, 0x63, 0x6f, 0x64, 0x65, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
    const response = await fetch(lookupUrl(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: bytes });
    await expectProblem(response, 'malformed-json', 400);
  });

  test('a 1 MB body is refused with 413, declared or streamed, and the server goes on', async () => {
    const huge = JSON.stringify({ code: 'x'.repeat(1_000_000), idNumber: '1' });
    await expectProblem(await postJson(lookupUrl(), huge), 'payload-too-large', 413);
    await expectProblem(await postJson(surveyUrl(), huge, { 'idempotency-key': freshKey() }), 'payload-too-large', 413);
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 16) controller.close();
        else { controller.enqueue(chunk); sent++; }
      },
    });
    const streamed = await fetch(lookupUrl(), {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half',
    } as RequestInit & { duplex: 'half' }).catch((error: unknown) => error);
    // Refusing a streamed body may end the connection before the client has sent it all; both are a refusal.
    if (streamed instanceof Response) await expectProblem(streamed, 'payload-too-large', 413);
    await stillServing();
  });

  test('only JSON is accepted', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1']) {
      const response = await fetch(lookupUrl(), { method: 'POST', headers: { 'content-type': type }, body: '{"code":"a","idNumber":"b"}' });
      await expectProblem(response, 'unsupported-media-type', 415);
    }
    await expectProblem(await fetch(lookupUrl(), { method: 'POST', body: new Blob(['{}']) }), 'unsupported-media-type', 415);
  });
});

describe('wrong types, unknown properties, control characters', () => {
  test('lookup: each wrong field is reported by pointer, without its value', async () => {
    const cases: [unknown, string[]][] = [
      [[], ['']],
      [JSON.stringify('just a string'), ['']],
      [{}, ['/code', '/idNumber']],
      [{ code: 12345, idNumber: 123456789012 }, ['/code', '/idNumber']],
      [{ code: null, idNumber: { n: 1 } }, ['/code', '/idNumber']],
      [{ code: returnedCode, idNumber: '001234567890', extra: true }, ['']],
      [{ code: `${returnedCode}\u0000`, idNumber: '001234567890' }, ['/code']],
      [{ code: returnedCode, idNumber: '0012345\u000767890' }, ['/idNumber']],
      [{ code: returnedCode, idNumber: '001234\u202e567890' }, ['/idNumber']],
      [{ code: returnedCode, idNumber: '0'.repeat(40) }, ['/idNumber']],
    ];
    for (const [body, pointers] of cases) {
      const problem = await expectProblem(await postJson(lookupUrl(), body), 'validation', 422);
      assert.deepEqual(problem.errors?.map((e) => e.pointer).sort(), pointers.sort(), JSON.stringify(body));
    }
  });

  test('survey: wrong types and unknown questions are reported; control characters only allowed as newlines in free text', async () => {
    const base = { form: 'default', dossierCode: returnedCode, dossierToken: returnedToken, answers: DEFAULT_ANSWERS };
    const cases: [unknown, string][] = [
      [{ ...base, form: 7 }, '/form'],
      [{ ...base, form: 'nope' }, '/form'],
      [{ ...base, answers: ['2'] }, '/answers'],
      [{ ...base, answers: { ...DEFAULT_ANSWERS, overall: 2 } }, '/answers/overall'],
      [{ ...base, answers: { ...DEFAULT_ANSWERS, overall: '5' } }, '/answers/overall'],
      [{ ...base, answers: { ...DEFAULT_ANSWERS, bogus: '1' } }, '/answers'],
      [{ ...base, answers: { ...DEFAULT_ANSWERS, comment: 'a\u0000b' } }, '/answers/comment'],
      [{ ...base, answers: { ...DEFAULT_ANSWERS, comment: 'x'.repeat(501) } }, '/answers/comment'],
      [{ ...base, dossierCode: 42 }, '/dossierCode'],
      [{ ...base, dossierToken: 42 }, '/dossierToken'],
      [{ ...base, dossierToken: 'a\u202eb' }, '/dossierToken'],
      [{ ...base, extra: 1 }, ''],
    ];
    for (const [body, pointer] of cases) {
      const problem = await expectProblem(await postJson(surveyUrl(), body, { 'idempotency-key': freshKey() }), 'validation', 422);
      assert.ok(problem.errors?.some((e) => e.pointer === pointer), `${pointer} for ${JSON.stringify(body).slice(0, 120)}`);
    }
    const multiline = await postJson(surveyUrl(), { ...base, answers: { ...DEFAULT_ANSWERS, comment: 'Dòng một\nDòng hai' } }, { 'idempotency-key': freshKey() });
    assert.equal(multiline.status, 201);
  });

  test('search: control characters, over-long queries and bad numbers are 422; unknown parameters are ignored', async () => {
    for (const query of ['q=%00abc', 'q=a%1Bb', `q=${'a'.repeat(201)}`, 'page=0', 'page=-1', 'page=1.5', 'pageSize=51', 'pageSize=abc', 'level=huyen', 'online=yes']) {
      await expectProblem(await fetch(`${server.url}/v1/procedures?${query}`), 'validation', 422);
    }
    assert.equal((await fetch(`${server.url}/v1/procedures?utm_source=x&q=khai%20sinh`)).status, 200);
  });

  test('the Idempotency-Key header is required and well-formed', async () => {
    const body = { form: 'general', answers: { overall: '2' } };
    for (const key of [undefined, 'short', 'x'.repeat(129), 'has space in it', 'ünïcode-key-123']) {
      const headers: Record<string, string> = key === undefined ? {} : { 'idempotency-key': key };
      const problem = await expectProblem(await postJson(surveyUrl(), body, headers), 'validation', 422);
      assert.equal(problem.errors?.[0]?.pointer, '/headers/idempotency-key');
    }
  });
});

describe('SQL and HTML in every field', () => {
  test('lookup fields: 422 or the uniform 404, never an echo', async () => {
    const demo = server.demo.find((d) => d.featured);
    assert.ok(demo);
    for (const input of HOSTILE) {
      for (const body of [{ code: input, idNumber: demo.idNumber }, { code: demo.code, idNumber: input }]) {
        const response = await postJson(lookupUrl(), body);
        assert.ok(response.status === 422 || response.status === 404, `${response.status} for ${input}`);
        await expectNoEcho(response, input);
      }
    }
    await stillServing();
  });

  test('survey fields: structured ones refuse it, free text stores it verbatim as data', async () => {
    const before = await server.store.countResponses();
    let stored = 0;
    for (const input of HOSTILE) {
      const bodies = [
        { form: input, answers: { overall: '2' } },
        { form: 'default', dossierCode: input, dossierToken: returnedToken, answers: DEFAULT_ANSWERS },
        { form: 'default', dossierCode: returnedCode, dossierToken: input, answers: DEFAULT_ANSWERS },
        { form: 'general', answers: { [input]: '2', overall: '2' } },
        { form: 'general', answers: { overall: input } },
      ];
      for (const body of bodies) {
        const response = await postJson(surveyUrl(), body, { 'idempotency-key': freshKey() });
        assert.equal(response.status, 422, `${JSON.stringify(body)}`);
        await expectNoEcho(response, input);
      }
      const text = await postJson(surveyUrl(), { form: 'general', answers: { overall: '1', comment: input } }, { 'idempotency-key': freshKey() });
      assert.equal(text.status, 201);
      await expectNoEcho(text, input);
      stored++;
    }
    const responses = await server.store.listResponses();
    assert.equal(responses.length, before + stored, 'only the free-text responses were stored; the table is intact');
    for (const input of HOSTILE) assert.ok(responses.some((r) => r.answers.comment === input), 'stored verbatim');
    await stillServing();
  });

  test('search and path parameters: no echo', async () => {
    for (const input of HOSTILE) {
      const search = await fetch(`${server.url}/v1/procedures?q=${encodeURIComponent(input)}`);
      assert.equal(search.status, 200);
      await expectNoEcho(search, input);
      for (const path of ['/v1/procedures/', '/v1/survey-forms/']) {
        const response = await fetch(`${server.url}${path}${encodeURIComponent(input)}`);
        assert.equal(response.status, 404);
        await expectNoEcho(response, input);
      }
    }
    await stillServing();
  });
});

describe('headers', () => {
  test('security headers on answers, problems and unknown routes', async () => {
    const answers = [
      await fetch(`${server.url}/v1/procedures?q=khai%20sinh`),
      await fetch(`${server.url}/v1/procedures/9.999999`),
      await fetch(`${server.url}/v1/nothing-here`),
      await postJson(lookupUrl(), '{'),
    ];
    for (const response of answers) {
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(response.headers.get('content-security-policy'), "default-src 'none'; frame-ancestors 'none'");
      assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
      assert.equal(response.headers.get('x-frame-options'), 'DENY');
      await response.body?.cancel();
    }
  });

  test('catalogue GETs carry a strong ETag per URL and language (weak once gzipped); 304 on If-None-Match', async () => {
    const url = `${server.url}/v1/procedures?q=khai%20sinh`;
    const first = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
    await first.body?.cancel();
    const etag = first.headers.get('etag') ?? '';
    assert.match(etag, /^"[^"]+"$/, 'strong ETag');
    assert.equal(first.headers.get('cache-control'), 'public, max-age=300');
    assert.match(first.headers.get('vary') ?? '', /Accept-Language/);
    const english = await fetch(url, { headers: { 'accept-language': 'en' } });
    await english.body?.cancel();
    assert.notEqual(english.headers.get('etag')?.replace(/^W\//, ''), etag);
    const gzipped = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
    await gzipped.body?.cancel();
    assert.equal(gzipped.headers.get('etag'), `W/${etag}`, 'the same validator, weak: the bytes sent differ');
    const other = await fetch(`${url}&page=2`);
    await other.body?.cancel();
    assert.notEqual(other.headers.get('etag')?.replace(/^W\//, ''), etag);
    for (const header of [etag, `W/${etag}`, `"nope", ${etag}`]) {
      const cached = await fetch(url, { headers: { 'if-none-match': header } });
      assert.equal(cached.status, 304);
      assert.equal(cached.headers.get('etag'), etag);
      assert.equal(await cached.text(), '');
    }
    const stale = await fetch(url, { headers: { 'if-none-match': '"stale"' } });
    assert.equal(stale.status, 200);
    await stale.body?.cancel();
  });

  test('lookups, posts and health are never cached', async () => {
    const demo = server.demo.find((d) => d.featured);
    assert.ok(demo);
    const responses = [
      await postJson(lookupUrl(), { code: demo.code, idNumber: demo.idNumber }),
      await postJson(lookupUrl(), { code: demo.code, idNumber: '000000000000' }),
      await postJson(surveyUrl(), { form: 'general', answers: { overall: '2' } }, { 'idempotency-key': freshKey() }),
      await fetch(`${server.url}/v1/health`),
    ];
    for (const response of responses) {
      assert.equal(response.headers.get('cache-control'), 'no-store');
      assert.equal(response.headers.get('etag'), null);
      await response.body?.cancel();
    }
  });

  test('a method a path does not support: 405 with Allow', async () => {
    const deleteSearch = await fetch(`${server.url}/v1/procedures`, { method: 'DELETE' });
    await expectProblem(deleteSearch, 'method-not-allowed', 405);
    assert.equal(deleteSearch.headers.get('allow'), 'GET, HEAD, OPTIONS');
    const getLookup = await fetch(lookupUrl());
    await expectProblem(getLookup, 'method-not-allowed', 405);
    assert.equal(getLookup.headers.get('allow'), 'POST, OPTIONS');
    await expectProblem(await fetch(`${server.url}/v1/survey-forms/default`, { method: 'PUT', body: '{}' }), 'method-not-allowed', 405);
  });
});

describe('CORS allowlist', () => {
  const allowedOrigin = 'https://xa-nam-thanh.example.gov.vn';
  let cors: TestServer;
  before(async () => {
    cors = await startTestServer({ corsOrigins: [allowedOrigin] });
  });
  after(() => cors.stop());

  test('an allowed origin may read answers and problems, and their useful headers', async () => {
    for (const response of [
      await fetch(`${cors.url}/v1/procedures?q=khai%20sinh`, { headers: { origin: allowedOrigin } }),
      await postJson(`${cors.url}/v1/dossiers/lookup`, '{', { origin: allowedOrigin }),
    ]) {
      assert.equal(response.headers.get('access-control-allow-origin'), allowedOrigin);
      assert.match(response.headers.get('access-control-expose-headers') ?? '', /Retry-After/);
      assert.match(response.headers.get('vary') ?? '', /Origin/);
      await response.body?.cancel();
    }
    const preflight = await fetch(`${cors.url}/v1/survey-responses`, {
      method: 'OPTIONS',
      headers: { origin: allowedOrigin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, idempotency-key' },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), allowedOrigin);
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /Idempotency-Key/i);
    assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /POST/);
  });

  test('another origin gets no CORS grant; no origin is allowed unless configured', async () => {
    const other = await fetch(`${cors.url}/v1/procedures`, { headers: { origin: 'https://evil.example' } });
    assert.equal(other.headers.get('access-control-allow-origin'), null);
    await other.body?.cancel();
    const preflight = await fetch(`${cors.url}/v1/dossiers/lookup`, {
      method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    assert.equal(preflight.headers.get('access-control-allow-origin'), null);
    const closed = await fetch(`${server.url}/v1/procedures`, { headers: { origin: allowedOrigin } });
    assert.equal(closed.headers.get('access-control-allow-origin'), null, 'the default server allows no origin');
    await closed.body?.cancel();
  });

  test("'*' is honoured only when configured", async () => {
    const open = await startTestServer({ corsOrigins: ['*'] });
    try {
      const response = await fetch(`${open.url}/v1/health`, { headers: { origin: 'https://any.example' } });
      assert.equal(response.headers.get('access-control-allow-origin'), '*');
      await response.body?.cancel();
    } finally {
      await open.stop();
    }
  });
});

test('an unexpected failure is a 500 internal problem that discloses nothing', async () => {
  // Fault injection: a real catalogue whose search breaks, to reach the error path no input can reach.
  const real = createCatalogue(parseCatalogJson(readFileSync(SHIPPED_CATALOG, 'utf8')));
  const broken = Object.create(real) as typeof real;
  broken.search = () => {
    throw new Error('secret detail at /srv/dvc/catalog.ts:42');
  };
  const app = createApp({ catalogue: broken, store: createMemoryStore() });
  const originalError = console.error;
  console.error = () => {};
  try {
    const response = await app.fetch(new Request('http://test/v1/procedures?q=x'));
    const text = await response.clone().text();
    await expectProblem(response, 'internal', 500);
    assert.ok(!text.includes('secret') && !text.includes('/srv/'), text);
  } finally {
    console.error = originalError;
  }
});
