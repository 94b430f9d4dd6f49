// What the catalogue elements (search and procedure) show about procedures: levels, online service, channels, fees,
// durations and links. Its own module, outside base/, so pages with only the tracker or the survey never load it.
import type { Channel, Duration, Fee, FeeSummary, Level, OnlineService } from '@dvc-kit/sdk';
import type { Locale } from '../base/i18n.ts';

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

/** A level's name; any other value (a gateway's facet) as it came. */
export function levelLabel(level: string, locale: Locale): string {
  const labels: Record<string, string> = LEVEL_LABELS[locale];
  return Object.hasOwn(labels, level) ? labels[level]! : level;
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
