// The project's JSON catalogue format: what loads, what is refused (with a message that names the place),
// and what the catalogue derives for the API.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { CatalogError, createCatalogue, parseCatalogJson } from '../src/catalog/index.ts';

const birth = {
  code: '1.001193',
  name: 'Đăng ký khai sinh',
  levels: ['xa'],
  field: 'Hộ tịch',
  agencies: ['Ủy ban nhân dân cấp xã'],
  online: 'toan-trinh',
  methods: [
    { channel: 'direct', processingTime: { value: 1, unit: 'working-day' }, fees: [{ kind: 'le-phi', amountVnd: 0, description: 'Miễn lệ phí' }] },
    { channel: 'online', processingTime: { value: 4, unit: 'hour' }, fees: [] },
  ],
  documentCases: [{ name: 'Trẻ em sinh ra tại Việt Nam', documents: [{ name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0, required: true, template: 'Tờ khai đăng ký khai sinh' }] }],
  steps: [{ title: 'Nộp hồ sơ', description: 'Tại Bộ phận một cửa' }],
  results: ['Giấy khai sinh'],
  legalBasis: [{ number: '60/2014/QH13', title: 'Luật Hộ tịch' }],
};
const listedOnly = { code: '1.000894', name: 'Đăng ký kết hôn', levels: ['xa'], field: 'Hộ tịch' };

function catalogue(procedures: unknown[]): string {
  return JSON.stringify({ format: 'dvc-kit-catalog', version: 1, procedures });
}

function problemsOf(input: unknown): string[] {
  try {
    parseCatalogJson(input);
  } catch (error) {
    assert.ok(error instanceof CatalogError, `expected a CatalogError, got ${String(error)}`);
    return [...error.problems];
  }
  assert.fail('the catalogue was accepted');
}

describe('parseCatalogJson', () => {
  test('reads a procedure and fills omitted detail with empty values', () => {
    const [full, listed] = parseCatalogJson(catalogue([birth, listedOnly]));
    assert.equal(full!.methods.length, 2);
    assert.deepEqual(full!.legalBasis, [{ number: '60/2014/QH13', title: 'Luật Hộ tịch' }]);
    assert.deepEqual(listed, {
      code: '1.000894', name: 'Đăng ký kết hôn', levels: ['xa'], field: 'Hộ tịch', agencies: [], type: null, issuingAgency: null,
      subjects: [], online: 'none', methods: [], documentCases: [], steps: [], conditions: [], results: [], legalBasis: [],
    });
  });

  test('accepts an already parsed value, a BOM, local variant codes, NFD text and untidy spaces', () => {
    const nfd = 'Hoà giải tranh chấp đất đai'.normalize('NFD');
    const [p] = parseCatalogJson('\ufeff' + catalogue([{ ...listedOnly, code: '1.011442.000.00.00.H38', name: `  ${nfd}\u00a0 ` }]));
    assert.equal(p!.code, '1.011442.000.00.00.H38');
    assert.equal(p!.name, 'Hoà giải tranh chấp đất đai'.normalize('NFC'));
    assert.equal(parseCatalogJson(JSON.parse(catalogue([listedOnly])))[0]!.code, '1.000894');
  });

  test('agencies spelled two ways are one agency', () => {
    const [p] = parseCatalogJson(catalogue([{ ...listedOnly, agencies: ['Sở Công Thương', 'Sở Công thương'] }]));
    assert.deepEqual(p!.agencies, ['Sở Công Thương']);
  });

  test('refuses what is not the format, saying so', () => {
    assert.match(problemsOf('{"format": "dvc-kit-catalog",')[0]!, /not valid JSON/);
    assert.match(problemsOf({ format: 'other', version: 1, procedures: [] })[0]!, /catalogue\.format: must be "dvc-kit-catalog"/);
    assert.match(problemsOf({ format: 'dvc-kit-catalog', version: 2, procedures: [] })[0]!, /catalogue\.version: must be 1/);
    assert.match(problemsOf({ format: 'dvc-kit-catalog', version: 1, procedures: {} })[0]!, /procedures: must be an array/);
    assert.match(problemsOf([])[0]!, /catalogue: must be an object/);
  });

  test('names the procedure and the path of every mistake', () => {
    const problems = problemsOf(catalogue([
      { ...listedOnly, code: '1001193' },
      { ...listedOnly, code: '1.000656', levels: ['huyen'] },
      { ...listedOnly, code: '1.004873', levels: [] },
      { ...listedOnly, code: '2.000815', legalBases: [] },
      { ...listedOnly, code: '2.000884', name: '   ' },
      { ...birth, code: '1.004222', methods: [{ channel: 'fax', fees: [{ kind: 'le-phi', amountVnd: -5 }] }] },
      { ...listedOnly, code: '1.004194', online: 'muc-do-4' },
    ]));
    const expected = [
      /procedures\[0\] \(1001193\)\.code: "1001193" is not a procedure code/,
      /procedures\[1\] \(1\.000656\)\.levels\[0\]: must be one of xa, tinh, bo, khac; got "huyen"/,
      /procedures\[2\] \(1\.004873\)\.levels: must name at least one level/,
      /procedures\[3\] \(2\.000815\): unknown property "legalBases"/,
      /procedures\[4\] \(2\.000884\)\.name: must not be empty/,
      /procedures\[5\] \(1\.004222\)\.methods\[0\]\.channel: must be one of direct, online, postal; got "fax"/,
      /procedures\[5\] \(1\.004222\)\.methods\[0\]\.fees\[0\]\.amountVnd: must be a whole number ≥ 0, got number -5/,
      /procedures\[6\] \(1\.004194\)\.online: must be one of toan-trinh, mot-phan, none; got "muc-do-4"/,
    ];
    for (const pattern of expected) assert.ok(problems.some((p) => pattern.test(p)), `no problem matches ${pattern}:\n${problems.join('\n')}`);
  });

  test('refuses duplicate codes, pointing at the first', () => {
    const problems = problemsOf(catalogue([listedOnly, birth, { ...listedOnly, name: 'Đăng ký lại kết hôn' }]));
    assert.deepEqual(problems, ['procedures[2] (1.000894).code: duplicate code: procedures[0] already has it']);
  });

  test('the error message lists the problems for a person to read', () => {
    try {
      parseCatalogJson(catalogue([{ ...listedOnly, code: 'x' }, { ...listedOnly, code: 'y' }]));
      assert.fail('accepted');
    } catch (error) {
      assert.match((error as Error).message, /^2 problems in the catalogue:\n {2}procedures\[0\] \(x\)\.code/);
    }
  });

  test('loads the shipped sample catalogue', () => {
    const text = readFileSync(new URL('../data/catalog.json', import.meta.url), 'utf8');
    const c = createCatalogue(parseCatalogJson(text));
    assert.ok(c.size >= 150, `sample has ${c.size} procedures`);
    assert.ok(c.detailedCount >= 30, `sample has ${c.detailedCount} detailed procedures`);
  });
});

describe('derived fields', () => {
  const c = createCatalogue(parseCatalogJson(catalogue([birth, listedOnly])));

  test('a detailed procedure: ids, first agency, shortest time, fee summary, portal link', () => {
    const p = c.get('1.001193')!;
    assert.deepEqual(p.field, { id: 'ho-tich', name: 'Hộ tịch' });
    assert.deepEqual(p.agency, { id: 'uy-ban-nhan-dan-cap-xa', name: 'Ủy ban nhân dân cấp xã' });
    assert.deepEqual(p.processingTime, { value: 4, unit: 'hour' });
    assert.deepEqual(p.fee, { free: true, minVnd: 0, maxVnd: 0 });
    assert.equal(p.portalUrl, 'https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.001193');
    assert.equal(p.detailed, true);
    assert.equal(p.documentCases[0]!.documents[0]!.template, 'Tờ khai đăng ký khai sinh');
  });

  test('a listed-only procedure has no time, no fee and is not detailed', () => {
    const p = c.get('1.000894')!;
    assert.equal(p.agency, null);
    assert.equal(p.processingTime, null);
    assert.equal(p.fee, null);
    assert.equal(p.detailed, false);
    assert.equal(c.get('9.999999'), undefined);
  });

  test('fees: cheapest and dearest, not free when an amount is unknown', () => {
    const fees = [{ kind: 'le-phi', amountVnd: 50000, description: '' }, { kind: 'phi', amountVnd: null, description: 'Theo nghị quyết HĐND tỉnh' }];
    const paid = { ...listedOnly, methods: [{ channel: 'direct', fees }, { channel: 'online', fees: [{ kind: 'le-phi', amountVnd: 25000 }] }] };
    const p = createCatalogue(parseCatalogJson(catalogue([paid]))).get('1.000894')!;
    assert.deepEqual(p.fee, { free: false, minVnd: 25000, maxVnd: 50000 });
  });

  test('local variant codes are URL-encoded in the portal link', () => {
    const local = createCatalogue(parseCatalogJson(catalogue([{ ...listedOnly, code: '1.011442.000.00.00.H38' }])));
    assert.match(local.get('1.011442.000.00.00.H38')!.portalUrl, /ma_thu_tuc=1\.011442\.000\.00\.00\.H38$/);
  });

  test('the version changes with the content, not with the order of keys', () => {
    const reordered = Object.fromEntries(Object.entries(birth).reverse());
    assert.equal(createCatalogue(parseCatalogJson(catalogue([reordered, listedOnly]))).version, c.version);
    const changed = createCatalogue(parseCatalogJson(catalogue([birth, { ...listedOnly, name: 'Đăng ký kết hôn lưu động' }])));
    assert.notEqual(changed.version, c.version);
    assert.match(c.version, /^[0-9a-f]{16}$/);
  });

  test('procedures handed out cannot be changed by a caller', () => {
    const p = c.get('1.001193')!;
    assert.throws(() => {
      (p as { name: string }).name = 'x';
    }, TypeError);
  });

  test('createCatalogue refuses duplicate codes from any source', () => {
    const [p] = parseCatalogJson(catalogue([listedOnly]));
    assert.throws(() => createCatalogue([p!, p!]), /duplicate procedure code 1\.000894/);
  });
});
