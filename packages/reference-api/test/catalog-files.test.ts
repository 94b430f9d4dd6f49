// Catalogue files as they arrive from spreadsheets and portals: encodings, workbooks, web pages. Fixtures are
// synthetic, written here byte by byte the way Excel, Notepad and legacy tools write them.
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Procedure } from '@dvc-kit/sdk';
import { CatalogError, parseCatalogFile } from '../src/catalog/index.ts';
import { runCli, spawnCli } from './process.ts';
import { tempDir } from './support.ts';

const HEADER = 'Mã thủ tục,Tên thủ tục,Cấp thực hiện,Lĩnh vực';
const ROW = '1.001193,Đăng ký khai sinh,Cấp xã,Hộ tịch';

function utf16(text: string, order: 'le' | 'be', bom = true): Uint8Array {
  const units = `${bom ? '\ufeff' : ''}${text}`;
  const view = new DataView(new ArrayBuffer(units.length * 2));
  for (let i = 0; i < units.length; i++) view.setUint16(i * 2, units.charCodeAt(i), order === 'le');
  return new Uint8Array(view.buffer);
}

/** Windows-1258 bytes, checked against the platform's own decoder so the fixture is what Excel writes. */
function windows1258(text: string): Uint8Array {
  const decoder = new TextDecoder('windows-1258');
  const byChar = new Map<string, number>();
  for (let b = 255; b >= 0; b--) byChar.set(decoder.decode(Uint8Array.of(b)), b);
  // Windows-1258 has the vowels with circumflex, breve and horn, plus combining tone marks.
  const decomposed = text.normalize('NFD').replace(/([aeoAEOuU])([\u0302\u0306\u031b])/g, (pair) => pair.normalize('NFC'));
  const bytes = Uint8Array.from([...decomposed].map((c) => {
    const byte = byChar.get(c);
    if (byte === undefined) throw new Error(`no Windows-1258 byte for ${c}`);
    return byte;
  }));
  assert.equal(decoder.decode(bytes).normalize('NFC'), text.normalize('NFC'));
  return bytes;
}

function problemOf(bytes: Uint8Array, name: string): string {
  try {
    parseCatalogFile(bytes, name);
  } catch (error) {
    assert.ok(error instanceof CatalogError, String(error));
    return error.problems.join('\n');
  }
  assert.fail(`${name} was accepted`);
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('parseCatalogFile', () => {
  test("UTF-16 as Excel's \"Unicode text\" (.txt, tab-separated) and Notepad write it is read", () => {
    const tabs = `${HEADER.replaceAll(',', '\t')}\r\n${ROW.replaceAll(',', '\t')}\r\n`;
    for (const [bytes, name] of [
      [utf16(tabs, 'le'), 'danh-muc.txt'], [utf16(tabs, 'be'), 'danh-muc.csv'], [utf16(tabs, 'le', false), 'danh-muc.tsv'],
    ] as const) {
      const [birth] = parseCatalogFile(bytes, name);
      assert.equal(birth?.name, 'Đăng ký khai sinh', name);
      assert.deepEqual(birth?.levels, ['xa'], name);
    }
    const json = JSON.stringify({ format: 'dvc-kit-catalog', version: 1, procedures: [{ code: '1.001193', name: 'Đăng ký khai sinh', levels: ['xa'], field: 'Hộ tịch' }] });
    assert.equal(parseCatalogFile(utf16(json, 'le'), 'catalog.json')[0]?.field, 'Hộ tịch');
    assert.equal(parseCatalogFile(utf8(`\ufeff${json}`), 'catalog')[0]?.code, '1.001193', 'JSON recognised without an extension');
    assert.equal(parseCatalogFile(utf8(`${HEADER}\n${ROW}\n`), 'export')[0]?.code, '1.001193', 'CSV recognised without an extension');
  });

  test('Windows-1258 or TCVN3 bytes are refused with the line and how to re-save, never read as garbled names', () => {
    const legacy = Uint8Array.from([...utf8(`code,name,levels,field\n1.000001,Ho tich,xa,Ho tich\n1.001193,`), ...windows1258('Đăng ký khai sinh'), ...utf8(',xa,Ho tich\n')]);
    assert.match(problemOf(legacy, 'danh-muc.csv'), /^line 3: the file is not UTF-8 \(.*Windows-1258, TCVN3\/ABC or VNI\); save it again as UTF-8: in Excel, File › Save As › "CSV UTF-8/);
    // TCVN3 (ABC) writes "Đăng ký" as A7 A8 6E 67 20 6B FD.
    const tcvn3 = Uint8Array.from([...utf8(`${HEADER}\n1.001193,`), 0xa7, 0xa8, 0x6e, 0x67, 0x20, 0x6b, 0xfd, ...utf8(',Cấp xã,Hộ tịch\n')]);
    assert.match(problemOf(tcvn3, 'danh-muc.csv'), /^line 2: the file is not UTF-8/);
  });

  test('workbooks and web pages are refused as what they are', () => {
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
    assert.match(problemOf(zip, 'danh-muc.xlsx'), /an Excel workbook \(\.xlsx\).*CSV UTF-8/);
    assert.match(problemOf(zip, 'renamed.csv'), /an Excel workbook \(\.xlsx\)/);
    const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    assert.match(problemOf(ole, 'danh-muc.xls'), /an old Excel workbook \(\.xls\)/);
    const html = utf8('\n<html><body><table><tr><td>Mã thủ tục</td></tr></table></body></html>');
    assert.match(problemOf(html, 'export.xls'), /a web page or XML \(some portals export an HTML table as \.xls\)/);
  });

  test('an empty file and a bare list of procedures say what the JSON format needs', () => {
    assert.match(problemOf(new Uint8Array(), 'catalog.json'), /The catalogue file is empty: expected \{ "format": "dvc-kit-catalog"/);
    assert.match(problemOf(new Uint8Array(), 'catalog.csv'), /The CSV is empty/);
    assert.match(problemOf(utf8('[{"code": "1.001193"}]'), 'catalog.json'), /must be an object, got an array; wrap the procedures as \{ "format": "dvc-kit-catalog"/);
  });
});

describe('the CLI with such files', () => {
  let dir: string;
  before(() => {
    dir = tempDir('dvc-catalog-files-');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test("serves Excel's \"Unicode text\" export", async () => {
    const path = join(dir, 'danh-muc.txt');
    writeFileSync(path, utf16(`${HEADER.replaceAll(',', '\t')}\r\n${ROW.replaceAll(',', '\t')}\r\n`, 'le'));
    const cli = await spawnCli(['--catalog', path, '--port', '0', '--data-dir', join(dir, 'data'), '--quiet']);
    try {
      const birth = (await (await fetch(`${cli.url}/v1/procedures/1.001193`)).json()) as Procedure;
      assert.equal(birth.name, 'Đăng ký khai sinh');
    } finally {
      cli.child.kill('SIGTERM');
      await cli.exited;
    }
  });

  test('refuses a Windows-1258 CSV naming the file, the line and how to re-save it', async () => {
    const path = join(dir, 'legacy.csv');
    writeFileSync(path, Uint8Array.from([...utf8(`${HEADER}\n1.001193,`), ...windows1258('Đăng ký khai sinh'), ...utf8(',Cap xa,Ho tich\n')]));
    const { code, stderr } = await runCli(['--catalog', path, '--port', '0', '--data-dir', join(dir, 'unused')]);
    assert.equal(code, 2);
    assert.match(stderr, new RegExp(`cannot load the catalogue ${path.replaceAll(/[.\\/]/g, '\\$&')}: line 2: the file is not UTF-8`));
    assert.match(stderr, /CSV UTF-8 \(Comma delimited\)/);
  });
});
