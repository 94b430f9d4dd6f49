import type { Dossier } from '@dvc-kit/sdk';
import { STATUS_LABELS } from './labels.ts';
import { pick, type Locale } from './locale.ts';
import type { DossierRecord } from './store.ts';
import { timingOf } from './timing.ts';

/**
 * The lookup answer for a stored dossier: status label in the caller's language, timing as of `now`, and once
 * the result is returned (status 10) the survey to offer with the dossier's `surveyToken` (see `Store.surveyToken`).
 */
export function toDossier(record: DossierRecord, locale: Locale, now: Date, surveyToken: string): Dossier {
  return {
    code: record.code,
    procedure: { code: record.procedure.code, name: record.procedure.name },
    applicant: record.applicantMasked,
    agency: record.agency,
    status: { code: record.status, label: pick(STATUS_LABELS[record.status], locale) },
    receivedAt: record.receivedAt,
    appointmentAt: record.appointmentAt,
    finishedAt: record.finishedAt,
    returnedAt: record.returnedAt,
    timing: timingOf(record, now),
    history: record.history,
    supplements: record.supplements,
    survey: record.status === 10 ? { form: 'default', token: surveyToken } : null,
  };
}
