import type { TimingClass } from '@dvc-kit/sdk';
import { readJsonBody } from '../body.ts';
import { constantTimeEqual, sha256Hex } from '../crypto.ts';
import { ProblemError, validationProblem } from '../problems.ts';
import type { StoredResponse } from '../store.ts';
import { findSurveyForm, localizeSurveyForm } from '../survey-forms.ts';
import { validateSurveyResponse } from '../survey-validation.ts';
import { toVnIso } from '../time.ts';
import { timingOf } from '../timing.ts';
import { cacheableJson, enforceLimit, privateJson } from './http.ts';
import type { RouteContext, RouteTable } from './types.ts';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_\-:.]{8,128}$/;
const IDEMPOTENCY_KEY_REQUIRED = {
  vi: 'cần có header Idempotency-Key dài 8 đến 128 ký tự [A-Za-z0-9_-:.]',
  en: 'Idempotency-Key header of 8 to 128 characters [A-Za-z0-9_-:.] is required',
};
const TOKEN_MISMATCH = { vi: 'không khớp với hồ sơ nào đã được tra cứu', en: 'does not match a looked-up dossier' };

// Criteria 1 and 2 of the per-dossier evaluation score the processing time 2 / 1 / 0. Our dossiers have one
// handling agency, so the per-agency time (criterion 2) equals the overall one.
const TIME_SCORE: Partial<Record<TimingClass, string>> = { early: '2', 'on-time': '1', overdue: '0' };

export function surveyRoutes(context: RouteContext): RouteTable {
  const { store, clock, limits } = context;
  return [
    {
      method: 'GET', path: '/v1/survey-forms/:id', handler: (c) => {
        const form = findSurveyForm(c.req.param('id') ?? '');
        if (!form) throw new ProblemError('not-found', { detail: { vi: 'Không có mẫu khảo sát nào có mã này.', en: 'No survey form has this id.' } });
        return cacheableJson(c, `${form.id}@${form.version}`, () => localizeSurveyForm(form, c.get('locale')));
      },
    },
    {
      method: 'POST', path: '/v1/survey-responses', handler: async (c) => {
        const now = clock();
        enforceLimit(context.postsPerClient.hit(context.clientOf(c), now.getTime()));
        const key = c.req.header('idempotency-key');
        if (key === undefined || !IDEMPOTENCY_KEY.test(key)) {
          throw validationProblem([{ pointer: '/headers/idempotency-key', message: IDEMPOTENCY_KEY_REQUIRED }]);
        }
        const valid = validateSurveyResponse(await readJsonBody(c.req.raw, limits.bodyBytes));

        const computed: Record<string, string> = {};
        if (valid.dossierCode !== null) {
          // One answer, and the same work, for an unknown code, another dossier's token and a made-up one: the
          // caller learns neither which codes exist nor anything about the right token.
          const dossier = await store.getDossier(valid.dossierCode);
          const expected = await store.surveyToken(valid.dossierCode);
          const proven = constantTimeEqual(valid.dossierToken ?? '', expected);
          if (!dossier || !proven) throw validationProblem([{ pointer: '/dossierToken', message: TOKEN_MISMATCH }]);
          const score = TIME_SCORE[timingOf(dossier, now) ?? 'on-track'];
          if (valid.form.id === 'default' && score !== undefined) {
            computed.processingTime = score;
            computed.processingTimePerAgency = score;
          }
        }

        const sortedAnswers = Object.fromEntries(Object.entries(valid.answers).sort(([a], [b]) => (a < b ? -1 : 1)));
        const fingerprint = await sha256Hex(JSON.stringify([valid.form.id, valid.dossierCode, sortedAnswers]));
        const response: StoredResponse = {
          id: crypto.randomUUID(),
          form: valid.form.id,
          receivedAt: toVnIso(now.getTime()),
          formVersion: valid.form.version,
          dossierCode: valid.dossierCode,
          answers: sortedAnswers,
          computed,
        };
        const saved = await store.saveResponse(key, fingerprint, response);
        if (saved.outcome === 'conflict') throw new ProblemError('idempotency-conflict');
        // Only now, after the store committed, does the client hear 201.
        return privateJson(c, saved.receipt, 201, saved.outcome === 'replayed' ? { 'Idempotency-Replayed': 'true' } : {});
      },
    },
  ];
}
