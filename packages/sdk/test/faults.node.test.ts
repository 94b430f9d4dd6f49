// Failure handling, through the fault proxy in front of the real API: each error kind, retries counted on the
// wire, Retry-After honoured (by timing ratio), and no repeat of a POST that has no Idempotency-Key.
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { after, before, beforeEach, describe, test } from 'node:test';
import { createClient, isDvcError, type ClientOptions, type DvcError } from '@dvc-kit/sdk';
import type { FaultRule } from './support/fault-proxy.ts';
import { startTestApi, type TestApi } from './support/node-api.ts';

let api: TestApi;
before(async () => { api = await startTestApi(); });
after(() => api.close());
beforeEach(() => api.proxy.set());

// Short backoff keeps the suite fast; the retry logic is the same.
const client = (o: Partial<ClientOptions> = {}) =>
  createClient({ baseUrl: api.proxy.url, retry: { limit: 2, backoffLimit: 50 }, queue: false, ...o });

async function failure(p: Promise<unknown>): Promise<DvcError> {
  try {
    await p;
  } catch (e) {
    assert.ok(isDvcError(e), `only DvcError is thrown, got ${String(e)}`);
    return e;
  }
  assert.fail('expected the call to fail');
}
const requests = (path = '/v1/') => api.proxy.seen({ path }).length;
const general = { form: 'general', answers: { overall: '2' } };

describe('each failure is one error kind', () => {
  const cases: [string, FaultRule, DvcError['kind'], number | null][] = [
    ['dropped connection', { fault: 'drop' }, 'network', null],
    ['connection reset in the middle of the body', { fault: 'reset-body' }, 'network', null],
    ['500', { fault: 'status', status: 500 }, 'server', 500],
    ['503', { fault: 'status', status: 503 }, 'server', 503],
    ['truncated JSON', { fault: 'truncated' }, 'invalid-response', 200],
    ['malformed JSON', { fault: 'malformed' }, 'invalid-response', 200],
    ['JSON of the wrong shape', { fault: 'wrong-shape' }, 'invalid-response', 200],
  ];
  for (const [name, rule, kind, status] of cases) {
    test(`${name} → ${kind}`, async () => {
      api.proxy.set(rule);
      const e = await failure(client().procedures.search({ q: 'khai sinh' }));
      assert.equal(e.kind, kind);
      assert.equal(e.status, status);
    });
  }

  test('a slow server → timeout, each attempt bounded, the whole call bounded by totalTimeout', async () => {
    api.proxy.set({ fault: 'delay', delayMs: 3000 });
    const started = Date.now();
    const e = await failure(client({ timeout: 200, totalTimeout: 700 }).procedures.fields());
    const elapsed = Date.now() - started;
    assert.equal(e.kind, 'timeout');
    assert.ok(elapsed < 1500, `gave up after ${elapsed} ms`);
    assert.ok(requests() >= 2, 'a timed-out GET is tried again');
  });

  test('the problem document of a 5xx reaches the caller', async () => {
    api.proxy.set({ fault: 'status', status: 500 });
    const e = await failure(client({ retry: 0 }).procedures.fields());
    assert.equal(e.problem?.type, 'urn:dvc-kit:problem:internal');
  });
});

describe('retries', () => {
  test('a GET is tried limit + 1 times, then fails', async () => {
    api.proxy.set({ fault: 'status', status: 503 });
    await failure(client().procedures.fields());
    assert.equal(requests(), 3);
    api.proxy.set({ fault: 'drop' });
    await failure(client({ retry: 4 }).procedures.fields());
    assert.equal(requests(), 5);
  });

  test('a transient failure is invisible to the caller', async () => {
    api.proxy.set({ fault: 'drop', times: 1 }, { fault: 'status', status: 502, times: 1 });
    const r = await client().procedures.fields();
    assert.ok(r.items.length > 0);
    assert.equal(requests(), 3);
  });

  test('4xx and malformed bodies are not retried', async () => {
    await failure(client().procedures.get('khong-ton-tai'));
    assert.equal(requests(), 1);
    api.proxy.set({ fault: 'wrong-shape' });
    await failure(client().procedures.fields());
    assert.equal(requests(), 1);
  });

  test('Retry-After is honoured: waiting twice as long when told twice as long', async () => {
    const timed = async (seconds: number) => {
      api.proxy.set({ fault: 'status', status: 429, retryAfter: seconds, times: 1 });
      const started = performance.now();
      await client().procedures.fields();
      assert.equal(requests(), 2);
      return performance.now() - started;
    };
    const one = await timed(1);
    const two = await timed(2);
    const ratio = two / one;
    assert.ok(ratio > 1.5 && ratio < 2.5, `Retry-After 2 s took ${two.toFixed(0)} ms, 1 s took ${one.toFixed(0)} ms`);
  });

  test('a Retry-After longer than the SDK will wait surfaces rate-limited with retryAfter, at once', async () => {
    api.proxy.set({ fault: 'status', status: 429, retryAfter: 120 });
    const started = Date.now();
    const e = await failure(client().procedures.fields());
    assert.equal(e.kind, 'rate-limited');
    assert.equal(e.retryAfter, 120);
    assert.ok(Date.now() - started < 1000);
    assert.equal(requests(), 1);
  });

  test('a Retry-After given as an HTTP date fills retryAfter with the seconds until then', async () => {
    // Whole seconds: an HTTP date has no finer resolution.
    const at = new Date(Math.ceil(Date.now() / 1000) * 1000 + 120_000);
    api.proxy.set({ fault: 'status', status: 429, retryAfter: at.toUTCString() });
    const e = await failure(client().procedures.fields());
    assert.equal(e.kind, 'rate-limited');
    assert.ok(e.retryAfter! >= 118 && e.retryAfter! <= 121, `retryAfter ${e.retryAfter}`);
    assert.equal(requests(), 1);
  });

  test('a Retry-After that is neither seconds nor a date leaves retryAfter unknown, not "now"', async () => {
    // "1.5" is not delta-seconds; Date.parse would read it as a day in 2001, i.e. "retry at once".
    api.proxy.set({ fault: 'status', status: 429, retryAfter: '1.5' });
    const e = await failure(client({ retry: 0 }).procedures.fields());
    assert.equal(e.kind, 'rate-limited');
    assert.equal(e.retryAfter, null);
  });

  test('the real server\'s own lookup rate limit: rate-limited with Retry-After, the lookup not retried', async () => {
    const limited = await startTestApi({ lookupsPerClientPerMinute: 2 });
    try {
      const c = createClient({ baseUrl: limited.url, queue: false });
      const { code } = await limited.dossier();
      const kinds: string[] = [];
      for (let i = 0; i < 3; i++) kinds.push((await failure(c.dossiers.lookup({ code, idNumber: '000000000' }))).kind);
      assert.deepEqual(kinds, ['not-found', 'not-found', 'rate-limited']);
      const e = await failure(c.dossiers.lookup({ code, idNumber: '000000000' }));
      assert.ok(e.retryAfter! > 0 && e.retryAfter! <= 60);
    } finally {
      await limited.close();
    }
  });

  test('a lookup is retried on a dropped connection but not on 429', async () => {
    const { code, idNumber } = await api.dossier();
    api.proxy.set({ fault: 'drop', times: 1 });
    assert.equal((await client().dossiers.lookup({ code, idNumber })).code, code);
    assert.equal(requests(), 2);
    api.proxy.set({ fault: 'status', status: 429, retryAfter: 1 });
    assert.equal((await failure(client().dossiers.lookup({ code, idNumber }))).kind, 'rate-limited');
    assert.equal(requests(), 1);
  });

  test('aborting during the backoff stops the retries', async () => {
    api.proxy.set({ fault: 'status', status: 503, retryAfter: 2 });
    const ctl = new AbortController();
    const call = client().procedures.fields({ signal: ctl.signal });
    setTimeout(() => ctl.abort(), 200);
    assert.equal((await failure(call)).kind, 'aborted');
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(requests(), 1);
  });
});

describe('survey posts and their Idempotency-Key', () => {
  test('retried under one key; the server stores the response once', async () => {
    const before = (await api.responses()).length;
    api.proxy.set({ fault: 'status', status: 503, times: 2 });
    const r = await client().surveys.submit(general);
    assert.equal(r.status, 'sent');
    const seen = api.proxy.seen({ path: '/v1/survey-responses' });
    assert.equal(seen.length, 3);
    assert.match(seen[0]!.idempotencyKey!, /^[A-Za-z0-9_\-:.]{8,128}$/);
    assert.ok(seen.every((s) => s.idempotencyKey === seen[0]!.idempotencyKey));
    assert.equal((await api.responses()).length, before + 1);
  });

  test('an answer lost on the way back: the retry gets the first receipt, nothing is stored twice', async () => {
    const before = (await api.responses()).length;
    api.proxy.set({ fault: 'drop-after', times: 1 });
    const r = await client().surveys.submit(general);
    assert.equal(r.status, 'sent');
    assert.equal(requests('/v1/survey-responses'), 2);
    const stored = await api.responses();
    assert.equal(stored.length, before + 1);
    assert.ok(r.status === 'sent' && stored.some((s) => s.id === r.receipt.id));
  });

  test('a POST that reaches the wire without a key is never retried', async () => {
    api.proxy.set({ fault: 'status', status: 503 });
    const stripKey = (req: Request) => {
      const headers = new Headers(req.headers);
      headers.delete('idempotency-key');
      return new Request(req, { headers });
    };
    const e = await failure(client({ hooks: { beforeRequest: stripKey } }).surveys.submit(general));
    assert.equal(e.kind, 'server');
    assert.equal(requests('/v1/survey-responses'), 1);
    assert.equal(api.proxy.seen()[0]!.idempotencyKey, null);
  });

  test('without a queue, a network failure is thrown (nothing is silently lost)', async () => {
    api.proxy.set({ fault: 'drop' });
    assert.equal((await failure(client().surveys.submit(general))).kind, 'network');
    assert.equal(requests('/v1/survey-responses'), 3);
  });
});

describe('a failed lookup logged as it is', () => {
  test('names neither the ID number nor the request body, whatever the failure', async () => {
    const { code } = await api.dossier();
    const idNumber = '079123456789';
    const lookup = (o: Partial<ClientOptions> = {}, signal?: AbortSignal) =>
      failure(client({ retry: 0, ...o }).dossiers.lookup({ code, idNumber }, { signal }));
    const errors: DvcError[] = [await lookup()]; // not found: a wrong ID number
    api.proxy.set({ fault: 'status', status: 429, retryAfter: 60 });
    errors.push(await lookup());
    api.proxy.set({ fault: 'status', status: 500 });
    errors.push(await lookup());
    api.proxy.set({ fault: 'drop' });
    errors.push(await lookup());
    api.proxy.set({ fault: 'delay', delayMs: 2000 });
    errors.push(await lookup({ timeout: 100, totalTimeout: 100 }));
    errors.push(await lookup({}, AbortSignal.timeout(50)));
    assert.deepEqual(errors.map((e) => e.kind), ['not-found', 'rate-limited', 'server', 'network', 'timeout', 'aborted']);
    for (const e of errors) {
      // What console.log / console.error print in Node: the error with its whole cause chain.
      const printed = inspect(e, { depth: Infinity, showHidden: true }) + JSON.stringify(e);
      assert.ok(!printed.includes(idNumber), `${e.kind}: the ID number is printed`);
      assert.ok(!printed.includes('"idNumber"'), `${e.kind}: the request body is printed`);
    }
  });
});
