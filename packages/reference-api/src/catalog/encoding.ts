/**
 * A catalogue file's bytes → text. Spreadsheets save Vietnamese in several encodings; reading one of them as
 * UTF-8 would accept garbled names, so only what can be identified for certain is decoded (UTF-8, and UTF-16
 * as Excel's "Unicode text" and Windows Notepad write it) and everything else is refused with how to re-save it.
 * Uses TextDecoder only, so it runs in a browser tab as well as in Node.
 */
import { CatalogError } from './model.ts';

/** What Excel and LibreOffice call the format to choose, for messages. */
export const RESAVE_AS_UTF8 =
  'save it again as UTF-8: in Excel, File › Save As › "CSV UTF-8 (Comma delimited) (*.csv)"; in LibreOffice, ' +
  'File › Save As › Text CSV with Character set "Unicode (UTF-8)"';

/** Files that are not text at all, by their first bytes. */
const BINARY: readonly { magic: readonly number[]; what: string }[] = [
  { magic: [0x50, 0x4b, 0x03, 0x04], what: 'an Excel workbook (.xlsx) or another zip file' },
  { magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: 'an old Excel workbook (.xls)' },
  { magic: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}

/** UTF-16 without a BOM shows as a NUL byte beside every ASCII character; which side tells the byte order. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = Math.min(bytes.length, 200) & ~1;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  if (sample < 4) return null;
  if (odd > sample / 4 && even === 0) return 'utf-16le';
  if (even > sample / 4 && odd === 0) return 'utf-16be';
  return null;
}

/** The 1-based line of a byte offset, for "line 12: not UTF-8". */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** The offset of the first byte sequence that is not UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let low = 0;
  let high = bytes.length;
  // Bisect on prefixes: a prefix decodes unless it contains the bad sequence (or ends inside a valid one,
  // which `stream: true` tolerates).
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, middle), { stream: true });
      low = middle;
    } catch {
      high = middle;
    }
  }
  return low;
}

/**
 * Decodes a catalogue file: UTF-8 (BOM optional) or UTF-16 (BOM, or NUL-padded ASCII). The BOM is removed.
 * Throws a CatalogError for binary files (workbooks) and for text in any other encoding.
 */
export function decodeCatalogBytes(bytes: Uint8Array): string {
  for (const { magic, what } of BINARY) {
    if (startsWith(bytes, magic)) throw new CatalogError([`The file is ${what}, not a CSV or JSON text file: ${RESAVE_AS_UTF8}`]);
  }
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return decodeUtf8(bytes.subarray(3), bytes);
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return new TextDecoder(utf16).decode(bytes);
  return decodeUtf8(bytes, bytes);
}

function decodeUtf8(bytes: Uint8Array, whole: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const line = lineAt(whole, whole.length - bytes.length + firstInvalidUtf8(bytes));
    throw new CatalogError([
      `line ${line}: the file is not UTF-8 (it looks like a legacy Vietnamese encoding: Windows-1258, TCVN3/ABC or VNI); ${RESAVE_AS_UTF8}`,
    ]);
  }
}

/** Double-encoded UTF-8 ("Ä‘Äƒng kÃ½"): a lead byte's Latin-1 letter followed by a continuation byte's symbol. */
const UTF8_READ_AS_LATIN1 = /[ÃÄÅÆáâ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/g;
/**
 * Text typed in a legacy font encoding (TCVN3/ABC ".VnTime", VNI) and saved as Unicode: Latin-1 letters
 * Vietnamese never uses, or symbols inside words ("CÊp tØnh", "Ñaêng kyù"). Superscripts, °, µ and « » are
 * left out: they occur in real names (m², °C, µg, «…»).
 */
const LEGACY_FONT_TEXT = /[ÄÅÆÇËÎÏÐÑÖØÛÜÞßäåæçëîïðñöøûüþÿ]|(?<=\p{L})[¡-¯±´¶·¸º¼-¿×÷]|[¡-¯±´¶·¸º¼-¿×÷](?=\p{L})/gu;

function firstTwo(text: string, pattern: RegExp): number[] {
  const found: number[] = [];
  for (const match of text.matchAll(pattern)) {
    found.push(match.index);
    if (found.length === 2) break;
  }
  return found;
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function around(text: string, index: number): string {
  const start = text.lastIndexOf('\n', index) + 1;
  const end = text.indexOf('\n', index);
  const line = text.slice(start, end === -1 ? undefined : end).trim();
  const from = Math.max(0, index - start - 20);
  return `${from > 0 ? '…' : ''}${line.slice(from, from + 50)}${line.length > from + 50 ? '…' : ''}`;
}

/**
 * Refuses text that was decoded with the wrong encoding somewhere on its way: replacement characters (bytes a
 * tool could not read as UTF-8), UTF-8 read as Windows-1252 and saved again, legacy font encodings. Two signs
 * are needed, so one odd character in a large catalogue does not refuse it.
 */
export function assertReadableVietnamese(text: string): void {
  const replaced = text.indexOf('\ufffd');
  if (replaced !== -1) {
    throw new CatalogError([
      `line ${lineOf(text, replaced)}: the file was read with the wrong encoding (it holds "\ufffd" where letters were); ${RESAVE_AS_UTF8}`,
    ]);
  }
  const signs = [...firstTwo(text, UTF8_READ_AS_LATIN1), ...firstTwo(text, LEGACY_FONT_TEXT)];
  if (signs.length < 2) return;
  const first = Math.min(...signs);
  throw new CatalogError([
    `line ${lineOf(text, first)}: the Vietnamese text is garbled ("${around(text, first)}"): it was typed in a legacy font ` +
      'encoding (TCVN3/ABC such as .VnTime, or VNI) or converted twice. Convert it to Unicode first (for example with ' +
      `UniKey's "Công cụ chuyển mã", from TCVN3 or VNI to Unicode), then ${RESAVE_AS_UTF8}`,
  ]);
}
