// What the catalogue elements (search and procedure) show about procedures: levels, online service, channels, fees,
// durations and links. Its own module, outside base/, so pages with only the tracker or the survey never load it.
import type { Channel, Duration, Fee, Level, OnlineService } from '@dvc-kit/sdk';
import type { Locale } from '../base/i18n.ts';

const vi = {
  level: { xa: 'Cấp xã', tinh: 'Cấp tỉnh', bo: 'Cấp bộ', khac: 'Cơ quan khác' } satisfies Record<Level, string>,
  online: {
    'toan-trinh': 'Trực tuyến toàn trình', 'mot-phan': 'Trực tuyến một phần', none: 'Chưa có dịch vụ trực tuyến',
  } satisfies Record<OnlineService, string>,
  channel: { direct: 'Trực tiếp', online: 'Trực tuyến', postal: 'Qua bưu chính công ích' } satisfies Record<Channel, string>,
  feeKind: { phi: 'Phí', 'le-phi': 'Lệ phí', khac: 'Khoản thu khác' } satisfies Record<Fee['kind'], string>,
  unit: { 'working-day': 'ngày làm việc', day: 'ngày', hour: 'giờ', month: 'tháng' } satisfies Record<Duration['unit'], string>,
  /** Added to a unit for more than one (Vietnamese nouns do not change). */
  plural: '',
  free: 'Miễn phí',
  vnd: 'đồng',
};

/** The catalogue's words in one language. */
export type CatalogLabels = typeof vi;

// English arrives with an element's own English strings (withCatalogEnglish): nearly every page speaks Vietnamese only.
const LABELS: Partial<Record<Locale, CatalogLabels>> = { vi };

/** The catalogue's words in `locale` (Vietnamese until English has loaded; elements wait for it before they speak English). */
export function labels(locale: Locale): CatalogLabels {
  return LABELS[locale] ?? vi;
}

/** An element's English strings, resolved once the catalogue's English words have arrived too; either failing fails both. */
export async function withCatalogEnglish<T>(strings: Promise<T>): Promise<T> {
  const [loaded, catalog] = await Promise.all([strings, import('./strings-en.ts')]);
  LABELS.en = catalog.en;
  return loaded;
}

/** The four levels, in the order the level filter offers them. */
export const LEVELS = Object.keys(vi.level) as Level[];

const numberFormats: Partial<Record<Locale, Intl.NumberFormat>> = {};

export function formatNumber(value: number, locale: Locale): string {
  return (numberFormats[locale] ??= new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 0 })).format(value);
}

/**
 * "5 ngày làm việc" / "5 working days", followed by the published note unless `brief`; the note alone when the
 * time is not a plain number.
 */
export function formatDuration(duration: Duration | null | undefined, locale: Locale, brief = false): string {
  if (!duration) return '';
  const { value, note } = duration;
  if (!(value > 0)) return note ?? '';
  const t = labels(locale);
  const text = `${formatNumber(value, locale)} ${t.unit[duration.unit]}${value === 1 ? '' : t.plural}`;
  return note && !brief ? `${text} (${note})` : text;
}

/** "2.000 đồng" / "2,000 VND"; "Miễn phí" / "Free" for zero. */
export function formatMoney(amountVnd: number, locale: Locale): string {
  const t = labels(locale);
  return amountVnd === 0 ? t.free : `${formatNumber(amountVnd, locale)} ${t.vnd}`;
}

/** A level's name; any other value (a gateway's facet) as it came. */
export function levelLabel(level: string, locale: Locale): string {
  const names: Record<string, string> = labels(locale).level;
  return Object.hasOwn(names, level) ? names[level]! : level;
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
