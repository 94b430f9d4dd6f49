import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { randomHex, sha256Hex } from './crypto.ts';
import {
  normalizeIdNumber,
  SURVEY_KEY_BYTES,
  surveyTokens,
  type DossierRecord,
  type SaveOutcome,
  type Store,
  type StoredDossier,
  type StoredResponse,
} from './store.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS dossiers (code TEXT PRIMARY KEY, id_hash TEXT NOT NULL, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS survey_responses (
  id TEXT PRIMARY KEY,
  idempotency_key TEXT NOT NULL UNIQUE,
  fingerprint TEXT NOT NULL,
  form TEXT NOT NULL,
  data TEXT NOT NULL,
  received_at TEXT NOT NULL
);
`;

export const DATABASE_FILE = 'dvc-reference.sqlite';

/**
 * The durable store: one SQLite file in `dir`, WAL journal with synchronous=FULL so that a committed transaction
 * survives a killed process (or a power cut) — the API acknowledges a survey response only after its commit.
 */
export function openSqliteStore(dir: string): Store {
  mkdirSync(dir, { recursive: true });
  const db = new DatabaseSync(join(dir, DATABASE_FILE));
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;');
  db.exec(SCHEMA);

  const getMeta = db.prepare('SELECT value FROM meta WHERE key = ?');
  const setMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  const addMeta = db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)');
  const getDossier = db.prepare('SELECT id_hash, data FROM dossiers WHERE code = ?');
  const putDossier = db.prepare('INSERT OR REPLACE INTO dossiers (code, id_hash, data) VALUES (?, ?, ?)');
  const countDossiers = db.prepare('SELECT COUNT(*) AS n FROM dossiers');
  const getResponse = db.prepare('SELECT fingerprint, data FROM survey_responses WHERE idempotency_key = ?');
  const putResponse = db.prepare(
    'INSERT INTO survey_responses (id, idempotency_key, fingerprint, form, data, received_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const countResponses = db.prepare('SELECT COUNT(*) AS n FROM survey_responses');
  const listResponses = db.prepare('SELECT data FROM survey_responses ORDER BY received_at, id');

  const readMeta = (key: string): string | undefined => {
    const row = getMeta.get(key) as { value: string } | undefined;
    return row?.value;
  };
  // INSERT OR IGNORE, then read: two processes opening a fresh file at once agree on the first value written.
  const readOrCreateMeta = (key: string, create: () => string): string => {
    const existing = readMeta(key);
    if (existing) return existing;
    addMeta.run(key, create());
    return readMeta(key) as string;
  };

  // The salt makes the stored hashes useless against a precomputed table of all 12-digit ID numbers.
  const idSalt = readOrCreateMeta('id-salt', () => randomHex(16));
  // Survey tokens handed out before a restart must still verify after it.
  const surveyKey = readOrCreateMeta('survey-key', () => randomHex(SURVEY_KEY_BYTES));

  const inTransaction = <T>(work: () => T): T => {
    db.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      db.exec('COMMIT');
      return result;
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  };

  let closed = false;

  return {
    kind: 'sqlite',
    hashIdNumber: (idNumber) => sha256Hex(`${idSalt}:${normalizeIdNumber(idNumber)}`),
    surveyToken: surveyTokens(surveyKey),
    async getDossier(code) {
      const row = getDossier.get(code) as { id_hash: string; data: string } | undefined;
      if (!row) return undefined;
      return { ...(JSON.parse(row.data) as DossierRecord), idHash: row.id_hash };
    },
    async putDossiers(list: StoredDossier[]) {
      inTransaction(() => {
        for (const { idHash, ...record } of list) putDossier.run(record.code, idHash, JSON.stringify(record));
      });
    },
    async countDossiers() {
      return Number((countDossiers.get() as { n: number }).n);
    },
    async saveResponse(key, fingerprint, response): Promise<SaveOutcome> {
      return inTransaction((): SaveOutcome => {
        const existing = getResponse.get(key) as { fingerprint: string; data: string } | undefined;
        if (existing) {
          return existing.fingerprint === fingerprint
            ? { outcome: 'replayed', response: JSON.parse(existing.data) as StoredResponse }
            : { outcome: 'conflict' };
        }
        putResponse.run(response.id, key, fingerprint, response.form, JSON.stringify(response), response.receivedAt);
        return { outcome: 'created', response };
      });
    },
    async countResponses() {
      return Number((countResponses.get() as { n: number }).n);
    },
    async listResponses() {
      return (listResponses.all() as { data: string }[]).map((row) => JSON.parse(row.data) as StoredResponse);
    },
    async getMeta(key) {
      return readMeta(key);
    },
    async setMeta(key, value) {
      setMeta.run(key, value);
    },
    async close() {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}
