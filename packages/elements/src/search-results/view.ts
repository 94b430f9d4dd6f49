// What <dvc-service-search> shows once a search has answered: the cards (highlighted names, code, levels, field,
// time, fees, online badge) and "load more", or the empty state with its tips. A module (and CDN chunk) of its own, imported as the first search request starts,
// in parallel with the API call: visits that never search never download it.
import { html, nothing, type TemplateResult } from 'lit';
import type { ProcedureSummary } from '@dvc-kit/sdk';
import type { highlight as Highlight } from '@dvc-kit/sdk/text';
import type { Locale } from '../base/i18n.ts';
import { alertView, headingLevel } from '../base/views.ts';
import { onlineBadge } from '../catalog-detail/badge.ts';
import { fillCodeTemplate, formatDuration } from '../catalog-detail/format.ts';
import { levelLabel } from '../catalog/labels.ts';
import type { ServiceSearchStrings } from '../service-search/strings.ts';
import { formatFeeSummary } from './fees.ts';
import { resultStyles } from './styles.ts';

/** What the result list needs from its element. */
export interface ResultsContext {
  /** The element's shadow root: the list's styles join its own there. */
  root: ShadowRoot;
  t: (key: keyof ServiceSearchStrings, params?: Record<string, string | number>) => string;
  locale: Locale;
  headingLevel: number;
  detailHref: string | undefined;
  items: ProcedureSummary[];
  /** The count line ("12 thủ tục"), or the loading line while a newer search runs. */
  status: string;
  /** A newer search runs: the list stays, dimmed and busy. */
  stale: boolean;
  /** More results exist on the server. */
  hasMore: boolean;
  loadingMore: boolean;
  /** "Load more" failed: its failure view takes the button's place. */
  moreFailure: TemplateResult | null;
  /** With no match positions from the gateway, names are highlighted from this query (see `needHighlighter`). */
  highlightQuery: string;
  select: (item: ProcedureSummary, event: Event) => void;
  loadMore: () => void;
}

/**
 * The SDK's highlighter, fetched the first time a gateway answers without match positions: the reference API and any
 * gateway that sends them never need it.
 */
let highlighter: typeof Highlight | undefined;

/** Results came without match positions: fetch the highlighter (once), then `ready` draws the names again. */
export function needHighlighter(ready: () => void): void {
  if (!highlighter) {
    import('@dvc-kit/sdk/text').then((text) => {
      highlighter = text.highlight;
      ready();
    }, () => {});
  }
}

/** `text` with the ranges the API matched in <mark> (clamped to the text, in order, overlaps merged). */
function marked(text: string, ranges: [number, number][]): unknown[] {
  const out: unknown[] = [];
  let at = 0;
  for (const [from, to] of ranges.sort((a, b) => a[0] - b[0])) {
    const start = Math.max(at, Math.min(from, text.length));
    const end = Math.max(start, Math.min(to, text.length));
    out.push(text.slice(at, start), end > start ? html`<mark>${text.slice(start, end)}</mark>` : '');
    at = end;
  }
  out.push(text.slice(at));
  return out;
}

function markedField(c: ResultsContext, text: string, field: 'name' | 'code', matches: ProcedureSummary['matches']): unknown[] {
  // A gateway that sends no match positions still gets the names highlighted, computed here from the query.
  if (highlighter && field === 'name' && c.highlightQuery) {
    return highlighter(text, c.highlightQuery).map((p) => (p.match ? html`<mark>${p.text}</mark>` : p.text));
  }
  return marked(text, matches.filter((m) => m.field === field).map((m) => [m.start, m.end]));
}

/** A fact of a result, labelled for screen readers (sighted readers see what it is). */
function meta(label: string, content: unknown): TemplateResult {
  return html`<span><span class="visually-hidden">${label}: </span>${content}</span>`;
}

function renderItem(c: ResultsContext, item: ProcedureSummary): TemplateResult {
  const { t, locale } = c;
  const href = c.detailHref ? fillCodeTemplate(c.detailHref, item.code) : null;
  const name = markedField(c, item.name, 'name', item.matches);
  const select = (e: Event) => c.select(item, e);
  const time = formatDuration(item.processingTime, locale, true);
  const fee = formatFeeSummary(item.fee, locale);
  return html`<li class="result" part="result">
    <div role="heading" aria-level=${headingLevel(c.headingLevel)} class="name" lang="vi">
      ${href
        ? html`<a href=${href} part="result-link" data-code=${item.code} @click=${select}>${name}</a>`
        : html`<button type="button" class="link-like" part="result-link" data-code=${item.code} @click=${select}>${name}</button>`}
    </div>
    <p class="meta">
      ${meta(t('code'), html`<span class="code">${markedField(c, item.code, 'code', item.matches)}</span>`)}
      ${item.levels.length ? meta(t('levels'), item.levels.map((l) => levelLabel(l, locale)).join(', ')) : nothing}
      ${meta(t('fieldShort'), html`<span lang="vi">${item.field.name}</span>`)}
    </p>
    ${time || fee ? html`<dl class="facts">
      ${time ? html`<div><dt>${t('time')}:</dt> <dd>${time}</dd></div>` : nothing}
      ${fee ? html`<div><dt>${t('fees')}:</dt> <dd>${fee}</dd></div>` : nothing}
    </dl>` : nothing}
    <p class="badges">${onlineBadge(item.online, locale)}</p>
  </li>`;
}

/** The list's (and empty state's) styles, after the element's own, before the list first shows. */
function style(root: ShadowRoot): void {
  // Every supported browser adopts constructed sheets (design.md): Lit's <style> fallback is never needed.
  const sheet = resultStyles.styleSheet!;
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

/** The count, the result cards and "load more" (or its failure). */
export function renderResults(c: ResultsContext): TemplateResult {
  style(c.root);
  const { stale, loadingMore } = c;
  return html`<p class="count" part="status" tabindex="-1">${c.status}</p>
    <ul class="results ${stale ? 'stale' : ''}" part="results" aria-busy=${stale} role="list">
      ${c.items.map((item) => renderItem(c, item))}
    </ul>
    ${c.moreFailure ? html`<div class="more-failure">${c.moreFailure}</div>`
      : c.hasMore && !stale ? html`<p class="more"><button type="button" class="button secondary" part="load-more"
      ?disabled=${loadingMore} aria-busy=${loadingMore}
      @click=${c.loadMore}>${c.t(loadingMore ? 'loadingMore' : 'loadMore')}</button></p>` : nothing}`;
}

/** What the empty state needs from its element. */
export interface EmptyContext {
  root: ShadowRoot;
  t: ResultsContext['t'];
  title: string;
  /** The citizen chose a filter: offer to clear them. */
  filtered: boolean;
  clearFilters: () => void;
}

/** Nothing found: the title, tips for a better query, and a way out of the filters the citizen chose. */
export function renderEmpty(c: EmptyContext): TemplateResult {
  style(c.root);
  const { t } = c;
  return html`<div class="empty">${alertView('info', c.title, '', html`<ul class="tips">
      <li>${t('emptySpelling')}</li><li>${t('emptyFewer')}</li><li>${t('emptyCode')}</li></ul>
      ${c.filtered ? html`<p><button type="button" class="button secondary" @click=${c.clearFilters}>${t('clearFilters')}</button></p>` : nothing}`)}</div>`;
}
