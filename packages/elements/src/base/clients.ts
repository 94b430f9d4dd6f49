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
 * One client per API base URL for the whole page, so every element (and every provider) pointing at the same API
 * shares one GET cache, one in-flight de-duplication and one offline survey queue.
 */
export function clientFor(baseUrl: string): DvcClient {
  const key = normalize(baseUrl);
  let client = clients.get(key);
  if (!client) {
    client = createClient({ baseUrl: key });
    clients.set(key, client);
  }
  return client;
}
