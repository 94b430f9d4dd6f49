import { isDvcError } from '@dvc-kit/sdk';

/** Why a call failed, in the terms a citizen's way out depends on. */
export type Failure =
  | { kind: 'offline' }
  | { kind: 'rate-limited'; retryAfter: number }
  | { kind: 'not-found' }
  | { kind: 'error' };

/** Classify an SDK error for display; null when the call was aborted on purpose (a newer one replaced it). */
export function classifyFailure(error: unknown, signal?: AbortSignal): Failure | null {
  if (signal?.aborted) return null;
  if (!isDvcError(error)) return { kind: 'error' };
  switch (error.kind) {
    case 'aborted': return null;
    case 'network': return { kind: 'offline' };
    case 'rate-limited': return { kind: 'rate-limited', retryAfter: Math.max(1, Math.ceil(error.retryAfter ?? 30)) };
    case 'not-found': return { kind: 'not-found' };
    default: return globalThis.navigator?.onLine === false ? { kind: 'offline' } : { kind: 'error' };
  }
}
