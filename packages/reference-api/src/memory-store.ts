import { randomHex, sha256Hex } from './crypto.ts';
import type { SurveyReceipt } from '@dvc-kit/sdk';
import {
  normalizeIdNumber,
  receiptOf,
  SURVEY_KEY_BYTES,
  surveyTokens,
  type SaveOutcome,
  type Store,
  type StoredDossier,
  type StoredResponse,
} from './store.ts';

/** Where a response counts once (its dossier and form), or null when it names no dossier and always counts. */
function dossierSlot(response: StoredResponse): string | null {
  return response.dossierCode === null ? null : `${response.form} ${response.dossierCode}`;
}

/** The store for a browser tab or a test: same contract as SQLite, gone when the page closes. */
export function createMemoryStore(): Store {
  const salt = randomHex(16);
  const dossiers = new Map<string, StoredDossier>();
  // Every key ever stored, replaced or not, with what a replay answers.
  const keys = new Map<string, { fingerprint: string; receipt: SurveyReceipt }>();
  // The responses that count, by id, in the order they were stored.
  const responses = new Map<string, StoredResponse>();
  // The id of the response that counts for each dossier and form.
  const slots = new Map<string, string>();
  const meta = new Map<string, string>();
  const copy = <T>(value: T): T => structuredClone(value);

  return {
    kind: 'memory',
    hashIdNumber: (idNumber) => sha256Hex(`${salt}:${normalizeIdNumber(idNumber)}`),
    surveyToken: surveyTokens(randomHex(SURVEY_KEY_BYTES)),
    async getDossier(code) {
      const found = dossiers.get(code);
      return found && copy(found);
    },
    async putDossiers(list) {
      for (const dossier of list) dossiers.set(dossier.code, copy(dossier));
    },
    async countDossiers() {
      return dossiers.size;
    },
    async saveResponse(key, fingerprint, response): Promise<SaveOutcome> {
      const known = keys.get(key);
      if (known) return known.fingerprint === fingerprint ? { outcome: 'replayed', receipt: copy(known.receipt) } : { outcome: 'conflict' };
      const slot = dossierSlot(response);
      if (slot !== null) {
        const replaced = slots.get(slot);
        if (replaced !== undefined) responses.delete(replaced);
        slots.set(slot, response.id);
      }
      const receipt = receiptOf(response);
      keys.set(key, { fingerprint, receipt });
      responses.set(response.id, copy(response));
      return { outcome: 'created', receipt: copy(receipt) };
    },
    async countResponses() {
      return responses.size;
    },
    async listResponses() {
      return [...responses.values()].map(copy);
    },
    async getMeta(key) {
      return meta.get(key);
    },
    async setMeta(key, value) {
      meta.set(key, value);
    },
    async close() {},
  };
}
