import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { FilterValue, Level, ProcedureSummary, SearchFacets, SearchParams } from '@dvc-kit/sdk';
import { highlight, segments, type Segment } from '@dvc-kit/sdk/text';
import { DvcElement } from '../base/dvc-element.ts';
import { baseStyles } from '../base/styles.ts';
import { classifyFailure, failureView, type Failure } from '../catalog/failure.ts';
import { alertView, headingLevel } from '../base/views.ts';
import { onlineBadge } from '../catalog/badge.ts';
import { catalogStyles } from '../catalog/styles.ts';
import { fillCodeTemplate, formatDuration, formatFeeSummary, formatNumber, LEVEL_LABELS, levelLabel, portalProcedureUrl } from '../catalog/format.ts';
import { serviceSearchStyles } from './styles.ts';
import { serviceSearchStrings, type ServiceSearchStrings } from './strings.ts';
import { readUrlState, urlWithState, type UrlState } from './url-state.ts';

export interface SearchFilters {
  level?: Level;
  field?: string;
  agency?: string;
}

/** `dvc-search`: a search finished (not fired for "load more"). */
export interface SearchEventDetail {
  query: string;
  filters: SearchFilters;
  total: number;
}

/** `dvc-select`: a result was chosen; cancel the event to stop the link or the inline detail. */
export interface SelectEventDetail {
  code: string;
  name: string;
}

type View = 'initial' | 'loading' | 'results' | 'empty' | 'failed';

const DEBOUNCE_MS = 250;
const LEVELS = Object.keys(LEVEL_LABELS.vi) as Level[];

/** Worth asking the API: two characters, or any digits (a code's last digits). */
function searchable(query: string): boolean {
  return query.length >= 2 || /^\d+$/.test(query);
}

/**
 * Search the province's procedure catalogue as you type, with or without Vietnamese accents, filter by level and
 * field, and open a procedure inline (or on your own page with `detail-href`).
 *
 * @tagname dvc-service-search
 * @fires dvc-search - A search finished. `detail: { query, filters: { level?, field?, agency? }, total }`.
 * @fires dvc-select - A result was chosen. `detail: { code, name }`. Cancelable: `preventDefault()` stops the link
 *   (with `detail-href`) or the inline detail.
 * @slot - Fallback shown before the element upgrades and when it has no API to ask (e.g. a link to the portal).
 * @csspart form - The search form (box, button, filters).
 * @csspart input - The search box.
 * @csspart submit-button - The search button.
 * @csspart filters - The filter group.
 * @csspart status - The result count.
 * @csspart results - The result list.
 * @csspart result - One result card.
 * @csspart result-link - A result's name (link or button).
 * @csspart online-badge - A result's online-service badge.
 * @csspart load-more - The "load more" button.
 * @csspart back-button - "Back to results" in the inline detail.
 * @csspart procedure - The inline `<dvc-procedure>`.
 * @csspart alert - Empty, error, offline and rate-limited messages.
 * @csspart retry-button - "Try again" after a failure.
 * @csspart fallback - The wrapper of the fallback slot.
 * @cssprop --dvc-color-primary - Buttons, accents (default #0b3d91).
 * @cssprop --dvc-color-on-primary - Text on primary-coloured buttons (default #ffffff).
 * @cssprop --dvc-color-accent - Accent rule (default #a50e0e).
 * @cssprop --dvc-color-text - Text (default #1b1b1b).
 * @cssprop --dvc-color-muted - Secondary text (default #505a66).
 * @cssprop --dvc-color-surface - Background (default #ffffff).
 * @cssprop --dvc-color-surface-alt - Skeleton and hover backgrounds (default #f3f5f8).
 * @cssprop --dvc-color-border - Borders (default #8a94a3).
 * @cssprop --dvc-color-link - Result names (default: primary).
 * @cssprop --dvc-color-mark - Highlighted matches (default #fff0a8).
 * @cssprop --dvc-color-focus - Focus ring (default #c45100).
 * @cssprop --dvc-color-danger - Errors (default #b3261e).
 * @cssprop --dvc-color-warning - Warnings (default #7a4b00).
 * @cssprop --dvc-color-success - Fully-online badge (default #1e6b34).
 * @cssprop --dvc-font-family - Font stack (default system-ui).
 * @cssprop --dvc-font-size - Base size (default: the browser's, usually 16px).
 * @cssprop --dvc-radius - Corner radius (default 0.25em).
 * @cssprop --dvc-space - Base spacing (default 1em).
 */
export class DvcServiceSearch extends DvcElement<ServiceSearchStrings> {
  static override styles = [baseStyles, catalogStyles, serviceSearchStyles];

  static override properties: PropertyDeclarations = {
    level: { reflect: true },
    field: { reflect: true },
    agency: { reflect: true },
    query: {},
    urlSync: { attribute: 'url-sync', type: Boolean },
    detailHref: { attribute: 'detail-href' },
    submitHref: { attribute: 'submit-href' },
    pageSize: { attribute: 'page-size', type: Number },
    headingLevel: { attribute: 'heading-level', type: Number },
    userLevel: { attribute: false },
    userField: { attribute: false },
    view: { attribute: false },
    items: { attribute: false },
    total: { attribute: false },
    facets: { attribute: false },
    fieldList: { attribute: false },
    failure: { attribute: false },
    moreFailure: { attribute: false },
    loadingMore: { attribute: false },
    retryReady: { attribute: false },
    selected: { attribute: false },
    announcement: { attribute: false },
  };

  /** Preset level (`xa`, `tinh`, `bo`, `khac`): only procedures of that level; the level filter is hidden. */
  declare level: Level | undefined;

  /** Preset field id (e.g. `ho-tich`); the field filter is hidden. */
  declare field: string | undefined;

  /** Preset executing agency id (e.g. a department's own procedures). */
  declare agency: string | undefined;

  /** The text to search for when the element starts (the box then shows it). */
  declare query: string;

  /** Keep the query, filters and open procedure in the page URL (`dvc-q`, `dvc-level`, `dvc-field`, `dvc-code`), so
   *  links can be shared and the back button works. */
  declare urlSync: boolean;

  /** Results link to this URL template instead of opening inline; `{code}` becomes the URL-encoded code. */
  declare detailHref: string | undefined;

  /** Passed to the inline `<dvc-procedure>`: its "submit online" link template. */
  declare submitHref: string | undefined;

  /** Results per page (1–50). */
  declare pageSize: number;

  /** Heading level of result names and of the inline procedure's name. */
  declare headingLevel: number;

  protected readonly stringTable = serviceSearchStrings;

  declare protected userLevel: string;
  declare protected userField: string;
  declare protected view: View;
  declare protected items: ProcedureSummary[];
  declare protected total: number;
  declare protected facets: SearchFacets | null;
  declare protected fieldList: FilterValue[];
  declare protected failure: Failure | null;
  declare protected moreFailure: Failure | null;
  declare protected loadingMore: boolean;
  declare protected retryReady: boolean;
  declare protected selected: SelectEventDetail | null;
  declare protected announcement: string;

  constructor() {
    super();
    this.query = '';
    this.urlSync = false;
    this.pageSize = 10;
    this.headingLevel = 2;
    this.userLevel = '';
    this.userField = '';
    this.view = 'initial';
    this.items = [];
    this.total = 0;
    this.facets = null;
    this.fieldList = [];
    this.failure = null;
    this.moreFailure = null;
    this.loadingMore = false;
    this.retryReady = true;
    this.selected = null;
    this.announcement = '';
  }

  #searchedQuery = '';
  #page = 1;
  #seq = 0;
  #controller: AbortController | undefined;
  #fieldsController: AbortController | undefined;
  #debounce: ReturnType<typeof setTimeout> | undefined;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** What to focus after the next render: an outcome selector, or a result's code. */
  #focusTarget: { outcome: true } | { code: string } | { first: number } | { input: true } | null = null;
  #focusOutcome = false;
  /** The current history entry was created by this typing session, so further keystrokes replace it. */
  #typingEntry = false;
  /** The inline detail's history entry is ours: "Back to results" can go back instead of adding an entry. */
  #detailPushed = false;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.#onOnline);
    if (this.urlSync) {
      window.addEventListener('popstate', this.#onPopState);
      this.#applyState(readUrlState());
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.#onOnline);
    window.removeEventListener('popstate', this.#onPopState);
    this.#controller?.abort();
    this.#fieldsController?.abort();
    clearTimeout(this.#debounce);
    clearTimeout(this.#retryTimer);
  }

  protected override clientChanged(): void {
    this.#loadFields();
    this.#search();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.hasUpdated && (changed.has('level') || changed.has('field') || changed.has('agency'))) this.#search();
    // The detail's code is fetched only when a citizen opens one: pages that link out with `detail-href` never pay
    // for it. Until it arrives (or if it cannot), the portal link inside <dvc-procedure> is its fallback.
    if (this.selected) import('../procedure/define.ts').catch(() => {});
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const target = this.#focusTarget;
    if (!target) return;
    const root = this.renderRoot;
    let el: HTMLElement | null;
    if ('outcome' in target) el = root.querySelector('.count, .outcome .alert');
    else if ('code' in target) {
      // The list may still be on its way (detail opened from a shared URL): wait for it rather than give up.
      el = root.querySelector(`[data-code="${CSS.escape(target.code)}"]`) ?? (this.view === 'loading' ? null : root.querySelector('input'));
    }
    else if ('first' in target) el = root.querySelectorAll<HTMLElement>('[data-code]')[target.first] ?? null;
    else el = root.querySelector('input');
    if (el) {
      this.#focusTarget = null;
      el.focus();
    }
  }

  // ---- searching -------------------------------------------------------------------------------------------

  #filters(): SearchFilters {
    const filters: SearchFilters = {};
    const level = this.level || this.userLevel;
    const field = this.field || this.userField;
    if (level) filters.level = level as Level;
    if (field) filters.field = field;
    if (this.agency) filters.agency = this.agency;
    return filters;
  }

  /** A query, or a filter the user chose, makes a search; preset filters alone show the start screen. */
  #wantsSearch(): boolean {
    const q = this.query.trim();
    return searchable(q) || (!q && Boolean(this.userLevel || this.userField));
  }

  #search(options: { append?: boolean } = {}): void {
    const api = this.api;
    clearTimeout(this.#debounce);
    this.#controller?.abort();
    const seq = ++this.#seq;
    this.moreFailure = null;
    this.loadingMore = false;
    if (!api || !this.#wantsSearch()) {
      this.view = 'initial';
      this.items = [];
      this.facets = null;
      this.announcement = '';
      this.#focusOutcome = false;
      return;
    }
    const controller = new AbortController();
    this.#controller = controller;
    const append = options.append === true;
    const query = this.query.trim();
    const filters = this.#filters();
    const page = append ? this.#page + 1 : 1;
    const pageSize = Math.min(50, Math.max(1, Math.round(Number(this.pageSize)) || 10));
    const params: SearchParams = { ...filters, page, pageSize };
    if (query) params.q = query;
    if (append) this.loadingMore = true;
    else this.view = 'loading';

    if (globalThis.navigator?.onLine === false) {
      queueMicrotask(() => { if (seq === this.#seq) this.#fail({ kind: 'offline' }, append); });
      return;
    }
    api.procedures.search(params, { signal: controller.signal, locale: this.locale }).then(
      (result) => {
        // Both guards: an aborted request may still resolve from a shared cache or in-flight de-duplication.
        if (seq !== this.#seq || controller.signal.aborted) return;
        this.loadingMore = false;
        this.#page = result.page;
        this.total = result.total;
        this.facets = result.facets;
        this.failure = null;
        if (append) {
          this.#focusTarget = { first: this.items.length };
          this.items = [...this.items, ...result.items];
          this.announcement = this.t('shown', { shown: formatNumber(this.items.length, this.locale), total: formatNumber(result.total, this.locale) });
          return;
        }
        this.items = result.items;
        this.#searchedQuery = query;
        this.view = result.items.length ? 'results' : 'empty';
        this.#settle(this.view === 'results' ? this.#countText() : this.#emptyTitle());
        this.emit<SearchEventDetail>('dvc-search', { query, filters, total: result.total });
      },
      (error: unknown) => {
        if (seq !== this.#seq) return;
        const failure = classifyFailure(error, controller.signal);
        if (failure) this.#fail(failure, append);
      },
    );
  }

  /** Announce the outcome politely, unless focus moves onto it (then it is read out anyway, once). */
  #settle(text: string): void {
    if (this.#focusOutcome) {
      this.#focusOutcome = false;
      this.#focusTarget = { outcome: true };
      this.announcement = '';
    } else {
      this.announcement = text;
    }
  }

  #fail(failure: Failure, append: boolean): void {
    this.loadingMore = false;
    clearTimeout(this.#retryTimer);
    this.retryReady = true;
    if (failure.kind === 'rate-limited') {
      this.retryReady = false;
      this.#retryTimer = setTimeout(() => { this.retryReady = true; }, failure.retryAfter * 1000);
    }
    if (append) {
      this.moreFailure = failure;
      return;
    }
    this.failure = failure;
    this.view = 'failed';
    // The alert announces itself (role="alert"); only focus moves.
    if (this.#focusOutcome) this.#settle('');
    this.announcement = '';
  }

  #loadFields(): void {
    const api = this.api;
    this.#fieldsController?.abort();
    if (!api) return;
    const controller = new AbortController();
    this.#fieldsController = controller;
    api.procedures.fields({ signal: controller.signal, locale: this.locale }).then(
      (list) => { if (!controller.signal.aborted) this.fieldList = list.items; },
      // Without the list the field filter offers the values of the latest results' facets; nothing to show.
      () => {},
    );
  }

  #onOnline = (): void => {
    if (this.view === 'failed' && this.failure?.kind === 'offline') this.#search();
    else if (this.moreFailure?.kind === 'offline') this.#search({ append: true });
  };

  // ---- URL sync ----------------------------------------------------------------------------------------------

  #urlState(): UrlState {
    return { q: this.query.trim(), level: this.userLevel, field: this.userField, code: this.selected?.code ?? '' };
  }

  /**
   * `typing`: the first debounced search of a typing session adds a history entry, later keystrokes replace it;
   * `commit`: Enter confirms that entry (or adds one); `push`: filters and the inline detail add an entry.
   */
  #syncUrl(mode: 'typing' | 'commit' | 'push'): void {
    if (!this.urlSync) return;
    const typing = this.#typingEntry;
    this.#typingEntry = mode === 'typing';
    const url = urlWithState(this.#urlState());
    if (url === location.href) return;
    const replace = (mode === 'typing' || mode === 'commit') && typing;
    if (replace) history.replaceState(history.state, '', url);
    else history.pushState(null, '', url);
  }

  #applyState(s: UrlState): void {
    this.query = s.q;
    this.userLevel = LEVELS.includes(s.level as Level) ? s.level : '';
    this.userField = s.field;
    this.selected = s.code ? { code: s.code, name: '' } : null;
  }

  #onPopState = (): void => {
    this.#typingEntry = false;
    this.#detailPushed = false;
    const before = this.#urlState();
    const after = readUrlState();
    const closing = before.code && !after.code ? before.code : null;
    this.#applyState(after);
    if (closing) this.#focusTarget = { code: closing };
    if (before.q !== after.q || before.level !== this.userLevel || before.field !== this.userField || this.view === 'initial') this.#search();
  };

  // ---- user actions ------------------------------------------------------------------------------------------

  #onInput(event: Event): void {
    this.query = (event.target as HTMLInputElement).value;
    clearTimeout(this.#debounce);
    if (!this.#wantsSearch()) {
      this.#search();
      this.#syncUrl('typing');
      return;
    }
    this.#debounce = setTimeout(() => {
      this.#search();
      this.#syncUrl('typing');
    }, DEBOUNCE_MS);
  }

  #onSubmit(event: Event): void {
    event.preventDefault();
    this.#focusOutcome = this.#wantsSearch();
    this.#search();
    this.#syncUrl('commit');
  }

  #onFilter(kind: 'level' | 'field', event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    if (kind === 'level') this.userLevel = value;
    else this.userField = value;
    this.#search();
    this.#syncUrl('push');
  }

  #clearFilters(): void {
    this.userLevel = '';
    this.userField = '';
    this.#focusTarget = { input: true };
    this.#search();
    this.#syncUrl('push');
  }

  #retry(): void {
    this.#focusOutcome = true;
    this.#search();
  }

  #onSelect(item: ProcedureSummary, event: Event): void {
    const proceed = this.emit<SelectEventDetail>('dvc-select', { code: item.code, name: item.name }, { cancelable: true });
    if (!proceed) {
      event.preventDefault();
      return;
    }
    if (this.detailHref) return;
    this.selected = { code: item.code, name: item.name };
    this.#detailPushed = this.urlSync;
    this.#syncUrl('push');
  }

  #back(): void {
    const code = this.selected?.code;
    if (this.#detailPushed) {
      // The detail has its own history entry: going back keeps the browser's history and ours the same.
      history.back();
      return;
    }
    this.selected = null;
    if (code) this.#focusTarget = { code };
    this.#syncUrl('push');
    if (this.view === 'initial') this.#search();
  }

  // ---- rendering ---------------------------------------------------------------------------------------------

  #countText(): string {
    const count = formatNumber(this.total, this.locale);
    return this.t(this.total === 1 ? 'countOne' : 'countOther', { count });
  }

  #emptyTitle(): string {
    return this.#searchedQuery ? this.t('emptyTitle', { query: this.#searchedQuery }) : this.t('emptyTitleNoQuery');
  }

  protected override render(): TemplateResult {
    if (!this.api) return this.renderFallback();
    const live = html`<div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>`;
    if (this.selected) return html`${live}${this.#renderDetail(this.selected.code)}`;
    return html`${this.#renderForm()}${live}<div class="outcome">${this.#renderOutcome()}</div>`;
  }

  #renderForm(): TemplateResult {
    const q = this.query.trim();
    const hint = q && !searchable(q) ? this.t('tooShort') : this.t('hint');
    return html`<form role="search" part="form" class="form" @submit=${this.#onSubmit} novalidate>
      <label for="q">${this.t('label')}</label>
      <p id="hint" class="hint">${hint}</p>
      <div class="box">
        <input id="q" part="input" type="search" name="q" .value=${this.query} @input=${this.#onInput}
          inputmode="search" autocomplete="off" autocapitalize="off" spellcheck="false" enterkeyhint="search"
          aria-describedby="hint" placeholder=${this.t('placeholder')} maxlength="200" />
        <button class="button" type="submit" part="submit-button">
          <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18"><circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" stroke-width="2.5"/><path d="m15.5 15.5 5.5 5.5" stroke="currentColor" stroke-width="2.5" stroke-linecap="round"/></svg>
          ${this.t('submit')}
        </button>
      </div>
      ${this.#renderFilters()}
    </form>`;
  }

  #filter(kind: 'level' | 'field', all: string, values: { id: string; label: string; count: number | null }[], selected: string): TemplateResult {
    const list = [...values];
    if (selected && !list.some((v) => v.id === selected)) list.push({ id: selected, label: selected, count: null });
    return html`<div class="filter">
      <label for=${kind}>${this.t(kind)}</label>
      <select id=${kind} @change=${(e: Event) => this.#onFilter(kind, e)}>
        <option value="" ?selected=${!selected}>${all}</option>
        ${list.map((v) => html`<option value=${v.id} ?selected=${v.id === selected}>${
          v.count === null ? v.label : this.t('option', { label: v.label, count: formatNumber(v.count, this.locale) })}</option>`)}
      </select></div>`;
  }

  #renderFilters(): TemplateResult | typeof nothing {
    if (this.level && this.field) return nothing;
    const levelLabelOf = (id: string) => (LEVELS.includes(id as Level) ? levelLabel(id as Level, this.locale) : id);
    const levels = this.facets
      ? this.facets.levels.map((f) => ({ id: f.value, label: levelLabelOf(f.value), count: f.count }))
      : LEVELS.map((l) => ({ id: l, label: levelLabelOf(l), count: null }));
    const fields = this.facets
      ? this.facets.fields.map((f) => ({ id: f.value, label: f.label, count: f.count }))
      : this.fieldList.map((f) => ({ id: f.id, label: f.name, count: f.count }));
    return html`<fieldset class="filters" part="filters">
      <legend class="visually-hidden">${this.t('filters')}</legend>
      ${this.level ? nothing : this.#filter('level', this.t('allLevels'), levels, this.userLevel)}
      ${this.field ? nothing : this.#filter('field', this.t('allFields'), fields, this.userField)}
    </fieldset>`;
  }

  #renderOutcome(): TemplateResult | typeof nothing {
    switch (this.view) {
      case 'initial': return nothing;
      case 'loading': return this.items.length ? this.#renderResults(true) : this.#renderSkeleton();
      case 'results': return this.#renderResults(false);
      case 'empty': return this.#renderEmpty();
      case 'failed': return this.failure ? this.#renderFailure(this.failure) : nothing;
    }
  }

  #renderSkeleton(): TemplateResult {
    return html`<div class="skeletons" aria-busy="true"><p class="count muted">${this.t('loading')}</p>
      ${[0, 1, 2].map(() => html`<div class="skeleton-card" aria-hidden="true"><span class="skeleton w80"></span><span class="skeleton w50"></span><span class="skeleton w60"></span></div>`)}
    </div>`;
  }

  #renderResults(stale: boolean): TemplateResult {
    const remaining = this.total - this.items.length;
    return html`<p class="count" part="status" tabindex="-1">${stale ? this.t('loading') : this.#countText()}</p>
      <ul class="results ${stale ? 'stale' : ''}" part="results" aria-busy=${stale ? 'true' : 'false'} role="list">
        ${this.items.map((item) => this.#renderItem(item))}
      </ul>
      ${this.moreFailure ? html`<div class="more-failure">${this.#renderFailure(this.moreFailure, true)}</div>` : nothing}
      ${remaining > 0 && !stale && !this.moreFailure ? html`<p class="more"><button type="button" class="button secondary" part="load-more"
        ?disabled=${this.loadingMore} aria-busy=${this.loadingMore ? 'true' : 'false'}
        @click=${() => this.#search({ append: true })}>${this.loadingMore ? this.t('loadingMore') : this.t('loadMore')}</button></p>` : nothing}`;
  }

  #marked(text: string, field: 'name' | 'code', matches: ProcedureSummary['matches']): TemplateResult[] {
    const ranges = matches.filter((m) => m.field === field).map((m) => [m.start, m.end] as const);
    // A gateway that sends no match positions still gets highlighting, computed here from the query.
    const parts: Segment[] = ranges.length || !this.#searchedQuery ? segments(text, ranges) : field === 'name' ? highlight(text, this.#searchedQuery) : segments(text, []);
    return parts.map((p) => (p.match ? html`<mark>${p.text}</mark>` : html`${p.text}`));
  }

  #renderItem(item: ProcedureSummary): TemplateResult {
    const href = this.detailHref ? fillCodeTemplate(this.detailHref, item.code) : null;
    const name = this.#marked(item.name, 'name', item.matches);
    const time = formatDuration(item.processingTime, this.locale, true);
    const fee = formatFeeSummary(item.fee, this.locale);
    return html`<li class="result" part="result">
      <div role="heading" aria-level=${headingLevel(this.headingLevel)} class="name">
        ${href
          ? html`<a href=${href} part="result-link" data-code=${item.code} @click=${(e: Event) => this.#onSelect(item, e)}>${name}</a>`
          : html`<button type="button" class="link-like" part="result-link" data-code=${item.code} @click=${(e: Event) => this.#onSelect(item, e)}>${name}</button>`}
      </div>
      <p class="meta">
        <span><span class="visually-hidden">${this.t('code')}: </span><span class="code">${this.#marked(item.code, 'code', item.matches)}</span></span>
        ${item.levels.length ? html`<span><span class="visually-hidden">${this.t('levels')}: </span>${item.levels.map((l) => levelLabel(l, this.locale)).join(', ')}</span>` : nothing}
        <span><span class="visually-hidden">${this.t('fieldShort')}: </span>${item.field.name}</span>
      </p>
      ${time || fee ? html`<dl class="facts">
        ${time ? html`<div><dt>${this.t('time')}:</dt> <dd>${time}</dd></div>` : nothing}
        ${fee ? html`<div><dt>${this.t('fees')}:</dt> <dd>${fee}</dd></div>` : nothing}
      </dl>` : nothing}
      <p class="badges">${onlineBadge(item.online, this.locale)}</p>
    </li>`;
  }

  #renderEmpty(): TemplateResult {
    const filtered = Boolean(this.userLevel || this.userField);
    return html`<div class="empty">${alertView('info', this.#emptyTitle(), '', html`<ul class="tips">
        <li>${this.t('emptySpelling')}</li><li>${this.t('emptyFewer')}</li><li>${this.t('emptyCode')}</li></ul>
        ${filtered ? html`<p><button type="button" class="button secondary" @click=${this.#clearFilters}>${this.t('clearFilters')}</button></p>` : nothing}`)}</div>`;
  }

  #renderFailure(failure: Failure, more = false): TemplateResult {
    return failureView(failure, (key, params) => this.t(key, params), this.retryReady, () => (more ? this.#search({ append: true }) : this.#retry()));
  }

  #renderDetail(code: string): TemplateResult {
    return html`<div class="detail">
      <p><button type="button" class="button secondary back" part="back-button" @click=${this.#back}>
        <span aria-hidden="true">←</span> ${this.t('back')}</button></p>
      <dvc-procedure part="procedure" .client=${this.api ?? undefined} code=${code} heading-level=${headingLevel(this.headingLevel)}
        submit-href=${this.submitHref ?? nothing} focus-on-load><p><a href=${portalProcedureUrl(code)} rel="noopener">${this.t('portal')}</a></p></dvc-procedure>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dvc-service-search': DvcServiceSearch;
  }
}
