// What both catalogue elements (search and procedure) need on their first paint: level names, numbers, the portal's
// link and the loading of the catalogue's English words. Its own module, outside base/, so pages with only the
// tracker or the survey never load it; what only results and details show is in catalog-detail/, so the search's
// first paint never downloads it.
import type { Level } from '@dvc-kit/sdk';
import type { Locale } from '../base/i18n.ts';
import type { DetailLabels } from '../catalog-detail/format.ts';

const level = { xa: 'Cấp xã', tinh: 'Cấp tỉnh', bo: 'Cấp bộ', khac: 'Cơ quan khác' } satisfies Record<Level, string>;

/** The catalogue's words in one language: the level names here, the rest with catalog-detail/. */
export type CatalogLabels = { level: typeof level } & DetailLabels;

/**
 * The catalogue's English words once they have loaded (elements wait for them before they speak English). They arrive
 * with an element's own English strings (withCatalogEnglish): nearly every page speaks Vietnamese only.
 */
export let english: CatalogLabels | undefined;

/** An element's English strings, resolved once the catalogue's English words have arrived too; either failing fails both. */
export async function withCatalogEnglish<T>(strings: Promise<T>): Promise<T> {
  const [loaded, catalog] = await Promise.all([strings, import('./strings-en.ts')]);
  english = catalog.en;
  return loaded;
}

/** The four levels, in the order the level filter offers them. */
export const LEVELS = Object.keys(level) as Level[];

/** A level's name; any other value (a gateway's facet) as it came. */
export function levelLabel(value: string, locale: Locale): string {
  const names: Record<string, string> = (locale === 'en' && english?.level) || level;
  return Object.hasOwn(names, value) ? names[value]! : value;
}

export function formatNumber(value: number, locale: Locale): string {
  return value.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 0 });
}

/** The procedure's page on the National Public Service Portal: the way out when we cannot show it ourselves. */
export function portalProcedureUrl(code: string): string {
  return `https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=${encodeURIComponent(code)}`;
}
