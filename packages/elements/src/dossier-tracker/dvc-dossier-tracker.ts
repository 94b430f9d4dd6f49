import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { isDvcError, type DossierStatusCode, type Dossier, type DvcClient } from '@dvc-kit/sdk';
import { DvcElement } from '../base/dvc-element.ts';
import { baseStyles } from '../base/styles.ts';
import { isPlausibleDossierCode, isPlausibleIdNumber, normalizeDossierCode, normalizeIdNumber } from './dossier-code.ts';
import { icon } from '../base/icons.ts';
import { alertView, headingLevel, levelAttr } from '../base/views.ts';
import { errorSummaryView, fieldErrorView } from '../form/views.ts';
import { formStyles } from '../form/styles.ts';
import { trackerStyles } from './styles.ts';
import { trackerStrings, type TrackerStrings } from './strings.ts';

/** Detail of `dvc-lookup`: what was found, never who it belongs to (no ID number, no name). */
export interface DossierLookupEventDetail {
  code: string;
  status: DossierStatusCode;
}

/** The result's view, a module of its own (see dossier-result/view.ts). */
type ResultView = typeof import('../dossier-result/view.ts');

type Field = 'code' | 'id';
type FieldErrors = Partial<Record<Field, `${Field}${'Required' | 'Invalid'}`>>;
type Problem = 'not-found' | 'rate-limited' | 'network' | 'offline' | 'server' | 'invalid' | 'captcha';

const PROBLEM_TEXT: Record<Problem, [title: keyof TrackerStrings, body: keyof TrackerStrings]> = {
  'not-found': ['notFoundTitle', 'notFound'],
  'rate-limited': ['rateLimitedTitle', 'rateLimited'],
  network: ['networkTitle', 'network'],
  offline: ['networkTitle', 'offline'],
  server: ['serverTitle', 'server'],
  invalid: ['invalidTitle', 'invalid'],
  captcha: ['invalidTitle', 'captcha'],
};

const INPUT_IDS: Record<Field, string> = { code: 'code', id: 'id-number' };

/** Problems a plain "try again" can fix; the others need the citizen to change the input or wait. */
const RETRYABLE = new Set<Problem>(['network', 'offline', 'server']);

/** A request that never got an answer: the device is offline, or the network between failed. */
function unreachable(): Problem {
  return globalThis.navigator?.onLine === false ? 'offline' : 'network';
}

function problemOf(error: unknown): Problem {
  if (!isDvcError(error)) return 'server';
  switch (error.kind) {
    case 'not-found':
    case 'rate-limited': return error.kind;
    case 'network':
    case 'timeout': return unreachable();
    case 'invalid-request': return error.problem?.type.endsWith(':captcha-required') ? 'captcha' : 'invalid';
    default: return 'server';
  }
}

/**
 * Lets a citizen holding a receipt see where their dossier is: its status, dates, timing, what a supplement request
 * asks for and the processing history; once the result is returned, it invites them to rate the service.
 *
 * The ID number is read from its field at submit time, sent in the request body only, and never kept: not in
 * properties, URLs, storage, events or logs. The form (and with it the ID field) is gone while a result shows.
 *
 * Captcha: the client asks for a token before every lookup. Give the element (or its `<dvc-provider>`) a client
 * created with `createClient({ baseUrl, captcha: () => widget.getToken() })`; the token travels in the
 * `X-Captcha-Token` header. When the server insists on one and none came, the citizen is asked to verify.
 *
 * The survey element is loaded on demand when the citizen accepts the invitation.
 *
 * @tagname dvc-dossier-tracker
 * @fires {CustomEvent<DossierLookupEventDetail>} dvc-lookup - A dossier was found: `{code, status}` only.
 * @slot - Fallback shown when no API client is configured (e.g. a link to the province's lookup page).
 * @csspart base - The wrapper of the whole widget.
 * @csspart title - The form's heading.
 * @csspart form - The lookup form.
 * @csspart submit - The lookup button.
 * @csspart alert - A problem message (not found, rate limited, network, server).
 * @csspart result - The dossier found.
 * @csspart status - The status badge (icon and text).
 * @csspart timing - The timing badge: early, on time, overdue, within the deadline (icon and text).
 * @csspart facts - The procedure, applicant, agency and dates.
 * @csspart supplement - One supplement request.
 * @csspart history - The processing history (newest first).
 * @csspart survey-invite - The invitation to rate the service.
 * @csspart fallback - The wrapper of the fallback slot.
 * @cssprop --dvc-color-primary - Buttons, links and headings accent (default navy #0b3d91).
 * @cssprop --dvc-color-on-primary - Text on primary-coloured buttons (default #ffffff).
 * @cssprop --dvc-color-text - Body text.
 * @cssprop --dvc-color-muted - Secondary text (hints, units).
 * @cssprop --dvc-color-surface - Background.
 * @cssprop --dvc-color-surface-alt - Background of the result summary and cards.
 * @cssprop --dvc-color-border - Field and card borders.
 * @cssprop --dvc-color-danger - Errors, overdue, not accepted.
 * @cssprop --dvc-color-success - Returned, finished, early, on time.
 * @cssprop --dvc-color-warning - Supplement requests, rate limit.
 * @cssprop --dvc-color-focus - Focus ring.
 * @cssprop --dvc-color-link - Links and link-styled buttons (default: primary).
 * @cssprop --dvc-font-family - Font stack (default system-ui).
 * @cssprop --dvc-font-size - Base size (default: the browser's, usually 16px).
 * @cssprop --dvc-radius - Corner radius.
 * @cssprop --dvc-space - Base spacing.
 */
export class DvcDossierTracker extends DvcElement<TrackerStrings> {
  static override styles = [baseStyles, formStyles, trackerStyles];

  static override properties: PropertyDeclarations = {
    code: {},
    headingLevel: { attribute: 'heading-level', type: Number },
  };

  /** Prefills the dossier code (e.g. from a QR code on the receipt); the citizen still types the ID number. */
  declare code: string;

  /** The heading level of the widget's title and of the result (sections use the next level). */
  declare headingLevel: number;

  protected readonly stringTable = trackerStrings;

  constructor() {
    super();
    this.code = '';
    this.headingLevel = 2;
  }

  // What the widget shows lives in private fields (the minifier shortens their names, not those of reactive
  // properties); every change is followed by requestUpdate().
  #codeDraft = '';
  #fieldErrors: FieldErrors = {};
  #busy = false;
  #problem: Problem | undefined;
  /** Seconds the server asked us to wait, as first announced (the button counts down separately). */
  #problemSeconds = 0;
  #waitSeconds = 0;
  #dossier: Dossier | undefined;
  /** Loaded by the first lookup; set before any dossier is. */
  #view: ResultView | undefined;
  #historyExpanded = false;
  #surveyOpen = false;
  /** The survey's code could not be fetched (offline, or the CDN failed): the invitation says so; its button retries. */
  #surveyFailed = false;
  #announcement = '';

  #find<E extends HTMLElement>(selector: string): E | null {
    return this.renderRoot.querySelector<E>(selector);
  }

  #pending: AbortController | undefined;
  #countdown: ReturnType<typeof setInterval> | undefined;
  #retryAt = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    // Back on the page (re-parented by a CMS or a host app): a wait still running resumes its countdown, and what
    // changed while away (a lookup aborted on removal) is shown.
    const left = Math.ceil((this.#retryAt - Date.now()) / 1000);
    if (left > 0) this.#startCountdown(left);
    else this.#waitSeconds = 0;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // An aborted lookup leaves its outcome to nobody: the form must not stay busy if the element comes back.
    this.#pending?.abort();
    this.#busy = false;
    this.#announcement = '';
    this.#stopCountdown();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('code')) this.#codeDraft = this.code ?? '';
  }

  override render(): TemplateResult {
    if (!this.api) return this.renderFallback();
    return html`<div class="tracker" part="base">
      ${this.#dossier ? this.#renderResult(this.#dossier, this.#view!) : this.#renderForm()}
      <p class="visually-hidden" role="status">${this.#announcement}</p>
    </div>`;
  }

  #renderForm(): TemplateResult {
    const waiting = this.#waitSeconds > 0;
    return html`
      <h2 class="title" part="title" aria-level=${levelAttr(this.headingLevel, 2)}>${this.t('title')}</h2>
      <p class="muted">${this.t('intro')}</p>
      ${this.#renderProblem()}
      ${errorSummaryView(this.t('errorSummaryTitle'), (Object.entries(this.#fieldErrors) as [Field, keyof TrackerStrings][]).map(([field, message]) => ({
        id: INPUT_IDS[field], message: this.t(message), focus: () => this.#find(`#${INPUT_IDS[field]}`)?.focus(),
      })))}
      <form class="form" part="form" novalidate autocomplete="off" aria-busy=${this.#busy} @submit=${this.#onSubmit}>
        ${this.#renderField('code')}
        ${this.#renderField('id')}
        <div class="actions">
          <button class="button" type="submit" part="submit" ?disabled=${waiting} aria-disabled=${this.#busy}>
            ${this.#busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}
            ${this.t(waiting ? 'waitButton' : this.#busy ? 'submitting' : 'submit', { seconds: this.#waitSeconds })}
          </button>
        </div>
      </form>`;
  }

  // Both fields take codes typed from paper: no autofill, no spellcheck, capitals. Only the code is kept (as
  // codeDraft, written on every keystroke, so the value Lit last set always matches the field: no live() needed);
  // the ID field's value binding never changes after the first render, so Lit never writes over what is typed.
  #renderField(field: Field): TemplateResult {
    const error = this.#fieldErrors[field];
    const code = field === 'code';
    return html`<div class="field ${error ? 'invalid' : ''}">
      <label for=${INPUT_IDS[field]}>${this.t(`${field}Label`)}</label>
      <p class="hint" id="${field}-hint">${this.t(`${field}Hint`)}</p>
      ${error ? fieldErrorView(`${field}-error`, this.t('errorPrefix'), this.t(error)) : nothing}
      <input id=${INPUT_IDS[field]} autocomplete="off" spellcheck="false" autocapitalize="characters" inputmode="text"
        enterkeyhint="search" aria-describedby="${field}-hint${error ? ` ${field}-error` : ''}" aria-invalid=${!!error}
        .value=${code ? this.#codeDraft : ''}
        @input=${code ? (e: Event) => { this.#codeDraft = (e.target as HTMLInputElement).value; this.requestUpdate(); } : nothing} />
    </div>`;
  }

  #renderProblem(): TemplateResult | typeof nothing {
    const problem = this.#problem;
    if (!problem) return nothing;
    const [title, body] = PROBLEM_TEXT[problem];
    return alertView(problem === 'rate-limited' ? 'warning' : 'danger', this.t(title), this.t(body, { seconds: this.#problemSeconds }), RETRYABLE.has(problem)
      ? html`<div><button class="button secondary" type="button" @click=${() => this.#find<HTMLFormElement>('form')?.requestSubmit()}>${this.t('retry')}</button></div>`
      : nothing, 'problem', problem);
  }

  #renderResult(dossier: Dossier, view: ResultView): TemplateResult {
    return html`<article class="result" part="result" aria-labelledby="result-title">
      <h2 class="title" id="result-title" tabindex="-1" aria-level=${levelAttr(this.headingLevel, 2)}
        >${this.t('resultTitle', { code: dossier.code })}</h2>
      ${view.renderDossier(dossier, {
        t: (key, params) => this.t(key, params),
        locale: this.locale,
        sectionLevel: headingLevel(this.headingLevel) + 1,
        historyExpanded: this.#historyExpanded,
        toggleHistory: () => { this.#historyExpanded = !this.#historyExpanded; this.requestUpdate(); },
        survey: this.#renderSurvey(dossier),
      })}
      <div class="actions">
        <button class="button secondary" type="button" @click=${this.#lookupAnother}>${this.t('lookupAnother')}</button>
      </div>
    </article>`;
  }

  #renderSurvey(dossier: Dossier): TemplateResult | typeof nothing {
    if (dossier.status.code !== 10 || !dossier.survey) return nothing;
    if (this.#surveyOpen) {
      return html`<dvc-satisfaction-survey class="survey" form=${dossier.survey.form} dossier-code=${dossier.code}
        dossier-token=${dossier.survey.token} heading-level=${this.headingLevel + 1} .client=${this.api ?? undefined}></dvc-satisfaction-survey>`;
    }
    return html`<div class="alert invite tone-info" part="survey-invite">
      ${icon('info')}
      <div class="alert-body">
        <p>${this.t('surveyInvite')}</p>
        ${this.#surveyFailed ? html`<p class="survey-failed"><strong>${this.t('surveyUnavailable')}</strong></p>` : nothing}
        <div><button class="button" type="button" @click=${this.#openSurvey}>${this.t('surveyButton')}</button></div>
      </div>
    </div>`;
  }

  #onSubmit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const api = this.api;
    if (!api || this.#busy || this.#waitSeconds > 0) return;
    const code = normalizeDossierCode(this.#codeDraft);
    // Read at the last moment and kept in this function only.
    const idNumber = normalizeIdNumber(this.#find<HTMLInputElement>('#id-number')?.value ?? '');
    const errors: FieldErrors = {};
    if (!code) errors.code = 'codeRequired';
    else if (!isPlausibleDossierCode(code)) errors.code = 'codeInvalid';
    if (!idNumber) errors.id = 'idRequired';
    else if (!isPlausibleIdNumber(idNumber)) errors.id = 'idInvalid';
    this.#fieldErrors = errors;
    this.#problem = undefined;
    if (errors.code || errors.id) {
      await this.focusAfterUpdate('#error-summary');
      return;
    }
    this.#codeDraft = code;
    await this.#lookup(api, code, idNumber);
  };

  async #lookup(api: DvcClient, code: string, idNumber: string): Promise<void> {
    this.#pending?.abort();
    const controller = new AbortController();
    this.#pending = controller;
    this.#busy = true;
    this.#announcement = this.t('loading');
    this.requestUpdate();
    // The result's code arrives while the API answers (at once from the second lookup on); its failure matters only
    // once a dossier is found. Offline, the lookup fails anyway and the code is not asked for: Firefox would remember
    // the failed import until the page reloads.
    const view = unreachable() === 'offline' ? undefined : import('../dossier-result/view.ts');
    view?.catch(() => {});
    let focus = '#result-title';
    let found: Dossier | undefined;
    try {
      found = await api.dossiers.lookup({ code, idNumber }, { signal: controller.signal, locale: this.locale });
      this.#view = await (view ?? import('../dossier-result/view.ts'));
      this.#dossier = found;
      this.emit<DossierLookupEventDetail>('dvc-lookup', { code: found.code, status: found.status.code });
    } catch (error) {
      if (controller.signal.aborted) return;
      // Once a dossier is found, what failed is the result's code not arriving.
      this.#problem = found ? unreachable() : problemOf(error);
      if (isDvcError(error) && this.#problem === 'rate-limited') {
        // Without a Retry-After the tracker waits a minute of its own, and says so: the message and the button agree.
        this.#problemSeconds = error.retryAfter ?? 60;
        this.#startCountdown(this.#problemSeconds);
      }
      focus = '#problem';
    } finally {
      if (this.#pending === controller) this.#pending = undefined;
    }
    this.#busy = false;
    // Focus on the outcome reads it out. A problem leaves the form in place, and a citizen correcting the code meanwhile
    // keeps typing there (the problem is an alert, read out anyway); one who has moved on keeps focus and hears the
    // result found.
    this.#announcement = '';
    this.requestUpdate();
    if (!((this.#dossier || this.#codeDraft === code) && await this.focusAfterUpdate(focus)) && this.#dossier) {
      this.#announcement = this.t('resultTitle', { code: this.#dossier.code });
      this.requestUpdate();
    }
  }

  #openSurvey = async (): Promise<void> => {
    // Most lookups never reach a survey: its code is fetched only when a citizen accepts the invitation. Offline it is
    // not asked for: Firefox would remember the failed import until the page reloads.
    if (!customElements.get('dvc-satisfaction-survey')) {
      try {
        if (unreachable() === 'offline') throw new Error('offline');
        await import('../satisfaction-survey/define.ts');
      } catch {
        this.#surveyFailed = true;
        this.#announcement = this.t('surveyUnavailable');
        this.requestUpdate();
        return;
      }
    }
    this.#surveyFailed = false;
    this.#announcement = '';
    this.#surveyOpen = true;
    await this.focusAfterUpdate('dvc-satisfaction-survey');
  };

  #lookupAnother = async (): Promise<void> => {
    // A result shows only after a submit without field errors or problems: what is left to clear is its own state.
    this.#dossier = undefined;
    this.#historyExpanded = false;
    this.#surveyOpen = false;
    this.#surveyFailed = false;
    this.#codeDraft = '';
    await this.focusAfterUpdate('#code');
  };

  #startCountdown(seconds: number): void {
    this.#stopCountdown();
    this.#retryAt = Date.now() + seconds * 1000;
    this.#waitSeconds = seconds;
    this.#countdown = setInterval(() => {
      const left = Math.ceil((this.#retryAt - Date.now()) / 1000);
      this.#waitSeconds = Math.max(left, 0);
      if (left <= 0) {
        this.#stopCountdown();
        this.#announcement = this.t('readyAgain');
      }
      this.requestUpdate();
    }, 1000);
  }

  #stopCountdown(): void {
    if (this.#countdown !== undefined) clearInterval(this.#countdown);
    this.#countdown = undefined;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dvc-dossier-tracker': DvcDossierTracker;
  }
  interface HTMLElementEventMap {
    'dvc-lookup': CustomEvent<DossierLookupEventDetail>;
  }
}
