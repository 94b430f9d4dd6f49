// Static files (examples, /cdn/ bundles) are compressed once and served from memory until they change.
// Raw HTTP here: fetch would decompress, hiding what travelled.
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { gunzipSync, inflateSync } from 'node:zlib';
import { startTestServer, tempDir, type TestServer } from './support.ts';

const dir = tempDir('dvc-static-test-');
const site = join(dir, 'cdn');
let server: TestServer;

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function bundle(version: number): string {
  return `export const strings = ${JSON.stringify(Array.from({ length: 300 }, (_, i) => `Thủ tục số ${i} (bản ${version})`))};\n`;
}

before(async () => {
  mkdirSync(site, { recursive: true });
  server = await startTestServer({ staticDirs: { '/cdn/': site } });
});

after(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('a bundle travels gzipped with its length, the same bytes on every request, and unchanged once unpacked', async () => {
  writeFileSync(join(site, 'same.js'), bundle(1));
  const first = await get('/cdn/same.js', { 'Accept-Encoding': 'gzip, deflate, br' });
  assert.equal(first.status, 200);
  assert.equal(first.headers['content-encoding'], 'gzip');
  assert.match(String(first.headers['content-type']), /javascript/);
  assert.match(String(first.headers.vary), /accept-encoding/i);
  assert.equal(first.headers['x-content-type-options'], 'nosniff');
  // Compressed ahead of sending: the length is known (compressing on the fly streams without one).
  assert.equal(first.headers['content-length'], String(first.body.length));
  assert.equal(gunzipSync(first.body).toString('utf8'), bundle(1));
  const again = await get('/cdn/same.js', { 'Accept-Encoding': 'gzip' });
  assert.deepEqual(again.body, first.body);
  assert.ok(first.body.length < Buffer.byteLength(bundle(1)) / 4, `${first.body.length} bytes gzipped`);
});

test('a rebuilt file is served fresh, even with the same size and within the same second', async () => {
  const file = join(site, 'rebuilt.js');
  writeFileSync(file, bundle(1));
  const old = await get('/cdn/rebuilt.js', { 'Accept-Encoding': 'gzip' });
  assert.equal(gunzipSync(old.body).toString('utf8'), bundle(1));
  // Same length, another content; the modification time moves on by a millisecond only.
  writeFileSync(file, bundle(2));
  const later = new Date(Date.now() + 1);
  utimesSync(file, later, later);
  const fresh = await get('/cdn/rebuilt.js', { 'Accept-Encoding': 'gzip' });
  assert.equal(gunzipSync(fresh.body).toString('utf8'), bundle(2));
  writeFileSync(file, `${bundle(3)}// longer\n`);
  const longer = await get('/cdn/rebuilt.js', { 'Accept-Encoding': 'gzip' });
  assert.equal(gunzipSync(longer.body).toString('utf8'), `${bundle(3)}// longer\n`);
  const repeat = await get('/cdn/rebuilt.js', { 'Accept-Encoding': 'gzip' });
  assert.deepEqual(repeat.body, longer.body);
});

test('other encodings, ranges, HEAD and small files are answered as before', async () => {
  writeFileSync(join(site, 'other.js'), bundle(4));
  writeFileSync(join(site, 'small.css'), 'p { color: #333; }\n');
  const plain = await get('/cdn/other.js', { 'Accept-Encoding': 'identity' });
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.equal(plain.body.toString('utf8'), bundle(4));
  const deflated = await get('/cdn/other.js', { 'Accept-Encoding': 'deflate' });
  assert.equal(deflated.headers['content-encoding'], 'deflate');
  assert.equal(inflateSync(deflated.body).toString('utf8'), bundle(4));
  const range = await get('/cdn/other.js', { 'Accept-Encoding': 'gzip', Range: 'bytes=0-5' });
  assert.equal(range.status, 206);
  assert.equal(range.body.toString('utf8'), bundle(4).slice(0, 6));
  const head = await get('/cdn/other.js', { 'Accept-Encoding': 'gzip' }, 'HEAD');
  assert.equal(head.status, 200);
  assert.equal(head.body.length, 0);
  const small = await get('/cdn/small.css', { 'Accept-Encoding': 'gzip' });
  assert.equal(small.headers['content-encoding'], undefined);
  assert.equal(small.body.toString('utf8'), 'p { color: #333; }\n');
  assert.equal((await get('/cdn/missing.js', { 'Accept-Encoding': 'gzip' })).status, 404);
});
