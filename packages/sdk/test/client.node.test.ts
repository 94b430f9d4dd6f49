// The SDK against the real reference API over HTTP in Node: every resource, errors as a caller sees them,
// the cache, abort.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createClient, DvcError, fold, highlight, isDvcError, type DvcClient, type DvcErrorKind } from '@dvc-kit/sdk';
import { startTestApi, type TestApi } from './support/node-api.ts';

let api: TestApi;
let client: DvcClient;
before(async () => {
  api = await startTestApi();
  client = createClient({ baseUrl: api.url });
});
after(() => api.close());

async function failure(p: Promise<unknown>): Promise<DvcError> {
  try {
    await p;
  } catch (e) {
    assert.ok(isDvcError(e), `expected a DvcError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected the call to fail');
}
const kindOf = async (p: Promise<unknown>): Promise<DvcErrorKind> => (await failure(p)).kind;

describe('procedures', () => {
  test('search finds a procedure typed without diacritics and says where it matched', async () => {
    const r = await client.procedures.search({ q: 'dang ky khai sinh', pageSize: 5 });
    assert.ok(r.total > 0 && r.items.length > 0 && r.items.length <= 5);
    const first = r.items[0]!;
    assert.match(fold(first.name), /khai sinh/);
    const m = first.matches.find((x) => x.field === 'name');
    assert.ok(m, 'a match position on the name');
    assert.match(fold(first.name.slice(m.start, m.end)), /^(dang|ky|khai|sinh)/);
    assert.ok(r.facets.levels.length > 0 && r.facets.fields.length > 0);
  });

  test('filters, pages and the URL hold no empty parameters', async () => {
    const fields = await client.procedures.fields();
    const field = fields.items[0]!;
    const p1 = await client.procedures.search({ field: field.id, q: '', page: 1, pageSize: 2 });
    assert.equal(p1.total, field.count);
    assert.ok(p1.items.every((i) => i.field.id === field.id));
    if (p1.total > 2) {
      const p2 = await client.procedures.search({ field: field.id, page: 2, pageSize: 2 });
      assert.equal(p2.page, 2);
      assert.notDeepEqual(p2.items.map((i) => i.code), p1.items.map((i) => i.code));
    }
  });

  test('iterate walks every page of a filtered search exactly once', async () => {
    const agencies = await client.procedures.agencies();
    const agency = agencies.items.find((a) => a.count > 3) ?? agencies.items[0]!;
    const codes: string[] = [];
    for await (const p of client.procedures.iterate({ agency: agency.id, pageSize: 2 })) codes.push(p.code);
    assert.equal(codes.length, agency.count);
    assert.equal(new Set(codes).size, codes.length);
  });

  test('get returns the whole procedure; an unknown code is not-found with its problem document', async () => {
    const { items } = await client.procedures.search({ q: 'khai sinh', pageSize: 1 });
    const p = await client.procedures.get(items[0]!.code);
    assert.equal(p.code, items[0]!.code);
    assert.ok(Array.isArray(p.methods) && Array.isArray(p.documentCases) && typeof p.portalUrl === 'string');
    const e = await failure(client.procedures.get('1.999999.000.00.00.H56'));
    assert.equal(e.kind, 'not-found');
    assert.equal(e.status, 404);
    assert.equal(e.problem?.type, 'urn:dvc-kit:problem:not-found');
  });

  test('a code with URL syntax stays one path segment', async () => {
    assert.equal(await kindOf(client.procedures.get('../health')), 'not-found');
  });
});

describe('dossiers', () => {
  test('lookup by code and ID number; a wrong ID number looks exactly like an unknown code', async () => {
    const { code, idNumber } = await api.dossier();
    const d = await client.dossiers.lookup({ code, idNumber });
    assert.equal(d.code, code);
    assert.equal(d.status.code, 10);
    assert.ok(!JSON.stringify(d).includes(idNumber), 'the ID number never comes back');
    const wrong = await failure(client.dossiers.lookup({ code, idNumber: '001099000000' }));
    const unknown = await failure(client.dossiers.lookup({ code: '000.00.00.H56-000101-0001', idNumber }));
    assert.equal(wrong.kind, 'not-found');
    assert.deepEqual(wrong.problem, unknown.problem);
  });

  test('the ID number travels in the body only, never in a URL', async () => {
    const { code, idNumber } = await api.dossier();
    const viaProxy = createClient({ baseUrl: api.proxy.url });
    api.proxy.set();
    await viaProxy.dossiers.lookup({ code, idNumber });
    const seen = api.proxy.seen();
    assert.equal(seen.length, 1);
    assert.equal(seen[0]!.method, 'POST');
    assert.ok(!seen[0]!.path.includes(idNumber));
  });

  test('the captcha hook is asked per lookup and a failing one is an invalid-request error', async () => {
    const { code, idNumber } = await api.dossier();
    let asked = 0;
    const sent: (string | null)[] = [];
    const c = createClient({
      baseUrl: api.url,
      captcha: () => { asked++; return 'token-' + asked; },
      hooks: { beforeRequest: (req) => { sent.push(req.headers.get('x-captcha-token')); } },
    });
    await c.dossiers.lookup({ code, idNumber });
    assert.deepEqual(sent, ['token-1']);
    const broken = createClient({ baseUrl: api.url, captcha: () => { throw new Error('widget not loaded'); } });
    assert.equal(await kindOf(broken.dossiers.lookup({ code, idNumber })), 'invalid-request');
  });
});

describe('surveys', () => {
  test('form, submit, and a replay under the same key returns the first receipt and stores nothing new', async () => {
    const form = await client.surveys.form('default');
    assert.ok(form.questions.length > 0);
    // As the tracker does: the lookup with the ID number hands out the token that lets this dossier be rated.
    const { survey, code } = await client.dossiers.lookup(await api.dossier());
    assert.ok(survey && survey.form === form.id);
    const answers: Record<string, string> = {};
    for (const q of form.questions) if (q.kind === 'choice' && q.required) answers[q.id] = q.options[0]!.value;
    const input = { form: form.id, ...(form.needsDossier && { dossierCode: code, dossierToken: survey.token }), answers };
    const before = (await api.responses()).length;
    const first = await client.surveys.submit(input, { idempotencyKey: 'sdk-test-replay-0001' });
    const again = await client.surveys.submit(input, { idempotencyKey: 'sdk-test-replay-0001' });
    assert.equal(first.status, 'sent');
    assert.deepEqual(again, first);
    assert.equal((await api.responses()).length, before + 1);
  });

  test('an invalid response is an invalid-request error naming the bad input, never queued', async () => {
    const e = await failure(client.surveys.submit({ form: 'default', answers: { nope: 'x' } }));
    assert.equal(e.kind, 'invalid-request');
    assert.ok(e.status! >= 400 && e.status! < 500);
    assert.ok(e.problem?.type.startsWith('urn:dvc-kit:problem:'));
    assert.equal(client.queue.pending(), 0);
  });

  test('an unknown form is not-found', async () => {
    assert.equal(await kindOf(client.surveys.form('khong-co')), 'not-found');
  });
});

test('locale: English labels per client and per call', async () => {
  const { code, idNumber } = await api.dossier();
  const vi = await client.dossiers.lookup({ code, idNumber });
  const en = await client.dossiers.lookup({ code, idNumber }, { locale: 'en' });
  const enClient = createClient({ baseUrl: api.url + '/', locale: 'en' });
  assert.notEqual(vi.status.label, en.status.label);
  assert.equal((await enClient.dossiers.lookup({ code, idNumber })).status.label, en.status.label);
});

test('locale: an error\'s message is the problem title in the same language, per client and per call', async () => {
  const nobody = { code: '000.00.00.H56-000101-0002', idNumber: '001099000000' };
  const vi = await failure(client.dossiers.lookup(nobody));
  const en = await failure(client.dossiers.lookup(nobody, { locale: 'en' }));
  const enClient = createClient({ baseUrl: api.url, locale: 'en' });
  assert.equal(vi.message, 'Không có hồ sơ nào khớp với mã hồ sơ và số định danh này');
  assert.equal(en.message, 'No dossier matches this code and ID number');
  assert.equal((await failure(enClient.dossiers.lookup(nobody))).message, en.message);
  assert.equal(en.kind, vi.kind);
  assert.equal(en.problem?.type, vi.problem?.type);
});

test('health, and the base URL normalised', async () => {
  const c = createClient({ baseUrl: api.url + '///' });
  assert.equal(c.baseUrl, api.url);
  const h = await c.health();
  assert.equal(h.status, 'ok');
  assert.ok(h.procedures >= 150);
  assert.throws(() => createClient({ baseUrl: 'relative/in/node' }), (e) => isDvcError(e) && e.kind === 'invalid-request');
});

test('fold and highlight are re-exported for components', () => {
  assert.equal(fold('Đăng ký'), 'dang ky');
  assert.deepEqual(highlight('Đăng ký khai sinh', 'dang ky').filter((s) => s.match).map((s) => s.text), ['Đăng', 'ký']);
});

describe('cache', () => {
  test('revalidates with the ETag: a 304 reuses the body', async () => {
    const statuses: number[] = [];
    const c = createClient({ baseUrl: api.url, cache: { ttlMs: 0 }, hooks: { afterResponse: (_req, res) => { statuses.push(res.status); } } });
    const a = await c.procedures.fields();
    const b = await c.procedures.fields();
    assert.deepEqual(statuses, [200, 304]);
    assert.deepEqual(b, a);
    assert.notEqual(b, a, 'every caller gets its own copy');
  });

  test('fresh bodies are served without a request; identical requests in flight share one', async () => {
    const c = createClient({ baseUrl: api.proxy.url, cache: true });
    api.proxy.set();
    const [x, y] = await Promise.all([c.procedures.search({ q: 'ho tich' }), c.procedures.search({ q: 'ho tich' })]);
    assert.deepEqual(x, y);
    await c.procedures.search({ q: 'ho tich' });
    assert.equal(api.proxy.seen().length, 1);
    await c.procedures.search({ q: 'ho tich' }, { locale: 'en' });
    assert.equal(api.proxy.seen().length, 2, 'the locale is part of the key');
  });

  test('is bounded: the least recently used body is dropped', async () => {
    const c = createClient({ baseUrl: api.proxy.url, cache: { maxEntries: 2 } });
    api.proxy.set();
    await c.procedures.search({ q: 'a' });
    await c.procedures.search({ q: 'b' });
    await c.procedures.search({ q: 'a' }); // a is now the most recent
    await c.procedures.search({ q: 'c' }); // drops b
    await c.procedures.search({ q: 'a' });
    assert.equal(api.proxy.seen().length, 3);
    await c.procedures.search({ q: 'b' });
    assert.equal(api.proxy.seen().length, 4);
  });

  test('one caller aborting does not cancel the request another caller waits for', async () => {
    const c = createClient({ baseUrl: api.proxy.url, cache: true });
    api.proxy.set({ fault: 'delay', delayMs: 300 });
    const ctl = new AbortController();
    const leaving = c.procedures.search({ q: 'dat dai' }, { signal: ctl.signal });
    const staying = c.procedures.search({ q: 'dat dai' });
    setTimeout(() => ctl.abort(), 50);
    assert.equal(await kindOf(leaving), 'aborted');
    assert.ok((await staying).items.length > 0);
    assert.equal(api.proxy.seen().length, 1);
  });
});

describe('abort', () => {
  const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

  test('aborting a call rejects at once with aborted and leaves no timer behind', async () => {
    api.proxy.set({ fault: 'delay', delayMs: 2000 });
    const c = createClient({ baseUrl: api.proxy.url });
    const idle = timers();
    const ctl = new AbortController();
    const started = Date.now();
    const call = c.procedures.search({ q: 'x' }, { signal: ctl.signal });
    setTimeout(() => ctl.abort(), 100);
    assert.equal(await kindOf(call), 'aborted');
    assert.ok(Date.now() - started < 1000);
    await new Promise((r) => setTimeout(r, 50)); // the proxy hears the connection close
    assert.equal(timers(), idle);
  });

  test('an already aborted signal sends nothing', async () => {
    api.proxy.set();
    const c = createClient({ baseUrl: api.proxy.url });
    assert.equal(await kindOf(c.procedures.fields({ signal: AbortSignal.abort() })), 'aborted');
    assert.equal(api.proxy.seen().length, 0);
  });
});
