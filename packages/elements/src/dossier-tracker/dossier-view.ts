import { html, nothing, type TemplateResult } from 'lit';
import type { Dossier, HistoryEntry, SupplementRequest } from '@dvc-kit/sdk';
import { formatDate, TIMING_LABELS } from './dates.ts';
import type { Locale } from '../base/i18n.ts';
import { icon, type Tone } from '../base/icons.ts';
import { levelAttr } from '../base/views.ts';
import { statusTone, timingTone } from './tones.ts';
import type { TrackerStrings } from './strings.ts';

/** What the result view needs from its element: translation, language, heading depth and history state. */
export interface DossierViewContext {
  t: (key: keyof TrackerStrings, params?: Record<string, string | number>) => string;
  locale: Locale;
  /** The level for section headings inside the result (one below the result heading). */
  sectionLevel: number;
  historyExpanded: boolean;
  toggleHistory: () => void;
}

/** Long histories (15+ steps) would push everything else off a phone screen: the newest few show first. */
export const HISTORY_PREVIEW = 5;

/** One badge of the summary: its label, then icon and text in the tone's colour. */
function badge(label: string, part: 'status' | 'timing', tone: Tone, text: string, value: string | number): TemplateResult {
  return html`<div><dt>${label}</dt><dd><span class="badge tone-${tone}" part=${part}
    data-status=${part === 'status' ? value : nothing} data-timing=${part === 'timing' ? value : nothing}
    >${icon(tone)}<span>${text}</span></span></dd></div>`;
}

export function renderStatusBadges(dossier: Dossier, ctx: DossierViewContext): TemplateResult {
  const { code, label } = dossier.status;
  const timing = dossier.timing;
  // An unknown status from a newer gateway still shows its own label rather than nothing.
  return html`<dl class="summary">
    ${badge(ctx.t('status'), 'status', statusTone(code), code >= 1 && code <= 10 ? ctx.t(`status${code}` as keyof TrackerStrings) : label, code)}
    ${timing ? badge(ctx.t('timing'), 'timing', timingTone(timing), TIMING_LABELS[ctx.locale][timing] ?? timing, timing) : nothing}
  </dl>`;
}

function row(label: string, value: unknown): TemplateResult {
  return html`<div class="row"><dt>${label}</dt><dd>${value}</dd></div>`;
}

function dateRow(label: string, iso: string | null): TemplateResult | typeof nothing {
  return iso ? row(label, html`<time datetime=${iso}>${formatDate(iso, true)}</time>`) : nothing;
}

export function renderFacts(dossier: Dossier, ctx: DossierViewContext): TemplateResult {
  return html`<dl class="facts" part="facts">
    ${row(ctx.t('procedure'), html`${dossier.procedure.name}
      <span class="muted">${ctx.t('procedureCode', { code: dossier.procedure.code })}</span>`)}
    ${row(ctx.t('applicant'), dossier.applicant)}
    ${row(ctx.t('agency'), dossier.agency)}
    ${dateRow(ctx.t('receivedAt'), dossier.receivedAt)}
    ${dateRow(ctx.t('appointmentAt'), dossier.appointmentAt)}
    ${dateRow(ctx.t('finishedAt'), dossier.finishedAt)}
    ${dateRow(ctx.t('returnedAt'), dossier.returnedAt)}
  </dl>`;
}

function renderSupplement(request: SupplementRequest, ctx: DossierViewContext): TemplateResult {
  const done = request.fulfilledAt !== null;
  const tone = done ? 'success' : 'warning';
  return html`<li class="supplement tone-${tone}" part="supplement">
    <p class="supplement-state">
      ${icon(tone)}
      <span>${done ? ctx.t('supplementFulfilled', { date: formatDate(request.fulfilledAt) }) : ctx.t('supplementPending')}</span>
    </p>
    <p>${request.content}</p>
    ${request.items.length > 0
      ? html`<p class="label">${ctx.t('supplementItems')}</p>
          <ul>${request.items.map((item) => html`<li>${item}</li>`)}</ul>`
      : nothing}
    <dl class="facts compact">
      ${dateRow(ctx.t('supplementRequestedAt'), request.requestedAt)}
      ${dateRow(ctx.t('supplementDue'), request.dueAt)}
      ${dateRow(ctx.t('supplementNewAppointment'), request.newAppointmentAt)}
    </dl>
  </li>`;
}

export function renderSupplements(dossier: Dossier, ctx: DossierViewContext): TemplateResult | typeof nothing {
  if (dossier.supplements.length === 0) return nothing;
  // Open requests first: they are what the citizen has to act on.
  const ordered = [...dossier.supplements].sort((a, b) => Number(a.fulfilledAt !== null) - Number(b.fulfilledAt !== null));
  return html`<section class="section" aria-labelledby="supplements-title">
    <h3 id="supplements-title" aria-level=${levelAttr(ctx.sectionLevel, 3)}>${ctx.t('supplementsTitle')}</h3>
    <ul class="supplements" role="list">${ordered.map((request) => renderSupplement(request, ctx))}</ul>
  </section>`;
}

function renderHistoryEntry(entry: HistoryEntry, ctx: DossierViewContext): TemplateResult {
  return html`<li class="step">
    <p><time datetime=${entry.at}>${formatDate(entry.at, true)}</time></p>
    <p>${entry.action}</p>
    <p class="hint">${entry.unit}${entry.officer ? html` · ${ctx.t('historyOfficer', { name: entry.officer })}` : nothing}</p>
  </li>`;
}

export function renderHistory(dossier: Dossier, ctx: DossierViewContext): TemplateResult | typeof nothing {
  const all = dossier.history;
  if (all.length === 0) return nothing;
  const long = all.length > HISTORY_PREVIEW + 1;
  const shown = long && !ctx.historyExpanded ? all.slice(0, HISTORY_PREVIEW) : all;
  // Newest first, numbered as the steps happened: a reversed list counts down from the total.
  return html`<section class="section" aria-labelledby="history-title">
    <h3 id="history-title" aria-level=${levelAttr(ctx.sectionLevel, 3)}>${ctx.t('historyTitle')}</h3>
    <ol class="timeline" id="history" reversed start=${all.length} part="history">
      ${shown.map((entry) => renderHistoryEntry(entry, ctx))}
    </ol>
    ${long
      ? html`<button type="button" class="button link-like" aria-controls="history" aria-expanded=${ctx.historyExpanded}
          @click=${ctx.toggleHistory}>${ctx.t(ctx.historyExpanded ? 'historyShowFewer' : 'historyShowAll', { count: all.length })}</button>`
      : nothing}
  </section>`;
}
