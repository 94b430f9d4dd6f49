import { ProblemError, type FieldError } from './problems.ts';

// C0 and C1 control characters, DEL, bidirectional overrides/isolates and lone surrogates: none belong in a code,
// an ID number or a search query, and bidi controls can disguise text shown to an officer later.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// eslint-disable-next-line no-control-regex -- as above
const CONTROL_EXCEPT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function hasControlCharacters(text: string, allowNewlines = false): boolean {
  return (allowNewlines ? CONTROL_EXCEPT_NEWLINE : CONTROL).test(text);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Collects field errors so one response lists everything that is wrong. */
export class Checker {
  readonly errors: FieldError[] = [];

  add(pointer: string, message: string): void {
    this.errors.push({ pointer, message });
  }

  /** A required single-line string within `maxLength` that matches `pattern`; returns it trimmed or undefined. */
  text(value: unknown, pointer: string, rule: { maxLength: number; pattern?: RegExp; patternMessage?: string }): string | undefined {
    if (typeof value !== 'string') {
      this.add(pointer, value === undefined ? 'is required' : 'must be a string');
      return undefined;
    }
    if (hasControlCharacters(value)) {
      this.add(pointer, 'must not contain control characters');
      return undefined;
    }
    const trimmed = value.trim();
    if (trimmed.length === 0) this.add(pointer, 'must not be empty');
    else if (trimmed.length > rule.maxLength) this.add(pointer, `must be at most ${rule.maxLength} characters`);
    else if (rule.pattern && !rule.pattern.test(trimmed)) this.add(pointer, rule.patternMessage ?? 'has an invalid format');
    else return trimmed;
    return undefined;
  }

  /** Rejects properties the schema does not know (their names are not echoed back). */
  onlyKnown(body: Record<string, unknown>, known: readonly string[], pointer = ''): void {
    if (Object.keys(body).some((key) => !known.includes(key))) this.add(pointer, 'contains an unknown property');
  }

  throwIfAny(): void {
    if (this.errors.length > 0) throw new ProblemError('validation', { errors: this.errors });
  }
}
