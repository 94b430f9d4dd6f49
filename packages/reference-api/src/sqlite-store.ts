import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { randomHex, sha256Hex } from './crypto.ts';
import {
  normalizeIdNumber,
  receiptOf,
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
  received_at TEXT NOT NULL,
  dossier_code TEXT
);
CREATE TABLE IF NOT EXISTS replaced_survey_keys (
  idempotency_key TEXT PRIMARY KEY,
  fingerprint TEXT NOT NULL,
  id TEXT NOT NULL,
  form TEXT NOT NULL,
  received_at TEXT NOT NULL
);
`;

// One response counts per dossier and form. Files from before this rule lack the column and may hold several
// responses for one dossier: the column is filled from the stored JSON and all but the latest are replaced, as
// saveResponse would have done, before the index makes a second one impossible.
const ONE_PER_DOSSIER_INDEX = 'survey_responses_one_per_dossier';
const ONE_PER_DOSSIER = `
UPDATE survey_responses SET dossier_code = json_extract(data, '$.dossierCode') WHERE dossier_code IS NULL;
INSERT INTO replaced_survey_keys (idempotency_key, fingerprint, id, form, received_at)
  SELECT idempotency_key, fingerprint, id, form, received_at FROM survey_responses AS old
  WHERE dossier_code IS NOT NULL AND EXISTS (
    SELECT 1 FROM survey_responses AS later
    WHERE later.dossier_code = old.dossier_code AND later.form = old.form
      AND (later.received_at > old.received_at OR (later.received_at = old.received_at AND later.rowid > old.rowid)));
DELETE FROM survey_responses WHERE id IN (SELECT id FROM replaced_survey_keys);
CREATE UNIQUE INDEX ${ONE_PER_DOSSIER_INDEX} ON survey_responses (dossier_code, form) WHERE dossier_code IS NOT NULL;
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

  // In a transaction, so two processes opening an old file at once upgrade it once.
  inTransaction(() => {
    if (db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?").get(ONE_PER_DOSSIER_INDEX)) return;
    const columns = db.prepare('PRAGMA table_info(survey_responses)').all() as { name: string }[];
    if (!columns.some((column) => column.name === 'dossier_code')) db.exec('ALTER TABLE survey_responses ADD COLUMN dossier_code TEXT');
    db.exec(ONE_PER_DOSSIER);
  });

  const getMeta = db.prepare('SELECT value FROM meta WHERE key = ?');
  const setMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  const addMeta = db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)');
  const getDossier = db.prepare('SELECT id_hash, data FROM dossiers WHERE code = ?');
  const putDossier = db.prepare('INSERT OR REPLACE INTO dossiers (code, id_hash, data) VALUES (?, ?, ?)');
  const countDossiers = db.prepare('SELECT COUNT(*) AS n FROM dossiers');
  const getKey = db.prepare(
    `SELECT fingerprint, id, form, received_at FROM survey_responses WHERE idempotency_key = ?1
     UNION ALL SELECT fingerprint, id, form, received_at FROM replaced_survey_keys WHERE idempotency_key = ?1`,
  );
  const replaceForDossier = db.prepare(
    `INSERT INTO replaced_survey_keys (idempotency_key, fingerprint, id, form, received_at)
     SELECT idempotency_key, fingerprint, id, form, received_at FROM survey_responses WHERE dossier_code = ? AND form = ?`,
  );
  const deleteForDossier = db.prepare('DELETE FROM survey_responses WHERE dossier_code = ? AND form = ?');
  const putResponse = db.prepare(
    'INSERT INTO survey_responses (id, idempotency_key, fingerprint, form, data, received_at, dossier_code) VALUES (?, ?, ?, ?, ?, ?, ?)',
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
        const known = getKey.get(key) as { fingerprint: string; id: string; form: string; received_at: string } | undefined;
        if (known) {
          return known.fingerprint === fingerprint
            ? { outcome: 'replayed', receipt: { id: known.id, form: known.form, receivedAt: known.received_at } }
            : { outcome: 'conflict' };
        }
        if (response.dossierCode !== null) {
          // The replaced response's key stays known, so a late retry of it cannot bring its answers back.
          replaceForDossier.run(response.dossierCode, response.form);
          deleteForDossier.run(response.dossierCode, response.form);
        }
        putResponse.run(response.id, key, fingerprint, response.form, JSON.stringify(response), response.receivedAt, response.dossierCode);
        return { outcome: 'created', receipt: receiptOf(response) };
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
