// Vietnamese folding and highlighting as users meet them: no diacritics typed, đ, old and new tone placement,
// Telex leftovers, and match positions that land on the original text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fold, highlight, segments } from '@dvc-kit/sdk';
import { foldWithMap, queryTerms, untelex } from '@dvc-kit/sdk/text';

const marked = (text: string, query: string) => highlight(text, query).filter((s) => s.match).map((s) => s.text);

test('fold drops diacritics, maps đ and ignores tone placement', () => {
  assert.equal(fold('Đăng ký khai sinh'), 'dang ky khai sinh');
  assert.equal(fold('hoà'), fold('hòa'));
  assert.equal(fold('QUYỀN SỬ DỤNG ĐẤT'), 'quyen su dung dat');
});

test('Telex leftovers are cleaned from what was typed', () => {
  assert.equal(untelex('nguyeenx'), 'nguyen');
  assert.equal(untelex('ddaats'), 'dat');
  assert.equal(untelex('khaaur'), 'khau');
  assert.equal(untelex('dduwowngf'), 'duong');
  assert.equal(untelex('cccd'), 'cccd'); // an abbreviation, not Telex
  assert.deepEqual(queryTerms('Đăng kys khai sinhf'), ['dang', 'ky', 'khai', 'sinh']);
});

test('highlight marks word prefixes on the original text, with its diacritics', () => {
  assert.deepEqual(marked('Đăng ký khai sinh', 'dang ky'), ['Đăng', 'ký']);
  assert.deepEqual(marked('Cấp giấy chứng nhận quyền sử dụng đất', 'dat'), ['đất']);
  assert.deepEqual(marked('Đăng ký kết hôn', 'hon nhan'), ['hôn']);
  assert.deepEqual(marked('Thủ tục 1.001193', '001193'), ['001193']);
  assert.deepEqual(marked('Đăng ký', ''), []);
});

test('segments follow the API match ranges and survive bad ones', () => {
  assert.deepEqual(segments('Đăng ký khai sinh', [[8, 12]]).map((s) => [s.text, s.match]),
    [['Đăng ký ', false], ['khai', true], [' sinh', false]]);
  assert.equal(segments('abc', [[2, 99], [-5, 1]]).map((s) => s.text).join(''), 'abc');
});

test('foldWithMap: the same answer from remembered characters as the first time', () => {
  assert.deepEqual(foldWithMap('Hộ Tịch'), { folded: 'ho tich', map: [0, 1, 2, 3, 4, 5, 6, 7] });
  // e + combining acute (2 UTF-16 units, one folded letter); an astral letter (2 units); ﬁ folds to itself.
  assert.deepEqual(foldWithMap('e\u0301𝐀ﬁ'), { folded: 'e𝐀ﬁ'.toLowerCase(), map: [0, 2, 2, 4, 5] });
  for (const text of ['ĐĂNG KÝ Hộ Tịch', 'hoà hòa', 'İstanbul ǅ ß', '👩‍👩‍👧 emoji', '']) {
    assert.deepEqual(foldWithMap(text), foldWithMap(text), text);
    assert.equal(foldWithMap(text).folded, fold(text), text);
  }
});
