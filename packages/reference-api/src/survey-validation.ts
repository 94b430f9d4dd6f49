import type { SurveyResponseInput } from '@dvc-kit/sdk';
import { Checker, FIELD_MESSAGES, hasControlCharacters, isPlainObject } from './input.ts';
import { validationProblem } from './problems.ts';
import { parseDossierCode } from './routes/dossiers.ts';
import { findSurveyForm, type SurveyFormDefinition } from './survey-forms.ts';

// Tokens are 32 hex characters today; the limit leaves room to change their format without a schema change.
const MAX_DOSSIER_TOKEN = 128;

export interface ValidSurveyResponse {
  form: SurveyFormDefinition;
  dossierCode: string | null;
  /** Present exactly when `dossierCode` is; whether it matches is checked by the caller (it needs the store). */
  dossierToken: string | null;
  /** Only answered questions; optional ones left empty are dropped. */
  answers: Record<string, string>;
}

/**
 * Checks a survey response against its form: known form, required questions answered, option values from the
 * form, free text within its length without control characters (newlines allowed), no unknown question ids.
 * `dossierCode` and `dossierToken` come together or not at all. Whether the token proves a lookup of the named
 * dossier is checked by the caller (it needs the store).
 */
export function validateSurveyResponse(body: unknown): ValidSurveyResponse {
  if (!isPlainObject(body)) throw validationProblem([{ pointer: '', message: { vi: 'phải là một đối tượng JSON có form và answers', en: 'must be a JSON object with form and answers' } }]);
  const checker = new Checker();
  checker.onlyKnown(body, ['form', 'dossierCode', 'dossierToken', 'answers'] satisfies (keyof SurveyResponseInput)[]);

  const formId = checker.text(body.form, '/form', { maxLength: 64 });
  const form = formId === undefined ? undefined : findSurveyForm(formId);
  if (formId !== undefined && !form) checker.add('/form', { vi: 'không khớp với mẫu khảo sát nào', en: 'is not a known survey form' });

  const hasCode = body.dossierCode !== undefined && body.dossierCode !== null;
  const hasToken = body.dossierToken !== undefined && body.dossierToken !== null;
  let dossierCode: string | null = null;
  let dossierToken: string | null = null;
  if (hasCode) {
    dossierCode = parseDossierCode(body.dossierCode, checker, '/dossierCode') ?? null;
  } else if (hasToken) {
    checker.add('/dossierCode', { vi: 'là bắt buộc khi có dossierToken', en: 'is required with dossierToken' });
  } else if (form?.needsDossier) {
    checker.add('/dossierCode', { vi: 'là bắt buộc với mẫu khảo sát này', en: 'is required for this form' });
  }
  if (hasToken) {
    dossierToken = checker.text(body.dossierToken, '/dossierToken', { maxLength: MAX_DOSSIER_TOKEN }) ?? null;
  } else if (hasCode) {
    checker.add('/dossierToken', { vi: 'là bắt buộc khi có dossierCode', en: 'is required with dossierCode' });
  }

  const answers: Record<string, string> = {};
  if (!isPlainObject(body.answers)) {
    checker.add('/answers', { vi: 'phải là một đối tượng mã câu hỏi → câu trả lời', en: 'must be an object of question id → answer' });
  } else if (form) {
    const given = body.answers;
    if (Object.keys(given).some((id) => !form.questions.some((question) => question.id === id))) {
      checker.add('/answers', { vi: 'chứa câu trả lời cho câu hỏi không có trong mẫu này', en: 'contains an answer to a question this form does not have' });
    }
    for (const question of form.questions) {
      const pointer = `/answers/${question.id}`;
      const value = Object.hasOwn(given, question.id) ? given[question.id] : undefined;
      if (value === undefined || value === null || value === '') {
        if (question.required) checker.add(pointer, FIELD_MESSAGES.required);
        continue;
      }
      if (typeof value !== 'string') {
        checker.add(pointer, FIELD_MESSAGES.notString);
      } else if (question.kind === 'choice') {
        if (question.options.some((option) => option.value === value)) answers[question.id] = value;
        else checker.add(pointer, { vi: 'không phải là một trong các lựa chọn của câu hỏi', en: 'is not one of the options' });
      } else if (hasControlCharacters(value, true)) {
        checker.add(pointer, FIELD_MESSAGES.controlCharacters);
      } else if (value.length > question.maxLength) {
        checker.add(pointer, FIELD_MESSAGES.tooLong(question.maxLength));
      } else if (value.trim() !== '') {
        answers[question.id] = value.trim();
      } else if (question.required) {
        checker.add(pointer, FIELD_MESSAGES.required);
      }
    }
  }
  checker.throwIfAny();
  return { form: form as SurveyFormDefinition, dossierCode, dossierToken, answers };
}
