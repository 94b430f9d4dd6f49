/**
 * A page that submits `total` survey responses through the SDK while the fault proxy fails requests, reloads
 * itself halfway with requests still in flight (a citizen who closes the tab), and on the second load lets the
 * new client send what the first page left in its offline queue. Progress survives the reload in
 * sessionStorage; the queue lives in localStorage, as in production. Reports to the parent with postMessage.
 */
import { createClient } from '@dvc-kit/sdk';

const params = new URLSearchParams(location.search);
const run = params.get('run')!;
const total = Number(params.get('total'));
const progressKey = `queue-page:${run}`;
const progress = JSON.parse(sessionStorage.getItem(progressKey) ?? '{"next":0,"loads":0,"sent":0,"queued":0}') as {
  next: number; loads: number; sent: number; queued: number;
};
progress.loads++;
const save = () => sessionStorage.setItem(progressKey, JSON.stringify(progress));
save();

const client = createClient({
  baseUrl: params.get('api')!,
  retry: { limit: 1, backoffLimit: 50 },
  timeout: 3000,
  queue: { key: `dvc-kit:queue:test-${run}` },
});

const submit = (n: number) =>
  client.surveys.submit(
    { form: 'general', answers: { overall: String(n % 3), comment: `Phản hồi thử ${run} số ${n}` } },
    { idempotencyKey: `${run}-response-${n}` },
  ).then((r) => { progress[r.status]++; save(); });

async function work() {
  const batch: Promise<void>[] = [];
  while (progress.next < total) {
    const n = progress.next++;
    save();
    batch.push(submit(n));
    if (progress.loads === 1 && progress.next === total / 2) {
      // Reload with the last batch still on the wire: nothing acknowledged yet, nothing may be lost.
      location.reload();
      return;
    }
    if (batch.length === 5) await Promise.all(batch.splice(0));
  }
  await Promise.all(batch);
  // Back online: the page hears it, and keeps flushing until the queue is empty.
  dispatchEvent(new Event('online'));
  for (let i = 0; i < 100 && client.queue.pending() > 0; i++) {
    await client.queue.flush();
    await new Promise((r) => setTimeout(r, 50));
  }
  parent.postMessage({ run, ...progress, pending: client.queue.pending() }, '*');
}

work().catch((e: unknown) => parent.postMessage({ run, error: String(e) }, '*'));
