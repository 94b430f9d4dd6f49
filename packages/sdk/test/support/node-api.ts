/**
 * The real reference API for Node tests: a fresh SQLite store in a temp dir, an ephemeral port, a fault proxy
 * in front of it, and the demo dossiers (with their ID numbers) the store was seeded with.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '@dvc-kit/reference-api/node';
import type { DemoDossier } from '@dvc-kit/reference-api';
import type { QueueStorage } from '@dvc-kit/sdk';
import { startFaultProxy, type FaultProxy } from './fault-proxy.ts';

export interface TestApi {
  /** The server itself. */
  url: string;
  /** The fault proxy in front of it. */
  proxy: FaultProxy;
  /** Stored survey responses, straight from the store. */
  responses(): Promise<{ id: string; form: string; dossierCode: string | null; answers: Record<string, string> }[]>;
  /** A demo dossier's code and ID number: a returned one (status 10), or the first that `which` picks. */
  dossier(which?: (d: DemoDossier) => boolean): Promise<{ code: string; idNumber: string }>;
  close(): Promise<void>;
}

export async function startTestApi(limits: Record<string, number> = {}): Promise<TestApi> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dvc-sdk-'));
  const api = await startServer({
    host: '127.0.0.1',
    port: 0,
    dataDir,
    corsOrigins: ['*'],
    limits: { lookupsPerClientPerMinute: 10_000, postsPerClientPerMinute: 10_000, ...limits },
    quiet: true,
  });
  const proxy = await startFaultProxy(api.url);
  return {
    url: api.url,
    proxy,
    responses: () => api.store.listResponses(),
    async dossier(which = (x: DemoDossier) => x.status === 10) {
      const d = api.demo.find(which)!;
      return { code: d.code, idNumber: d.idNumber };
    },
    async close() {
      await proxy.close();
      await api.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** localStorage-compatible storage in memory, shareable between clients like one browser profile. */
export function memoryStorage(): QueueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}
