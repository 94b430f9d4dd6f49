import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { isDvcError, type ChoiceQuestion, type DvcClient, type SurveyForm, type TextQuestion } from '@dvc-kit/sdk';
import { DvcElement } from '../base/dvc-element.ts';
import { baseStyles } from '../base/styles.ts';
import { icon } from '../base/icons.ts';
import { alertView, levelAttr } from '../base/views.ts';
import { PROGRESS, SUCCESS } from '../form/icons.ts';
import { errorSummaryView, fieldErrorView } from '../form/views.ts';
import { formStyles } from '../form/styles.ts';
import { charCount, cleanAnswers, newIdempotencyKey, validateAnswers, type QuestionError } from './answers.ts';
import { counterLevel, type CounterLevel } from './counter.ts';
import { surveyStyles } from './styles.ts';
import { surveyStrings, type SurveyStrings } from './strings.ts';

/** Detail of `dvc-survey-submitted`: which form, which dossier, the server's receipt. Never the answers. */
export interface SurveySubmittedEventDetail {
  form: string;
  dossierCode?: string;
  receiptId: string;
}

/** Detail of `dvc-survey-queued`: the response waits on this device to be sent. Never the answers. */
export interface SurveyQueuedEventDetail {
  form: string;
  dossierCode?: string;
}

type Phase = 'loading' | 'load-error' | 'ready' | 'sent' | 'queued';
type LoadProblem = 'not-found' | 'network' | 'server';
type SendProblem = 'network' | 'server' | 'rate-limited' | 'invalid' | 'dossier';

const SEND_TEXT: Record<SendProblem, keyof SurveyStrings> = {
  network: 'sendNetwork', server: 'sendServer', 'rate-limited': 'sendRateLimited', invalid: 'sendInvalid', dossier: 'sendDossier',
};

/** Where focus goes when the survey is focused or changes phase: its title, or its message when it has no title. */
const FOCUS_TARGET = '.title, .alert';

/**
 * A satisfaction survey rendered from a form served by the API (`GET /v1/survey-forms/{form}`): every question
 * as data, so a province can add or reword questions without touching a page.
 *
 * Sends once: the button is inert while sending, and one idempotency key per response is reused for every retry,
 * so double clicks and retries never store two responses. Offline, the SDK keeps the response on this device and
 * sends it when the network is back (or on the next visit); the element says so and flips to "sent" when the
 * queue drains.
 *
 * @tagname dvc-satisfaction-survey
 * @fires {CustomEvent<SurveySubmittedEventDetail>} dvc-survey-submitted - The server stored the response: `{form, dossierCode?, receiptId}`;
 *   also for a response saved on the device, once this page sends it.
 * @fires {CustomEvent<SurveyQueuedEventDetail>} dvc-survey-queued - Saved on this device to be sent later: `{form, dossierCode?}`.
 * @slot - Fallback shown when no API client is configured (e.g. a link to the province's survey page).
 * @csspart base - The wrapper of the whole widget.
 * @csspart title - The survey's title.
 * @csspart question - One question (a fieldset or a text field).
 * @csspart warning - The "do not type personal data" warning of a free-text question.
 * @csspart counter - The character counter of a free-text question.
 * @csspart submit - The send button.
 * @csspart alert - A problem message (load or send failure, missing dossier).
 * @csspart outcome - The thank-you or saved-on-this-device message.
 * @csspart fallback - The wrapper of the fallback slot.
 * @cssprop --dvc-color-primary - Buttons, selected options (default navy #0b3d91).
 * @cssprop --dvc-color-on-primary - Text on primary-coloured buttons (default #ffffff).
 * @cssprop --dvc-color-text - Body text.
 * @cssprop --dvc-color-muted - Hints and the counter.
 * @cssprop --dvc-color-surface - Background.
 * @cssprop --dvc-color-surface-alt - Background of questions.
 * @cssprop --dvc-color-border - Field and option borders.
 * @cssprop --dvc-color-danger - Errors.
 * @cssprop --dvc-color-success - The thank-you message.
 * @cssprop --dvc-color-warning - The personal-data warning, the saved-offline message.
 * @cssprop --dvc-color-focus - Focus ring.
 * @cssprop --dvc-color-link - Links and link-styled buttons (default: primary).
 * @cssprop --dvc-font-family - Font stack (default system-ui).
 * @cssprop --dvc-font-size - Base size (default: the browser's, usually 16px).
 * @cssprop --dvc-radius - Corner radius.
 * @cssprop --dvc-space - Base spacing.
 */
export class DvcSatisfactionSurvey extends DvcElement<SurveyStrings> {
  static override styles = [baseStyles, formStyles, surveyStyles];

  static override properties: PropertyDeclarations = {
    form: {},
    dossierCode: { attribute: 'dossier-code' },
    dossierToken: { attribute: 'dossier-token' },
    headingLevel: { attribute: 'heading-level', type: Number },
  };

  /** The survey form id; `default` is the per-dossier evaluation. */
  declare form: string;

  /** The dossier being rated; needed by forms that rate one dossier (like `default`). */
  declare dossierCode: string;

  /**
   * Proof that the citizen looked this dossier up: `survey.token` of its lookup answer (`client.dossiers.lookup`),
   * sent back with the response. Forms that rate one dossier need it; `<dvc-dossier-tracker>` sets it itself.
   */
  declare dossierToken: string;

  /** The heading level of the survey's title (default 2). */
  declare headingLevel: number;

  protected readonly stringTable = surveyStrings;

  constructor() {
    super();
    this.form = 'default';
    this.dossierCode = '';
    this.dossierToken = '';
    this.headingLevel = 2;
  }

  // What the survey shows lives in private fields (the minifier shortens their names, not those of reactive
  // properties); every change is followed by requestUpdate().
  #phase: Phase = 'loading';
  #surveyForm: SurveyForm | undefined;
  #loadProblem: LoadProblem | undefined;
  #answers: Record<string, string> = {};
  #errors = new Map<string, QuestionError>();
  #sending = false;
  #sendProblem: SendProblem | undefined;
  #retryAfter: number | null = null;
  #receiptId = '';
  #pending = 0;
  #announcement = '';

  #loading: AbortController | undefined;
  #unsubscribe: (() => void) | undefined;
  #focusWhenReady = false;
  /** One key per response: every retry of the same answers reuses it, so the server stores it once. */
  #key = '';
  #keyFor = '';
  #counterLevels = new Map<string, CounterLevel>();

  /** Focuses the survey's heading (or its current message); waits for the form when it is still loading. */
  override focus(options?: FocusOptions): void {
    const target = this.renderRoot?.querySelector<HTMLElement>(FOCUS_TARGET);
    if (target && this.#phase !== 'loading') target.focus(options);
    else this.#focusWhenReady = true;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#loading?.abort();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  protected override clientChanged(): void {
    void this.#load();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The first load comes from clientChanged; later changes of `form` load the new one.
    if (changed.has('form') && changed.get('form') !== undefined) void this.#load();
  }

  protected override updated(): void {
    if (this.#focusWhenReady && this.#phase !== 'loading') {
      this.#focusWhenReady = false;
      this.focusUnlessMovedOn(this.renderRoot.querySelector<HTMLElement>(FOCUS_TARGET));
    }
  }

  async #load(): Promise<void> {
    const api = this.api;
    // A thank-you stays a thank-you: a language switch afterwards, or one whose form arrives after the answers were
    // sent, does not bring the questions back.
    const done = () => this.#phase === 'sent' || this.#phase === 'queued';
    if (!api || done()) return;
    this.#loading?.abort();
    const controller = new AbortController();
    this.#loading = controller;
    // Reloading in another language keeps the current questions (and answers) on screen until the new text arrives.
    if (!this.#surveyForm || this.#surveyForm.id !== this.form) this.#phase = 'loading';
    this.requestUpdate();
    try {
      const form = await api.surveys.form(this.form || 'default', { signal: controller.signal, locale: this.locale });
      if (controller.signal.aborted || done()) return;
      if (this.#surveyForm?.id !== form.id) this.#answers = {};
      this.#surveyForm = form;
      this.#loadProblem = undefined;
      this.#phase = 'ready';
    } catch (error) {
      if (controller.signal.aborted || done()) return;
      this.#loadProblem = isDvcError(error) && error.kind === 'not-found' ? 'not-found'
        : isDvcError(error) && (error.kind === 'network' || error.kind === 'timeout') ? 'network' : 'server';
      this.#phase = 'load-error';
    }
    this.requestUpdate();
  }

  override render(): TemplateResult {
    if (!this.api) return this.renderFallback();
    return html`<section class="survey" part="base" aria-busy=${this.#phase === 'loading'}>
      ${this.#renderPhase()}
      <p class="visually-hidden" role="status">${this.#announcement}</p>
    </section>`;
  }

  #renderPhase(): TemplateResult {
    switch (this.#phase) {
      case 'loading':
        return html`<p class="loading muted"><span class="spinner" aria-hidden="true"></span>${this.t('loading')}</p>`;
      case 'load-error':
        return this.#renderLoadError();
      case 'sent':
      case 'queued':
        return this.#renderOutcome();
      default:
        return this.#renderForm(this.#surveyForm!);
    }
  }

  #renderLoadError(): TemplateResult {
    if (this.#loadProblem === 'not-found') return alertView('danger', this.t('notFoundTitle'), this.t('notFound'));
    return alertView('danger', this.t('loadErrorTitle'), this.t(this.#loadProblem === 'network' ? 'loadNetwork' : 'loadServer'),
      html`<div><button class="button secondary" type="button" @click=${() => void this.#load()}>${this.t('retry')}</button></div>`);
  }

  #renderTitle(text: string): TemplateResult {
    return html`<h2 class="title" id="title" tabindex="-1" part="title" aria-level=${levelAttr(this.headingLevel, 2)}>${text}</h2>`;
  }

  #renderForm(form: SurveyForm): TemplateResult {
    // Without the lookup's proof the server would refuse the answers: say so before the citizen gives any.
    if (form.needsDossier && !this.#dossier()) {
      return html`${this.#renderTitle(form.title)}${alertView('warning', this.t('needsDossierTitle'), this.t('needsDossier'))}`;
    }
    const anyRequired = form.questions.some((q) => q.required);
    return html`${this.#renderTitle(form.title)}
      ${form.description ? html`<p class="muted">${form.description}</p>` : nothing}
      ${this.#dossier() ? html`<p class="dossier">${this.t('dossier', { code: this.#dossier() })}</p>` : nothing}
      ${anyRequired ? html`<p class="hint">${this.t('requiredNote')}</p>` : nothing}
      ${this.#sendProblem
        ? alertView('danger', this.t('sendErrorTitle'), this.t(SEND_TEXT[this.#sendProblem], { seconds: this.#retryAfter ?? 60 }), nothing, 'send-problem', this.#sendProblem)
        : nothing}
      ${errorSummaryView(this.t('errorSummaryTitle'), form.questions.flatMap((q, i) => {
        const error = this.#errors.get(q.id);
        return error ? [{ id: `q${i}`, message: this.t(error.key, error.params), focus: () => this.#focusQuestion(i) }] : [];
      }))}
      <form class="form" novalidate @submit=${this.#onSubmit}>
        ${form.questions.map((q, i) => (q.kind === 'choice' ? this.#renderChoice(q, i) : this.#renderText(q, i)))}
        <div class="actions">
          <button class="button" type="submit" part="submit" aria-disabled=${this.#sending}>
            ${this.#sending ? html`<span class="spinner" aria-hidden="true"></span>${this.t('sending')}` : this.t('submit')}
          </button>
        </div>
      </form>`;
  }

  /** Required questions say so in words; forms already word their optional ones ("Góp ý thêm (không bắt buộc)"). */
  #requiredText(required: boolean): TemplateResult | typeof nothing {
    return required ? html`<span class="requirement muted">${this.t('required')}</span>` : nothing;
  }

  #renderError(domId: string, error: QuestionError | undefined): TemplateResult | typeof nothing {
    return error ? fieldErrorView(`${domId}-error`, this.t('errorPrefix'), this.t(error.key, error.params)) : nothing;
  }

  #renderChoice(q: ChoiceQuestion, index: number): TemplateResult {
    const domId = `q${index}`;
    const error = this.#errors.get(q.id);
    const describedBy = [q.help ? `${domId}-help` : '', error ? `${domId}-error` : ''].filter(Boolean).join(' ');
    return html`<fieldset class="question ${error ? 'invalid' : ''}" id=${domId} part="question" aria-describedby=${describedBy || nothing}>
      <legend>${q.label} ${this.#requiredText(q.required)}</legend>
      ${q.help ? html`<p class="hint" id="${domId}-help">${q.help}</p>` : nothing}
      ${this.#renderError(domId, error)}
      <div class="options">
        ${q.options.map((option) => html`<label class="option">
          <input type="radio" name=${domId} .value=${option.value} .checked=${this.#answers[q.id] === option.value}
            ?required=${q.required} aria-invalid=${!!error}
            @change=${() => this.#setAnswer(q.id, option.value)} />
          <span>${option.label}</span>
        </label>`)}
      </div>
    </fieldset>`;
  }

  #renderText(q: TextQuestion, index: number): TemplateResult {
    const domId = `q${index}`;
    const error = this.#errors.get(q.id);
    const value = this.#answers[q.id] ?? '';
    const left = q.maxLength - charCount(value);
    const describedBy = [q.help ? `${domId}-help` : '', `${domId}-warning`, error ? `${domId}-error` : '', `${domId}-count`]
      .filter(Boolean).join(' ');
    // The textarea on one line: the minifier leaves a textarea element exactly as written.
    return html`<div class="question text ${error ? 'invalid' : ''}" part="question">
      <label for=${domId}>${q.label} ${this.#requiredText(q.required)}</label>
      ${q.help ? html`<p class="hint" id="${domId}-help">${q.help}</p>` : nothing}
      <p class="privacy-warning" id="${domId}-warning" part="warning">${icon('warning')}<span>${this.t('privacyWarning')}</span></p>
      ${this.#renderError(domId, error)}
      <textarea id=${domId} rows="4" .value=${value} ?required=${q.required} aria-describedby=${describedBy} aria-invalid=${!!error} autocomplete="off" @input=${(e: Event) => this.#onTextInput(q, (e.target as HTMLTextAreaElement).value)}></textarea>
      <p class="hint ${left < 0 ? 'over' : ''}" id="${domId}-count" part="counter">
        ${this.#counterText(left)}
      </p>
    </div>`;
  }

  /**
   * The dossier the answers are about: only one named together with its lookup's proof (the API would refuse the
   * answers otherwise; a form that needs a dossier asks for the lookup first, any other form goes without one).
   */
  #dossier(): string {
    return this.dossierToken ? this.dossierCode : '';
  }

  #renderOutcome(): TemplateResult {
    // Once this response has its receipt it is no longer waiting, whatever else the queue still holds.
    const waiting = this.#phase === 'queued' && this.#pending > 0 && !this.#receiptId;
    return html`<div class="outcome ${waiting ? 'waiting' : 'done'}" part="outcome" data-outcome=${waiting ? 'queued' : 'sent'}>
      <h2 class="title" id="outcome-title" tabindex="-1" aria-level=${levelAttr(this.headingLevel, 2)}
        >${icon(waiting ? PROGRESS : SUCCESS)}<span>${this.t(waiting ? 'queuedTitle' : 'sentTitle')}</span></h2>
      ${this.#phase === 'sent'
        ? html`<p>${this.t('sent')}</p><p class="muted">${this.t('receipt', { id: this.#receiptId })}</p>`
        : waiting
          ? html`<p>${this.t('queued')}</p>
              <p class="muted">${this.t('pending', { count: this.#pending })}</p>
              <div><button class="button secondary" type="button" @click=${() => void this.api?.queue.flush()}>${this.t('sendNow')}</button></div>`
          : html`<p>${this.t('flushed')}</p>${this.#receiptId ? html`<p class="muted">${this.t('receipt', { id: this.#receiptId })}</p>` : nothing}`}
    </div>`;
  }

  // Every change and keystroke lands here, so the values Lit last set always match the fields: no live() needed.
  #setAnswer(id: string, value: string): void {
    this.#answers[id] = value;
    // An answered question stops being an error at once; the summary itself is rebuilt on the next submit.
    if (this.#errors.has(id) && this.#surveyForm) {
      const still = validateAnswers(this.#surveyForm, this.#answers).get(id);
      if (still) this.#errors.set(id, still);
      else this.#errors.delete(id);
    }
    this.requestUpdate();
  }

  #onTextInput(q: TextQuestion, value: string): void {
    this.#setAnswer(q.id, value);
    const level = counterLevel(charCount(value), q.maxLength);
    const before = this.#counterLevels.get(q.id) ?? 'ok';
    this.#counterLevels.set(q.id, level);
    if (level !== before && level !== 'ok') {
      this.#announcement = this.#counterText(q.maxLength - charCount(value));
    }
  }

  /** Room left in a free-text answer, or how far over it is. */
  #counterText(left: number): string {
    return left < 0 ? this.t('charsOver', { count: -left }) : this.t('charsLeft', { count: left });
  }

  #focusQuestion(index: number): void {
    const root = this.renderRoot;
    const target = root.querySelector<HTMLElement>(`#q${index} input:checked`)
      ?? root.querySelector<HTMLElement>(`#q${index} input`)
      ?? root.querySelector<HTMLElement>(`#q${index}`);
    target?.focus();
  }

  #onSubmit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const api = this.api;
    const form = this.#surveyForm;
    // Checked before anything else, synchronously: a double click lands here twice before any re-render.
    if (!api || !form || this.#sending) return;
    this.#sendProblem = undefined;
    this.#errors = validateAnswers(form, this.#answers);
    if (this.#errors.size > 0) {
      await this.focusAfterUpdate('#error-summary');
      return;
    }
    this.#sending = true;
    this.requestUpdate();
    await this.#send(api, form);
  };

  async #send(api: DvcClient, form: SurveyForm): Promise<void> {
    const input = {
      form: form.id,
      ...(this.#dossier() && { dossierCode: this.#dossier(), dossierToken: this.dossierToken }),
      answers: cleanAnswers(form, this.#answers),
    };
    const fingerprint = JSON.stringify(input);
    if (fingerprint !== this.#keyFor) {
      this.#key = newIdempotencyKey();
      this.#keyFor = fingerprint;
    }
    const about = { form: form.id, ...(this.#dossier() && { dossierCode: this.#dossier() }) };
    try {
      const result = await api.surveys.submit(input, { idempotencyKey: this.#key, locale: this.locale });
      if (result.status === 'sent') {
        this.#phase = 'sent';
        this.#stored(about, result.receipt.id);
      } else {
        this.#watchQueue(api, about);
        this.#phase = 'queued';
        this.emit<SurveyQueuedEventDetail>('dvc-survey-queued', about);
      }
    } catch (error) {
      this.#showSendError(form, error);
    } finally {
      this.#sending = false;
    }
    await this.focusAfterUpdate(this.#phase === 'ready' ? (this.#errors.size ? '#error-summary' : '#send-problem') : FOCUS_TARGET);
  }

  #showSendError(form: SurveyForm, error: unknown): void {
    if (!isDvcError(error)) {
      this.#sendProblem = 'server';
      return;
    }
    this.#retryAfter = error.retryAfter;
    if (error.kind === 'rate-limited') this.#sendProblem = 'rate-limited';
    else if (error.kind === 'network' || error.kind === 'timeout') this.#sendProblem = 'network';
    else if (error.kind !== 'invalid-request' && error.kind !== 'not-found') this.#sendProblem = 'server';
    else {
      // Validation problems point at the answers (`/answers/<id>`) or the dossier (`/dossierCode`, `/dossierToken`).
      const pointers = error.problem?.errors?.map((e) => e.pointer) ?? [];
      const errors = new Map<string, QuestionError>();
      for (const q of form.questions) {
        if (pointers.includes(`/answers/${q.id}`)) errors.set(q.id, { key: 'serverInvalid', params: { question: q.label } });
      }
      this.#errors = errors;
      this.#sendProblem = errors.size > 0 ? undefined : pointers.some((p) => p.startsWith('/dossier')) ? 'dossier' : 'invalid';
    }
  }

  /** The server stored this response: keep its receipt and tell the page (the answers never leave the element). */
  #stored(about: SurveyQueuedEventDetail, receiptId: string): void {
    this.#receiptId = receiptId;
    this.emit<SurveySubmittedEventDetail>('dvc-survey-submitted', { ...about, receiptId });
  }

  #watchQueue(api: DvcClient, about: SurveyQueuedEventDetail): void {
    this.#unsubscribe?.();
    this.#pending = api.queue.pending();
    this.#unsubscribe = api.queue.subscribe((pending, settled) => {
      this.#pending = pending;
      const ours = settled?.key === this.#key;
      // Ours left (sent or refused), or the queue emptied (another tab or client sent it): nothing more to wait for.
      if (ours || !pending) {
        this.#unsubscribe?.();
        this.#unsubscribe = undefined;
      }
      if (ours && !settled!.receipt) {
        // Sent later, the server refused it for good (say, the form changed meanwhile): never "sent". The answers
        // are still here; the citizen sees why and may send them again.
        this.#phase = 'ready';
        this.#sendProblem = 'invalid';
        void this.focusAfterUpdate('#send-problem');
        return;
      }
      if (ours) this.#stored(about, settled!.receipt!.id);
      if (!this.#unsubscribe) this.#announcement = this.t('flushed');
      this.requestUpdate();
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dvc-satisfaction-survey': DvcSatisfactionSurvey;
  }
  interface HTMLElementEventMap {
    'dvc-survey-submitted': CustomEvent<SurveySubmittedEventDetail>;
    'dvc-survey-queued': CustomEvent<SurveyQueuedEventDetail>;
  }
}
