import { html, nothing, type TemplateResult } from 'lit';

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
