import { html, type TemplateResult } from 'lit';

/** How a state should read at a glance; always shown as an icon beside text, never as colour alone. */
export type Tone = 'info' | 'progress' | 'warning' | 'danger' | 'success' | 'neutral';

/** The tones of message boxes, which every element shows. */
export type AlertTone = 'info' | 'warning' | 'danger';

// Only the message boxes' icons live here, in the chunk every page loads; the tones only results and outcomes draw
// (progress, success, neutral) travel with them (form/icons.ts, dossier-result/).
const PATHS: Record<AlertTone, string> = {
  info: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm1 15h-2v-6h2v6zm0-8h-2V7h2v2z',
  warning: 'M1 21h22L12 2 1 21zm12-3h-2v-2h2v2zm0-4h-2v-4h2v4z',
  danger: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm4.2 12.8-1.4 1.4-2.8-2.8-2.8 2.8-1.4-1.4 2.8-2.8-2.8-2.8 1.4-1.4 2.8 2.8 2.8-2.8 1.4 1.4-2.8 2.8 2.8 2.8z',
};

/**
 * A decorative icon: the text next to it carries the meaning, so assistive technology skips it. A message box's
 * tone names its icon; any other icon is SVG path data on a 24×24 grid.
 */
export function icon(toneOrPath: AlertTone | (string & {})): TemplateResult {
  return html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d=${PATHS[toneOrPath as AlertTone] ?? toneOrPath}></path></svg>`;
}
