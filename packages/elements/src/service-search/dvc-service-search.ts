import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { FilterValue, Level, ProcedureSummary, SearchFacets, SearchParams } from '@dvc-kit/sdk';
import { DvcElement } from '../base/dvc-element.ts';
import { baseStyles } from '../base/styles.ts';
import { classifyFailure, failureView, type Failure } from '../catalog/failure.ts';
import { headingLevel } from '../base/views.ts';
import { catalogStyles } from '../catalog/styles.ts';
import { formatNumber, levelLabel, LEVELS, portalProcedureUrl, withCatalogEnglish } from '../catalog/labels.ts';
import type { Strings } from '../base/i18n.ts';
import { serviceSearchStyles } from './styles.ts';
import { serviceSearchStrings, type ServiceSearchStrings } from './strings.ts';
import type { UrlChange, UrlState, UrlSync } from '../url-sync/url-sync.ts';

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

// The element's English strings come with the catalogue's English words (levels, channels, fees, units).
const strings: Strings<ServiceSearchStrings> = { vi: serviceSearchStrings.vi, en: () => withCatalogEnglish(serviceSearchStrings.en()) };

/** The result list's view, a module of its own (see search-results/view.ts). */
type ResultsView = typeof import('../search-results/view.ts');

type View = 'initial' | 'loading' | 'results' | 'empty' | 'failed';
/** A filter's option: value, label and, once a search has facets, its count. */
type Option = [id: string, label: string, count?: number];

const DEBOUNCE_MS = 250;

/** Worth asking the API: two characters, or any digits (a code's last digits). */
function searchable(query: string): boolean {
  return query.length >= 2 || /^\d+$/.test(query);
}

/**
 * Search the province's procedure catalogue as you type, with or without Vietnamese accents, filter by level and
 * field, and open a procedure inline (or on your own page with `detail-href`).
 *
 * @tagname dvc-service-search
 * @fires {CustomEvent<SearchEventDetail>} dvc-search - A search finished. `detail: { query, filters: { level?, field?, agency? }, total }`.
 * @fires {CustomEvent<SelectEventDetail>} dvc-select - A result was chosen. `detail: { code, name }`. Cancelable: `preventDefault()` stops the link
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

  protected readonly stringTable = strings;

  constructor() {
    super();
    this.query = '';
    this.urlSync = false;
    this.pageSize = 10;
    this.headingLevel = 2;
  }

  // What is on screen lives in #private fields (the minifier shortens their names, it cannot shorten reactive
  // properties'); whatever changes them asks for the update itself.
  #userLevel = '';
  #userField = '';
  #view: View = 'initial';
  #items: ProcedureSummary[] = [];
  #total = 0;
  #facets: SearchFacets | null = null;
  #fieldList: FilterValue[] = [];
  #failure: Failure | null = null;
  #moreFailure: Failure | null = null;
  #loadingMore = false;
  #retryReady = true;
  /** The code of the procedure open inline, or ''. */
  #selected = '';
  #announcement = '';

  #searchedQuery = '';
  /** The results came without any match position: names are highlighted here, from the query. */
  #unmarked = false;
  #page = 1;
  #seq = 0;
  #controller: AbortController | undefined;
  #fieldsController: AbortController | undefined;
  #debounce: ReturnType<typeof setTimeout> | undefined;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** A selector for what to focus once it is rendered; while nothing is loading, the search box if it is gone. */
  #focusTarget = '';
  #focusOutcome = false;
  /** With `url-sync`: the URL's side, loaded before the first update. */
  #url: UrlSync | undefined;
  #urlLoading: Promise<void> | undefined;
  /** The result list's code, once the first answered search has brought it. */
  #results: ResultsView | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.#onOnline);
    this.#attachUrl();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.#onOnline);
    this.#url?.disconnect();
    this.#controller?.abort();
    this.#fieldsController?.abort();
    clearTimeout(this.#debounce);
    clearTimeout(this.#retryTimer);
  }

  // With `url-sync` its module is loaded before the first update, so the first search already has the URL's query,
  // filters and open procedure. Without it (most pages) nothing more is fetched; if it cannot load, the search works
  // without URL sync.
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (!this.urlSync || this.#url) return super.scheduleUpdate();
    this.#urlLoading ??= import('../url-sync/url-sync.ts').then(({ UrlSync }) => {
      this.#url = new UrlSync(() => this.#urlState(), this.#restore);
      this.#attachUrl();
    }, () => {});
    return this.#urlLoading.then(() => super.scheduleUpdate());
  }

  /** Follow the page's history, and show what its URL holds (each time the search is put in a page). */
  #attachUrl(): void {
    if (!this.#url || !this.isConnected) return;
    this.#url.connect();
    this.#applyState(this.#url.read());
  }

  protected override clientChanged(): void {
    this.#loadFields();
    this.#search();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.hasUpdated && (changed.has('level') || changed.has('field') || changed.has('agency'))) this.#search();
    // The detail's code is fetched once there are results to open inline: pages that link out with `detail-href` never
    // pay for it. Not waiting for the tap: until the code arrives the detail shows only its fallback (the portal link),
    // shorter than the list, and a double tap would land on that link and leave the site.
    if (this.#selected || (this.#view === 'results' && !this.detailHref)) import('../procedure/define.ts').catch(() => {});
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (!this.#focusTarget) return;
    const root = this.renderRoot;
    // The list may still be on its way (a detail opened from a shared URL and closed): wait for it rather than give up.
    const el = root.querySelector<HTMLElement>(this.#focusTarget) ?? (this.#view === 'loading' ? null : root.querySelector('input'));
    if (el) {
      this.#focusTarget = '';
      this.focusUnlessMovedOn(el);
    }
  }

  // ---- searching -------------------------------------------------------------------------------------------

  #filters(): SearchFilters {
    const filters: SearchFilters = {};
    const level = this.level || this.#userLevel;
    const field = this.field || this.#userField;
    if (level) filters.level = level as Level;
    if (field) filters.field = field;
    if (this.agency) filters.agency = this.agency;
    return filters;
  }

  /** A query, or a filter the user chose, makes a search; preset filters alone show the start screen. */
  #wantsSearch(): boolean {
    const q = this.query.trim();
    return searchable(q) || (!q && Boolean(this.#userLevel || this.#userField));
  }

  #search(append = false): void {
    const api = this.api;
    clearTimeout(this.#debounce);
    this.#controller?.abort();
    const seq = ++this.#seq;
    this.#moreFailure = null;
    this.#loadingMore = false;
    this.requestUpdate();
    if (!api || !this.#wantsSearch()) {
      this.#view = 'initial';
      this.#items = [];
      this.#facets = null;
      this.#announcement = '';
      this.#focusOutcome = false;
      return;
    }
    const controller = new AbortController();
    this.#controller = controller;
    const query = this.query.trim();
    const filters = this.#filters();
    const pageSize = Math.min(50, Math.max(1, Math.round(Number(this.pageSize)) || 10));
    const params: SearchParams = { ...filters, page: append ? this.#page + 1 : 1, pageSize };
    if (query) params.q = query;
    if (append) this.#loadingMore = true;
    else this.#view = 'loading';

    if (globalThis.navigator?.onLine === false) {
      queueMicrotask(() => { if (seq === this.#seq) this.#fail({ kind: 'offline' }, append); });
      return;
    }
    // The result list's code arrives while the API answers (at once from the second search on); if it cannot, the
    // answer cannot be shown and the citizen gets the error with its retry. Offline (above) it is not asked for:
    // Firefox would remember the failed import until the page reloads.
    const results = this.#results ? undefined : import('../search-results/view.ts');
    results?.catch(() => {});
    // The list imports what results show (catalog-detail/, its own chunk on the CDN): asked for at the same time, the
    // first search waits for one round trip for code rather than two in a row.
    if (results) import('../catalog-detail/format.ts').catch(() => {});
    api.procedures.search(params, { signal: controller.signal, locale: this.locale }).then(async (result) => {
      this.#results ??= await results!;
      return result;
    }).then(
      (result) => {
        // Both guards: an aborted request may still resolve from a shared cache or in-flight de-duplication.
        if (seq !== this.#seq || controller.signal.aborted) return;
        this.requestUpdate();
        this.#loadingMore = false;
        this.#page = result.page;
        this.#total = result.total;
        this.#facets = result.facets;
        this.#failure = null;
        if (append) {
          this.#focusTarget = `.result:nth-child(${this.#items.length + 1}) [data-code]`;
          this.#items = [...this.#items, ...result.items];
          this.#announcement = this.t('shown', { shown: formatNumber(this.#items.length, this.locale), total: formatNumber(result.total, this.locale) });
          return;
        }
        this.#items = result.items;
        this.#searchedQuery = query;
        this.#unmarked = !result.items.some((item) => item.matches.length);
        if (this.#unmarked && result.items.length) this.#results!.needHighlighter(() => this.requestUpdate());
        this.#view = result.items.length ? 'results' : 'empty';
        this.#settle(result.items.length ? this.#countText() : this.#emptyTitle());
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
    this.#announcement = this.#focusOutcome ? '' : text;
    if (this.#focusOutcome) this.#focusTarget = '.count, .outcome .alert';
    this.#focusOutcome = false;
  }

  #fail(failure: Failure, append: boolean): void {
    this.requestUpdate();
    this.#loadingMore = false;
    clearTimeout(this.#retryTimer);
    this.#retryReady = failure.kind !== 'rate-limited';
    if (failure.kind === 'rate-limited') {
      this.#retryTimer = setTimeout(() => { this.#retryReady = true; this.requestUpdate(); }, failure.retryAfter * 1000);
    }
    if (append) {
      this.#moreFailure = failure;
      return;
    }
    this.#failure = failure;
    this.#view = 'failed';
    // The alert announces itself (role="alert"); only focus moves.
    this.#settle('');
  }

  #loadFields(): void {
    const api = this.api;
    this.#fieldsController?.abort();
    if (!api) return;
    const controller = new AbortController();
    this.#fieldsController = controller;
    api.procedures.fields({ signal: controller.signal, locale: this.locale }).then(
      (list) => {
        if (controller.signal.aborted) return;
        this.#fieldList = list.items;
        this.requestUpdate();
      },
      // Without the list the field filter offers the values of the latest results' facets; nothing to show.
      () => {},
    );
  }

  #onOnline = (): void => {
    if (this.#view === 'failed' && this.#failure?.kind === 'offline') this.#search();
    else if (this.#moreFailure?.kind === 'offline') this.#search(true);
  };

  // ---- URL sync ----------------------------------------------------------------------------------------------

  #urlState(): UrlState {
    return { q: this.query.trim(), level: this.#userLevel, field: this.#userField, code: this.#selected };
  }

  #syncUrl(change: UrlChange): void {
    if (this.urlSync) this.#url?.write(change);
  }

  #applyState(s: UrlState): void {
    this.query = s.q;
    this.#userLevel = LEVELS.includes(s.level as Level) ? s.level : '';
    this.#userField = s.field;
    this.#selected = s.code;
    this.requestUpdate();
  }

  /** The page's history moved: show what its URL holds, back on the result that was open, searching only if needed. */
  #restore = (after: UrlState): void => {
    const before = this.#urlState();
    this.#applyState(after);
    if (before.code && !after.code) this.#focusTarget = `[data-code="${CSS.escape(before.code)}"]`;
    if (before.q !== after.q || before.level !== this.#userLevel || before.field !== this.#userField || this.#view === 'initial') this.#search();
  };

  // ---- user actions ------------------------------------------------------------------------------------------

  #onInput(event: Event): void {
    this.query = (event.target as HTMLInputElement).value;
    // Typing on after Enter: the answer to Enter is announced, not focused, or it would take the next keystrokes.
    this.#focusOutcome = false;
    const run = () => {
      this.#search();
      this.#syncUrl('typing');
    };
    clearTimeout(this.#debounce);
    if (this.#wantsSearch()) this.#debounce = setTimeout(run, DEBOUNCE_MS);
    else run();
  }

  #onSubmit(event: Event): void {
    event.preventDefault();
    this.#focusOutcome = this.#wantsSearch();
    this.#search();
    this.#syncUrl('commit');
  }

  #onFilter(kind: 'level' | 'field', event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    if (kind === 'level') this.#userLevel = value;
    else this.#userField = value;
    this.#search();
    this.#syncUrl('push');
  }

  #clearFilters(): void {
    this.#userLevel = this.#userField = '';
    this.#focusTarget = 'input';
    this.#search();
    this.#syncUrl('push');
  }

  #retry(): void {
    this.#focusOutcome = true;
    this.#search();
  }

  #onSelect(item: ProcedureSummary, event: Event): void {
    if (!this.emit<SelectEventDetail>('dvc-select', { code: item.code, name: item.name }, { cancelable: true })) {
      event.preventDefault();
      return;
    }
    if (this.detailHref) return;
    this.#selected = item.code;
    this.requestUpdate();
    this.#syncUrl('detail');
  }

  #back(): void {
    // The detail has its own history entry: going back keeps the browser's history and ours the same.
    if (this.#url?.back()) return;
    this.#focusTarget = `[data-code="${CSS.escape(this.#selected)}"]`;
    this.#selected = '';
    this.requestUpdate();
    this.#syncUrl('push');
    if (this.#view === 'initial') this.#search();
  }

  // ---- rendering ---------------------------------------------------------------------------------------------

  #countText(): string {
    return this.t(this.#total === 1 ? 'countOne' : 'countOther', { count: formatNumber(this.#total, this.locale) });
  }

  #emptyTitle(): string {
    return this.#searchedQuery ? this.t('emptyTitle', { query: this.#searchedQuery }) : this.t('emptyTitleNoQuery');
  }

  protected override render(): TemplateResult {
    if (!this.api) return this.renderFallback();
    const live = html`<div class="visually-hidden" role="status" aria-live="polite">${this.#announcement}</div>`;
    if (this.#selected) return html`${live}${this.#renderDetail(this.#selected)}`;
    return html`${this.#renderForm()}${live}<div class="outcome">${this.#renderOutcome()}</div>`;
  }

  #renderForm(): TemplateResult {
    const q = this.query.trim();
    return html`<form role="search" part="form" @submit=${this.#onSubmit} novalidate>
      <label for="q">${this.t('label')}</label>
      <p id="hint" class="hint">${this.t(q && !searchable(q) ? 'tooShort' : 'hint')}</p>
      <div class="box">
        <input id="q" part="input" type="search" name="q" .value=${this.query} @input=${this.#onInput}
          inputmode="search" autocomplete="off" autocapitalize="off" spellcheck="false" enterkeyhint="search"
          aria-describedby="hint" placeholder=${this.t('placeholder')} maxlength="200" />
        <button class="button" type="submit" part="submit-button">
          <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round"><path d="M10.5 4a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13m5 11.5 5.5 5.5"/></svg>
          ${this.t('submit')}
        </button>
      </div>
      ${this.level && this.field ? nothing : html`<fieldset class="filters" part="filters">
        <legend class="visually-hidden">${this.t('filters')}</legend>
        ${this.level ? nothing : this.#filter('level', this.#facets
          ? this.#facets.levels.map((f): Option => [f.value, levelLabel(f.value, this.locale), f.count])
          : LEVELS.map((l): Option => [l, levelLabel(l, this.locale)]), this.#userLevel)}
        ${this.field ? nothing : this.#filter('field', this.#facets
          ? this.#facets.fields.map((f): Option => [f.value, f.label, f.count])
          : this.#fieldList.map((f): Option => [f.id, f.name, f.count]), this.#userField)}
      </fieldset>`}
    </form>`;
  }

  /** A filter's options as [value, label, count]: without a count until the first search has facets. */
  #filter(kind: 'level' | 'field', options: Option[], selected: string): TemplateResult {
    if (selected && !options.some(([id]) => id === selected)) options.push([selected, selected]);
    return html`<div class="filter">
      <label for=${kind}>${this.t(kind)}</label>
      <select id=${kind} @change=${(e: Event) => this.#onFilter(kind, e)}>
        <option value="" ?selected=${!selected}>${this.t(kind === 'level' ? 'allLevels' : 'allFields')}</option>
        ${options.map(([id, label, count]) => html`<option value=${id} ?selected=${id === selected} lang=${kind == 'field' ? 'vi' : nothing}>${
          count === undefined ? label : this.t('option', { label, count: formatNumber(count, this.locale) })}</option>`)}
      </select></div>`;
  }

  #renderOutcome(): TemplateResult | typeof nothing {
    switch (this.#view) {
      case 'initial': return nothing;
      case 'loading': return this.#items.length ? this.#renderResults(true) : this.#renderSkeleton();
      case 'results': return this.#renderResults(false);
      case 'empty': return this.#renderEmpty();
      case 'failed': return this.#renderFailure(this.#failure!);
    }
  }

  #renderSkeleton(): TemplateResult {
    return html`<div class="skeletons" aria-busy="true"><p class="count muted">${this.t('loading')}</p>
      ${[0, 1, 2].map(() => html`<div class="skeleton-card" aria-hidden="true"><span class="skeleton w80"></span><span class="skeleton w50"></span><span class="skeleton w60"></span></div>`)}
    </div>`;
  }

  #renderResults(stale: boolean): TemplateResult {
    const more = this.#moreFailure;
    // Results are on screen only once the search that found them has brought the list's code.
    return this.#results!.renderResults({
      root: this.renderRoot as ShadowRoot,
      t: (key, params) => this.t(key, params),
      locale: this.locale,
      headingLevel: this.headingLevel,
      detailHref: this.detailHref,
      items: this.#items,
      status: stale ? this.t('loading') : this.#countText(),
      stale,
      hasMore: this.#total > this.#items.length,
      loadingMore: this.#loadingMore,
      moreFailure: more ? this.#renderFailure(more, true) : null,
      highlightQuery: this.#unmarked ? this.#searchedQuery : '',
      select: (item, event) => this.#onSelect(item, event),
      loadMore: () => this.#search(true),
    });
  }

  #renderEmpty(): TemplateResult {
    return this.#results!.renderEmpty({
      root: this.renderRoot as ShadowRoot,
      t: (key, params) => this.t(key, params),
      title: this.#emptyTitle(),
      filtered: Boolean(this.#userLevel || this.#userField),
      clearFilters: () => this.#clearFilters(),
    });
  }

  #renderFailure(failure: Failure, more = false): TemplateResult {
    return failureView(failure, (key, params) => this.t(key, params), this.#retryReady, () => (more ? this.#search(true) : this.#retry()));
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
  interface HTMLElementEventMap {
    'dvc-search': CustomEvent<SearchEventDetail>;
    'dvc-select': CustomEvent<SelectEventDetail>;
  }
}
