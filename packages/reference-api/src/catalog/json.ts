/**
 * The project's catalogue format: `{ "format": "dvc-kit-catalog", "version": 1, "procedures": [...] }`.
 * Validated strictly (unknown keys are typos, not extensions) so a province finds its mistakes at load time,
 * with every problem named by procedure and path, instead of as a blank widget later.
 */
import type { Channel, DocumentCase, DocumentItem, Duration, Fee, LegalBasis, Method, Step } from '@dvc-kit/sdk';
import { CatalogError, CODE_PATTERN, LEVELS, ONLINE_SERVICES, type CatalogProcedure, type Level } from './model.ts';
import { cleanLine, cleanParagraph, slug, uniqueNames } from './text.ts';

const CHANNELS: readonly Channel[] = ['direct', 'online', 'postal'];
const UNITS: readonly Duration['unit'][] = ['working-day', 'day', 'hour', 'month'];
const FEE_KINDS: readonly Fee['kind'][] = ['phi', 'le-phi', 'khac'];

type Obj = Record<string, unknown>;

/** Collects problems with the path where they occur; reads values or returns a placeholder after reporting. */
class Reader {
  readonly problems: string[] = [];

  report(path: string, message: string): void {
    this.problems.push(`${path}: ${message}`);
  }

  object(value: unknown, path: string, required: readonly string[], optional: readonly string[]): Obj | null {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.report(path, `must be an object, got ${describe(value)}`);
      return null;
    }
    const known = new Set([...required, ...optional]);
    for (const key of Object.keys(value)) {
      if (!known.has(key)) this.report(path, `unknown property "${key}" (allowed: ${[...known].join(', ')})`);
    }
    for (const key of required) {
      if (!(key in value)) this.report(path, `missing required property "${key}"`);
    }
    return value as Obj;
  }

  line(value: unknown, path: string, opts: { optional?: boolean } = {}): string {
    if (value === undefined && opts.optional) return '';
    if (typeof value !== 'string') {
      this.report(path, `must be a string, got ${describe(value)}`);
      return '';
    }
    const clean = cleanLine(value);
    if (!clean && !opts.optional) this.report(path, 'must not be empty');
    return clean;
  }

  paragraph(value: unknown, path: string): string {
    if (value === undefined) return '';
    if (typeof value !== 'string') {
      this.report(path, `must be a string, got ${describe(value)}`);
      return '';
    }
    return cleanParagraph(value);
  }

  nullableLine(value: unknown, path: string): string | null {
    if (value === undefined || value === null) return null;
    return this.line(value, path, { optional: true }) || null;
  }

  oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      this.report(path, `must be one of ${allowed.join(', ')}; got ${describe(value)}`);
      return allowed[0]!;
    }
    return value as T;
  }

  count(value: unknown, path: string): number {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      this.report(path, `must be a whole number ≥ 0, got ${describe(value)}`);
      return 0;
    }
    return value;
  }

  boolean(value: unknown, path: string): boolean {
    if (typeof value !== 'boolean') {
      this.report(path, `must be true or false, got ${describe(value)}`);
      return false;
    }
    return value;
  }

  /** An optional array (default empty); each item read by `item`. */
  array<T>(value: unknown, path: string, item: (value: unknown, path: string) => T): T[] {
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      this.report(path, `must be an array, got ${describe(value)}`);
      return [];
    }
    return value.map((v, i) => item(v, `${path}[${i}]`));
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

const PROCEDURE_REQUIRED = ['code', 'name', 'levels', 'field'] as const;
const PROCEDURE_OPTIONAL = [
  'agencies', 'type', 'issuingAgency', 'subjects', 'online', 'methods', 'documentCases', 'steps',
  'conditions', 'results', 'legalBasis',
] as const;

function readDuration(r: Reader, value: unknown, path: string): Duration | null {
  if (value === null || value === undefined) return null;
  const o = r.object(value, path, ['value', 'unit'], ['note']);
  if (!o) return null;
  const v = o.value;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) r.report(`${path}.value`, `must be a number ≥ 0, got ${describe(v)}`);
  const duration: Duration = { value: typeof v === 'number' ? v : 0, unit: r.oneOf(o.unit, `${path}.unit`, UNITS) };
  const note = r.nullableLine(o.note, `${path}.note`);
  if (note) duration.note = note;
  return duration;
}

function readFee(r: Reader, value: unknown, path: string): Fee {
  const o = r.object(value, path, ['kind', 'amountVnd'], ['description']) ?? {};
  const amount = o.amountVnd;
  let amountVnd: number | null = null;
  if (amount !== null) amountVnd = r.count(amount, `${path}.amountVnd`);
  return { kind: r.oneOf(o.kind, `${path}.kind`, FEE_KINDS), amountVnd, description: r.paragraph(o.description, `${path}.description`) };
}

function readMethod(r: Reader, value: unknown, path: string): Method {
  const o = r.object(value, path, ['channel'], ['processingTime', 'fees', 'description']) ?? {};
  return {
    channel: r.oneOf(o.channel, `${path}.channel`, CHANNELS),
    processingTime: readDuration(r, o.processingTime, `${path}.processingTime`),
    fees: r.array(o.fees, `${path}.fees`, (v, p) => readFee(r, v, p)),
    description: r.paragraph(o.description, `${path}.description`),
  };
}

function readDocument(r: Reader, value: unknown, path: string): DocumentItem {
  const o = r.object(value, path, ['name'], ['originals', 'copies', 'required', 'template']) ?? {};
  return {
    name: r.line(o.name, `${path}.name`),
    originals: o.originals === undefined ? 0 : r.count(o.originals, `${path}.originals`),
    copies: o.copies === undefined ? 0 : r.count(o.copies, `${path}.copies`),
    required: o.required === undefined ? true : r.boolean(o.required, `${path}.required`),
    template: r.nullableLine(o.template, `${path}.template`),
  };
}

function readCase(r: Reader, value: unknown, path: string): DocumentCase {
  const o = r.object(value, path, ['name', 'documents'], []) ?? {};
  return { name: r.line(o.name, `${path}.name`), documents: r.array(o.documents, `${path}.documents`, (v, p) => readDocument(r, v, p)) };
}

function readStep(r: Reader, value: unknown, path: string): Step {
  const o = r.object(value, path, ['title'], ['description']) ?? {};
  return { title: r.line(o.title, `${path}.title`), description: r.paragraph(o.description, `${path}.description`) };
}

function readLegalBasis(r: Reader, value: unknown, path: string): LegalBasis {
  const o = r.object(value, path, ['number', 'title'], []) ?? {};
  return { number: r.line(o.number, `${path}.number`), title: r.line(o.title, `${path}.title`) };
}

function readLevels(r: Reader, value: unknown, path: string): Level[] {
  const levels = r.array(value, path, (v, p) => r.oneOf(v, p, LEVELS));
  if (Array.isArray(value) && value.length === 0) r.report(path, 'must name at least one level (xa, tinh, bo, khac)');
  const unique = [...new Set(levels)];
  if (unique.length !== levels.length) r.report(path, 'lists a level twice');
  return unique;
}

function readProcedure(r: Reader, value: unknown, index: number): CatalogProcedure | null {
  const rawCode = typeof value === 'object' && value !== null ? (value as Obj).code : undefined;
  const path = `procedures[${index}]${typeof rawCode === 'string' ? ` (${rawCode})` : ''}`;
  const o = r.object(value, path, PROCEDURE_REQUIRED, PROCEDURE_OPTIONAL);
  if (!o) return null;
  const code = r.line(o.code, `${path}.code`);
  if (code && !CODE_PATTERN.test(code)) {
    r.report(`${path}.code`, `"${code}" is not a procedure code (expected d.dddddd, e.g. 1.001193, or a local variant such as 1.011442.000.00.00.H38)`);
  }
  const field = r.line(o.field, `${path}.field`);
  if (field && !slug(field)) r.report(`${path}.field`, `"${field}" has no letters or digits`);
  return {
    code,
    name: r.line(o.name, `${path}.name`),
    levels: readLevels(r, o.levels, `${path}.levels`),
    field,
    agencies: uniqueNames(r.array(o.agencies, `${path}.agencies`, (v, p) => r.line(v, p))),
    type: r.nullableLine(o.type, `${path}.type`),
    issuingAgency: r.nullableLine(o.issuingAgency, `${path}.issuingAgency`),
    subjects: r.array(o.subjects, `${path}.subjects`, (v, p) => r.line(v, p)),
    online: o.online === undefined ? 'none' : r.oneOf(o.online, `${path}.online`, ONLINE_SERVICES),
    methods: r.array(o.methods, `${path}.methods`, (v, p) => readMethod(r, v, p)),
    documentCases: r.array(o.documentCases, `${path}.documentCases`, (v, p) => readCase(r, v, p)),
    steps: r.array(o.steps, `${path}.steps`, (v, p) => readStep(r, v, p)),
    conditions: r.array(o.conditions, `${path}.conditions`, (v, p) => r.paragraph(v, p)).filter(Boolean),
    results: r.array(o.results, `${path}.results`, (v, p) => r.line(v, p)),
    legalBasis: r.array(o.legalBasis, `${path}.legalBasis`, (v, p) => readLegalBasis(r, v, p)),
  };
}

/** Parse and validate a catalogue in the project's JSON format (text or an already parsed value). */
export function parseCatalogJson(input: string | unknown): CatalogProcedure[] {
  let data: unknown = input;
  if (typeof input === 'string') {
    const text = input.replace(/^\ufeff/, '');
    if (!text.trim()) throw new CatalogError(['The catalogue file is empty: expected { "format": "dvc-kit-catalog", "version": 1, "procedures": [...] }']);
    // No garbled-text heuristic here (the CSV importer has one): JSON is written by programs, and a gateway's odd
    // characters are data the widgets show as text, not a reason to refuse every procedure.
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new CatalogError([`The catalogue is not valid JSON: ${(error as Error).message}`]);
    }
  }
  const r = new Reader();
  if (Array.isArray(data)) {
    throw new CatalogError(['catalogue: must be an object, got an array; wrap the procedures as { "format": "dvc-kit-catalog", "version": 1, "procedures": [...] }']);
  }
  const root = r.object(data, 'catalogue', ['format', 'version', 'procedures'], []);
  if (!root) throw new CatalogError(r.problems);
  if (root.format !== 'dvc-kit-catalog') r.report('catalogue.format', `must be "dvc-kit-catalog", got ${describe(root.format)}`);
  if (root.version !== 1) r.report('catalogue.version', `must be 1 (the only version this server reads), got ${describe(root.version)}`);
  if (!Array.isArray(root.procedures)) {
    r.report('catalogue.procedures', `must be an array, got ${describe(root.procedures)}`);
    throw new CatalogError(r.problems);
  }
  const procedures: CatalogProcedure[] = [];
  const firstIndex = new Map<string, number>();
  root.procedures.forEach((value: unknown, index: number) => {
    const procedure = readProcedure(r, value, index);
    if (!procedure) return;
    const seen = firstIndex.get(procedure.code);
    if (seen !== undefined) {
      r.report(`procedures[${index}] (${procedure.code}).code`, `duplicate code: procedures[${seen}] already has it`);
      return;
    }
    if (procedure.code) firstIndex.set(procedure.code, index);
    procedures.push(procedure);
  });
  if (r.problems.length > 0) throw new CatalogError(r.problems);
  return procedures;
}
