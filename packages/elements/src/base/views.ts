import { html, nothing, type TemplateResult } from 'lit';
import { icon, type AlertTone } from './icons.ts';

/**
 * A message box: icon + title + text (never colour alone). `role="alert"` for failures, `role="status"` for the
 * rest; focusable from script so focus can move to an outcome. `id` and `problem` (as `data-problem`) let an
 * element find it again and tests tell causes apart.
 */
export function alertView(tone: AlertTone, title: string, body: string, action: unknown = nothing, id?: string, problem?: string): TemplateResult {
  return html`<div class="alert ${tone}" part="alert" role=${tone === 'danger' || tone === 'warning' ? 'alert' : 'status'}
    tabindex="-1" id=${id ?? nothing} data-problem=${problem ?? nothing}>${icon(tone)}<div class="alert-body">
    <p><strong>${title}</strong></p>${body ? html`<p>${body}</p>` : nothing}${action}</div></div>`;
}

/** A heading level from an attribute: a whole number from 1 to 6, or 2 when it is not a number. */
export function headingLevel(value: unknown): number {
  const level = Math.round(Number(value));
  return Number.isFinite(level) ? Math.min(6, Math.max(1, level)) : 2;
}

/** An `aria-level` for a heading tag of level `tagLevel`, only when the wanted level differs (headings nest in pages). */
export function levelAttr(level: unknown, tagLevel: number): number | typeof nothing {
  const wanted = headingLevel(level);
  return wanted === tagLevel ? nothing : wanted;
}
