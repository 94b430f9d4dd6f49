import { createClient, type DvcClient } from '@dvc-kit/sdk';

const clients = new Map<string, DvcClient>();

/** Absolute, without trailing slashes, so "/api/" and "https://site/api" give the same client on that site. */
function normalize(baseUrl: string): string {
  const trimmed = baseUrl.trim();
  let absolute = trimmed;
  try {
    absolute = new URL(trimmed, globalThis.location?.href).href;
  } catch {
    // Not resolvable (no location, malformed): the SDK reports it on the first call.
  }
  return absolute.replace(/\/+$/, '');
}

/**
 * One client per API base URL (undefined when the URL is unusable) for the whole page, so every element (and every provider) pointing at the same API
 * shares one GET cache, one in-flight de-duplication and one offline survey queue.
 */
export function clientFor(baseUrl: string): DvcClient | undefined {
  const key = normalize(baseUrl);
  let client = clients.get(key);
  if (!client) {
    try {
      client = createClient({ baseUrl: key });
    } catch {
      // An unusable base URL leaves the element without a client: it shows its fallback content.
      return undefined;
    }
    clients.set(key, client);
  }
  return client;
}
