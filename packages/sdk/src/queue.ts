/**
 * The offline queue for survey responses: kept in (local)storage with their Idempotency-Key when the network
 * fails, sent again on `online`, when a client is created (the next page load) and on `flush()`. A submit is
 * written here before it is sent (and counted as pending only once it failed), so a page closed while the
 * request is in flight loses nothing: the next page load sends it again under the same key. An item
 * leaves the queue only after the server acknowledged it (2xx), or when the server refused it for good
 * (a 4xx other than 408/429: it would be refused again forever); such a drop is reported with
 * `console.warn` (status and problem type only, never the answers). Subscribers, in every tab, hear which response
 * left and how: with its receipt when sent, without one when refused.
 * Sending is serialised across tabs and clients with a Web Lock, and the server's idempotency makes a
 * duplicate send harmless anyway: one submit is never stored twice.
 */
import { isDvcError } from './errors.ts';
import type { SurveyReceipt, SurveyResponseInput } from './types.ts';

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

/** A queued response that has left the queue: sent (with the server's receipt) or refused for good (without). */
export interface SettledResponse {
  key: string;
  receipt?: SurveyReceipt;
}

export interface OfflineQueue {
  /** Responses waiting to be sent. */
  pending(): number;
  /**
   * Called with the pending count whenever it changes (also from another client or tab), and with the response that
   * was sent or refused when that is why (also by another tab). Returns unsubscribe.
   */
  subscribe(listener: (pending: number, settled?: SettledResponse) => void): () => void;
  /** Send what is waiting, oldest first; stops at the first transient failure. Never rejects. */
  flush(): Promise<void>;
}

// Same-tab clients sharing a storage and key hear each other's changes; other tabs arrive by the `storage` event.
const listeners = new WeakMap<QueueStorage, Record<string, Set<(pending: number, settled?: SettledResponse) => void>>>();
/** Keys this page is submitting right now: not pending yet, and not for a flush to send alongside. */
const sending = new Set<string>();

/**
 * Runs `task` while holding the queue's Web Lock, so one tab or client sends at a time. Where Web Locks are
 * missing (older Node) two flushes may overlap and send an item twice; its Idempotency-Key makes the
 * server store it once.
 */
async function exclusive(name: string, task: () => Promise<void>): Promise<void> {
  const locks = globalThis.navigator?.locks;
  await (locks ? locks.request(name, task) : task());
}

export function createQueue(
  storage: QueueStorage,
  name: string,
  send: (item: QueuedResponse) => Promise<SurveyReceipt>,
): OfflineQueue & {
  /** Write a submit ahead of sending it; false when storage refused. */
  hold(key: string, input: SurveyResponseInput): boolean;
  /** The submit is over: keep it queued (a transient failure) or let it go. */
  settle(key: string, keep: boolean): void;
} {
  const byName = listeners.get(storage) ?? {};
  listeners.set(storage, byName);
  const subscribers = (byName[name] ??= new Set());

  const all = (): QueuedResponse[] => {
    try {
      const items: unknown = JSON.parse(storage.getItem(name) ?? '[]');
      return Array.isArray(items)
        ? items.filter((i) => typeof i?.key == 'string' && typeof i.at == 'number' && typeof i.input == 'object')
        : [];
    } catch {
      return [];
    }
  };
  const waiting = () => all().filter((i) => !sending.has(i.key));
  const notify = (settled?: SettledResponse) => {
    const n = waiting().length;
    for (const l of subscribers) l(n, settled);
  };
  const write = (items: QueuedResponse[], settled?: SettledResponse) => {
    if (items.length) storage.setItem(name, JSON.stringify(items));
    else storage.removeItem(name);
    notify(settled);
  };
  const outcome = name + ':settled';
  const remove = (key: string, settled?: SettledResponse) => {
    // Other tabs learn how it left (a storage event only says what changed): written and removed at once, never kept.
    if (settled) {
      storage.setItem(outcome, JSON.stringify(settled));
      storage.removeItem(outcome);
    }
    write(all().filter((i) => i.key != key), settled);
  };

  const flush = () => exclusive(name, async () => {
    const tried = new Set<string>();
    try {
      for (let item; (item = waiting().find((i) => !tried.has(i.key)));) {
        tried.add(item.key);
        try {
          remove(item.key, { key: item.key, receipt: await send(item) });
        } catch (e) {
          if (!isDvcError(e) || !(e.kind == 'invalid-request' || e.kind == 'not-found') || e.status == 408) break;
          remove(item.key, { key: item.key });
          console.warn('[dvc-kit] survey response dropped:', e.status, e.problem?.type);
        }
      }
    } catch { /* storage failed: keep what is there for the next try */ }
  });

  globalThis.addEventListener?.('online', () => void flush());
  globalThis.addEventListener?.('storage', (e) => {
    const { key, newValue } = e as StorageEvent;
    if (key == name) notify();
    else if (key == outcome && newValue) notify(JSON.parse(newValue) as SettledResponse);
  });
  if (waiting().length) setTimeout(flush);

  return {
    pending: () => waiting().length,
    subscribe(listener) {
      subscribers.add(listener);
      return () => subscribers.delete(listener);
    },
    flush,
    hold(key, input) {
      try {
        sending.add(key);
        storage.setItem(name, JSON.stringify([...all().filter((i) => i.key != key), { key, input, at: Date.now() }]));
        return true;
      } catch {
        return false;
      }
    },
    settle(key, keep) {
      sending.delete(key);
      try {
        if (keep) notify();
        else remove(key);
      } catch { /* storage failed: the next flush sends it again, under its key */ }
    },
  };
}
