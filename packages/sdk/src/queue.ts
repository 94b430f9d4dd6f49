/**
 * The offline queue for survey responses: kept in (local)storage with their Idempotency-Key when the network
 * fails, sent again on `online`, when a client is created (the next page load) and on `flush()`. An item
 * leaves the queue only after the server acknowledged it (2xx), or when the server refused it for good
 * (a 4xx other than 408/429: it would be refused again forever); such a drop is reported with
 * `console.warn` (status and problem type only, never the answers) and to subscribers as the new count.
 * Sending is serialised across tabs and clients with a Web Lock, and the server's idempotency makes a
 * duplicate send harmless anyway: one submit is never stored twice.
 */
import { isDvcError } from './errors.ts';
import type { SurveyResponseInput } from './types.ts';

/** The part of the Web Storage interface the queue uses (localStorage fits). */
export interface QueueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface QueuedResponse {
  key: string;
  input: SurveyResponseInput;
  /** When it was queued, ms since the epoch. */
  at: number;
}

export interface OfflineQueue {
  /** Responses waiting to be sent. */
  pending(): number;
  /** Called with the pending count whenever it changes (also from another client or tab). Returns unsubscribe. */
  subscribe(listener: (pending: number) => void): () => void;
  /** Send what is waiting, oldest first; stops at the first transient failure. Never rejects. */
  flush(): Promise<void>;
}

/** Answers nobody could send within a week are stale: the dossier's survey window has passed. */
const MAX_AGE_MS = 7 * 24 * 3600_000;

// Same-tab clients sharing a storage and key hear each other's changes; other tabs arrive by the `storage` event.
const listeners = new WeakMap<QueueStorage, Record<string, Set<(pending: number) => void>>>();

/**
 * Runs `task` while holding the queue's Web Lock, so one tab or client sends at a time. Where Web Locks are
 * missing (Node before 22.20) two flushes may overlap and send an item twice; its Idempotency-Key makes the
 * server store it once.
 */
async function exclusive(name: string, task: () => Promise<void>): Promise<void> {
  const locks = globalThis.navigator?.locks;
  await (locks ? locks.request('dvc-kit:' + name, task) : task());
}

export function createQueue(
  storage: QueueStorage,
  name: string,
  send: (item: QueuedResponse) => Promise<unknown>,
): OfflineQueue & { add(key: string, input: SurveyResponseInput): boolean } {
  const byName = listeners.get(storage) ?? {};
  listeners.set(storage, byName);
  const subscribers = (byName[name] ??= new Set());

  const read = (): QueuedResponse[] => {
    try {
      const items: unknown = JSON.parse(storage.getItem(name) ?? '[]');
      return Array.isArray(items)
        ? items.filter((i) => typeof i?.key == 'string' && typeof i.at == 'number' && typeof i.input == 'object')
        : [];
    } catch {
      return [];
    }
  };
  const notify = () => {
    const n = read().length;
    for (const l of subscribers) l(n);
  };
  const write = (items: QueuedResponse[]) => {
    if (items.length) storage.setItem(name, JSON.stringify(items));
    else storage.removeItem(name);
    notify();
  };
  const remove = (key: string) => write(read().filter((i) => i.key != key));

  const flush = () => exclusive(name, async () => {
    const tried = new Set<string>();
    try {
      for (let item; (item = read().find((i) => !tried.has(i.key)));) {
        tried.add(item.key);
        try {
          if (Date.now() - item.at < MAX_AGE_MS) await send(item);
          remove(item.key);
        } catch (e) {
          if (!isDvcError(e) || !(e.kind == 'invalid-request' || e.kind == 'not-found') || e.status == 408) break;
          remove(item.key);
          console.warn('[dvc-kit] queued survey response refused, dropped:', e.status, e.problem?.type);
        }
      }
    } catch { /* storage failed: keep what is there for the next try */ }
  });

  globalThis.addEventListener?.('online', () => void flush());
  globalThis.addEventListener?.('storage', (e) => { if ((e as StorageEvent).key == name) notify(); });
  if (read().length) setTimeout(flush);

  return {
    pending: () => read().length,
    subscribe(listener) {
      subscribers.add(listener);
      return () => subscribers.delete(listener);
    },
    flush,
    add(key, input) {
      try {
        write([...read().filter((i) => i.key != key), { key, input, at: Date.now() }]);
        return true;
      } catch {
        return false;
      }
    },
  };
}
