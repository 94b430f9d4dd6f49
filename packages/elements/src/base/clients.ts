import { createClient, type DvcClient } from '@dvc-kit/sdk';

const clients = new Map<string, DvcClient>();

/**
 * One client per API base URL (undefined when the URL is unusable) for the whole page, so every element (and every provider) pointing at the same API
 * shares one GET cache, one in-flight de-duplication and one offline survey queue. The key is the URL resolved as
 * createClient resolves it (absolute, one trailing slash), so "/api/" and "https://site/api" give the same client on that site.
 */
export function clientFor(baseUrl: string): DvcClient | undefined {
  let key: string;
  try {
    key = new URL(baseUrl.trim().replace(/\/*$/, '/'), globalThis.location?.href).href;
  } catch {
    // Not resolvable (no location, malformed): the element shows its fallback content.
    return undefined;
  }
  let client = clients.get(key);
  if (!client) clients.set(key, (client = createClient({ baseUrl: key })));
  return client;
}
