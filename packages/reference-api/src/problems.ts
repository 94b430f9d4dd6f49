import type { Problem } from '@dvc-kit/sdk';
import { pick, type Locale, type Localized } from './locale.ts';

/**
 * Every problem the API can answer with: stable slug, HTTP status and a fixed title in both languages that never
 * contains input. Clients branch on the slug; the title is for people.
 */
export const PROBLEM_TYPES = {
  'malformed-json': { status: 400, title: { vi: 'Nội dung JSON không hợp lệ', en: 'Malformed JSON body' } },
  validation: { status: 422, title: { vi: 'Yêu cầu không hợp lệ', en: 'The request is not valid' } },
  'not-found': { status: 404, title: { vi: 'Không tìm thấy', en: 'Not found' } },
  'dossier-not-found': {
    status: 404,
    title: { vi: 'Không có hồ sơ nào khớp với mã hồ sơ và số định danh này', en: 'No dossier matches this code and ID number' },
  },
  'method-not-allowed': { status: 405, title: { vi: 'Phương thức HTTP không được phép', en: 'Method not allowed' } },
  'payload-too-large': { status: 413, title: { vi: 'Nội dung yêu cầu quá lớn', en: 'Request body too large' } },
  'unsupported-media-type': { status: 415, title: { vi: 'Chỉ chấp nhận application/json', en: 'Only application/json is accepted' } },
  'captcha-required': { status: 403, title: { vi: 'Cần mã xác minh captcha hợp lệ', en: 'A valid captcha token is required' } },
  'idempotency-conflict': {
    status: 409,
    title: { vi: 'Idempotency-Key này đã được dùng với một nội dung khác', en: 'This Idempotency-Key was already used with a different body' },
  },
  'rate-limited': { status: 429, title: { vi: 'Quá nhiều yêu cầu', en: 'Too many requests' } },
  internal: { status: 500, title: { vi: 'Lỗi máy chủ nội bộ', en: 'Internal server error' } },
} as const satisfies Record<string, { status: number; title: Localized }>;

export type ProblemSlug = keyof typeof PROBLEM_TYPES;

/** One wrong input of a validation problem; the message is chosen when the answer's language is known. */
export interface FieldError {
  pointer: string;
  message: Localized;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problemType(slug: ProblemSlug): string {
  return `urn:dvc-kit:problem:${slug}`;
}

/**
 * Thrown anywhere in a handler, in both languages; the app's error handler turns it into a problem+json response
 * in the language the request negotiated.
 */
export class ProblemError extends Error {
  readonly slug: ProblemSlug;
  readonly detail: Localized | undefined;
  readonly errors: FieldError[] | undefined;
  readonly retryAfter: number | undefined;
  readonly headers: Record<string, string>;

  constructor(slug: ProblemSlug, options: { detail?: Localized; errors?: FieldError[]; retryAfter?: number; headers?: Record<string, string> } = {}) {
    // For the operator's logs and stacks; the client's text comes from toProblem.
    super(PROBLEM_TYPES[slug].title.en);
    this.name = 'ProblemError';
    this.slug = slug;
    this.detail = options.detail;
    this.errors = options.errors;
    this.retryAfter = options.retryAfter;
    this.headers = options.headers ?? {};
  }

  toProblem(locale: Locale): Problem {
    const { status, title } = PROBLEM_TYPES[this.slug];
    const problem: Problem = { type: problemType(this.slug), title: pick(title, locale), status };
    if (this.detail !== undefined) problem.detail = pick(this.detail, locale);
    if (this.errors !== undefined) problem.errors = this.errors.map(({ pointer, message }) => ({ pointer, message: pick(message, locale) }));
    if (this.retryAfter !== undefined) problem.retryAfter = this.retryAfter;
    return problem;
  }

  toResponse(locale: Locale): Response {
    const problem = this.toProblem(locale);
    const headers = new Headers(this.headers);
    headers.set('Content-Type', PROBLEM_CONTENT_TYPE);
    headers.set('Cache-Control', 'no-store');
    headers.set('Content-Language', locale);
    headers.set('Vary', 'Accept-Language');
    if (this.retryAfter !== undefined) headers.set('Retry-After', String(this.retryAfter));
    return new Response(JSON.stringify(problem), { status: problem.status, headers });
  }
}

export function validationProblem(errors: FieldError[]): ProblemError {
  return new ProblemError('validation', { errors });
}
