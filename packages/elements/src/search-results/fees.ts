import type { FeeSummary } from '@dvc-kit/sdk';
import type { Locale } from '../base/i18n.ts';
import { formatMoney } from '../catalog-detail/format.ts';
import { formatNumber } from '../catalog/labels.ts';

/** A result's fees in one phrase ("Miễn phí – 50.000 đồng"), or '' when the catalogue does not know them. */
export function formatFeeSummary(fee: FeeSummary | null | undefined, locale: Locale): string {
  if (!fee) return '';
  if (fee.free) return formatMoney(0, locale);
  const { minVnd: min, maxVnd: max } = fee;
  if (min !== null && max !== null && min !== max) {
    return `${min ? formatNumber(min, locale) : formatMoney(0, locale)} – ${formatMoney(max, locale)}`;
  }
  const amount = min ?? max;
  return amount === null ? '' : formatMoney(amount, locale);
}
