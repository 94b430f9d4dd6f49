// Helpers for the element tests that need demo dossiers or a network that can be held or cut. The server is always
// the real reference API; only the network between the page and it is ever faked (a slow or cut cable), and each
// helper says so.
import { createClient, type ClientOptions, type DvcClient } from '@dvc-kit/sdk';
import type { DemoDossier } from '@dvc-kit/reference-api';
import { apiUrl } from './support.ts';

let seeded: Promise<DemoDossier[]> | undefined;

/**
 * The demo dossiers the test server seeded, codes and fake ID numbers exactly as it generated them (read through a
 * test-only route of web-test-runner.config.mjs).
 */
export function demo(): Promise<DemoDossier[]> {
  seeded ??= fetch('/__dvc-test/demo-dossiers').then((res) => {
    if (!res.ok) throw new Error(`test demo route answered ${res.status}`);
    return res.json() as Promise<DemoDossier[]>;
  });
  return seeded;
}

/** The first demo dossier matching `predicate`, skipping `taken` codes so that tests do not share dossiers. */
export async function pickDossier(predicate: (d: DemoDossier) => boolean, taken: Set<string> = new Set()): Promise<DemoDossier> {
  const found = (await demo()).find((d) => predicate(d) && !taken.has(d.code));
  if (!found) throw new Error('no demo dossier matches');
  taken.add(found.code);
  return found;
}

/** The element that has focus, looking inside shadow roots. */
export function deepActiveElement(): Element | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/**
 * A client on the real test server whose network can be cut: while `cut` is true its fetch fails the way a browser
 * fails offline (TypeError), before any byte leaves; while `hold` is true they wait. The network is the only thing
 * mocked. `sent` counts requests that really went out, per path.
 */
export interface CuttableClient {
  client: DvcClient;
  cut: boolean;
  /**
   * While true (or true for a request's path), requests wait before leaving (a very slow network) until `release()`:
   * for loading states, and for answers that must arrive late. Once released, the server answers as usual.
   */
  hold: boolean | ((path: string) => boolean);
  release: () => void;
  sent: (path: string) => number;
}

export function cuttableClient(options: Partial<ClientOptions> = {}): CuttableClient {
  const counts = new Map<string, number>();
  const held: (() => void)[] = [];
  const state: CuttableClient = {
    cut: false,
    hold: false,
    release: () => {
      state.hold = false;
      held.splice(0).forEach((go) => go());
    },
    sent: (path) => counts.get(path) ?? 0,
    client: undefined as unknown as DvcClient,
  };
  const fetcher: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const path = new URL(request.url).pathname;
    if (typeof state.hold === 'function' ? state.hold(path) : state.hold) await new Promise<void>((go) => held.push(go));
    if (state.cut) throw new TypeError('Failed to fetch');
    counts.set(path, (counts.get(path) ?? 0) + 1);
    return fetch(request);
  };
  state.client = createClient({ baseUrl: apiUrl(), fetch: fetcher, ...options });
  return state;
}

/** One stored survey response as the test server's store holds it (read through a test-only route). */
export interface StoredResponseView {
  id: string;
  form: string;
  dossierCode: string | null;
  answers: Record<string, string>;
}

/** Every survey response the test server stored, read from its store by web-test-runner.config.mjs. */
export async function storedResponses(): Promise<StoredResponseView[]> {
  const res = await fetch('/__dvc-test/survey-responses');
  if (!res.ok) throw new Error(`test store route answered ${res.status}`);
  return res.json() as Promise<StoredResponseView[]>;
}

/** Records the detail of every event dispatched anywhere on the page until `stop()` is called. */
export function recordEvents(): { details: () => unknown[]; stop: () => void } {
  const details: unknown[] = [];
  const original = EventTarget.prototype.dispatchEvent;
  EventTarget.prototype.dispatchEvent = function (this: EventTarget, event: Event): boolean {
    details.push({ type: event.type, detail: (event as CustomEvent).detail });
    return original.call(this, event);
  };
  return { details: () => details, stop: () => { EventTarget.prototype.dispatchEvent = original; } };
}

/** Records everything written to the console until `stop()` is called (and still prints it). */
export function recordConsole(): { text: () => string; stop: () => void } {
  const lines: string[] = [];
  const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
  const originals = methods.map((m) => console[m]);
  methods.forEach((m, i) => {
    console[m] = (...args: unknown[]) => {
      lines.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a) ?? String(a))).join(' '));
      originals[i]!.apply(console, args);
    };
  });
  return { text: () => lines.join('\n'), stop: () => methods.forEach((m, i) => { console[m] = originals[i]!; }) };
}

/** A random marker to find this test's own data among everything the shared test server stored. */
export function marker(): string {
  return `kiem thu ${Math.random().toString(36).slice(2, 10)}`;
}
