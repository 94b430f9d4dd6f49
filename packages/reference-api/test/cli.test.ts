// The command line a web team runs: options and environment, clear failures with exit code 2, catalogues from
// CSV, the request log, static files, and a graceful SIGTERM.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { SearchResult } from '@dvc-kit/sdk';
import { runCli, spawnCli } from './process.ts';
import { postJson, startTestServer, tempDir } from './support.ts';

let dir: string;
before(() => {
  dir = tempDir('dvc-cli-');
});
after(() => rmSync(dir, { recursive: true, force: true }));

const VIETNAMESE_CSV = `Mã thủ tục,Tên thủ tục,Cấp thực hiện,Loại thủ tục,Lĩnh vực,Cơ quan ban hành,Cơ quan thực hiện
1.001193,Đăng ký khai sinh,Cấp xã,TTHC tiêu chuẩn,Hộ tịch,Bộ Tư pháp,Ủy ban nhân dân cấp xã
2.000815,"Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận",Cấp xã,TTHC tiêu chuẩn,Chứng thực,Bộ Tư pháp,Ủy ban nhân dân cấp xã
1.004222,Đăng ký thường trú,Cấp xã,TTHC tiêu chuẩn,Đăng ký và quản lý cư trú,Bộ Công an,Công an cấp xã
`;
const ENGLISH_CSV = `code;name;levels;field;agencies;online
1.000894;Đăng ký kết hôn;Cấp xã;Hộ tịch;Ủy ban nhân dân cấp xã;một phần
`;

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('arguments', () => {
  test('--help lists every option and exits 0', async () => {
    const { code, stdout } = await runCli(['--help']);
    assert.equal(code, 0);
    for (const option of ['--port', '--host', '--catalog', '--data-dir', '--cors-origin', '--quiet', 'PORT', 'DVC_CATALOG', 'DVC_DATA_DIR']) {
      assert.ok(stdout.includes(option), option);
    }
  });

  test('bad arguments: a clear message and exit code 2', async () => {
    const cases: [string[], RegExp][] = [
      [['--port', 'abc'], /invalid port/],
      [['--port', '70000'], /invalid port/],
      [['--bogus'], /Unknown option/i],
      [['extra'], /argument/i],
      [['--cors-origin', 'ftp:/nowhere'], /invalid CORS origin/],
      [['--posts-per-minute', '0'], /invalid --posts-per-minute/],
      [['--static', 'no-equals-sign'], /invalid --static/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = await runCli([...args, '--data-dir', join(dir, 'unused')]);
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr, message);
      assert.match(stderr, /Try --help/);
    }
  });

  test('an unreadable or invalid catalogue: a clear message and exit code 2', async () => {
    const cases: [string, RegExp][] = [
      [join(dir, 'missing.json'), /file not found/],
      [file('broken.json', '{"format": "dvc-kit-catalog", "procedures": ['), /JSON|catalog/i],
      [file('wrong.csv', 'foo,bar\n1,2\n'), /missing column/],
      [dir, /is a directory/],
    ];
    for (const [path, message] of cases) {
      const { code, stderr } = await runCli(['--catalog', path, '--data-dir', join(dir, 'unused'), '--port', '0']);
      assert.equal(code, 2, path);
      assert.match(stderr, message);
    }
  });
});

describe('running', () => {
  test('a CSV catalogue with Vietnamese headers, options from the environment, graceful SIGTERM', async () => {
    const csv = file('catalog.csv', VIETNAMESE_CSV);
    const cli = await spawnCli([], {
      PORT: '0', HOST: '127.0.0.1', DVC_DATA_DIR: join(dir, 'env-data'), DVC_CATALOG: csv,
      DVC_CORS_ORIGIN: 'https://a.example, https://b.example',
    });
    try {
      assert.match(cli.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      const health = (await (await fetch(`${cli.url}/v1/health`)).json()) as { procedures: number };
      assert.equal(health.procedures, 3);
      const search = (await (await fetch(`${cli.url}/v1/procedures?q=thuong%20tru`)).json()) as SearchResult;
      assert.equal(search.items[0]?.code, '1.004222');
      const cors = await fetch(`${cli.url}/v1/health`, { headers: { origin: 'https://b.example' } });
      assert.equal(cors.headers.get('access-control-allow-origin'), 'https://b.example');
      assert.ok(existsSync(join(dir, 'env-data')), 'the data directory was created');
    } finally {
      cli.child.kill('SIGTERM');
    }
    assert.equal((await cli.exited).code, 0);
  });

  test('--catalog overrides the environment; English headers and ; separators work', async () => {
    const cli = await spawnCli(['--catalog', file('english.csv', ENGLISH_CSV), '--port', '0', '--data-dir', join(dir, 'en-data'), '--quiet'], {
      DVC_CATALOG: join(dir, 'does-not-exist.json'),
    });
    try {
      const found = (await (await fetch(`${cli.url}/v1/procedures/1.000894`)).json()) as { online: string };
      assert.equal(found.online, 'mot-phan');
    } finally {
      cli.child.kill('SIGTERM');
      await cli.exited;
    }
  });

  test('the request log has method, path without query, status and time, and never a body', async () => {
    const cli = await spawnCli(['--port', '0', '--data-dir', join(dir, 'log-data')]);
    try {
      await (await fetch(`${cli.url}/v1/procedures?q=dang%20ky%20khai%20sinh`)).text();
      await (await postJson(`${cli.url}/v1/dossiers/lookup`, { code: '000.00.06.H56-231027-0361', idNumber: '079912345678' })).text();
      await new Promise((resolve) => setTimeout(resolve, 200));
      const log = cli.output();
      assert.match(log, /^GET \/v1\/procedures 200 \d+ms$/m);
      assert.match(log, /^POST \/v1\/dossiers\/lookup 404 \d+ms$/m);
      assert.ok(!log.includes('khai') && !log.includes('079912345678') && !log.includes('231027-0361'), log);
    } finally {
      cli.child.kill('SIGTERM');
      await cli.exited;
    }
  });

  test('--quiet: no request log', async () => {
    const cli = await spawnCli(['--port', '0', '--data-dir', join(dir, 'quiet-data'), '--quiet']);
    try {
      await (await fetch(`${cli.url}/v1/health`)).text();
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.ok(!cli.output().includes('GET /v1/health'));
    } finally {
      cli.child.kill('SIGTERM');
      await cli.exited;
    }
  });
});

test('static directories are served beside the API, without escaping them', async () => {
  const site = join(dir, 'site');
  mkdirSync(join(site, 'commune'), { recursive: true });
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>Ví dụ</title>');
  writeFileSync(join(site, 'commune', 'index.html'), '<!doctype html><title>Xã</title>');
  writeFileSync(join(dir, 'secret.txt'), 'not for the web');
  const server = await startTestServer({ staticDirs: { '/examples/': site } });
  try {
    const page = await fetch(`${server.url}/examples/`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
    assert.match(await page.text(), /Ví dụ/);
    assert.match(await (await fetch(`${server.url}/examples/commune/`)).text(), /Xã/);
    const bare = await fetch(`${server.url}/examples`, { redirect: 'manual' });
    assert.equal(bare.status, 301);
    assert.equal(bare.headers.get('location'), '/examples/');
    for (const path of ['/examples/../secret.txt', '/examples/%2e%2e/secret.txt', '/examples/..%2fsecret.txt']) {
      const escaped = await fetch(`${server.url}${path}`);
      assert.ok(!(await escaped.text()).includes('not for the web'), path);
    }
    assert.equal((await fetch(`${server.url}/v1/health`)).status, 200, 'the API still answers');
  } finally {
    await server.stop();
  }
});

test('bundles and search results travel gzipped to clients that accept it, and revalidate with their ETag', async () => {
  const site = join(dir, 'cdn');
  mkdirSync(site, { recursive: true });
  const bundle = `export const strings = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `Thủ tục số ${i}`))};`;
  writeFileSync(join(site, 'bundle.js'), bundle);
  const server = await startTestServer({ staticDirs: { '/cdn/': site } });
  try {
    // Node's fetch decompresses transparently: the header tells what travelled, the text that nothing was lost.
    const script = await fetch(`${server.url}/cdn/bundle.js`, { headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(script.headers.get('content-encoding'), 'gzip');
    assert.match(script.headers.get('vary') ?? '', /accept-encoding/i);
    assert.equal(await script.text(), bundle);
    const search = await fetch(`${server.url}/v1/procedures?q=ho%20tich&pageSize=50`, { headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(search.headers.get('content-encoding'), 'gzip');
    const result = (await search.json()) as SearchResult;
    assert.ok(result.items.length > 0);
    const etag = search.headers.get('etag');
    assert.ok(etag);
    const again = await fetch(`${server.url}/v1/procedures?q=ho%20tich&pageSize=50`, { headers: { 'Accept-Encoding': 'gzip', 'If-None-Match': etag } });
    assert.equal(again.status, 304);
    const plain = await fetch(`${server.url}/v1/procedures?q=ho%20tich&pageSize=50`, { headers: { 'Accept-Encoding': 'identity' } });
    assert.equal(plain.headers.get('content-encoding'), null);
  } finally {
    await server.stop();
  }
});

test("the province's real catalogue export loads unchanged, when present", async (t) => {
  const province = fileURLToPath(new URL('../../../../shared/data/catalog-province.csv', import.meta.url));
  if (!existsSync(province)) {
    t.skip(`not present: ${province}`);
    return;
  }
  const server = await startTestServer({ catalogPath: province });
  try {
    const health = (await (await fetch(`${server.url}/v1/health`)).json()) as { procedures: number };
    t.diagnostic(`catalog-province.csv: ${health.procedures} procedures served`);
    assert.ok(health.procedures >= 2000);
    const fields = (await (await fetch(`${server.url}/v1/fields`)).json()) as { items: unknown[] };
    assert.ok(fields.items.length > 20);
  } finally {
    await server.stop();
  }
});
