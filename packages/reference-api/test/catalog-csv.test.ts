// CSV import: the header and values web teams and the national database exports really produce.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { CatalogError, createCatalogue, parseCatalogCsv } from '../src/catalog/index.ts';

const VI_HEADER = 'Mã thủ tục,Tên thủ tục,Cấp thực hiện,Loại thủ tục,Lĩnh vực,Cơ quan ban hành,Cơ quan thực hiện';

function problemsOf(text: string): string[] {
  try {
    parseCatalogCsv(text);
  } catch (error) {
    assert.ok(error instanceof CatalogError, `expected a CatalogError, got ${String(error)}`);
    return [...error.problems];
  }
  assert.fail('the CSV was accepted');
}

describe('parseCatalogCsv', () => {
  test('reads the national export header with BOM, CRLF, quotes and untidy values', () => {
    const text = [
      '\ufeff' + VI_HEADER,
      '1.001193,Thủ tục đăng ký khai sinh,Cấp xã,TTHC Tiêu chuẩn,Hộ tịch,Bộ Tư pháp,Ủy ban nhân dân cấp xã',
      '2.000815," Chứng thực bản sao từ  bản chính ","Cấp xã, Cấp tỉnh",TTHC Tiêu chuẩn,Chứng thực,Bộ Tư pháp,", Ủy ban nhân dân cấp xã"',
      '1.000656,Đăng ký khai tử,"Cấp xã, Cấp tỉnh, Cấp Bộ, Cơ quan khác",TTHC Tiêu chuẩn,Hộ tịch,Bộ Tư pháp,',
      '',
    ].join('\r\n');
    const [birth, copy, death] = parseCatalogCsv(text);
    assert.deepEqual(birth, {
      code: '1.001193', name: 'Thủ tục đăng ký khai sinh', levels: ['xa'], field: 'Hộ tịch', agencies: ['Ủy ban nhân dân cấp xã'],
      type: 'TTHC Tiêu chuẩn', issuingAgency: 'Bộ Tư pháp', subjects: [], online: 'none', methods: [], documentCases: [], steps: [],
      conditions: [], results: [], legalBasis: [],
    });
    assert.equal(copy!.name, 'Chứng thực bản sao từ bản chính');
    assert.deepEqual(copy!.levels, ['xa', 'tinh']);
    assert.deepEqual(copy!.agencies, ['Ủy ban nhân dân cấp xã']);
    assert.deepEqual(death!.levels, ['xa', 'tinh', 'bo', 'khac']);
    assert.deepEqual(death!.agencies, []);
  });

  test('keeps agency names that contain commas whole, and drops repeats', () => {
    const text = [
      VI_HEADER,
      '1.000001,A,Cấp tỉnh,,Văn hóa,Bộ,"Sở Văn hóa, Thể thao và Du lịch, Sở Văn hóa và Thể thao Thành phố Hà Nội"',
      '1.000002,B,Cấp xã,,Xây dựng,Bộ,"Sở Xây dựng, Uỷ ban Nhân dân cấp xã, phường, thị trấn."',
      '1.000003,C,Cấp xã,,Hộ tịch,Bộ,"Ủy ban nhân dân cấp xã, Ủy ban nhân dân cấp xã, "',
      '1.000004,D,Cấp tỉnh,,Tài chính,Bộ,"Sở Tài chính các tỉnh, thành phố"',
    ].join('\n');
    const agencies = parseCatalogCsv(text).map((p) => p.agencies);
    assert.deepEqual(agencies, [
      ['Sở Văn hóa, Thể thao và Du lịch', 'Sở Văn hóa và Thể thao Thành phố Hà Nội'],
      ['Sở Xây dựng', 'Uỷ ban Nhân dân cấp xã, phường, thị trấn'],
      ['Ủy ban nhân dân cấp xã'],
      ['Sở Tài chính các tỉnh, thành phố'],
    ]);
  });

  test('accepts English headers in any case and spacing, extra columns, the online column, NFD text', () => {
    const nfd = 'Đăng ký kết hôn'.normalize('NFD');
    const text = [
      'STT;Code;NAME; levels ;Field;Issuing_Agency;agencies;Online;Notes',
      `1;1.000894;${nfd};xa;Hộ tịch;Bộ Tư pháp;Ủy ban nhân dân cấp xã;Toàn trình;x`,
      '2;1.004222;Đăng ký thường trú;commune, province;Cư trú;Bộ Công an;Công an cấp xã;một phần;',
      '3;1.004194;Đăng ký tạm trú;Cấp xã;Cư trú;;;;',
    ].join('\n');
    const [marriage, residence, temporary] = parseCatalogCsv(text);
    assert.equal(marriage!.name, 'Đăng ký kết hôn'.normalize('NFC'));
    assert.equal(marriage!.online, 'toan-trinh');
    assert.deepEqual(residence!.levels, ['xa', 'tinh']);
    assert.equal(residence!.online, 'mot-phan');
    assert.equal(temporary!.online, 'none');
    assert.equal(temporary!.issuingAgency, null);
    assert.equal(temporary!.type, null);
  });

  test('headers tolerate case, diacritics and spaces', () => {
    const [p] = parseCatalogCsv('ma thu tuc , TÊN THỦ TỤC,cấp thực hiện,Lĩnh  vực\n1.001193,Đăng ký khai sinh,Cấp xã,Hộ tịch\n');
    assert.equal(p!.code, '1.001193');
    assert.equal(p!.field, 'Hộ tịch');
  });

  test('the same procedure listed once per level becomes one procedure', () => {
    const text = [
      VI_HEADER,
      '2.000815,Chứng thực bản sao từ bản chính,Cấp xã,,Chứng thực,Bộ Tư pháp,Ủy ban nhân dân cấp xã',
      '2.000815,Chứng thực  bản sao từ bản chính,Cấp tỉnh,,Chứng thực,Bộ Tư pháp,Phòng Tư pháp',
    ].join('\n');
    const procedures = parseCatalogCsv(text);
    assert.equal(procedures.length, 1);
    assert.deepEqual(procedures[0]!.levels, ['xa', 'tinh']);
    assert.deepEqual(procedures[0]!.agencies, ['Ủy ban nhân dân cấp xã', 'Phòng Tư pháp']);
  });

  test('errors name the line and say what to do', () => {
    const text = [
      VI_HEADER,
      '1.001193,Đăng ký khai sinh,Cấp xã,,Hộ tịch,Bộ Tư pháp,UBND cấp xã',
      '1.001193,Đăng ký kết hôn,Cấp xã,,Hộ tịch,Bộ Tư pháp,UBND cấp xã',
      '1001193,Đăng ký khai tử,Cấp xã,,Hộ tịch,Bộ Tư pháp,UBND cấp xã',
      '1.000656,Đăng ký khai tử,Cấp huyện,,Hộ tịch,Bộ Tư pháp,UBND cấp xã',
      '1.000657,Đăng ký lại khai tử,Cấp phường nào đó,,Hộ tịch,Bộ Tư pháp,',
      '1.000658,,Cấp xã,,,Bộ Tư pháp,',
      '1.000659,Thiếu cột,Cấp xã',
    ].join('\n');
    const problems = problemsOf(text);
    const expected = [
      /^line 3: code 1\.001193 is already used on line 2 for another procedure \("Đăng ký khai sinh"\)$/,
      /^line 4: "1001193" is not a procedure code/,
      /^line 5: procedure 1\.000656: "Cấp huyện": the district level was abolished on 1\/7\/2025/,
      /^line 6: procedure 1\.000657: unknown level "Cấp phường nào đó"/,
      /^line 7: procedure 1\.000658 has no name/,
      /^line 7: procedure 1\.000658 has no field/,
      /^line 8: 3 values but the header has 7 columns/,
    ];
    for (const pattern of expected) assert.ok(problems.some((p) => pattern.test(p)), `no problem matches ${pattern}:\n${problems.join('\n')}`);
    assert.equal(problems.length, expected.length, problems.join('\n'));
  });

  test('a header without the required columns is refused before any row', () => {
    const [problem] = problemsOf('Tên thủ tục,Lĩnh vực\nĐăng ký khai sinh,Hộ tịch\n');
    assert.match(problem!, /^line 1: missing column\(s\) code \(mathutuc\), levels \(capthuchien\)/);
    assert.match(problemsOf('')[0]!, /The CSV is empty/);
    assert.match(problemsOf('code,code,name,levels,field\n')[0]!, /two columns mean "code"/);
  });

  test('a broken quote is reported with its line', () => {
    const [problem] = problemsOf(`${VI_HEADER}\n1.001193,"Đăng ký khai sinh,Cấp xã,,Hộ tịch,Bộ Tư pháp,UBND\n`);
    assert.match(problem!, /the CSV cannot be read/);
  });

  test('the import runs without Node globals, as in a browser tab', async () => {
    // Bundle the module for the browser and run it in a bare JavaScript context: no Buffer, no process,
    // only what a browser also has (TextEncoder is provided the way a browser provides it).
    const entry = fileURLToPath(new URL('../src/catalog/index.ts', import.meta.url));
    const bundle = await build({
      entryPoints: [entry], bundle: true, write: false, platform: 'browser', format: 'iife', globalName: 'catalog',
      conditions: ['source'], target: 'es2022', logLevel: 'silent',
    });
    const script = `${bundle.outputFiles[0]!.text}
      const c = catalog.createCatalogue(catalog.parseCatalogCsv(csv));
      JSON.stringify(c.search({ q: 'dang ky khai sinh' }).items.map((i) => i.code));`;
    const csv = `${VI_HEADER}\n1.001193,Đăng ký khai sinh,Cấp xã,,Hộ tịch,Bộ Tư pháp,UBND cấp xã\n1.000894,Đăng ký kết hôn,Cấp xã,,Hộ tịch,Bộ Tư pháp,UBND cấp xã\n`;
    const result = runInNewContext(script, { csv, TextEncoder });
    assert.deepEqual(JSON.parse(result as string), ['1.001193']);
  });
});

// The real catalogue of one province (2,169 procedures), when this machine has it. Never copied into the repository.
const provinceCsv = process.env.DVC_PROVINCE_CSV ?? resolve(fileURLToPath(new URL('../../../', import.meta.url)), '../shared/data/catalog-province.csv');

describe('the province catalogue (../shared/data/catalog-province.csv)', { skip: existsSync(provinceCsv) ? false : `not present at ${provinceCsv}` }, () => {
  test('loads unchanged: 2,169 procedures with levels, fields and tidy agencies', (t) => {
    const text = readFileSync(provinceCsv, 'utf8');
    const started = performance.now();
    const procedures = parseCatalogCsv(text);
    const parsed = performance.now();
    const c = createCatalogue(procedures);
    const built = performance.now();
    t.diagnostic(`parse ${(parsed - started).toFixed(0)} ms, build catalogue and index ${(built - parsed).toFixed(0)} ms`);
    assert.equal(procedures.length, 2169);
    assert.equal(c.size, 2169);
    assert.ok(procedures.every((p) => p.levels.length > 0 && p.field && p.name === p.name.trim()));
    assert.ok(procedures.every((p) => p.agencies.every((a) => a && !/^[,\s]|[,\s.]$/.test(a))), 'agency names are trimmed');
    const culture = c.agencies().items.find((a) => a.id === 'so-van-hoa-the-thao-va-du-lich');
    assert.equal(culture?.name, 'Sở Văn hóa, Thể thao và Du lịch');
    assert.ok(!c.agencies().items.some((a) => a.name === 'Thể thao và Du lịch'), 'a comma inside a name does not split it');
    assert.equal(c.get('1.001193')?.field.name, 'Hộ tịch');
  });
});
