// A dossier's dates and deadline classes, as the tracker shows them.
import type { TimingClass } from '@dvc-kit/sdk';
import type { Locale } from '../base/i18n.ts';

// Dates belong to Vietnamese offices: show them in Vietnam time whatever the reader's own time zone is.
const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const dateParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

function parts(iso: string): Record<string, string> | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return Object.fromEntries(dateParts.formatToParts(date).map((p) => [p.type, p.value]));
}

/** "05/03/2026" (dd/MM/yyyy, the form Vietnamese offices print); '' for a missing or invalid date. */
export function formatDate(iso: string | null | undefined): string {
  const p = iso ? parts(iso) : null;
  return p ? `${p.day}/${p.month}/${p.year}` : '';
}

/** "09:30 05/03/2026"; '' for a missing or invalid date. */
export function formatDateTime(iso: string | null | undefined): string {
  const p = iso ? parts(iso) : null;
  return p ? `${p.hour}:${p.minute} ${p.day}/${p.month}/${p.year}` : '';
}

export const TIMING_LABELS: Record<Locale, Record<TimingClass, string>> = {
  vi: { early: 'Trước hạn', 'on-time': 'Đúng hạn', overdue: 'Quá hạn', 'on-track': 'Đang trong hạn' },
  en: { early: 'Early', 'on-time': 'On time', overdue: 'Overdue', 'on-track': 'Within the deadline' },
};
