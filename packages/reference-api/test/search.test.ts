// Vietnamese search behaviours a citizen notices, on a small catalogue written here (real codes and names).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Level, OnlineService, SearchParams } from '@dvc-kit/sdk';
import { createCatalogue, type CatalogProcedure } from '../src/catalog/index.ts';

function procedure(code: string, name: string, levels: Level[], field: string, agencies: string[], online: OnlineService = 'none'): CatalogProcedure {
  return {
    code, name, levels, field, agencies, online, type: 'TTHC tiêu chuẩn', issuingAgency: null, subjects: [], methods: [],
    documentCases: [], steps: [], conditions: [], results: [], legalBasis: [],
  };
}

const COMMUNE = 'Ủy ban nhân dân cấp xã';
const PROCEDURES = [
  procedure('1.001193', 'Đăng ký khai sinh', ['xa'], 'Hộ tịch', [COMMUNE], 'toan-trinh'),
  procedure('1.004884', 'Đăng ký lại khai sinh', ['xa'], 'Hộ tịch', [COMMUNE], 'mot-phan'),
  procedure('2.000528', 'Đăng ký khai sinh có yếu tố nước ngoài', ['xa'], 'Hộ tịch', [COMMUNE], 'mot-phan'),
  procedure('1.000894', 'Đăng ký kết hôn', ['xa'], 'Hộ tịch', [COMMUNE], 'mot-phan'),
  procedure('1.000656', 'Đăng ký khai tử', ['xa'], 'Hộ tịch', [COMMUNE], 'toan-trinh'),
  procedure('1.004873', 'Cấp Giấy xác nhận tình trạng hôn nhân', ['xa'], 'Hộ tịch', [COMMUNE], 'toan-trinh'),
  procedure('2.000815', 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền cấp', ['xa', 'tinh'], 'Chứng thực', [COMMUNE, 'Phòng Tư pháp']),
  procedure('1.004222', 'Đăng ký thường trú', ['xa'], 'Cư trú', ['Công an cấp xã'], 'toan-trinh'),
  procedure('1.004194', 'Đăng ký tạm trú', ['xa'], 'Cư trú', ['Công an cấp xã'], 'toan-trinh'),
  procedure('1.012783', 'Cấp đổi Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất', ['tinh'], 'Đất đai', ['Văn phòng đăng ký đất đai']),
  procedure('1.013225', 'Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp IV và nhà ở riêng lẻ', ['xa'], 'Hoạt động xây dựng', [COMMUNE]),
  procedure('1.013228', 'Cấp lại giấy phép xây dựng đối với công trình cấp III, cấp IV và nhà ở riêng lẻ', ['xa'], 'Hoạt động xây dựng', [COMMUNE]),
  procedure('1.001612', 'Đăng ký thành lập hộ kinh doanh', ['xa'], 'Thành lập và hoạt động doanh nghiệp (hộ kinh doanh)', [COMMUNE], 'toan-trinh'),
  procedure('2.000720', 'Đăng ký thay đổi nội dung đăng ký hộ kinh doanh', ['xa'], 'Thành lập và hoạt động doanh nghiệp (hộ kinh doanh)', [COMMUNE]),
  procedure('1.011442.000.00.00.H38', 'Hoà giải tranh chấp đất đai', ['xa'], 'Đất đai', [COMMUNE]),
  procedure('1.001613', 'Giải quyết hưởng BHXH một lần', ['tinh'], 'Bảo hiểm xã hội', ['Bảo hiểm xã hội tỉnh']),
  procedure('1.010001', 'Xét tặng danh hiệu Lao động tiên tiến', ['tinh'], 'Thi đua – Khen thưởng', ['Sở Nội vụ']),
  procedure('1.010002', 'Tặng Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã', ['xa'], 'Thi đua - khen thưởng', [COMMUNE]),
  procedure('1.010003', 'Tặng Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã', ['xa'], 'Thi đua - khen thưởng', [COMMUNE]),
];
const catalogue = createCatalogue(PROCEDURES);

function codes(q: string, params: SearchParams = {}): string[] {
  return catalogue.search({ ...params, q, pageSize: 50 }).items.map((i) => i.code);
}

function first(q: string): string | undefined {
  return codes(q)[0];
}

/** The matched parts of a result's name, as text. */
function marked(q: string, code: string): string[] {
  const item = catalogue.search({ q, pageSize: 50 }).items.find((i) => i.code === code);
  assert.ok(item, `${code} not found for "${q}"`);
  return item.matches.filter((m) => m.field === 'name').map((m) => item.name.slice(m.start, m.end));
}

describe('Vietnamese text', () => {
  test('finds the same procedure with or without diacritics, in any case', () => {
    for (const q of ['Đăng ký khai sinh', 'dang ky khai sinh', 'DANG KY KHAI SINH', 'đăng kí khai sinh']) assert.equal(first(q), '1.001193', q);
  });

  test('đ and Đ match d', () => {
    assert.equal(first('dang ky tam tru'), '1.004194');
    assert.equal(first('Đăng ký tạm trú'), '1.004194');
  });

  test('Telex leftovers are undone', () => {
    assert.equal(first('khai sinhf'), '1.001193');
    assert.equal(first('ddawng kys keets hoon'), '1.000894');
    assert.equal(first('hoaf giair tranh chaaps ddaats ddai'), '1.011442.000.00.00.H38');
  });

  test('old and new tone placement match each other', () => {
    assert.equal(first('hòa giải'), '1.011442.000.00.00.H38');
    assert.equal(first('hoà giải'), '1.011442.000.00.00.H38');
    assert.deepEqual(marked('hòa giải', '1.011442.000.00.00.H38'), ['Hoà', 'giải']);
  });

  test('a word typed with a typo still finds the procedure', () => {
    assert.equal(first('dang ky khai sihn'), '1.001193');
    assert.equal(first('dang ky ket hno'), '1.000894');
    assert.equal(first('dang ky thuongg tru'), '1.004222');
    assert.equal(first('khaisinh'), '1.001193');
  });

  test('the last word matches as a prefix while typing', () => {
    assert.equal(first('dang ky ket h'), '1.000894');
    assert.deepEqual(codes('khai si').slice(0, 3).sort(), ['1.001193', '1.004884', '2.000528']);
    assert.deepEqual(marked('dang ky ket h', '1.000894'), ['Đăng', 'ký', 'kết', 'hôn']);
  });

  test('a finished word (followed by a space) is not a prefix', () => {
    assert.deepEqual(marked('dang ky tam tr', '1.004194'), ['Đăng', 'ký', 'tạm', 'trú']);
    assert.deepEqual(marked('dang ky tam tr ', '1.004194'), ['Đăng', 'ký', 'tạm']);
  });
});

describe('what citizens call things', () => {
  test('colloquial names and abbreviations find the official procedure', () => {
    const cases: [string, string][] = [
      ['sổ đỏ', '1.012783'], ['so do', '1.012783'], ['sổ hồng', '1.012783'], ['GCN QSDĐ', '1.012783'],
      ['hộ khẩu', '1.004222'], ['nhập hộ khẩu', '1.004222'],
      ['GPXD', '1.013225'], ['xin giấy phép xây nhà', '1.013225'],
      ['HKD', '1.001612'], ['ĐKKD', '1.001612'],
      ['giấy khai sinh', '1.001193'], ['làm giấy khai sinh cho con', '1.001193'],
      ['làm giấy đăng ký kết hôn', '1.000894'], ['giấy xác nhận độc thân', '1.004873'],
      ['công chứng bản sao', '2.000815'], ['sao y bản chính', '2.000815'],
      ['bảo hiểm xã hội một lần', '1.001613'],
    ];
    for (const [q, code] of cases) assert.equal(first(q), code, q);
  });

  test('highlights the words the synonym stands for', () => {
    assert.deepEqual(marked('sổ đỏ', '1.012783'), ['Giấy', 'chứng', 'nhận', 'quyền', 'sử', 'dụng', 'đất', 'quyền', 'đất']);
    assert.deepEqual(marked('bao hiem xa hoi mot lan', '1.001613'), ['BHXH', 'một', 'lần']);
  });

  test('filler around the request is ignored', () => {
    assert.equal(first('thủ tục đăng ký kết hôn như thế nào'), '1.000894');
    assert.equal(first('tôi muốn xin đăng ký tạm trú ở đâu'), '1.004194');
  });

  test('a base procedure comes before its follow-ups when no follow-up is asked for', () => {
    assert.deepEqual(codes('cấp giấy phép xây dựng').slice(0, 2), ['1.013225', '1.013228']);
    assert.equal(first('cấp lại giấy phép xây dựng'), '1.013228');
    assert.equal(first('dang ky ho kinh doanh'), '1.001612');
  });

  test('a province adds its own words', () => {
    const local = createCatalogue(PROCEDURES, { synonyms: [{ say: ['làm giấy tờ nhà'], means: ['giấy phép xây dựng'] }] });
    assert.equal(local.search({ q: 'lam giay to nha' }).items[0]?.code, '1.013225');
    assert.notEqual(local.version, catalogue.version, 'search answers differ, so the version does');
    assert.notEqual(first('lam giay to nha'), '1.013225');
  });
});

describe('codes', () => {
  test('a whole code finds that procedure first and marks the code', () => {
    const [item] = catalogue.search({ q: '1.001193' }).items;
    assert.equal(item?.code, '1.001193');
    assert.deepEqual(item?.matches, [{ field: 'code', start: 0, end: 8 }]);
  });

  test('the last digits of the code find it', () => {
    for (const q of ['001193', '1193', ' 001193 ']) assert.equal(first(q), '1.001193', q);
    assert.deepEqual(catalogue.search({ q: '001193' }).items[0]?.matches, [{ field: 'code', start: 2, end: 8 }]);
  });

  test('a local variant is found by its whole code, in any case, and by its base code', () => {
    assert.equal(first('1.011442.000.00.00.h38'), '1.011442.000.00.00.H38');
    assert.equal(first('1.011442'), '1.011442.000.00.00.H38');
    assert.equal(first('011442'), '1.011442.000.00.00.H38');
  });

  test('a code being typed lists the codes that start with it', () => {
    assert.deepEqual(codes('1.0048'), ['1.004873', '1.004884']);
  });
});

describe('ranking', () => {
  test('procedures matching every word come before those matching some', () => {
    const found = codes('khai sinh nuoc ngoai');
    assert.equal(found[0], '2.000528');
    assert.ok(!found.includes('1.000894'), 'a procedure matching none of the words is not listed');
  });

  test('the shortest exact name wins among near-duplicates', () => {
    assert.deepEqual(codes('dang ky khai sinh').slice(0, 3), ['1.001193', '2.000528', '1.004884']);
  });

  test('ties are broken by code, the same way every time', () => {
    const twins = codes('giấy khen chủ tịch');
    assert.deepEqual(twins.slice(0, 2), ['1.010002', '1.010003']);
    for (let i = 0; i < 5; i++) assert.deepEqual(codes('giấy khen chủ tịch'), twins);
  });

  test('match positions are on the original text, whatever was typed', () => {
    assert.deepEqual(marked('ĐĂNG KÝ KẾT HÔN', '1.000894'), ['Đăng', 'ký', 'kết', 'hôn']);
    const item = catalogue.search({ q: 'chung thuc ban sao' }).items[0]!;
    assert.equal(item.code, '2.000815');
    assert.deepEqual(item.matches.slice(0, 3), [
      { field: 'name', start: 0, end: 5 }, { field: 'name', start: 6, end: 10 }, { field: 'name', start: 11, end: 14 },
    ]);
  });

  test('a query with nothing in the catalogue finds nothing', () => {
    const result = catalogue.search({ q: 'zzzzzz qwfpgj' });
    assert.equal(result.total, 0);
    assert.deepEqual(result.items, []);
  });
});

describe('listing, filters and facets', () => {
  test('an empty query lists everything in Vietnamese alphabetical order', () => {
    const result = catalogue.search({ pageSize: 50 });
    assert.equal(result.total, PROCEDURES.length);
    const names = result.items.map((i) => i.name);
    assert.deepEqual(names, [...names].sort(new Intl.Collator('vi').compare));
    assert.equal(names[0], 'Cấp đổi Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất');
    assert.ok(result.items.every((i) => i.matches.length === 0));
    assert.equal(catalogue.search({ q: '   ' }).total, PROCEDURES.length);
  });

  test('pages through results, with sane bounds', () => {
    const all = catalogue.search({ pageSize: 50 }).items.map((i) => i.code);
    const page2 = catalogue.search({ page: 2, pageSize: 5 });
    assert.deepEqual(page2.items.map((i) => i.code), all.slice(5, 10));
    assert.equal(page2.page, 2);
    assert.equal(catalogue.search({ pageSize: 500 }).pageSize, 50);
    assert.equal(catalogue.search({}).pageSize, 10);
    assert.equal(catalogue.search({ page: 0 }).page, 1);
    assert.deepEqual(catalogue.search({ page: 99 }).items, []);
  });

  test('filters by level, field, agency and online service', () => {
    assert.deepEqual(codes('', { level: 'tinh' }).sort(), ['1.001613', '1.010001', '1.012783', '2.000815']);
    assert.deepEqual(codes('dang ky', { field: 'cu-tru' }), ['1.004194', '1.004222'].sort((a, b) => codes('dang ky').indexOf(a) - codes('dang ky').indexOf(b)));
    assert.deepEqual(codes('', { agency: 'phong-tu-phap' }), ['2.000815']);
    assert.ok(codes('', { online: 'any' }).every((c) => catalogue.get(c)!.online !== 'none'));
    assert.deepEqual(codes('khai sinh', { online: 'toan-trinh' }), ['1.001193']);
  });

  test('each facet counts the matches under the other filters, not its own', () => {
    const { facets, total } = catalogue.search({ q: 'dang ky', field: 'ho-tich', level: 'xa' });
    assert.equal(total, 5);
    // The field facet ignores the field filter: the other fields stay visible with their counts.
    assert.deepEqual(facets.fields.map((f) => [f.value, f.count]), [['ho-tich', 5], ['cu-tru', 2], ['thanh-lap-va-hoat-dong-doanh-nghiep-ho-kinh-doanh', 2]]);
    // The level and online facets apply the field filter.
    assert.deepEqual(facets.levels, [{ value: 'xa', label: 'Cấp xã', count: 5 }]);
    assert.deepEqual(facets.online.map((f) => [f.value, f.count]), [['toan-trinh', 2], ['mot-phan', 3]]);
    assert.deepEqual(facets.agencies, [{ value: 'uy-ban-nhan-dan-cap-xa', label: COMMUNE, count: 5 }]);
  });

  test('a chosen filter value stays in its facet even with no matches', () => {
    const { facets, total } = catalogue.search({ q: 'khai sinh', level: 'bo', field: 'dat-dai' });
    assert.equal(total, 0);
    assert.ok(facets.levels.some((f) => f.value === 'bo' && f.count === 0 && f.label === 'Cấp Bộ'));
    assert.ok(facets.fields.some((f) => f.value === 'dat-dai' && f.count === 0 && f.label === 'Đất đai'));
  });

  test('fields and agencies list every value with its count; spelling variants are one value', () => {
    const fields = catalogue.fields().items;
    assert.deepEqual(fields.find((f) => f.id === 'thi-dua-khen-thuong'), { id: 'thi-dua-khen-thuong', name: 'Thi đua - khen thưởng', count: 3 });
    assert.deepEqual(fields.find((f) => f.id === 'ho-tich'), { id: 'ho-tich', name: 'Hộ tịch', count: 6 });
    assert.equal(catalogue.agencies().items.find((a) => a.id === 'uy-ban-nhan-dan-cap-xa')?.count, 14);
    assert.equal(catalogue.get('1.010001')!.field.id, 'thi-dua-khen-thuong');
  });
});
