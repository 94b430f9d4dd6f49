// What <dvc-dossier-tracker> shows once a dossier is found. A module (and CDN chunk) of its own, imported by the
// first lookup while the API answers: the many visits that never look a dossier up never download it.
import { html, nothing, type TemplateResult } from 'lit';
import type { Dossier, HistoryEntry, SupplementRequest } from '@dvc-kit/sdk';
import { formatDate, TIMING_LABELS } from './dates.ts';
import type { Locale } from '../base/i18n.ts';
import { icon, type Tone } from '../base/icons.ts';
import { levelAttr } from '../base/views.ts';
import { statusTone, timingTone, toneIcon } from './tones.ts';
import type { TrackerStrings } from '../dossier-tracker/strings.ts';

/** The element's translation of its strings. */
export type Translate = (key: keyof TrackerStrings, params?: Record<string, string | number>) => string;

/** What the result needs from its element. */
export interface DossierViewContext {
  t: Translate;
  locale: Locale;
  /** The level for section headings inside the result (one below the result heading). */
  sectionLevel: number;
  historyExpanded: boolean;
  toggleHistory: () => void;
  /** The element's own part between the supplement requests and the history (the survey, or its invitation). */
  survey: unknown;
}

/** Long histories (15+ steps) would push everything else off a phone screen: the newest few show first. */
const HISTORY_PREVIEW = 5;

/** One badge of the summary: its label, then icon and text in the tone's colour. */
function badge(label: string, part: 'status' | 'timing', tone: Tone, text: string, value: string | number): TemplateResult {
  return html`<div><dt>${label}</dt><dd><span class="badge tone-${tone}" part=${part}
    data-status=${part === 'status' ? value : nothing} data-timing=${part === 'timing' ? value : nothing}
    >${icon(toneIcon(tone))}<span>${text}</span></span></dd></div>`;
}

function renderStatusBadges(dossier: Dossier, t: Translate, locale: Locale): TemplateResult {
  const { code, label } = dossier.status;
  const timing = dossier.timing;
  // An unknown status from a newer gateway still shows its own label rather than nothing.
  return html`<dl class="summary">
    ${badge(t('status'), 'status', statusTone(code), code >= 1 && code <= 10 ? t(`status${code}` as keyof TrackerStrings) : label, code)}
    ${timing ? badge(t('timing'), 'timing', timingTone(timing), TIMING_LABELS[locale][timing] ?? timing, timing) : nothing}
  </dl>`;
}

function row(label: string, value: unknown): TemplateResult {
  return html`<div class="row"><dt>${label}</dt><dd>${value}</dd></div>`;
}

function dateRow(label: string, iso: string | null): TemplateResult | typeof nothing {
  return iso ? row(label, html`<time datetime=${iso}>${formatDate(iso, true)}</time>`) : nothing;
}

function renderFacts(dossier: Dossier, t: Translate): TemplateResult {
  return html`<dl class="facts" part="facts">
    ${row(t('procedure'), html`<span lang="vi">${dossier.procedure.name}</span>
      <span class="muted">${t('procedureCode', { code: dossier.procedure.code })}</span>`)}
    ${row(t('applicant'), html`<span lang="vi">${dossier.applicant}</span>`)}
    ${row(t('agency'), html`<span lang="vi">${dossier.agency}</span>`)}
    ${dateRow(t('receivedAt'), dossier.receivedAt)}
    ${dateRow(t('appointmentAt'), dossier.appointmentAt)}
    ${dateRow(t('finishedAt'), dossier.finishedAt)}
    ${dateRow(t('returnedAt'), dossier.returnedAt)}
  </dl>`;
}

function renderSupplement(request: SupplementRequest, t: Translate): TemplateResult {
  const done = request.fulfilledAt !== null;
  const tone = done ? 'success' : 'warning';
  return html`<li class="supplement tone-${tone}" part="supplement">
    <p class="supplement-state">
      ${icon(toneIcon(tone))}
      <span>${done ? t('supplementFulfilled', { date: formatDate(request.fulfilledAt) }) : t('supplementPending')}</span>
    </p>
    <p lang="vi">${request.content}</p>
    ${request.items.length > 0
      ? html`<p class="label">${t('supplementItems')}</p>
          <ul lang="vi">${request.items.map((item) => html`<li>${item}</li>`)}</ul>`
      : nothing}
    <dl class="facts compact">
      ${dateRow(t('supplementRequestedAt'), request.requestedAt)}
      ${dateRow(t('supplementDue'), request.dueAt)}
      ${dateRow(t('supplementNewAppointment'), request.newAppointmentAt)}
    </dl>
  </li>`;
}

/** Supplement requests, under a heading of `sectionLevel` (one below the result's). */
function renderSupplements(dossier: Dossier, t: Translate, sectionLevel: number): TemplateResult | typeof nothing {
  if (dossier.supplements.length === 0) return nothing;
  // Open requests first: they are what the citizen has to act on.
  const ordered = [...dossier.supplements].sort((a, b) => Number(a.fulfilledAt !== null) - Number(b.fulfilledAt !== null));
  return html`<section class="section" aria-labelledby="supplements-title">
    <h3 id="supplements-title" aria-level=${levelAttr(sectionLevel, 3)}>${t('supplementsTitle')}</h3>
    <ul class="supplements" role="list">${ordered.map((request) => renderSupplement(request, t))}</ul>
  </section>`;
}

function renderHistoryEntry(entry: HistoryEntry, t: Translate): TemplateResult {
  return html`<li class="step">
    <p><time datetime=${entry.at}>${formatDate(entry.at, true)}</time></p>
    <p lang="vi">${entry.action}</p>
    <p class="hint"><span lang="vi">${entry.unit}</span>${entry.officer ? html` · ${t('historyOfficer', { name: entry.officer })}` : nothing}</p>
  </li>`;
}

/** The processing history, under a heading of `sectionLevel`; a long one shows all its steps when `expanded`. */
function renderHistory(dossier: Dossier, t: Translate, sectionLevel: number, expanded: boolean, toggle: () => void): TemplateResult | typeof nothing {
  const all = dossier.history;
  if (all.length === 0) return nothing;
  const long = all.length > HISTORY_PREVIEW + 1;
  const shown = long && !expanded ? all.slice(0, HISTORY_PREVIEW) : all;
  // Newest first, numbered as the steps happened: a reversed list counts down from the total.
  return html`<section class="section" aria-labelledby="history-title">
    <h3 id="history-title" aria-level=${levelAttr(sectionLevel, 3)}>${t('historyTitle')}</h3>
    <ol class="timeline" id="history" reversed start=${all.length} part="history">
      ${shown.map((entry) => renderHistoryEntry(entry, t))}
    </ol>
    ${long
      ? html`<button type="button" class="button link-like" aria-controls="history" aria-expanded=${expanded}
          @click=${toggle}>${t(expanded ? 'historyShowFewer' : 'historyShowAll', { count: all.length })}</button>`
      : nothing}
  </section>`;
}

/** The dossier found: its status and timing, facts, supplement requests, the element's survey part, its history. */
export function renderDossier(dossier: Dossier, ctx: DossierViewContext): TemplateResult {
  return html`${renderStatusBadges(dossier, ctx.t, ctx.locale)}
    ${renderFacts(dossier, ctx.t)}
    ${renderSupplements(dossier, ctx.t, ctx.sectionLevel)}
    ${ctx.survey}
    ${renderHistory(dossier, ctx.t, ctx.sectionLevel, ctx.historyExpanded, ctx.toggleHistory)}`;
}
