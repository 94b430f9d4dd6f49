/**
 * @dvc-kit/sdk: a typed client for the Vietnamese Public Service API (procedures, dossier lookup, satisfaction
 * surveys), plus the Vietnamese folding and highlighting the components use.
 */
export { createClient } from './client.ts';
export type { CallOptions, ClientOptions, DvcClient, Locale, SubmitResult } from './client.ts';
export type { CacheOptions } from './cache.ts';
export { DvcError, isDvcError } from './errors.ts';
export type { DvcErrorKind } from './errors.ts';
export type { OfflineQueue, QueuedResponse, QueueStorage, SettledResponse } from './queue.ts';
export { fold, highlight, segments } from './text.ts';
export type { Segment } from './text.ts';
export type * from './types.ts';
