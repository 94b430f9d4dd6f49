// `npm start` exactly as a web team runs it (scripts/start.mjs: the reference API plus /examples/ and /cdn/), on a
// free port with a fresh data directory, read back from what it prints: its URL and the featured demo dossiers.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface PrintedDossier {
  code: string;
  idNumber: string;
  scenario: string;
}

export interface StartedServer {
  url: string;
  /** The demo dossiers `npm start` prints (fake data, generated on first start). */
  dossiers: PrintedDossier[];
  close(): Promise<void>;
}

const DOSSIER_LINE = /^\s+(\S+-\d{6}-\d{4})\s+ID (\S+)\s+— (.+)$/gm;

/** Spawns `node scripts/start.mjs --port 0` (which builds first when the bundles are missing). */
export function startExamplesServer(options: { timeoutMs?: number } = {}): Promise<StartedServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dvc-examples-'));
  const child = spawn(process.execPath, [join(ROOT, 'scripts/start.mjs'), '--port', '0', '--data-dir', dataDir, '--quiet'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, HOST: '127.0.0.1' },
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const close = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  };

  return new Promise<StartedServer>((resolve, reject) => {
    const timer = setTimeout(() => {
      void close();
      reject(new Error(`npm start did not come up in time; output:\n${output}`));
    }, options.timeoutMs ?? 180_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      const dossiers = [...output.matchAll(DOSSIER_LINE)].map((m) => ({ code: m[1]!, idNumber: m[2]!, scenario: m[3]!.trim() }));
      // The CLI prints its three featured dossiers right after the URL and the catalogue size.
      if (url && dossiers.length >= 3) {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        child.stdout.resume();
        resolve({ url, dossiers, close });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code}; output:\n${output}`));
    });
  });
}
