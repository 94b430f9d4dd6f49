/**
 * Static files compressed once, not on every request. The examples and /cdn/ bundles are fetched again and
 * again, unchanged; compressing each time cost CPU on every page load. Entries are keyed by path, size and
 * modification time, so a rebuilt file is compressed anew and never served stale, and the cache is bounded
 * (least recently used entries leave first).
 */
import { readFile, stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import { constants, deflate, gzip } from 'node:zlib';

export type Encoding = 'gzip' | 'deflate';

const COMPRESS: Record<Encoding, (data: Buffer, options: { level: number }) => Promise<Buffer>> = {
  gzip: promisify(gzip),
  deflate: promisify(deflate),
};

export interface CompressedFile {
  bytes: Uint8Array<ArrayBuffer>;
  modified: Date;
}

interface Entry {
  file: CompressedFile;
  /** Encoding and path, without the version. */
  name: string;
}

export class CompressedFiles {
  readonly #entries = new Map<string, Entry>();
  /** Path and encoding → the key its current entry is stored under, to drop an outdated version at once. */
  readonly #current = new Map<string, string>();
  readonly #maxBytes: number;
  #bytes = 0;

  constructor(maxBytes: number) {
    this.#maxBytes = maxBytes;
  }

  /** The file compressed with `encoding`, from the cache when the file has not changed since. */
  async get(path: string, encoding: Encoding): Promise<CompressedFile> {
    const before = await stat(path);
    const key = `${encoding}\u0000${before.size}\u0000${before.mtimeMs}\u0000${path}`;
    const cached = this.#entries.get(key);
    if (cached) {
      // Most recently used last: eviction takes the first.
      this.#entries.delete(key);
      this.#entries.set(key, cached);
      return cached.file;
    }
    const data = await readFile(path);
    // zlib's buffers are never shared memory; a Response body wants that said.
    const bytes = (await COMPRESS[encoding](data, { level: constants.Z_BEST_COMPRESSION })) as Uint8Array<ArrayBuffer>;
    const file = { bytes, modified: before.mtime };
    const after = await stat(path);
    // Written to while being read: serve what was read, but do not keep it under a key that may not match it.
    if (after.size === before.size && after.mtimeMs === before.mtimeMs && data.length === before.size) this.#remember(`${encoding}\u0000${path}`, key, file);
    return file;
  }

  #remember(name: string, key: string, file: CompressedFile): void {
    const outdated = this.#current.get(name);
    if (outdated !== undefined) this.#forget(outdated);
    if (file.bytes.length > this.#maxBytes) return;
    this.#entries.set(key, { file, name });
    this.#current.set(name, key);
    this.#bytes += file.bytes.length;
    for (const oldest of this.#entries.keys()) {
      if (this.#bytes <= this.#maxBytes) break;
      this.#forget(oldest);
    }
  }

  #forget(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    this.#current.delete(entry.name);
    this.#bytes -= entry.file.bytes.length;
  }
}
