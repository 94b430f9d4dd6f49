/**
 * CSV import: what a web team can export from a spreadsheet or from the national database (Vietnamese headers),
 * untidy values included. The accepted header is documented in ./README.md; keep the two in step.
 *
 * csv-parse's browser build is used on purpose: its Node build needs the global `Buffer`, which a browser tab
 * (the in-memory reference API behind stories and demos) does not have. The browser build runs in Node too.
 */
import { CsvError, parse } from 'csv-parse/browser/esm/sync';
import { fold } from '@dvc-kit/sdk/text';
import { CatalogError, CODE_PATTERN, type CatalogProcedure, type Level, type OnlineService } from './model.ts';
import { assertReadableVietnamese } from './encoding.ts';
import { cleanLine, slug, uniqueNames } from './text.ts';

type Column = 'code' | 'name' | 'levels' | 'type' | 'field' | 'issuingAgency' | 'agencies' | 'online';

/** Header spellings per column, as folded keys without spaces or punctuation ("Mã thủ tục" → "mathutuc"). */
const HEADERS: Record<Column, readonly string[]> = {
  code: ['mathutuc', 'matthc', 'ma', 'code', 'procedurecode'],
  name: ['tenthutuc', 'tentthc', 'ten', 'name', 'procedurename'],
  levels: ['capthuchien', 'cap', 'levels', 'level'],
  type: ['loaithutuc', 'loaitthc', 'loai', 'type', 'proceduretype'],
  field: ['linhvuc', 'field'],
  issuingAgency: ['coquanbanhanh', 'issuingagency'],
  agencies: ['coquanthuchien', 'agencies', 'agency', 'executingagency', 'executingagencies'],
  online: ['dichvucongtructuyen', 'dvctt', 'mucdo', 'online', 'onlineservice'],
};
const REQUIRED: readonly Column[] = ['code', 'name', 'levels', 'field'];

function headerKey(header: string): string {
  return fold(cleanLine(header)).replace(/[^a-z0-9]/g, '');
}

const LEVEL_WORDS: Record<string, Level> = {
  xa: 'xa', phuong: 'xa', xaphuong: 'xa', xaphuongthitran: 'xa', dackhu: 'xa', xaphuongdackhu: 'xa', commune: 'xa', ward: 'xa',
  tinh: 'tinh', thanhpho: 'tinh', province: 'tinh',
  bo: 'bo', trunguong: 'bo', bonganh: 'bo', ministry: 'bo', central: 'bo',
  coquankhac: 'khac', khac: 'khac', other: 'khac',
};

function parseLevels(value: string, problem: (message: string) => void): Level[] {
  const levels = new Set<Level>();
  for (const part of value.split(/[,;/|]|\s(?:và|and)\s/i)) {
    const key = fold(part).replace(/[^a-z0-9]/g, '').replace(/^cap/, '');
    if (!key) continue;
    const level = LEVEL_WORDS[key];
    if (level) levels.add(level);
    else if (key === 'huyen' || key === 'quanhuyen') {
      problem(`"${cleanLine(part)}": the district level was abolished on 1/7/2025; use Cấp xã or Cấp tỉnh`);
    } else problem(`unknown level "${cleanLine(part)}" (use Cấp xã, Cấp tỉnh, Cấp Bộ or Cơ quan khác)`);
  }
  return [...levels];
}

const ONLINE_WORDS: Record<string, OnlineService> = {
  '': 'none', khong: 'none', none: 'none', no: 'none', thongtin: 'none', mucdo1: 'none', mucdo2: 'none', '1': 'none', '2': 'none',
  motphan: 'mot-phan', partial: 'mot-phan', mucdo3: 'mot-phan', '3': 'mot-phan',
  toantrinh: 'toan-trinh', full: 'toan-trinh', mucdo4: 'toan-trinh', '4': 'toan-trinh',
};

/**
 * Agencies are comma-separated, but agency names contain commas too ("Sở Văn hóa, Thể thao và Du lịch",
 * "Ủy ban nhân dân xã, phường, thị trấn"). A piece that starts in lower case, or with "Thể thao"/"Thể dục"
 * (the tail of the culture department's name), continues the previous agency instead of starting a new one.
 */
export function splitAgencies(value: string): string[] {
  const agencies: string[] = [];
  for (const raw of value.split(/[,;]/)) {
    const piece = cleanLine(raw);
    if (!piece) continue;
    const last = agencies.length - 1;
    const continues = /^\p{Ll}/u.test(piece) || /^thể (thao|dục)/i.test(piece);
    if (continues && last >= 0) agencies[last] = `${agencies[last]}, ${piece}`;
    else agencies.push(piece);
  }
  return uniqueNames(agencies.map((name) => name.replace(/[\s.,;:]+$/, '')));
}

const DELIMITERS = [',', ';', '\t'] as const;
/** How far down a title ("DANH MỤC THỦ TỤC HÀNH CHÍNH …"), a decision's reference and blank rows may push the header. */
const HEADER_SEARCH_LINES = 10;

function columnOf(header: string): Column | undefined {
  const key = headerKey(header.replace(/^"|"$/g, ''));
  return (Object.keys(HEADERS) as Column[]).find((c) => HEADERS[c].includes(key));
}

/**
 * The header line (0-based) and the separator: the first of the first lines that names the most known columns
 * (at least two) under one of , ; or tab. Without one, line 0 with the separator it uses most, so the
 * "missing column" error names the first line.
 */
function findHeader(lines: readonly string[]): { index: number; delimiter: string } {
  let best = { index: 0, delimiter: '', known: 1 };
  lines.slice(0, HEADER_SEARCH_LINES).forEach((line, index) => {
    for (const delimiter of DELIMITERS) {
      const known = new Set(line.split(delimiter).map(columnOf).filter(Boolean)).size;
      if (known > best.known) best = { index, delimiter, known };
    }
  });
  if (best.delimiter) return best;
  const first = lines[0] ?? '';
  const counts = DELIMITERS.map((d) => [d, first.split(d).length] as const).sort((a, b) => b[1] - a[1]);
  return { index: 0, delimiter: counts[0]![0] };
}

/** Codes as spreadsheets keep them: `'1.001193` (Excel's text marker), `="1.001193"` (an exporter's). */
function cleanCode(value: string): string {
  return value.replace(/^'/, '').replace(/^="(.*)"$/, '$1').trim();
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Portal exports leave HTML entities in text (`&amp;`, `&quot;`, `&#273;`); shown as text they would read as code. */
function decodeEntities(value: string): string {
  return value.replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]+));/gi, (entity, dec?: string, hex?: string, name?: string) => {
    const point = dec ? Number(dec) : hex ? parseInt(hex, 16) : undefined;
    if (point !== undefined) return point > 0 && point <= 0x10ffff ? String.fromCodePoint(point) : entity;
    return ENTITIES[name!.toLowerCase()] ?? entity;
  });
}

/** Longer than any real procedure name (the longest of a province's 2,169 is about 1,200 characters). */
const MAX_NAME_LENGTH = 3000;

function codeProblem(code: string): string {
  if (!code) return 'no procedure code (Mã thủ tục)';
  const hint = /^\d[.,]\d{1,5}$|^\d,\d{6}$|^\d[.,]?\d*E[+-]?\d+$/i.test(code)
    ? '; the spreadsheet stored it as a number and dropped its zeros: format the column as Text and type the codes again (or export them as text)'
    : '';
  return `"${code}" is not a procedure code (expected d.dddddd, e.g. 1.001193)${hint}`;
}

interface Row {
  line: number;
  procedure: CatalogProcedure;
}

/**
 * Parse a catalogue from CSV text (UTF-8; BOM, CRLF, `,` `;` or tab separators accepted). Title and blank rows
 * above the header, blank rows, and notes below the last procedure are skipped.
 */
export function parseCatalogCsv(input: string): CatalogProcedure[] {
  const text = input.replace(/^\ufeff/, '');
  assertReadableVietnamese(text);
  const lines = text.split('\n', HEADER_SEARCH_LINES + 1);
  const header = findHeader(lines.map((line) => line.replace(/\r$/, '')));
  const skipped = header.index;
  const offset = lines.slice(0, skipped).reduce((sum, line) => sum + line.length + 1, 0);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text.slice(offset), {
      delimiter: header.delimiter,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const where = error instanceof CsvError && 'lines' in error ? `line ${String(Number(error.lines) + skipped)}: ` : '';
    throw new CatalogError([`${where}the CSV cannot be read: ${(error as Error).message}`]);
  }
  const blank = (record: string[]) => record.every((value) => !cleanLine(value));
  const [head, ...body] = records.filter(({ record }) => !blank(record));
  if (!head) throw new CatalogError(['The CSV is empty: expected a header line and one procedure per line']);
  const headLine = head.info.lines + skipped;

  const columns = new Map<Column, number>();
  const problems: string[] = [];
  head.record.forEach((header, index) => {
    const column = columnOf(header);
    if (!column) return; // Extra spreadsheet columns (STT, notes...) are ignored.
    if (columns.has(column)) problems.push(`line ${headLine}: two columns mean "${column}": "${head.record[columns.get(column)!]}" and "${header}"`);
    columns.set(column, index);
  });
  const missing = REQUIRED.filter((c) => !columns.has(c));
  if (missing.length > 0) {
    problems.push(
      `line ${headLine}: missing column(s) ${missing.map((c) => `${c} (${HEADERS[c][0]})`).join(', ')}; ` +
        `the header must name at least Mã thủ tục, Tên thủ tục, Cấp thực hiện, Lĩnh vực (or code, name, levels, field)`,
    );
  }
  if (problems.length > 0) throw new CatalogError(problems);

  const cell = (record: string[], column: Column) => {
    const index = columns.get(column);
    return index === undefined ? '' : decodeEntities(record[index] ?? '');
  };
  const codeOf = (record: string[]) => cleanCode(cleanLine(cell(record, 'code')));
  // A totals or notes line ("Tổng cộng: 2.169 thủ tục") after the last procedure carries no level and no field.
  let last = body.length - 1;
  while (last >= 0 && !CODE_PATTERN.test(codeOf(body[last]!.record)) && !cleanLine(cell(body[last]!.record, 'levels')) && !cleanLine(cell(body[last]!.record, 'field'))) last--;

  const rows = new Map<string, Row>();
  let previous: Row | undefined;
  for (const { record, info } of body.slice(0, last + 1)) {
    const line = info.lines + skipped;
    const problem = (message: string) => problems.push(`line ${line}: ${message}`);
    if (record.length !== head.record.length) {
      problem(`${record.length} values but the header has ${head.record.length} columns (a missing quote around a value with a comma?)`);
      continue;
    }
    const get = (column: Column) => cleanLine(cell(record, column));
    const code = codeOf(record);
    const name = get('name');
    const field = get('field');
    const label = code || (previous ? `${previous.procedure.code} (continued)` : '');
    const levels = parseLevels(get('levels'), (message) => problem(`procedure ${label}: ${message}`));
    const agencies = splitAgencies(cell(record, 'agencies'));

    // Merged cells: Excel writes a procedure spread over several rows with its code (and name) on the first only.
    if (!code && previous && (!name || fold(name) === fold(previous.procedure.name)) && (!field || slug(field) === slug(previous.procedure.field))) {
      previous.procedure.levels = [...new Set([...previous.procedure.levels, ...levels])];
      previous.procedure.agencies = uniqueNames([...previous.procedure.agencies, ...agencies]);
      continue;
    }
    if (!CODE_PATTERN.test(code)) problem(codeProblem(code));
    if (!name) problem(`procedure ${code} has no name (Tên thủ tục)`);
    else if (name.length > MAX_NAME_LENGTH) problem(`procedure ${code}: the name is ${name.length} characters long (a missing closing quote that joined lines?)`);
    if (!slug(field)) {
      problem(`procedure ${code} has no field (Lĩnh vực); if the column had merged cells, unmerge them and fill the field into every row`);
    }
    if (levels.length === 0 && !get('levels')) problem(`procedure ${code}: no level (Cấp thực hiện) given`);
    const onlineKey = fold(get('online')).replace(/[^a-z0-9]/g, '');
    const online = ONLINE_WORDS[onlineKey];
    if (!online) problem(`procedure ${code}: unknown online service "${get('online')}" (use toàn trình, một phần or leave empty)`);

    const procedure: CatalogProcedure = {
      code, name, levels, field, agencies,
      type: get('type') || null,
      issuingAgency: get('issuingAgency') || null,
      subjects: [], online: online ?? 'none', methods: [], documentCases: [], steps: [], conditions: [], results: [], legalBasis: [],
    };
    const earlier = rows.get(code);
    if (!earlier) {
      previous = { line, procedure };
      rows.set(code, previous);
    } else if (fold(earlier.procedure.name) !== fold(name)) {
      problem(`code ${code} is already used on line ${earlier.line} for another procedure ("${earlier.procedure.name}")`);
    } else {
      // The same procedure listed once per level (as some exports do): one procedure with every level and agency.
      const merged = earlier.procedure;
      merged.levels = [...new Set([...merged.levels, ...levels])];
      merged.agencies = uniqueNames([...merged.agencies, ...procedure.agencies]);
      previous = earlier;
    }
  }
  if (problems.length > 0) throw new CatalogError(problems);
  return [...rows.values()].map((row) => row.procedure);
}
