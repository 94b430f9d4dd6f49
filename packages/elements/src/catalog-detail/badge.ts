import { css, html, type TemplateResult } from 'lit';
import type { OnlineService } from '@dvc-kit/sdk';
import type { Locale } from '../base/i18n.ts';
import { labels } from './format.ts';

// Full, half and empty circles mirror "fully / partly / not online" for sighted readers; the text says it for all.
const ONLINE_ICONS: Record<OnlineService, string> = { 'toan-trinh': '●', 'mot-phan': '◐', none: '○' };

/** The online-service badge (Dịch vụ công trực tuyến toàn trình / một phần / none): icon + text. */
export function onlineBadge(online: OnlineService, locale: Locale): TemplateResult {
  return html`<span class="badge online ${online}" part="online-badge"><span aria-hidden="true">${ONLINE_ICONS[online] ?? '○'}</span>${labels(locale).online[online] ?? online}</span>`;
}

/** The badge's row and colours, wherever a result card or a procedure's page shows it. */
export const badgeStyles = css`
  .badges { display: flex; flex-wrap: wrap; gap: 0.5em; }
  .badge.online.toan-trinh { color: var(--_success); }
  .badge.online.mot-phan { color: var(--_primary); }
  .badge.online.none { color: var(--_muted); }
`;
