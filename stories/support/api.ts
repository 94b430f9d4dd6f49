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

/**
 * How the simulated network behaves for one story: a fault for every request, for posts only (`-posts`), or only
 * for the requests after a search's first page (`-more`), or for every search after the first (`-refine`).
 */
export type StoryNetwork =
  | 'live' // answered by the in-browser app after `latencyMs`
  | 'loading' // never answers: the loading state stays on screen
  | Fault
  | `${Fault}-posts` // reads are answered, posts fail (e.g. a survey saved on the device, or not sent)
  | `${Fault | 'loading'}-more` // a search's first page is answered, "load more" (page 2 on) fails or never answers
  | `${Fault | 'loading'}-refine`; // the first search is answered, the next ones (other words, a filter) fail or hang

export interface StoryClientOptions {
  network?: StoryNetwork;
  latencyMs?: number;
  /** The 429's Retry-After; null sends none (the wait is then not known). */
  retryAfterSeconds?: number | null;
  /** false: search answers carry no match positions, as from a gateway that does not compute them. */
  matchPositions?: boolean;
  /**
   * The API asks a captcha before each dossier lookup (the reference server's `captcha` option); the value is what
   * the page's captcha widget hands the SDK: STORY_CAPTCHA_TOKEN (solved) or null (not solved).
   */
  captcha?: string | null;
}

const API_ORIGIN = 'https://api.dvc.example';
/** The demo dossiers are anchored on this day so their dates and timing classes look the same on every run. */
const ANCHOR = new Date('2026-11-20T09:00:00+07:00');

const catalogue = createCatalogue(parseCatalogJson(catalogJson));
const store = createMemoryStore();
const ready = seedDemoDossiers(store, ANCHOR, (code) => catalogue.get(code)?.name);
const loadedAt = Date.now();
const clock = () => new Date(ANCHOR.getTime() + (Date.now() - loadedAt));
const app = createApp({ catalogue, store, clock, corsOrigins: ['*'] });

/** The token the stories' stand-in captcha widget hands over once "solved"; a real verifier asks its provider. */
export const STORY_CAPTCHA_TOKEN = 'story-captcha-solved';
/** The same API configured to require a captcha for lookups, as a province that turns it on would. */
const captchaApp = createApp({
  catalogue, store, clock, corsOrigins: ['*'], captcha: async (token) => token === STORY_CAPTCHA_TOKEN,
});

/** The demo dossiers the in-browser API holds (codes with their fake ID numbers), for tracker stories. */
export const storyDossiers = demoDossiers(ANCHOR, (code) => catalogue.get(code)?.name);

function problem(status: number, slug: string, title: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ type: `urn:dvc-kit:problem:${slug}`, title, status }), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });
}

/** The search answer without match positions, as a gateway that does not compute them would send it. */
async function withoutMatchPositions(response: Response): Promise<Response> {
  const body = await response.json() as { items: { matches: unknown[] }[] };
  for (const item of body.items) item.matches = [];
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(JSON.stringify(body), { status: response.status, headers });
}

const isSearch = (request: Request) => request.method === 'GET' && new URL(request.url).pathname === '/v1/procedures';

/** Which fault, if any, `network` applies to `request`; `searches` counts the searches asked before it. */
function faultFor(network: StoryNetwork, request: Request, searches: number): string {
  if (network.endsWith('-posts')) return request.method === 'POST' ? network.slice(0, -6) : 'live';
  if (network.endsWith('-more')) {
    const page = Number(new URL(request.url).searchParams.get('page') ?? 1);
    return page > 1 ? network.slice(0, -5) : 'live';
  }
  if (network.endsWith('-refine')) return isSearch(request) && searches > 0 ? network.slice(0, -7) : 'live';
  return network;
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
  const { network = 'live', latencyMs = 120, retryAfterSeconds = 30, matchPositions = true, captcha } = options;
  let searches = 0;
  const storyFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const fault = faultFor(network, request, searches);
    if (isSearch(request)) searches++;
    if (fault === 'loading') return new Promise<Response>(() => undefined);
    if (fault === 'offline') throw new TypeError('Failed to fetch');
    await new Promise((resolve) => setTimeout(resolve, latencyMs));
    request.signal.throwIfAborted();
    if (fault === 'server-error') return problem(500, 'internal', 'Internal Server Error');
    if (fault === 'rate-limited') {
      return problem(429, 'rate-limited', 'Too Many Requests', retryAfterSeconds === null ? {} : { 'Retry-After': String(retryAfterSeconds) });
    }
    await ready;
    const response = await (captcha === undefined ? app : captchaApp).fetch(request);
    return !matchPositions && isSearch(request) && response.ok ? withoutMatchPositions(response) : response;
  };
  return createClient({
    baseUrl: API_ORIGIN, fetch: storyFetch, cache: false, retry: 0, queue: { storage: memoryStorage() },
    ...(captcha === undefined ? {} : { captcha: () => captcha }),
  });
}

/** What a citizen gets by looking `dossier` up (code and ID number): the proof its survey needs, '' when it has none. */
export async function storySurveyToken(dossier: { code: string; idNumber: string }): Promise<string> {
  const found = await storyClient().dossiers.lookup({ code: dossier.code, idNumber: dossier.idNumber });
  return found.survey?.token ?? '';
}
