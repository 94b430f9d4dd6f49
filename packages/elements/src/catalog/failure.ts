import { html, type TemplateResult } from 'lit';
import { isDvcError } from '@dvc-kit/sdk';
import { alertView } from '../base/views.ts';

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
  const { kind } = error;
  if (kind === 'aborted') return null;
  if (kind === 'rate-limited') return { kind, retryAfter: Math.max(1, Math.ceil(error.retryAfter ?? 30)) };
  if (kind === 'not-found') return { kind };
  // A failed connection is "offline" only when the browser says so: otherwise the API is down or unreachable, and
  // "your device is offline, results come when it is back" would send the citizen the wrong way and never come.
  return { kind: globalThis.navigator?.onLine === false ? 'offline' : 'error' };
}

/** The strings a failure message takes from its element. */
export type FailureKey = 'offlineTitle' | 'offline' | 'rateLimitedTitle' | 'rateLimited' | 'errorTitle' | 'error' | 'retry';

/**
 * A load that failed, with its way out: a retry button (`part="retry-button"`), locked while the server asks us to
 * wait. Offline and rate limits are warnings (waiting fixes them); anything else is an error.
 */
export function failureView(failure: Failure, t: (key: FailureKey, params?: Record<string, number>) => string, retryReady: boolean, retry: () => void): TemplateResult {
  const button = html`<p><button class="button secondary" type="button" part="retry-button" ?disabled=${!retryReady}
    @click=${retry}>${t('retry')}</button></p>`;
  const key = failure.kind === 'rate-limited' ? 'rateLimited' : failure.kind === 'offline' ? 'offline' : 'error';
  const seconds = failure.kind === 'rate-limited' ? failure.retryAfter : 0;
  return alertView(key === 'error' ? 'danger' : 'warning', t(`${key}Title`), t(key, { seconds }), button);
}
