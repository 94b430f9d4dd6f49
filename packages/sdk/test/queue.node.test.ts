// The offline survey queue in Node, with a storage object standing in for localStorage (Node has none):
// queued on network failure, kept until acknowledged, sent by the next client over the same storage, dropped
// only when the server refuses it for good.
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { createClient, type ClientOptions, type SettledResponse } from '@dvc-kit/sdk';
import { memoryStorage, startTestApi, type TestApi } from './support/node-api.ts';

let api: TestApi;
before(async () => { api = await startTestApi(); });
after(() => api.close());
beforeEach(() => api.proxy.set());

const general = (n: number) => ({ form: 'general', answers: { overall: String(n % 3) } });
const client = (storage: ReturnType<typeof memoryStorage>, o: Partial<ClientOptions> = {}) =>
  createClient({ baseUrl: api.proxy.url, retry: { limit: 1, backoffLimit: 20 }, timeout: 500, queue: { storage }, ...o });

test('a response that cannot be sent is queued with its key, then sent once on flush', async () => {
  const storage = memoryStorage();
  const c = client(storage);
  const counts: number[] = [];
  c.queue.subscribe((n) => counts.push(n));
  const before = (await api.responses()).length;

  api.proxy.set({ fault: 'drop' });
  const r = await c.surveys.submit(general(1));
  assert.equal(r.status, 'queued');
  assert.equal(c.queue.pending(), 1);
  assert.deepEqual(counts, [1]);
  const key = r.status === 'queued' ? r.idempotencyKey : '';
  assert.ok(api.proxy.seen().every((s) => s.idempotencyKey === key));

  await c.queue.flush(); // still offline: kept
  assert.equal(c.queue.pending(), 1);

  api.proxy.set();
  await c.queue.flush();
  assert.equal(c.queue.pending(), 0);
  assert.deepEqual(counts, [1, 0]);
  assert.equal(api.proxy.seen()[0]!.idempotencyKey, key);
  assert.equal((await api.responses()).length, before + 1);
});

test('an answer lost on the way back is queued; the resend is not stored twice', async () => {
  const storage = memoryStorage();
  const before = (await api.responses()).length;
  api.proxy.set({ fault: 'drop-after' });
  const r = await client(storage).surveys.submit(general(2));
  assert.equal(r.status, 'queued');
  assert.equal((await api.responses()).length, before + 1, 'the server did store it');
  api.proxy.set();
  const next = client(storage); // the next page load sends what is waiting
  await next.queue.flush();
  assert.equal(next.queue.pending(), 0);
  assert.equal((await api.responses()).length, before + 1, 'and stored it only once');
});

test('a timeout queues too', async () => {
  const storage = memoryStorage();
  api.proxy.set({ fault: 'delay', delayMs: 2000 });
  const r = await client(storage, { timeout: 200 }).surveys.submit(general(0));
  assert.equal(r.status, 'queued');
});

test('a new client over the same storage sends the queue by itself', async () => {
  const storage = memoryStorage();
  api.proxy.set({ fault: 'status', status: 503 });
  await client(storage).surveys.submit(general(0));
  await client(storage).surveys.submit(general(1));
  assert.equal(client(storage).queue.pending(), 2);
  api.proxy.set();
  const fresh = client(storage);
  const emptied = new Promise<void>((resolve) => fresh.queue.subscribe((n) => { if (n === 0) resolve(); }));
  await emptied;
  assert.equal(api.proxy.seen({ path: '/v1/survey-responses' }).length, 2);
});

test('4xx on submit is thrown, not queued; a queued response the server refuses for good is dropped and reported', async (t) => {
  const storage = memoryStorage();
  const c = client(storage);
  await assert.rejects(c.surveys.submit({ form: 'general', answers: {} }), (e: { kind: string }) => e.kind === 'invalid-request');
  assert.equal(c.queue.pending(), 0);

  // A response queued earlier that today's form no longer accepts.
  api.proxy.set({ fault: 'drop' });
  const stale = await c.surveys.submit({ form: 'general', answers: { overall: '2', 'removed-question': 'x' } });
  assert.equal(stale.status, 'queued');
  await c.surveys.submit(general(2));
  assert.equal(c.queue.pending(), 2);
  api.proxy.set();
  const warn = t.mock.method(console, 'warn', () => {});
  const heard: [number, SettledResponse | undefined][] = [];
  c.queue.subscribe((pending, settled) => heard.push([pending, settled]));
  await c.queue.flush();
  assert.equal(c.queue.pending(), 0);
  // Subscribers learn how each response left: the refused one without a receipt (the page that queued it can tell
  // the citizen it was not sent), the sent one with the server's receipt.
  const settled = heard.flatMap(([pending, s]) => (s ? [{ pending, key: s.key, receipt: Boolean(s.receipt?.id) }] : []));
  assert.deepEqual(settled.map(({ pending, receipt }) => [pending, receipt]), [[1, false], [0, true]]);
  assert.equal(settled[0]!.key, stale.status === 'queued' && stale.idempotencyKey);
  assert.equal(warn.mock.callCount(), 1);
  assert.ok(!JSON.stringify(warn.mock.calls[0]!.arguments).includes('removed-question'), 'no answers in the log');
});

test('429 keeps the queue for later', async () => {
  const storage = memoryStorage();
  const c = client(storage);
  api.proxy.set({ fault: 'drop' });
  await c.surveys.submit(general(0));
  api.proxy.set({ fault: 'status', status: 429, retryAfter: 100 });
  await c.queue.flush();
  assert.equal(c.queue.pending(), 1);
});

test('corrupt storage is treated as an empty queue', async () => {
  const storage = memoryStorage();
  const c = client(storage, { queue: { storage, key: 'q' } });
  storage.setItem('q', '{not json');
  assert.equal(c.queue.pending(), 0);
  await c.queue.flush();
});

test('a submit is written to storage before it is sent, so closing the page mid-request loses nothing', async () => {
  const storage = memoryStorage();
  const c = client(storage, { timeout: 5000 });
  api.proxy.set({ fault: 'delay', delayMs: 300 });
  const submitting = c.surveys.submit(general(1));
  await new Promise((r) => setTimeout(r, 100));
  const [stored] = [...storage.data.values()];
  assert.equal(JSON.parse(stored!).length, 1, 'in storage while in flight');
  assert.equal(c.queue.pending(), 0, 'but not counted as pending');
  assert.equal((await submitting).status, 'sent');
  assert.equal(storage.data.size, 0);
});

test('concurrent submits: a success does not take a failed neighbour out of the queue', async () => {
  const storage = memoryStorage();
  const c = client(storage);
  api.proxy.set({ fault: 'drop', every: 2 });
  const results = await Promise.all([0, 1, 2, 3].map((n) => c.surveys.submit(general(n), { idempotencyKey: `neighbour-${n}-key` })));
  const queued = results.filter((r) => r.status === 'queued').length;
  assert.equal(c.queue.pending(), queued);
  api.proxy.set();
  await c.queue.flush();
  assert.equal(c.queue.pending(), 0);
});

test('a rating saved offline is sent before a newer one, so the newer evaluation of the dossier is the one kept', async () => {
  const storage = memoryStorage();
  const c = client(storage);
  const { survey, code } = await c.dossiers.lookup(await api.dossier());
  const rating = (overall: string) =>
    ({ form: survey!.form, dossierCode: code, dossierToken: survey!.token, answers: { contacts: '2', agencies: '1', publication: '2', conduct: '2', convenience: '1', overall } });
  api.proxy.set({ fault: 'drop', path: '/v1/survey-responses' });
  assert.equal((await c.surveys.submit(rating('1'))).status, 'queued');
  api.proxy.set();
  assert.equal((await c.surveys.submit(rating('2'))).status, 'sent');
  await c.queue.flush(); // what the next 'online' event or page load would do
  assert.equal(c.queue.pending(), 0);
  const kept = (await api.responses()).filter((r) => r.dossierCode === code);
  assert.deepEqual(kept.map((r) => r.answers.overall), ['2']);
});
