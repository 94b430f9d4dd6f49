import type { Localized } from './locale.ts';
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

/**
 * Messages shared by every validated input, in both languages. They name the rule, never the value, so nothing a
 * client sent comes back.
 */
export const FIELD_MESSAGES = {
  required: { vi: 'là bắt buộc', en: 'is required' },
  notString: { vi: 'phải là một chuỗi ký tự', en: 'must be a string' },
  controlCharacters: { vi: 'không được chứa ký tự điều khiển', en: 'must not contain control characters' },
  empty: { vi: 'không được để trống', en: 'must not be empty' },
  unknownProperty: { vi: 'chứa thuộc tính không được hỗ trợ', en: 'contains an unknown property' },
  tooLong: (max: number): Localized => ({ vi: `không được dài quá ${max} ký tự`, en: `must be at most ${max} characters` }),
} as const;

/** Collects field errors so one response lists everything that is wrong. */
export class Checker {
  readonly errors: FieldError[] = [];

  add(pointer: string, message: Localized): void {
    this.errors.push({ pointer, message });
  }

  /** A required single-line string within `maxLength`; returns it trimmed or undefined. */
  text(value: unknown, pointer: string, rule: { maxLength: number }): string | undefined {
    if (typeof value !== 'string') {
      this.add(pointer, value === undefined ? FIELD_MESSAGES.required : FIELD_MESSAGES.notString);
      return undefined;
    }
    if (hasControlCharacters(value)) {
      this.add(pointer, FIELD_MESSAGES.controlCharacters);
      return undefined;
    }
    const trimmed = value.trim();
    if (trimmed.length === 0) this.add(pointer, FIELD_MESSAGES.empty);
    else if (trimmed.length > rule.maxLength) this.add(pointer, FIELD_MESSAGES.tooLong(rule.maxLength));
    else return trimmed;
    return undefined;
  }

  /** Rejects properties the schema does not know (their names are not echoed back). */
  onlyKnown(body: Record<string, unknown>, known: readonly string[], pointer = ''): void {
    if (Object.keys(body).some((key) => !known.includes(key))) this.add(pointer, FIELD_MESSAGES.unknownProperty);
  }

  throwIfAny(): void {
    if (this.errors.length > 0) throw new ProblemError('validation', { errors: this.errors });
  }
}
