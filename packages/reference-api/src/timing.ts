import type { DossierStatusCode, TimingClass } from '@dvc-kit/sdk';
import type { DossierRecord } from './store.ts';
import { addWorkingDays, vnDay, workingDaysBetween } from './time.ts';

// Rejected, withdrawn, stopped or not yet received dossiers have no deadline to be measured against.
const UNTIMED: ReadonlySet<DossierStatusCode> = new Set([1, 3, 7, 8]);

/**
 * Early / on time / overdue against the appointment date, by Vietnamese calendar day. Time spent waiting for the
 * citizen's supplements does not count: a supplement that set a new appointment already moved `appointmentAt`;
 * for one that did not, the working days it waited (until fulfilled, or until now while open) move the deadline,
 * as one-stop systems pause the processing clock.
 */
export function timingOf(dossier: DossierRecord, now: Date): TimingClass | null {
  if (UNTIMED.has(dossier.status) || !dossier.appointmentAt) return null;
  const nowMs = now.getTime();
  let pausedDays = 0;
  for (const supplement of dossier.supplements) {
    if (supplement.newAppointmentAt) continue;
    const resumed = supplement.fulfilledAt ? Date.parse(supplement.fulfilledAt) : nowMs;
    pausedDays += workingDaysBetween(Date.parse(supplement.requestedAt), resumed);
  }
  const deadlineDay = vnDay(addWorkingDays(Date.parse(dossier.appointmentAt), pausedDays));
  if (dossier.finishedAt) {
    const finishedDay = vnDay(Date.parse(dossier.finishedAt));
    if (finishedDay < deadlineDay) return 'early';
    return finishedDay === deadlineDay ? 'on-time' : 'overdue';
  }
  return vnDay(nowMs) > deadlineDay ? 'overdue' : 'on-track';
}
