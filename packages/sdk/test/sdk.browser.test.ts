/// <reference types="mocha" />
// The SDK in real Chromium against the real reference API (started by web-test-runner.config.mjs), across
// origins as on a real site, with the fault proxy in front of it for the failures.
import { expect } from '@open-wc/testing';
import { createClient, isDvcError, type DvcError, type SurveyResponseInput } from '@dvc-kit/sdk';
import type { FaultRule, SeenRequest } from './support/fault-proxy.ts';

declare global {
  interface Window { DVC_TEST_API?: string; DVC_TEST_FAULTS?: string }
}
const API = window.DVC_TEST_API!;
const FAULTS = window.DVC_TEST_FAULTS!;
// Catalogue GETs are cacheable, and the browser's HTTP cache would answer for the proxy: a fresh query each time.
let unique = 0;
const freshSearch = (client: ReturnType<typeof createClient>, o?: { signal?: AbortSignal }) =>
  client.procedures.search({ q: `ho tich ${Date.now()}-${++unique}` }, o);

async function faults(...rules: FaultRule[]): Promise<void> {
  await fetch(`${FAULTS}/__faults`, { method: 'PUT', body: JSON.stringify(rules), headers: { 'content-type': 'application/json' } });
}
async function seen(): Promise<SeenRequest[]> {
  return ((await (await fetch(`${FAULTS}/__faults`)).json()) as { requests: SeenRequest[] }).requests;
}
async function failure(p: Promise<unknown>): Promise<DvcError> {
  try {
    await p;
  } catch (e) {
    expect(isDvcError(e), String(e)).to.equal(true);
    return e as DvcError;
  }
  throw new Error('expected the call to fail');
}
const viaProxy = () => createClient({ baseUrl: FAULTS, retry: { limit: 2, backoffLimit: 50 }, queue: false, cache: false });

afterEach(() => faults());

describe('@dvc-kit/sdk in the browser', () => {
  it('searches, reads a procedure and checks health across origins', async () => {
    const client = createClient({ baseUrl: API, queue: false });
    const r = await client.procedures.search({ q: 'khai sinh', pageSize: 3 });
    expect(r.items.length).to.be.within(1, 3);
    const p = await client.procedures.get(r.items[0]!.code);
    expect(p.name).to.equal(r.items[0]!.name);
    expect((await client.health()).status).to.equal('ok');
  });

  it('a relative base URL resolves against the page', () => {
    expect(createClient({ baseUrl: '/dvc/', queue: false }).baseUrl).to.equal(`${location.origin}/dvc`);
  });

  it('caches by default in a browser and revalidates with the cross-origin ETag', async () => {
    const statuses: number[] = [];
    const client = createClient({ baseUrl: API, queue: false, cache: { ttlMs: 0 }, hooks: { afterResponse: (_q, res) => { statuses.push(res.status); } } });
    const a = await client.procedures.agencies();
    const b = await client.procedures.agencies();
    expect(statuses).to.deep.equal([200, 304]);
    expect(b).to.deep.equal(a);
    await faults();
    const cached = createClient({ baseUrl: FAULTS, queue: false });
    await Promise.all([cached.procedures.fields(), cached.procedures.fields()]);
    await cached.procedures.fields();
    expect((await seen()).length).to.equal(1);
  });

  it('maps each failure to its kind, counting retries at the proxy', async () => {
    const cases: [FaultRule, DvcError['kind'], number][] = [
      [{ fault: 'drop' }, 'network', 3],
      [{ fault: 'status', status: 500 }, 'server', 3],
      [{ fault: 'malformed' }, 'invalid-response', 1],
      [{ fault: 'wrong-shape' }, 'invalid-response', 1],
    ];
    for (const [rule, kind, requests] of cases) {
      await faults(rule);
      const e = await failure(freshSearch(viaProxy()));
      expect(e.kind, rule.fault).to.equal(kind);
      // Browsers themselves resend a request whose connection dies before any answer: Chromium once for each attempt
      // that went out on a reused keep-alive connection (any of them may), Firefox up to 10 times per request
      // (network.http.request.max-attempts); every other request on the wire is one of the SDK's attempts.
      const wire = (await seen()).length;
      const resent = requests * (navigator.userAgent.includes('Firefox/') ? 10 : 2);
      if (rule.fault === 'drop') expect(wire, rule.fault).to.be.within(requests, resent);
      else expect(wire, rule.fault).to.equal(requests);
    }
  });

  it('reads Retry-After across origins: a long one surfaces rate-limited at once', async () => {
    await faults({ fault: 'status', status: 429, retryAfter: 90 });
    const e = await failure(freshSearch(viaProxy()));
    expect(e.kind).to.equal('rate-limited');
    expect(e.retryAfter).to.equal(90);
    expect((await seen()).length).to.equal(1);
  });

  it('a survey post is retried under one Idempotency-Key', async () => {
    await faults({ fault: 'drop-after', times: 1 });
    const r = await viaProxy().surveys.submit({ form: 'general', answers: { overall: '1' } });
    expect(r.status).to.equal('sent');
    const posts = (await seen()).filter((s) => s.method === 'POST');
    expect(posts.length).to.equal(2);
    expect(posts[1]!.idempotencyKey).to.equal(posts[0]!.idempotencyKey);
  });

  it('abort cancels the request at once', async () => {
    await faults({ fault: 'delay', delayMs: 3000 });
    const ctl = new AbortController();
    const started = performance.now();
    const call = freshSearch(viaProxy(), { signal: ctl.signal });
    setTimeout(() => ctl.abort(), 100);
    expect((await failure(call)).kind).to.equal('aborted');
    expect(performance.now() - started).to.be.below(1000);
  });

  it('the online event sends the queue', async () => {
    const key = `dvc-kit:queue:online-${Date.now()}`;
    const client = createClient({ baseUrl: FAULTS, retry: 0, queue: { key } });
    await faults({ fault: 'drop' });
    const input: SurveyResponseInput = { form: 'general', answers: { overall: '2' } };
    expect((await client.surveys.submit(input)).status).to.equal('queued');
    expect(client.queue.pending()).to.equal(1);
    await faults();
    const emptied = new Promise<void>((resolve) => client.queue.subscribe((n) => { if (n === 0) resolve(); }));
    window.dispatchEvent(new Event('online'));
    await emptied;
    expect(localStorage.getItem(key)).to.equal(null);
  });

  it('50 responses, one request in three failing, a reload in the middle: each stored exactly once', async function () {
    this.timeout(90_000);
    const run = `r${Date.now().toString(36)}`;
    const total = 50;
    // One POST in three fails: half of them before the server sees it, half after it stored the response.
    // The others take 800 ms, so the reload surely cuts off the batch on the wire (the proxy then forwards
    // nothing: those responses can only arrive through the next page's queue).
    const path = '/v1/survey-responses';
    await faults(
      { fault: 'drop-after', every: 6, method: 'POST', path },
      { fault: 'drop', every: 5, method: 'POST', path },
      { fault: 'delay', delayMs: 800, method: 'POST', path },
    );
    const report = new Promise<Record<string, number | string>>((resolve) => {
      window.addEventListener('message', (e) => { if (e.data?.run === run) resolve(e.data); });
    });
    const frame = document.createElement('iframe');
    frame.src = `/packages/sdk/test/support/queue-page.html?${new URLSearchParams({ run, total: String(total), api: FAULTS })}`;
    document.body.append(frame);
    const done = await report;
    frame.remove();
    expect(done.error).to.equal(undefined);
    expect(done.loads, 'the page really reloaded').to.equal(2);
    expect(done.pending).to.equal(0);
    // Submits whose page was reloaded under them never resolved: only the offline queue could deliver them.
    expect(total - Number(done.sent) - Number(done.queued), 'submits cut off by the reload').to.be.greaterThan(0);

    const posts = (await seen()).filter((s) => s.method === 'POST');
    expect(posts.filter((s) => s.fault === 'drop').length, 'dropped before the server').to.be.greaterThan(0);
    expect(posts.filter((s) => s.fault === 'drop-after').length, 'dropped after the server stored').to.be.greaterThan(0);

    const stored = (await (await fetch('/__dvc-test/survey-responses')).json()) as { answers: Record<string, string> }[];
    const prefix = `Phản hồi thử ${run} số `;
    const numbers = stored.map((s) => s.answers.comment ?? '').filter((c) => c.startsWith(prefix)).map((c) => Number(c.slice(prefix.length)));
    expect(numbers.length, 'stored responses').to.equal(total);
    expect([...new Set(numbers)].sort((a, b) => a - b)).to.deep.equal([...Array(total).keys()]);
  });
});
