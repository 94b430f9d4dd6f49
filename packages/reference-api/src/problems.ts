import type { Problem } from '@dvc-kit/sdk';

/** Every problem the API can answer with: stable slug, HTTP status and a fixed title that never contains input. */
export const PROBLEM_TYPES = {
  'malformed-json': { status: 400, title: 'Malformed JSON body' },
  validation: { status: 422, title: 'The request is not valid' },
  'not-found': { status: 404, title: 'Not found' },
  'dossier-not-found': { status: 404, title: 'No dossier matches this code and ID number' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  'payload-too-large': { status: 413, title: 'Request body too large' },
  'unsupported-media-type': { status: 415, title: 'Only application/json is accepted' },
  'captcha-required': { status: 403, title: 'A valid captcha token is required' },
  'idempotency-conflict': { status: 409, title: 'This Idempotency-Key was already used with a different body' },
  'rate-limited': { status: 429, title: 'Too many requests' },
  internal: { status: 500, title: 'Internal server error' },
} as const;

export type ProblemSlug = keyof typeof PROBLEM_TYPES;

export interface FieldError {
  pointer: string;
  message: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problemType(slug: ProblemSlug): string {
  return `urn:dvc-kit:problem:${slug}`;
}

/** Thrown anywhere in a handler; the app's error handler turns it into a problem+json response. */
export class ProblemError extends Error {
  readonly slug: ProblemSlug;
  readonly detail: string | undefined;
  readonly errors: FieldError[] | undefined;
  readonly retryAfter: number | undefined;
  readonly headers: Record<string, string>;

  constructor(slug: ProblemSlug, options: { detail?: string; errors?: FieldError[]; retryAfter?: number; headers?: Record<string, string> } = {}) {
    super(PROBLEM_TYPES[slug].title);
    this.name = 'ProblemError';
    this.slug = slug;
    this.detail = options.detail;
    this.errors = options.errors;
    this.retryAfter = options.retryAfter;
    this.headers = options.headers ?? {};
  }

  toProblem(): Problem {
    const { status, title } = PROBLEM_TYPES[this.slug];
    const problem: Problem = { type: problemType(this.slug), title, status };
    if (this.detail !== undefined) problem.detail = this.detail;
    if (this.errors !== undefined) problem.errors = this.errors;
    if (this.retryAfter !== undefined) problem.retryAfter = this.retryAfter;
    return problem;
  }

  toResponse(): Response {
    const problem = this.toProblem();
    const headers = new Headers(this.headers);
    headers.set('Content-Type', PROBLEM_CONTENT_TYPE);
    headers.set('Cache-Control', 'no-store');
    if (this.retryAfter !== undefined) headers.set('Retry-After', String(this.retryAfter));
    return new Response(JSON.stringify(problem), { status: problem.status, headers });
  }
}

export function validationProblem(errors: FieldError[]): ProblemError {
  return new ProblemError('validation', { errors });
}
