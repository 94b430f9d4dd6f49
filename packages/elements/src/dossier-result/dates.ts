// A dossier's dates and deadline classes, as the tracker shows them.
import type { TimingClass } from '@dvc-kit/sdk';
import type { Locale } from '../base/i18n.ts';

// Dates belong to Vietnamese offices: show them in Vietnam time whatever the reader's own time zone is.
const dateParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

/**
 * "05/03/2026" (dd/MM/yyyy, the form Vietnamese offices print), with `withTime` "09:30 05/03/2026"; '' for a
 * missing or invalid date.
 */
export function formatDate(iso: string | null | undefined, withTime = false): string {
  const date = new Date(iso ?? NaN);
  if (Number.isNaN(date.getTime())) return '';
  const p = Object.fromEntries(dateParts.formatToParts(date).map((part) => [part.type, part.value]));
  const day = `${p.day}/${p.month}/${p.year}`;
  return withTime ? `${p.hour}:${p.minute} ${day}` : day;
}

export const TIMING_LABELS: Record<Locale, Record<TimingClass, string>> = {
  vi: { early: 'Trước hạn', 'on-time': 'Đúng hạn', overdue: 'Quá hạn', 'on-track': 'Đang trong hạn' },
  en: { early: 'Early', 'on-time': 'On time', overdue: 'Overdue', 'on-track': 'Within the deadline' },
};
