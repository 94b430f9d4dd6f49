// What the search's results and the procedure's page show about procedures beyond their level: online service,
// channels, fees, durations and links. A chunk apart from catalog/ (which the search's first paint needs): the search
// fetches it with its result list, on demand.
import type { Channel, Duration, Fee, OnlineService } from '@dvc-kit/sdk';
import type { Locale } from '../base/i18n.ts';
import { english, formatNumber } from '../catalog/labels.ts';

const vi = {
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

/** The words of results and details in one language (the level names are with catalog/). */
export type DetailLabels = typeof vi;

/** The words of results and details in `locale` (Vietnamese until English has loaded). */
export function labels(locale: Locale): DetailLabels {
  return (locale === 'en' && english) || vi;
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
