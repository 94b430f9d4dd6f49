import type { Question, SurveyForm } from '@dvc-kit/sdk';
import type { SurveyStrings } from './strings.ts';

/** A message about one question, kept as a string key so it follows a language switch. */
export interface QuestionError {
  key: keyof SurveyStrings;
  params: Record<string, string | number>;
}

/**
 * Characters as the server counts them: UTF-16 units of the NFC form. Vietnamese typed on some keyboards arrives
 * decomposed (a base letter plus combining marks); composed, every Vietnamese letter is one unit.
 */
export function charCount(text: string): number {
  return text.normalize('NFC').length;
}

/**
 * Nine or more digits in a row, optionally grouped by single spaces or dots: the shape of a CCCD/CMND number or a
 * phone number. Dossier codes and dates are split by dashes and slashes, so they do not trip it.
 */
const PERSONAL_NUMBER = /\d(?:[ .]?\d){8,}/;

export function looksPersonal(text: string): boolean {
  return PERSONAL_NUMBER.test(text);
}

/** Free text answers are sent trimmed and composed; empty optional answers are left out. */
export function cleanAnswers(form: SurveyForm, answers: Record<string, string>): Record<string, string> {
  const cleaned: Record<string, string> = {};
  for (const question of form.questions) {
    const raw = answers[question.id] ?? '';
    const value = question.kind === 'text' ? raw.trim().normalize('NFC') : raw;
    if (value) cleaned[question.id] = value;
  }
  return cleaned;
}

function checkOne(question: Question, value: string): QuestionError | null {
  const params = { question: question.label };
  if (question.kind === 'choice') {
    const valid = question.options.some((option) => option.value === value);
    if (valid || (!value && !question.required)) return null;
    return { key: 'choiceRequired', params };
  }
  if (!value) return question.required ? { key: 'textRequired', params } : null;
  if (charCount(value) > question.maxLength) return { key: 'textTooLong', params: { ...params, max: question.maxLength } };
  if (looksPersonal(value)) return { key: 'textPersonal', params };
  return null;
}

/** Every question's problem, in the form's order (the order of the error summary). */
export function validateAnswers(form: SurveyForm, answers: Record<string, string>): Map<string, QuestionError> {
  const cleaned = cleanAnswers(form, answers);
  const errors = new Map<string, QuestionError>();
  for (const question of form.questions) {
    const error = checkOne(question, cleaned[question.id] ?? '');
    if (error) errors.set(question.id, error);
  }
  return errors;
}

/** An idempotency key: 128 random bits, as the SDK makes them (crypto.randomUUID is missing on plain-http pages). */
export function newIdempotencyKey(): string {
  return crypto.getRandomValues(new Uint32Array(4)).join('-');
}
