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

export type SaveOutcome =
  | { outcome: 'created'; response: StoredResponse }
  | { outcome: 'replayed'; response: StoredResponse }
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
   * Stores a response under an idempotency key, durably, unless the key is known: then the first stored response
   * comes back (`replayed`) when the request fingerprint matches, or `conflict` when it does not.
   */
  saveResponse(key: string, fingerprint: string, response: StoredResponse): Promise<SaveOutcome>;
  countResponses(): Promise<number>;
  listResponses(): Promise<StoredResponse[]>;
  getMeta(key: string): Promise<string | undefined>;
  setMeta(key: string, value: string): Promise<void>;
  close(): Promise<void>;
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
