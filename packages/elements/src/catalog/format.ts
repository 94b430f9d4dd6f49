import type { Channel, Duration, Fee, FeeSummary, Level, OnlineService, TimingClass } from '@dvc-kit/sdk';
import type { Locale } from './i18n.ts';

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

const numberFormats: Record<Locale, Intl.NumberFormat> = {
  vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }),
};

export function formatNumber(value: number, locale: Locale): string {
  return numberFormats[locale].format(value);
}

const UNITS: Record<Locale, Record<Duration['unit'], [one: string, other: string]>> = {
  vi: { 'working-day': ['ngày làm việc', 'ngày làm việc'], day: ['ngày', 'ngày'], hour: ['giờ', 'giờ'], month: ['tháng', 'tháng'] },
  en: { 'working-day': ['working day', 'working days'], day: ['day', 'days'], hour: ['hour', 'hours'], month: ['month', 'months'] },
};

/**
 * "5 ngày làm việc" / "5 working days", followed by the published note unless `brief`; the note alone when the
 * time is not a plain number.
 */
export function formatDuration(duration: Duration | null | undefined, locale: Locale, brief = false): string {
  if (!duration) return '';
  if (!(duration.value > 0)) return duration.note ?? '';
  const [one, other] = UNITS[locale][duration.unit];
  const text = `${formatNumber(duration.value, locale)} ${duration.value === 1 ? one : other}`;
  return duration.note && !brief ? `${text} (${duration.note})` : text;
}

const FREE: Record<Locale, string> = { vi: 'Miễn phí', en: 'Free' };

/** "2.000 đồng" / "2,000 VND"; "Miễn phí" / "Free" for zero. */
export function formatMoney(amountVnd: number, locale: Locale): string {
  if (amountVnd === 0) return FREE[locale];
  return locale === 'vi' ? `${formatNumber(amountVnd, locale)} đồng` : `${formatNumber(amountVnd, locale)} VND`;
}

/** A search result's fees in one phrase, or '' when the catalogue does not know them. */
export function formatFeeSummary(fee: FeeSummary | null | undefined, locale: Locale): string {
  if (!fee) return '';
  if (fee.free) return FREE[locale];
  const { minVnd: min, maxVnd: max } = fee;
  if (min === null && max === null) return '';
  if (min === null || max === null || min === max) return formatMoney((min ?? max)!, locale);
  if (min === 0) return locale === 'vi' ? `Miễn phí – ${formatMoney(max, locale)}` : `Free – ${formatMoney(max, locale)}`;
  return `${formatNumber(min, locale)} – ${formatMoney(max, locale)}`;
}

/** One fee line: its amount, or its published description when it has no single amount. */
export function formatFee(fee: Fee, locale: Locale): string {
  return fee.amountVnd === null ? fee.description : formatMoney(fee.amountVnd, locale);
}

export const LEVEL_LABELS: Record<Locale, Record<Level, string>> = {
  vi: { xa: 'Cấp xã', tinh: 'Cấp tỉnh', bo: 'Cấp bộ', khac: 'Cơ quan khác' },
  en: { xa: 'Commune', tinh: 'Province', bo: 'Ministry', khac: 'Other agency' },
};

export const ONLINE_LABELS: Record<Locale, Record<OnlineService, string>> = {
  vi: { 'toan-trinh': 'Trực tuyến toàn trình', 'mot-phan': 'Trực tuyến một phần', none: 'Chưa có dịch vụ trực tuyến' },
  en: { 'toan-trinh': 'Fully online', 'mot-phan': 'Partly online', none: 'Not available online' },
};

export const CHANNEL_LABELS: Record<Locale, Record<Channel, string>> = {
  vi: { direct: 'Trực tiếp', online: 'Trực tuyến', postal: 'Qua bưu chính công ích' },
  en: { direct: 'In person', online: 'Online', postal: 'By public postal service' },
};

export const FEE_KIND_LABELS: Record<Locale, Record<Fee['kind'], string>> = {
  vi: { phi: 'Phí', 'le-phi': 'Lệ phí', khac: 'Khoản thu khác' },
  en: { phi: 'Fee', 'le-phi': 'Charge', khac: 'Other charge' },
};

export const TIMING_LABELS: Record<Locale, Record<TimingClass, string>> = {
  vi: { early: 'Trước hạn', 'on-time': 'Đúng hạn', overdue: 'Quá hạn', 'on-track': 'Đang trong hạn' },
  en: { early: 'Early', 'on-time': 'On time', overdue: 'Overdue', 'on-track': 'Within the deadline' },
};

export function levelLabel(level: Level, locale: Locale): string {
  return LEVEL_LABELS[locale][level] ?? level;
}

export function onlineLabel(online: OnlineService, locale: Locale): string {
  return ONLINE_LABELS[locale][online] ?? online;
}

/** Only http(s) links leave the widget: a catalogue cannot smuggle `javascript:` into an href. */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url, globalThis.location?.href);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** Fill a `{code}` link template (e.g. `detail-href="/thu-tuc?ma={code}"`) with the URL-encoded code. */
export function fillCodeTemplate(template: string, code: string): string | null {
  return safeHttpUrl(template.replaceAll('{code}', encodeURIComponent(code)));
}

/** The procedure's page on the National Public Service Portal: the way out when we cannot show it ourselves. */
export function portalProcedureUrl(code: string): string {
  return `https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=${encodeURIComponent(code)}`;
}
