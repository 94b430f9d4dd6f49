/**
 * The reference API running inside the Storybook tab: the real Hono app, the real catalogue and search, an in-memory
 * store with the deterministic demo dossiers. Stories get an SDK client whose `fetch` is answered by that app, so the
 * static Storybook needs no server. The failure modes below are the only simulated parts: a browser tab cannot make a
 * real network drop or a real overloaded server.
 */
import { createClient, type DvcClient, type QueueStorage } from '@dvc-kit/sdk';
import { createApp, createCatalogue, createMemoryStore, demoDossiers, parseCatalogJson, seedDemoDossiers } from '@dvc-kit/reference-api';
import catalogJson from '../../packages/reference-api/data/catalog.json';

type Fault =
  | 'offline' // every request fails as a dropped connection
  | 'server-error' // 500 problem from a broken gateway
  | 'rate-limited'; // 429 with Retry-After

/** How the simulated network behaves for one story: a fault for every request, or (`-posts`) for posts only. */
export type StoryNetwork =
  | 'live' // answered by the in-browser app after `latencyMs`
  | 'loading' // never answers: the loading state stays on screen
  | Fault
  | `${Fault}-posts`; // reads are answered, posts fail (e.g. a survey saved on the device, or not sent)

export interface StoryClientOptions {
  network?: StoryNetwork;
  latencyMs?: number;
  retryAfterSeconds?: number;
}

const API_ORIGIN = 'https://api.dvc.example';
/** The demo dossiers are anchored on this day so their dates and timing classes look the same on every run. */
const ANCHOR = new Date('2026-11-20T09:00:00+07:00');

const catalogue = createCatalogue(parseCatalogJson(catalogJson));
const store = createMemoryStore();
const ready = seedDemoDossiers(store, ANCHOR, (code) => catalogue.get(code)?.name);
const loadedAt = Date.now();
const app = createApp({ catalogue, store, clock: () => new Date(ANCHOR.getTime() + (Date.now() - loadedAt)), corsOrigins: ['*'] });

/** The demo dossiers the in-browser API holds (codes with their fake ID numbers), for tracker stories. */
export const storyDossiers = demoDossiers(ANCHOR, (code) => catalogue.get(code)?.name);

function problem(status: number, slug: string, title: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ type: `urn:dvc-kit:problem:${slug}`, title, status }), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });
}

function memoryStorage(): QueueStorage {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

/** A client for one story, served by the in-browser reference API under the given network conditions. */
export function storyClient(options: StoryClientOptions = {}): DvcClient {
  const { network = 'live', latencyMs = 120, retryAfterSeconds = 30 } = options;
  const storyFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    if (network === 'loading') return new Promise<Response>(() => undefined);
    const fault = network.endsWith('-posts') ? (request.method === 'POST' ? network.slice(0, -6) : 'live') : network;
    if (fault === 'offline') throw new TypeError('Failed to fetch');
    await new Promise((resolve) => setTimeout(resolve, latencyMs));
    request.signal.throwIfAborted();
    if (fault === 'server-error') return problem(500, 'internal', 'Internal Server Error');
    if (fault === 'rate-limited') {
      return problem(429, 'rate-limited', 'Too Many Requests', { 'Retry-After': String(retryAfterSeconds) });
    }
    await ready;
    return app.fetch(request);
  };
  return createClient({ baseUrl: API_ORIGIN, fetch: storyFetch, cache: false, retry: 0, queue: { storage: memoryStorage() } });
}

/** What a citizen gets by looking `dossier` up (code and ID number): the proof its survey needs, '' when it has none. */
export async function storySurveyToken(dossier: { code: string; idNumber: string }): Promise<string> {
  const found = await storyClient().dossiers.lookup({ code: dossier.code, idNumber: dossier.idNumber });
  return found.survey?.token ?? '';
}
