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

// What spreadsheets and portal exports add around the table: synthetic rows shaped like real exports.
describe('parseCatalogCsv: spreadsheet exports as provinces produce them', () => {
  const PROCEDURE = '1.001193,Đăng ký khai sinh,Cấp xã,,Hộ tịch,Bộ Tư pháp,Ủy ban nhân dân cấp xã';

  test('a title, a decision reference and blank rows above the header are skipped; lines keep their numbers', () => {
    const text = [
      'DANH MỤC THỦ TỤC HÀNH CHÍNH THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA TỈNH,,,,,,',
      '"(Kèm theo Quyết định số 123/QĐ-UBND ngày 01/7/2025, của Chủ tịch UBND tỉnh)",,,,,,',
      ',,,,,,',
      '',
      VI_HEADER,
      PROCEDURE,
      '1.000894,Đăng ký kết hôn,Cấp huyện,,Hộ tịch,Bộ Tư pháp,',
    ].join('\r\n');
    assert.match(problemsOf(text).join('\n'), /^line 7: procedure 1\.000894: "Cấp huyện"/);
    const [birth] = parseCatalogCsv(text.replace('Cấp huyện', 'Cấp xã'));
    assert.equal(birth!.name, 'Đăng ký khai sinh');
    // Excel's "sep=;" hint line, and a title without separators, before a ;-separated table.
    const semicolons = ['sep=;', 'Danh mục TTHC', `${VI_HEADER.replaceAll(',', ';')}`, PROCEDURE.replaceAll(',', ';')].join('\n');
    assert.deepEqual(parseCatalogCsv(semicolons).map((p) => p.code), ['1.001193']);
  });

  test('a file whose first lines name no columns still says the header is missing, on line 1', () => {
    assert.match(problemsOf('Danh sách\nfoo,bar\n1,2\n')[0]!, /^line 1: missing column\(s\)/);
  });

  test('blank rows between procedures and notes or totals below the last one are skipped', () => {
    const text = [
      `STT,${VI_HEADER}`, `1,${PROCEDURE}`, ',,,,,,,', `2,1.000894,Đăng ký kết hôn,Cấp xã,,Hộ tịch,Bộ Tư pháp,`, ',,,,,,,',
      'Tổng số,2,,,,,,', 'Ghi chú: danh mục cập nhật đến ngày 01/7/2025,,,,,,,',
    ].join('\n');
    assert.deepEqual(parseCatalogCsv(text).map((p) => p.code), ['1.001193', '1.000894']);
  });

  test('a note between procedures is not skipped: it is refused with its line', () => {
    const text = [VI_HEADER, PROCEDURE, 'I. Lĩnh vực Hộ tịch,,,,,,', '1.000894,Đăng ký kết hôn,Cấp xã,,Hộ tịch,Bộ Tư pháp,'].join('\n');
    assert.match(problemsOf(text).join('\n'), /^line 3: "I\. Lĩnh vực Hộ tịch" is not a procedure code/m);
  });

  test('merged cells: a row without code or name continues the procedure above with more levels and agencies', () => {
    const text = [
      VI_HEADER, PROCEDURE, ',,Cấp tỉnh,,,,Sở Tư pháp', ',,,,,,"Công an cấp xã"', '1.000894,Đăng ký kết hôn,Cấp xã,,Hộ tịch,Bộ Tư pháp,',
    ].join('\n');
    const [birth, marriage] = parseCatalogCsv(text);
    assert.deepEqual(birth!.levels, ['xa', 'tinh']);
    assert.deepEqual(birth!.agencies, ['Ủy ban nhân dân cấp xã', 'Sở Tư pháp', 'Công an cấp xã']);
    assert.deepEqual(marriage!.agencies, []);
    // A row without a code that names another procedure is not a continuation.
    assert.match(problemsOf(`${VI_HEADER}\n${PROCEDURE}\n,Đăng ký kết hôn,Cấp xã,,Hộ tịch,,\n`)[0]!, /^line 3: no procedure code/);
  });

  test('a field left empty by a merged column is refused with what to do', () => {
    const text = [VI_HEADER, PROCEDURE, '1.000894,Đăng ký kết hôn,Cấp xã,,,Bộ Tư pháp,'].join('\n');
    assert.match(problemsOf(text)[0]!, /^line 3: procedure 1\.000894 has no field \(Lĩnh vực\); if the column had merged cells, unmerge them/);
  });

  test("codes keep Excel's text markers out; codes Excel turned into numbers are refused with the cause", () => {
    const text = [VI_HEADER, `'${PROCEDURE}`, `="1.000894",Đăng ký kết hôn,Cấp xã,,Hộ tịch,,`, ' 1.000656\u00a0,Đăng ký khai tử,Cấp xã,,Hộ tịch,,'].join('\n');
    assert.deepEqual(parseCatalogCsv(text).map((p) => p.code), ['1.001193', '1.000894', '1.000656']);
    const problems = problemsOf([VI_HEADER, '2.00081,A,Cấp xã,,Hộ tịch,,', '"1,001193",B,Cấp xã,,Hộ tịch,,', '1.1E+00,C,Cấp xã,,Hộ tịch,,'].join('\n'));
    assert.equal(problems.length, 3, problems.join('\n'));
    for (const problem of problems) assert.match(problem, /stored it as a number and dropped its zeros: format the column as Text/);
  });

  test('levels as provinces spell them', () => {
    const spellings: [string, string[]][] = [
      ['Cấp Xã', ['xa']], ['cấp tỉnh; cấp xã', ['tinh', 'xa']], ['Xã', ['xa']], ['Tỉnh', ['tinh']], ['CẤP TỈNH', ['tinh']],
      ['Cấp xã, phường, đặc khu', ['xa']], ['Cấp tỉnh và cấp xã', ['tinh', 'xa']], ['Cấp Bộ, Cấp xã', ['bo', 'xa']],
    ];
    for (const [spelling, levels] of spellings) {
      const [p] = parseCatalogCsv(`code,name,levels,field\n1.001193,Đăng ký khai sinh,"${spelling}",Hộ tịch\n`);
      assert.deepEqual(p!.levels, levels, spelling);
    }
    assert.match(problemsOf('code,name,levels,field\n1.001193,A,Cấp ấp,Hộ tịch\n')[0]!, /unknown level "Cấp ấp"/);
  });

  test('HTML entities from portal exports are decoded; markup stays text, for the widgets to show as text', () => {
    const text = [
      'code,name,levels,field,agencies',
      '1.001193,Đăng ký &amp; cấp &quot;Giấy khai sinh&quot; &#273;i&#x1EC7;n t&#7917;,xa,Hộ tịch,"Sở Văn hóa, Thể thao &amp; Du lịch"',
      '1.000894,Kết hôn&nbsp;&unknown;,xa,Hộ tịch,',
    ].join('\n');
    const [birth, marriage] = parseCatalogCsv(text);
    assert.equal(birth!.name, 'Đăng ký & cấp "Giấy khai sinh" điện tử');
    assert.deepEqual(birth!.agencies, ['Sở Văn hóa, Thể thao & Du lịch']);
    assert.equal(marriage!.name, 'Kết hôn &unknown;');
    // Catalogue text is data: markup in it is kept as typed (never rendered as HTML), not a reason to refuse the file.
    assert.equal(parseCatalogCsv('code,name,levels,field\n1.001193,Đăng ký<br/>khai sinh,xa,Hộ tịch\n')[0]!.name, 'Đăng ký<br/>khai sinh');
  });

  test('a name longer than any real one (lines joined by a stray quote) is refused', () => {
    const long = 'Đăng ký khai sinh '.repeat(200);
    assert.match(problemsOf(`code,name,levels,field\n1.001193,${long},xa,Hộ tịch\n`)[0]!, /^line 2: procedure 1\.001193: the name is 3599 characters long/);
    assert.equal(parseCatalogCsv(`code,name,levels,field\n1.001193,${'Đăng ký khai sinh '.repeat(70)},xa,Hộ tịch\n`)[0]!.name.length, 1259);
  });

  test('garbled Vietnamese is refused with its line, whatever the header language', () => {
    // What a UTF-8 file looks like after a tool read it as Windows-1252 and saved it again.
    const twice = (s: string) => String.fromCharCode(...new TextEncoder().encode(s)).replace(/[\x80-\x9f]/g, (c) => WINDOWS_1252[c] ?? c);
    const rows = ['code,name,levels,field', '1.001193,Đăng ký khai sinh,xa,Hộ tịch', `1.000894,${twice('Đăng ký kết hôn')},xa,${twice('Hộ tịch')}`];
    assert.match(problemsOf(rows.join('\n'))[0]!, /^line 3: the Vietnamese text is garbled \(".*Äƒng kÃ½ káº¿t hÃ´n.*"\): .*TCVN3.*CSV UTF-8/);
    // Text typed in the TCVN3 (ABC) font encoding, saved as Unicode: "Đăng ký khai sinh" / "Hộ tịch".
    assert.match(problemsOf('code,name,levels,field\n1.001193,§¨ng ký khai sinh,xa,Hé tÞch\n')[0]!, /^line 2: the Vietnamese text is garbled/);
    assert.match(problemsOf(`${VI_HEADER}\n1.001193,Đăng ký \ufffd khai sinh,Cấp xã,,Hộ tịch,,\n`)[0]!, /^line 2: the file was read with the wrong encoding .*CSV UTF-8/);
    // Real names keep the signs that also occur in Vietnamese text: m², °C, µg, «…», one stray symbol.
    const [real] = parseCatalogCsv('code,name,levels,field\n1.001193,«Cấp phép» nhà dưới 100 m² ở 30°C với 5 µg ©,xa,Hộ tịch\n');
    assert.equal(real!.name, '«Cấp phép» nhà dưới 100 m² ở 30°C với 5 µg ©');
  });
});

const WINDOWS_1252: Record<string, string> = {
  '\x80': '€', '\x82': '‚', '\x83': 'ƒ', '\x84': '„', '\x85': '…', '\x86': '†', '\x87': '‡', '\x88': 'ˆ', '\x89': '‰', '\x8a': 'Š', '\x8b': '‹',
  '\x8c': 'Œ', '\x8e': 'Ž', '\x91': '‘', '\x92': '’', '\x93': '“', '\x94': '”', '\x95': '•', '\x96': '–', '\x97': '—', '\x98': '˜', '\x99': '™',
  '\x9a': 'š', '\x9b': '›', '\x9c': 'œ', '\x9e': 'ž', '\x9f': 'Ÿ',
};
