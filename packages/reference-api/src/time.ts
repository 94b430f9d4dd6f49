// Dossier dates live in Vietnam time (UTC+7, no daylight saving); days and working days are counted there.

export const DAY_MS = 86_400_000;
const VN_OFFSET_MS = 7 * 3_600_000;

/** An ISO 8601 date-time with the +07:00 offset, as one-stop systems publish it. */
export function toVnIso(ms: number): string {
  const shifted = new Date(ms + VN_OFFSET_MS).toISOString();
  return `${shifted.slice(0, 19)}+07:00`;
}

/** Days since the epoch, counted in Vietnam time: two instants on the same Vietnamese calendar day share it. */
export function vnDay(ms: number): number {
  return Math.floor((ms + VN_OFFSET_MS) / DAY_MS);
}

export function startOfVnDay(ms: number): number {
  return vnDay(ms) * DAY_MS - VN_OFFSET_MS;
}

/** A Vietnam-time instant `minutes` after midnight of the Vietnamese day containing `ms`. */
export function atVnTime(ms: number, hours: number, minutes = 0): number {
  return startOfVnDay(ms) + (hours * 60 + minutes) * 60_000;
}

export function isWeekend(ms: number): boolean {
  const weekday = (vnDay(ms) + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  return weekday === 0 || weekday === 6;
}

/** Moves by `days` working days (Monday to Friday; public holidays are not modelled), keeping the time of day. */
export function addWorkingDays(ms: number, days: number): number {
  const step = days < 0 ? -1 : 1;
  let remaining = Math.abs(days);
  let current = ms;
  while (remaining > 0) {
    current += step * DAY_MS;
    if (!isWeekend(current)) remaining--;
  }
  return current;
}

/** Working days after the day of `from`, up to and including the day of `to` (0 when `to` is not later). */
export function workingDaysBetween(from: number, to: number): number {
  let count = 0;
  for (let day = vnDay(from) + 1; day <= vnDay(to); day++) {
    const weekday = (day + 4) % 7;
    if (weekday !== 0 && weekday !== 6) count++;
  }
  return count;
}

/** The same instant or the next working day's. */
export function onWorkingDay(ms: number): number {
  let current = ms;
  while (isWeekend(current)) current += DAY_MS;
  return current;
}

export function formatYyMmDd(ms: number): string {
  return toVnIso(ms).slice(2, 10).replaceAll('-', '');
}
