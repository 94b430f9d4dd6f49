import { randomHex, sha256Hex } from './crypto.ts';
import { normalizeIdNumber, SURVEY_KEY_BYTES, surveyTokens, type SaveOutcome, type Store, type StoredDossier, type StoredResponse } from './store.ts';

/** The store for a browser tab or a test: same contract as SQLite, gone when the page closes. */
export function createMemoryStore(): Store {
  const salt = randomHex(16);
  const dossiers = new Map<string, StoredDossier>();
  const responses = new Map<string, { fingerprint: string; response: StoredResponse }>();
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
      const existing = responses.get(key);
      if (existing) {
        return existing.fingerprint === fingerprint
          ? { outcome: 'replayed', response: copy(existing.response) }
          : { outcome: 'conflict' };
      }
      responses.set(key, { fingerprint, response: copy(response) });
      return { outcome: 'created', response: copy(response) };
    },
    async countResponses() {
      return responses.size;
    },
    async listResponses() {
      return [...responses.values()].map((entry) => copy(entry.response));
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
