import { hmacSha256Hex } from './crypto.ts';
import type { DossierStatusCode, HistoryEntry, SupplementRequest, SurveyReceipt } from '@dvc-kit/sdk';

/**
 * A dossier as the store keeps it. The applicant's name is kept only in its masked form and the ID number only
 * as a salted SHA-256 hash (`idHash`), so a leaked store reveals neither.
 */
export interface DossierRecord {
  code: string;
  procedure: { code: string; name: string };
  applicantMasked: string;
  agency: string;
  status: DossierStatusCode;
  receivedAt: string | null;
  /** The current appointment date (a supplement's new appointment replaces the original). */
  appointmentAt: string | null;
  finishedAt: string | null;
  returnedAt: string | null;
  /** Newest first. */
  history: HistoryEntry[];
  /** Oldest first. */
  supplements: SupplementRequest[];
}

export interface StoredDossier extends DossierRecord {
  idHash: string;
}

/** A survey response as stored: the receipt fields plus what was answered. */
export interface StoredResponse extends SurveyReceipt {
  formVersion: number;
  dossierCode: string | null;
  answers: Record<string, string>;
  /** Criteria filled from the dossier dates (domain.md §4 criteria 1 and 2), not asked. */
  computed: Record<string, string>;
}

/** What `Store.saveResponse` did; the receipt is what the client hears (first receipt of the key on a replay). */
export type SaveOutcome =
  | { outcome: 'created' | 'replayed'; receipt: SurveyReceipt }
  | { outcome: 'conflict' };

export interface Store {
  readonly kind: 'memory' | 'sqlite';
  /** Salted hash of an ID number with this store's own salt; compare with `StoredDossier.idHash`. */
  hashIdNumber(idNumber: string): Promise<string>;
  /**
   * The survey token of a dossier code: proof, handed out by a successful lookup, that the caller knows the
   * dossier's ID number. The first 32 hex characters of HMAC-SHA256(store secret, 'survey:' + upper-case code);
   * the secret lives with the store, so tokens outlive restarts of a durable store. Computed for any code,
   * known or not, so checking one costs the same either way.
   */
  surveyToken(code: string): Promise<string>;
  getDossier(code: string): Promise<StoredDossier | undefined>;
  /** Adds dossiers in one transaction (demo seeding). */
  putDossiers(dossiers: StoredDossier[]): Promise<void>;
  countDossiers(): Promise<number>;
  /**
   * Stores a response under an idempotency key, durably, unless the key is known: then the key's first receipt
   * comes back (`replayed`) when the request fingerprint matches, or `conflict` when it does not; either way
   * nothing is stored.
   *
   * One evaluation per dossier: satisfaction ranks provinces (Decision 766/QĐ-TTg), so a dossier counts once per
   * form. A new response naming a dossier that already has a stored response of the same form replaces it, in the
   * same transaction (the citizen changed their mind: the latest counts). A `general` response naming the dossier
   * does not replace its `default` evaluation; responses without a dossier are never replaced.
   *
   * A replaced response's answers are gone, but its key is remembered with its fingerprint and receipt: a replay
   * of that old key answers its original receipt (`replayed`) and stores nothing, so a client retrying an old post
   * never resurrects the answers it replaced, nor pushes out the current ones; another body under it is a
   * `conflict`, as for any known key.
   */
  saveResponse(key: string, fingerprint: string, response: StoredResponse): Promise<SaveOutcome>;
  countResponses(): Promise<number>;
  listResponses(): Promise<StoredResponse[]>;
  getMeta(key: string): Promise<string | undefined>;
  setMeta(key: string, value: string): Promise<void>;
  close(): Promise<void>;
}

/** The receipt of a stored response: what the client hears, then and on every replay of its key. */
export function receiptOf(response: StoredResponse): SurveyReceipt {
  return { id: response.id, form: response.form, receivedAt: response.receivedAt };
}

/** Normalises an ID number before hashing, so "c 1234567" and "C1234567" are the same document. */
export function normalizeIdNumber(idNumber: string): string {
  return idNumber.replace(/[\s-]/g, '').toUpperCase();
}

/** Bytes of the per-store survey token secret (stored as hex). */
export const SURVEY_KEY_BYTES = 32;

/** `Store.surveyToken` over a secret given as hex. */
export function surveyTokens(keyHex: string): (code: string) => Promise<string> {
  const sign = hmacSha256Hex(keyHex);
  return async (code) => (await sign(`survey:${code.toUpperCase()}`)).slice(0, 32);
}
