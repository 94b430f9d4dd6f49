import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { DocumentCase, Method, Procedure } from '@dvc-kit/sdk';
import { DvcElement } from '../base/dvc-element.ts';
import { baseStyles } from '../base/styles.ts';
import { classifyFailure, failureView, type Failure } from '../catalog/failure.ts';
import { alertView, headingLevel } from '../base/views.ts';
import { badgeStyles, onlineBadge } from '../catalog-detail/badge.ts';
import { catalogStyles } from '../catalog/styles.ts';
import { levelLabel, portalProcedureUrl, withCatalogEnglish } from '../catalog/labels.ts';
import { fillCodeTemplate, formatDuration, formatMoney, labels, safeHttpUrl } from '../catalog-detail/format.ts';
import type { Strings } from '../base/i18n.ts';
import { procedureStyles } from './styles.ts';
import { procedureStrings, type ProcedureStrings } from './strings.ts';

// The element's English strings come with the catalogue's English words (levels, channels, fees, units).
const strings: Strings<ProcedureStrings> = { vi: procedureStrings.vi, en: () => withCatalogEnglish(procedureStrings.en()) };

type View =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'loaded'; procedure: Procedure }
  | { kind: 'failed'; failure: Failure };

type SectionKey = 'methods' | 'documents' | 'steps' | 'conditions' | 'results' | 'legalBasis' | 'otherInfo';

/**
 * One administrative procedure (thủ tục hành chính) in full: how to submit and what it costs per channel, the
 * documents to bring per case, the numbered steps, conditions, results and legal basis; laid out for a phone and
 * for print.
 *
 * @tagname dvc-procedure
 * @slot - Fallback shown before the element upgrades and when it has no API to ask (e.g. a link to the portal).
 * @csspart procedure - The whole procedure.
 * @csspart header - Name, code, level, field, agency and online badge.
 * @csspart title - The procedure's name (a heading of level `heading-level`).
 * @csspart section - Each section (methods, documents, steps...).
 * @csspart submit-link - The "submit online" link.
 * @csspart portal-link - The link to the National Public Service Portal.
 * @csspart online-badge - The online-service badge.
 * @csspart alert - Loading failures and notices.
 * @csspart retry-button - "Try again" after a failure.
 * @csspart fallback - The wrapper of the fallback slot.
 * @cssprop --dvc-color-primary - Buttons, accents (default #0b3d91).
 * @cssprop --dvc-color-on-primary - Text on primary-coloured buttons (default #ffffff).
 * @cssprop --dvc-color-accent - The rule under the title (default #a50e0e).
 * @cssprop --dvc-color-text - Text (default #1b1b1b).
 * @cssprop --dvc-color-muted - Secondary text (default #505a66).
 * @cssprop --dvc-color-surface - Background (default #ffffff).
 * @cssprop --dvc-color-surface-alt - Card backgrounds (default #f3f5f8).
 * @cssprop --dvc-color-border - Borders (default #8a94a3).
 * @cssprop --dvc-color-link - Links (default: primary).
 * @cssprop --dvc-color-focus - Focus ring (default #c45100).
 * @cssprop --dvc-color-danger - Errors (default #b3261e).
 * @cssprop --dvc-color-success - Fully-online badge (default #1e6b34).
 * @cssprop --dvc-font-family - Font stack (default system-ui).
 * @cssprop --dvc-font-size - Base size (default: the browser's, usually 16px).
 * @cssprop --dvc-radius - Corner radius (default 0.25em).
 * @cssprop --dvc-space - Base spacing (default 1em).
 */
export class DvcProcedure extends DvcElement<ProcedureStrings> {
  static override styles = [baseStyles, catalogStyles, badgeStyles, procedureStyles];

  static override properties: PropertyDeclarations = {
    code: { reflect: true },
    headingLevel: { attribute: 'heading-level', type: Number },
    submitHref: { attribute: 'submit-href' },
    focusOnLoad: { attribute: 'focus-on-load', type: Boolean },
  };

  /** Mã thủ tục, e.g. `1.001193`. */
  declare code: string;

  /** Level of the procedure name's heading (1–6); section headings are one below. */
  declare headingLevel: number;

  /** Link template for "Nộp hồ sơ trực tuyến"; `{code}` is replaced by the URL-encoded code. Shown only for online procedures. */
  declare submitHref: string | undefined;

  /** Move focus to the outcome (title or message) once loaded; set by `<dvc-service-search>` for inline detail. */
  declare focusOnLoad: boolean;

  protected readonly stringTable = strings;

  constructor() {
    super();
    this.code = '';
    this.headingLevel = 2;
    this.focusOnLoad = false;
  }

  // What is on screen lives in #private fields (the minifier shortens their names, not reactive properties');
  // whatever changes them asks for the update itself.
  #view: View = { kind: 'idle' };
  #retryReady = true;
  #controller: AbortController | undefined;
  #loadedFor: unknown[] = [];
  #moveFocus = false;
  #cleanup: (() => void) | undefined;

  protected override clientChanged(): void {
    this.#load();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('code')) this.#load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#controller?.abort();
    this.#cleanup?.();
    // Reconnecting must load again: the aborted request left nothing behind.
    this.#loadedFor = [];
  }

  /** Load again (after a failure). */
  retry(): void {
    this.#loadedFor = [];
    this.#load();
  }

  #show(view: View): void {
    this.#view = view;
    this.requestUpdate();
  }

  #load(): void {
    const api = this.api;
    const key = [api, this.locale, this.code];
    if (key.every((v, i) => v === this.#loadedFor[i])) return;
    this.#loadedFor = key;
    this.#controller?.abort();
    this.#cleanup?.();
    if (!api || !this.code) return this.#show({ kind: 'idle' });
    const controller = new AbortController();
    this.#controller = controller;
    this.#moveFocus = this.focusOnLoad;
    this.#show({ kind: 'loading' });
    api.procedures.get(this.code, { signal: controller.signal, locale: this.locale }).then(
      (procedure) => {
        if (!controller.signal.aborted) this.#show({ kind: 'loaded', procedure });
      },
      (error: unknown) => {
        const failure = classifyFailure(error, controller.signal);
        if (!failure) return;
        this.#show({ kind: 'failed', failure });
        this.#prepareRetry(failure);
      },
    );
  }

  #prepareRetry(failure: Failure): void {
    if (failure.kind === 'offline') {
      const onOnline = () => this.retry();
      window.addEventListener('online', onOnline, { once: true });
      this.#cleanup = () => window.removeEventListener('online', onOnline);
    } else if (failure.kind === 'rate-limited') {
      const ready = (value: boolean) => {
        this.#retryReady = value;
        this.requestUpdate();
      };
      ready(false);
      const timer = setTimeout(ready, failure.retryAfter * 1000, true);
      this.#cleanup = () => { clearTimeout(timer); ready(true); };
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.#moveFocus && (this.#view.kind === 'loaded' || this.#view.kind === 'failed')) {
      this.#moveFocus = false;
      this.focusUnlessMovedOn(this.renderRoot.querySelector<HTMLElement>('#title, .alert'));
    }
  }

  protected override render(): TemplateResult {
    if (!this.api) return this.renderFallback();
    const view = this.#view;
    switch (view.kind) {
      case 'idle': return html``;
      case 'loading': return html`<div class="loading" part="procedure" aria-busy="true">
        <p role="status" class="visually-hidden">${this.t('loading')}</p>
        <div class="skeleton title"></div><div class="skeleton line"></div><div class="skeleton line short"></div><div class="skeleton block"></div>
      </div>`;
      case 'failed': return this.#renderFailure(view.failure);
      case 'loaded': return this.#renderProcedure(view.procedure);
    }
  }

  /** A heading `offset` levels below the name's. role="heading" rather than <hN>: a static tag name per level would cost size. */
  #heading(offset: number, text: unknown, id?: string): TemplateResult {
    return html`<div role="heading" aria-level=${Math.min(6, headingLevel(this.headingLevel) + offset)} class="h h${offset}" id=${id ?? nothing}>${text}</div>`;
  }

  #portalLink(url: string): TemplateResult {
    return html`<a href=${url} rel="noopener" target="_blank" part="portal-link">${this.t('portal')}<span class="visually-hidden"> ${this.t('newWindow')}</span></a>`;
  }

  #renderFailure(failure: Failure): TemplateResult {
    return failure.kind === 'not-found'
      ? alertView('warning', this.t('notFoundTitle'), this.t('notFound', { code: this.code }), html`<p>${this.#portalLink(portalProcedureUrl(this.code))}</p>`)
      : failureView(failure, (key, params) => this.t(key, params), this.#retryReady, () => this.retry());
  }

  /** One labelled fact (term and description); nothing when the catalogue left the description empty. */
  #pair(term: string, description: unknown, vi?: boolean): TemplateResult | typeof nothing {
    return description ? html`<div><dt>${term}</dt><dd lang=${vi ? 'vi' : nothing}>${description}</dd></div>` : nothing;
  }

  #renderProcedure(p: Procedure): TemplateResult {
    const submit = this.submitHref && p.online !== 'none' ? fillCodeTemplate(this.submitHref, p.code) : null;
    const portal = safeHttpUrl(p.portalUrl);
    const agencies = p.agencies.length ? p.agencies : p.agency ? [p.agency] : [];
    return html`<article part="procedure" aria-labelledby="title">
      <header class="header" part="header">
        <div role="heading" aria-level=${headingLevel(this.headingLevel)} class="h h0" id="title" part="title" tabindex="-1" lang="vi">${p.name}</div>
        <dl class="facts">
          ${this.#pair(this.t('code'), html`<span class="code">${p.code}</span>`)}
          ${this.#pair(this.t('levels'), p.levels.map((l) => levelLabel(l, this.locale)).join(', '))}
          ${this.#pair(this.t('field'), p.field.name, true)}
          ${this.#pair(this.t('agency'), agencies.map((a) => a.name).join('; '), true)}
        </dl>
        <p class="badges">${onlineBadge(p.online, this.locale)}</p>
        ${submit || portal ? html`<p class="actions">
          ${submit ? html`<a class="button" href=${submit} part="submit-link">${this.t('submitOnline')}</a>` : nothing}
          ${portal ? this.#portalLink(portal) : nothing}
        </p>` : nothing}
      </header>
      ${p.detailed
        ? this.#renderDetail(p)
        : alertView('info', this.t('notDetailed'), '')}
    </article>`;
  }

  /** A section titled by the string `key`, or nothing when `list` is empty; `id` names its class and heading. */
  #section(id: string, key: SectionKey, list: unknown[], body: unknown): TemplateResult | typeof nothing {
    return list.length
      ? html`<section class="section ${id}" part="section" aria-labelledby="s-${id}">${this.#heading(1, this.t(key), `s-${id}`)}${body}</section>`
      : nothing;
  }

  #renderDetail(p: Procedure): TemplateResult {
    const other = [
      this.#pair(this.t('subjects'), p.subjects.join('; '), true),
      this.#pair(this.t('issuingAgency'), p.issuingAgency, true),
      this.#pair(this.t('type'), p.type, true),
    ].filter((pair) => pair !== nothing);
    return html`
      ${this.#section('methods', 'methods', p.methods, html`<div class="cards">${p.methods.map((m) => this.#renderMethod(m))}</div>`)}
      ${this.#section('documents', 'documents', p.documentCases, p.documentCases.map((c) => this.#renderCase(c, p.documentCases.length > 1)))}
      ${this.#section('steps', 'steps', p.steps, html`<ol class="steps" lang="vi">${p.steps.map((s) => html`<li>
        ${s.title ? html`<p class="step-title">${s.title}</p>` : nothing}${s.description ? html`<p>${s.description}</p>` : nothing}</li>`)}</ol>`)}
      ${this.#section('conditions', 'conditions', p.conditions, html`<div class="prose" lang="vi">${p.conditions.map((c) => html`<p>${c}</p>`)}</div>`)}
      ${this.#section('results', 'results', p.results, html`<ul lang="vi">${p.results.map((r) => html`<li>${r}</li>`)}</ul>`)}
      ${this.#section('legal', 'legalBasis', p.legalBasis, html`<ul class="legal" lang="vi">${p.legalBasis.map((b) => html`<li>
        <span class="code">${b.number}</span> ${b.title}</li>`)}</ul>`)}
      ${this.#section('other', 'otherInfo', other, html`<dl class="pairs">${other}</dl>`)}
    `;
  }

  #renderMethod(m: Method): TemplateResult {
    const t = labels(this.locale);
    return html`<div class="card method">
      ${this.#heading(2, t.channel[m.channel] ?? m.channel)}
      <dl class="pairs">
        ${this.#pair(this.t('processingTime'), formatDuration(m.processingTime, this.locale) || this.t('notSpecified'))}
        ${this.#pair(this.t('fees'), m.fees.length
          ? html`<ul class="plain">${m.fees.map((f) => html`<li>${t.feeKind[f.kind] ?? ''}: ${f.amountVnd === null ? html`<span lang="vi">${f.description}</span>` : formatMoney(f.amountVnd, this.locale)}${
            f.amountVnd !== null && f.description ? html` <span class="muted" lang="vi">(${f.description})</span>` : nothing}</li>`)}</ul>`
          : this.t('noFee'))}
      </dl>
      ${m.description ? html`<p class="muted" lang="vi">${m.description}</p>` : nothing}
    </div>`;
  }

  #renderCase(c: DocumentCase, showName: boolean): TemplateResult {
    return html`<div class="case">
      ${showName && c.name ? this.#heading(2, html`<span lang="vi">${c.name}</span>`) : nothing}
      <ol class="documents">${c.documents.map((d) => html`<li class="document">
        <p class="doc-name"><span lang="vi">${d.name}</span>${d.required ? nothing : html` <span class="badge optional">${this.t('optional')}</span>`}</p>
        <p class="doc-meta"><span>${this.t('originals', { count: d.originals })}</span><span>${this.t('copies', { count: d.copies })}</span>
          ${d.template ? html`<span>${this.t('template', { name: d.template })}</span>` : nothing}</p>
      </li>`)}</ol>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dvc-procedure': DvcProcedure;
  }
}
