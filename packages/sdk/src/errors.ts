import type { Problem } from './types.ts';

export type DvcErrorKind =
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'rate-limited'
  | 'not-found'
  | 'invalid-request'
  | 'server'
  | 'invalid-response';

export interface DvcErrorInit {
  status?: number | null;
  problem?: Problem | null;
  /** Seconds. */
  retryAfter?: number | null;
  cause?: unknown;
}

/** The only error the SDK throws. Branch on `kind`; `problem` is the server's RFC 9457 document when it sent one. */
export class DvcError extends Error {
  override name = 'DvcError';
  // `declare`: assigned in the constructor; no separate field initialisers in the bundle.
  declare readonly kind: DvcErrorKind;
  declare readonly status: number | null;
  declare readonly problem: Problem | null;
  /** Seconds the server asked us to wait (429, 503), when known. */
  declare readonly retryAfter: number | null;

  constructor(kind: DvcErrorKind, init: DvcErrorInit = {}) {
    super(init.problem?.title ?? kind, { cause: init.cause });
    this.kind = kind;
    this.status = init.status ?? null;
    this.problem = init.problem ?? null;
    this.retryAfter = init.retryAfter ?? null;
  }
}

/** True for a DvcError, also one thrown by another copy of the SDK on the same page. */
export function isDvcError(e: unknown): e is DvcError {
  return (e as Error)?.name == 'DvcError' && 'kind' in (e as object);
}
