import { html, nothing, type TemplateResult } from 'lit';
import type { OnlineService } from '@dvc-kit/sdk';
import type { Locale } from './i18n.ts';
import { onlineLabel } from './format.ts';

// Text-presentation symbols (U+FE0E) so the icon looks the same everywhere and never turns into a colour emoji.
const ALERT_ICONS = { danger: '⚠\uFE0E', warning: '⚠\uFE0E', info: 'ℹ\uFE0E', success: '✓' } as const;

/**
 * A message box: icon + title + text (never colour alone). `role="alert"` for failures, `role="status"` for the
 * rest; focusable from script so focus can move to an outcome.
 */
export function alertView(tone: keyof typeof ALERT_ICONS, title: string, body: string, action?: TemplateResult | typeof nothing): TemplateResult {
  return html`<div class="alert ${tone}" part="alert alert-${tone}" role=${tone === 'danger' || tone === 'warning' ? 'alert' : 'status'} tabindex="-1">
    <span class="icon" aria-hidden="true">${ALERT_ICONS[tone]}</span>
    <div class="alert-body"><p><strong>${title}</strong></p>${body ? html`<p>${body}</p>` : nothing}${action ?? nothing}</div>
  </div>`;
}

// Full, half and empty circles mirror "fully / partly / not online" for sighted readers; the text says it for all.
const ONLINE_ICONS: Record<OnlineService, string> = { 'toan-trinh': '●', 'mot-phan': '◐', none: '○' };

/** The online-service badge (Dịch vụ công trực tuyến toàn trình / một phần / none): icon + text. */
export function onlineBadge(online: OnlineService, locale: Locale): TemplateResult {
  return html`<span class="badge online ${online}" part="online-badge"><span aria-hidden="true">${ONLINE_ICONS[online] ?? '○'}</span>${onlineLabel(online, locale)}</span>`;
}
