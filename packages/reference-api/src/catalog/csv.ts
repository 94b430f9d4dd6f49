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
  xa: 'xa', phuong: 'xa', xaphuong: 'xa', xaphuongthitran: 'xa', commune: 'xa', ward: 'xa',
  tinh: 'tinh', thanhpho: 'tinh', province: 'tinh',
  bo: 'bo', trunguong: 'bo', bonganh: 'bo', ministry: 'bo', central: 'bo',
  coquankhac: 'khac', khac: 'khac', other: 'khac',
};

function parseLevels(value: string, problem: (message: string) => void): Level[] {
  const levels = new Set<Level>();
  for (const part of value.split(/[,;/|]/)) {
    const key = fold(part).replace(/[^a-z0-9]/g, '').replace(/^cap/, '');
    if (!key) continue;
    const level = LEVEL_WORDS[key];
    if (level) levels.add(level);
    else if (key === 'huyen' || key === 'quanhuyen') {
      problem(`"${cleanLine(part)}": the district level was abolished on 1/7/2025; use Cấp xã or Cấp tỉnh`);
    } else problem(`unknown level "${cleanLine(part)}" (use Cấp xã, Cấp tỉnh, Cấp Bộ or Cơ quan khác)`);
  }
  if (levels.size === 0 && !value.trim()) problem('no level (Cấp thực hiện) given');
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

/** The spreadsheet's separator: whichever of , ; or tab occurs most in the header line. */
function detectDelimiter(text: string): string {
  const header = text.slice(0, Math.max(0, text.search(/\r?\n/)) || text.length);
  const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![0];
}

interface Row {
  line: number;
  procedure: CatalogProcedure;
}

/** Parse a catalogue from CSV text (UTF-8; BOM, CRLF, `,` `;` or tab separators accepted). */
export function parseCatalogCsv(text: string): CatalogProcedure[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      delimiter: detectDelimiter(text.replace(/^\ufeff/, '')),
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const where = error instanceof CsvError && 'lines' in error ? `line ${String(error.lines)}: ` : '';
    throw new CatalogError([`${where}the CSV cannot be read: ${(error as Error).message}`]);
  }
  const [head, ...body] = records;
  if (!head) throw new CatalogError(['The CSV is empty: expected a header line and one procedure per line']);

  const columns = new Map<Column, number>();
  const problems: string[] = [];
  head.record.forEach((header, index) => {
    const key = headerKey(header);
    const column = (Object.keys(HEADERS) as Column[]).find((c) => HEADERS[c].includes(key));
    if (!column) return; // Extra spreadsheet columns (STT, notes...) are ignored.
    if (columns.has(column)) problems.push(`line 1: two columns mean "${column}": "${head.record[columns.get(column)!]}" and "${header}"`);
    columns.set(column, index);
  });
  const missing = REQUIRED.filter((c) => !columns.has(c));
  if (missing.length > 0) {
    problems.push(
      `line 1: missing column(s) ${missing.map((c) => `${c} (${HEADERS[c][0]})`).join(', ')}; ` +
        `the header must name at least Mã thủ tục, Tên thủ tục, Cấp thực hiện, Lĩnh vực (or code, name, levels, field)`,
    );
  }
  if (problems.length > 0) throw new CatalogError(problems);

  const rows = new Map<string, Row>();
  for (const { record, info } of body) {
    const line = info.lines;
    const problem = (message: string) => problems.push(`line ${line}: ${message}`);
    if (record.length !== head.record.length) {
      problem(`${record.length} values but the header has ${head.record.length} columns (a missing quote around a value with a comma?)`);
      continue;
    }
    const get = (column: Column) => {
      const index = columns.get(column);
      return index === undefined ? '' : cleanLine(record[index] ?? '');
    };
    const code = get('code');
    const name = get('name');
    const field = get('field');
    if (!CODE_PATTERN.test(code)) problem(`"${code}" is not a procedure code (expected d.dddddd, e.g. 1.001193)`);
    if (!name) problem(`procedure ${code} has no name (Tên thủ tục)`);
    if (!slug(field)) problem(`procedure ${code} has no field (Lĩnh vực)`);
    const levels = parseLevels(get('levels'), (message) => problem(`procedure ${code}: ${message}`));
    const onlineKey = fold(get('online')).replace(/[^a-z0-9]/g, '');
    const online = ONLINE_WORDS[onlineKey];
    if (!online) problem(`procedure ${code}: unknown online service "${get('online')}" (use toàn trình, một phần or leave empty)`);

    const procedure: CatalogProcedure = {
      code, name, levels, field,
      agencies: splitAgencies(columns.has('agencies') ? record[columns.get('agencies')!] ?? '' : ''),
      type: get('type') || null,
      issuingAgency: get('issuingAgency') || null,
      subjects: [], online: online ?? 'none', methods: [], documentCases: [], steps: [], conditions: [], results: [], legalBasis: [],
    };
    const earlier = rows.get(code);
    if (!earlier) rows.set(code, { line, procedure });
    else if (fold(earlier.procedure.name) !== fold(name)) {
      problem(`code ${code} is already used on line ${earlier.line} for another procedure ("${earlier.procedure.name}")`);
    } else {
      // The same procedure listed once per level (as some exports do): one procedure with every level and agency.
      const merged = earlier.procedure;
      merged.levels = [...new Set([...merged.levels, ...levels])];
      merged.agencies = uniqueNames([...merged.agencies, ...procedure.agencies]);
    }
  }
  if (problems.length > 0) throw new CatalogError(problems);
  return [...rows.values()].map((row) => row.procedure);
}
