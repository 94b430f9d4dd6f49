import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { DocumentCase, Method, Procedure } from '@dvc-kit/sdk';
import { DvcElement } from '../base/dvc-element.ts';
import { baseStyles } from '../base/styles.ts';
import { classifyFailure, failureView, type Failure } from '../catalog/failure.ts';
import { alertView, headingLevel } from '../base/views.ts';
import { onlineBadge } from '../catalog/badge.ts';
import { catalogStyles } from '../catalog/styles.ts';
import {
  fillCodeTemplate, formatDuration, formatFee, labels, levelLabel, portalProcedureUrl, safeHttpUrl,
} from '../catalog/format.ts';
import { procedureStyles } from './styles.ts';
import { procedureStrings, type ProcedureStrings } from './strings.ts';

type View =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'loaded'; procedure: Procedure }
  | { kind: 'failed'; failure: Failure };

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
  static override styles = [baseStyles, catalogStyles, procedureStyles];

  static override properties: PropertyDeclarations = {
    code: { reflect: true },
    headingLevel: { attribute: 'heading-level', type: Number },
    submitHref: { attribute: 'submit-href' },
    focusOnLoad: { attribute: 'focus-on-load', type: Boolean },
    view: { attribute: false },
    retryReady: { attribute: false },
  };

  /** Mã thủ tục, e.g. `1.001193`. */
  declare code: string;

  /** Level of the procedure name's heading (1–6); section headings are one below. */
  declare headingLevel: number;

  /** Link template for "Nộp hồ sơ trực tuyến"; `{code}` is replaced by the URL-encoded code. Shown only for online procedures. */
  declare submitHref: string | undefined;

  /** Move focus to the outcome (title or message) once loaded; set by `<dvc-service-search>` for inline detail. */
  declare focusOnLoad: boolean;

  protected readonly stringTable = procedureStrings;

  declare protected view: View;
  declare protected retryReady: boolean;

  constructor() {
    super();
    this.code = '';
    this.headingLevel = 2;
    this.focusOnLoad = false;
    this.view = { kind: 'idle' };
    this.retryReady = true;
  }

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

  #load(): void {
    const api = this.api;
    const key = [api, this.locale, this.code];
    if (key.every((v, i) => v === this.#loadedFor[i])) return;
    this.#loadedFor = key;
    this.#controller?.abort();
    this.#cleanup?.();
    if (!api || !this.code) {
      this.view = { kind: 'idle' };
      return;
    }
    const controller = new AbortController();
    this.#controller = controller;
    this.#moveFocus = this.focusOnLoad;
    this.view = { kind: 'loading' };
    api.procedures.get(this.code, { signal: controller.signal, locale: this.locale }).then(
      (procedure) => {
        if (!controller.signal.aborted) this.view = { kind: 'loaded', procedure };
      },
      (error: unknown) => {
        const failure = classifyFailure(error, controller.signal);
        if (!failure) return;
        this.view = { kind: 'failed', failure };
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
      this.retryReady = false;
      const timer = setTimeout(() => { this.retryReady = true; }, failure.retryAfter * 1000);
      this.#cleanup = () => { clearTimeout(timer); this.retryReady = true; };
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.#moveFocus && (this.view.kind === 'loaded' || this.view.kind === 'failed')) {
      this.#moveFocus = false;
      this.renderRoot.querySelector<HTMLElement>('[data-outcome], .alert')?.focus();
    }
  }

  protected override render(): TemplateResult {
    if (!this.api) return this.renderFallback();
    const view = this.view;
    switch (view.kind) {
      case 'idle': return html``;
      case 'loading': return this.#renderLoading();
      case 'failed': return this.#renderFailure(view.failure);
      case 'loaded': return this.#renderProcedure(view.procedure);
    }
  }

  #heading(offset: number, text: string, attrs: { id?: string; outcome?: boolean; part?: string } = {}): TemplateResult {
    // role="heading" rather than <hN>: the level is an attribute, and a static tag name per level would cost size.
    return html`<div role="heading" aria-level=${Math.min(6, headingLevel(this.headingLevel) + offset)} class="h h${offset}" id=${attrs.id ?? nothing}
      part=${attrs.part ?? nothing} tabindex=${attrs.outcome ? '-1' : nothing} ?data-outcome=${attrs.outcome}>${text}</div>`;
  }

  #renderLoading(): TemplateResult {
    return html`<div class="loading" part="procedure" aria-busy="true">
      <p role="status" class="visually-hidden">${this.t('loading')}</p>
      <div class="skeleton title" aria-hidden="true"></div>
      <div class="skeleton line" aria-hidden="true"></div>
      <div class="skeleton line short" aria-hidden="true"></div>
      <div class="skeleton block" aria-hidden="true"></div>
    </div>`;
  }

  #renderFailure(failure: Failure): TemplateResult {
    const portal = html`<p><a href=${portalProcedureUrl(this.code)} rel="noopener" target="_blank" part="portal-link">${this.t('portal')}
      <span class="visually-hidden">${this.t('newWindow')}</span></a></p>`;
    return html`<div class="failure">${failure.kind === 'not-found'
      ? alertView('warning', this.t('notFoundTitle'), this.t('notFound', { code: this.code }), portal)
      : failureView(failure, (key, params) => this.t(key, params), this.retryReady, () => this.retry())}</div>`;
  }

  #renderProcedure(p: Procedure): TemplateResult {
    const submit = this.submitHref && p.online !== 'none' ? fillCodeTemplate(this.submitHref, p.code) : null;
    const portal = safeHttpUrl(p.portalUrl);
    return html`<article part="procedure" aria-labelledby="title">
      <header class="header" part="header">
        ${this.#heading(0, p.name, { id: 'title', outcome: true, part: 'title' })}
        <dl class="facts">
          <div><dt>${this.t('code')}</dt><dd class="code">${p.code}</dd></div>
          ${p.levels.length ? html`<div><dt>${this.t('levels')}</dt><dd>${p.levels.map((l) => levelLabel(l, this.locale)).join(', ')}</dd></div>` : nothing}
          <div><dt>${this.t('field')}</dt><dd>${p.field.name}</dd></div>
          ${p.agencies.length || p.agency
            ? html`<div><dt>${this.t('agency')}</dt><dd>${(p.agencies.length ? p.agencies : [p.agency!]).map((a) => a.name).join('; ')}</dd></div>`
            : nothing}
        </dl>
        <p class="badges">${onlineBadge(p.online, this.locale)}</p>
        ${submit || portal ? html`<p class="actions">
          ${submit ? html`<a class="button" href=${submit} part="submit-link">${this.t('submitOnline')}</a>` : nothing}
          ${portal ? html`<a href=${portal} rel="noopener" target="_blank" part="portal-link">${this.t('portal')}<span class="visually-hidden"> ${this.t('newWindow')}</span></a>` : nothing}
        </p>` : nothing}
      </header>
      ${p.detailed
        ? this.#renderDetail(p)
        : html`<div class="notice">${alertView('info', this.t('notDetailed'), '')}</div>`}
    </article>`;
  }

  #section(id: string, title: string, body: TemplateResult): TemplateResult {
    return html`<section class="section ${id}" part="section" aria-labelledby=${`s-${id}`}>${this.#heading(1, title, { id: `s-${id}` })}${body}</section>`;
  }

  #renderDetail(p: Procedure): TemplateResult {
    const other: [string, string][] = [
      [this.t('subjects'), p.subjects.join('; ')],
      [this.t('issuingAgency'), p.issuingAgency ?? ''],
      [this.t('type'), p.type ?? ''],
    ];
    return html`
      ${p.methods.length ? this.#section('methods', this.t('methods'), html`<div class="cards">${p.methods.map((m) => this.#renderMethod(m))}</div>`) : nothing}
      ${p.documentCases.length ? this.#section('documents', this.t('documents'), html`${p.documentCases.map((c) => this.#renderCase(c, p.documentCases.length > 1))}`) : nothing}
      ${p.steps.length ? this.#section('steps', this.t('steps'), html`<ol class="steps">${p.steps.map((s) => html`<li>
        ${s.title ? html`<p class="step-title">${s.title}</p>` : nothing}${s.description ? html`<p>${s.description}</p>` : nothing}</li>`)}</ol>`) : nothing}
      ${p.conditions.length ? this.#section('conditions', this.t('conditions'), html`<div class="prose">${p.conditions.map((c) => html`<p>${c}</p>`)}</div>`) : nothing}
      ${p.results.length ? this.#section('results', this.t('results'), html`<ul>${p.results.map((r) => html`<li>${r}</li>`)}</ul>`) : nothing}
      ${p.legalBasis.length ? this.#section('legal', this.t('legalBasis'), html`<ul class="legal">${p.legalBasis.map((b) => html`<li>
        <span class="code">${b.number}</span> ${b.title}</li>`)}</ul>`) : nothing}
      ${other.some(([, v]) => v) ? this.#section('other', this.t('otherInfo'), html`<dl class="pairs">${other.filter(([, v]) => v).map(([k, v]) => html`<div><dt>${k}</dt><dd>${v}</dd></div>`)}</dl>`) : nothing}
    `;
  }

  #renderMethod(m: Method): TemplateResult {
    return html`<div class="card method">
      ${this.#heading(2, labels(this.locale).channel[m.channel] ?? m.channel)}
      <dl class="pairs">
        <div><dt>${this.t('processingTime')}</dt><dd>${formatDuration(m.processingTime, this.locale) || this.t('notSpecified')}</dd></div>
        <div><dt>${this.t('fees')}</dt><dd>${m.fees.length
          ? html`<ul class="plain">${m.fees.map((f) => html`<li>${labels(this.locale).feeKind[f.kind] ?? ''}: ${formatFee(f, this.locale)}${
            f.amountVnd !== null && f.description ? html` <span class="muted">(${f.description})</span>` : nothing}</li>`)}</ul>`
          : this.t('noFee')}</dd></div>
      </dl>
      ${m.description ? html`<p class="muted">${m.description}</p>` : nothing}
    </div>`;
  }

  #renderCase(c: DocumentCase, showName: boolean): TemplateResult {
    return html`<div class="case">
      ${showName && c.name ? this.#heading(2, c.name) : nothing}
      <ol class="documents">${c.documents.map((d) => html`<li class="document">
        <p class="doc-name">${d.name}${d.required ? nothing : html` <span class="badge optional">${this.t('optional')}</span>`}</p>
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
