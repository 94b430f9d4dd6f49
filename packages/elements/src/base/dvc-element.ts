import { LitElement, html, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { DvcClient } from '@dvc-kit/sdk';
import { ClientConsumer } from './client-consumer.ts';
import { clientFor } from './clients.ts';
import { interpolate, resolveLocale, waitText, watchLanguage, type Locale, type Strings } from './i18n.ts';

// Outside the class so the custom-elements manifest does not list a bogus event named "name" on every element.
function domEvent<T>(name: string, detail: T, cancelable: boolean): CustomEvent<T> {
  return new CustomEvent<T>(name, { detail, bubbles: true, composed: true, cancelable });
}

/**
 * The base of every dvc element: where its API client comes from, which language it speaks, its strings, its
 * events, and the light-DOM fallback.
 *
 * Client: the `client` property, else the element's own `base-url`, else the nearest `<dvc-provider>`.
 * Language: the element's own `lang`, else the nearest ancestor's (across shadow roots; a provider's `locale`
 * counts), else Vietnamese; watched for changes.
 *
 * @cssstate ready - The element shows its own first screen; before that a page may keep its room (`:not(:state(ready))`).
 */
export abstract class DvcElement<S extends Record<string, string>> extends LitElement {
  // Reactive properties are declared here rather than with decorators: lowered decorators cost every class a
  // runtime helper and turn its #private members into WeakMaps, several kilobytes in the bundles. The fields are
  // `declare`d so that no class field shadows the accessor Lit puts on the prototype.
  static override properties: PropertyDeclarations = {
    baseUrl: { attribute: 'base-url' },
    client: { attribute: false },
    strings: { attribute: false },
  };

  /** Base URL of the Public Service API (before `/v1`) for this element alone. */
  declare baseUrl: string | undefined;

  /** A client created with `createClient()` from script; wins over `base-url` and any provider. */
  declare client: DvcClient | undefined;

  /** Replacement strings, by key (keys are in the element's strings.ts), e.g. `{ retry: 'Tải lại' }`; `{name}` placeholders are filled in. */
  declare strings: Partial<S> | undefined;

  protected abstract readonly stringTable: Strings<S>;

  readonly #consumer = new ClientConsumer(this);
  /** The language to show next: what `lang` (or a provider's `locale`) asks for, unless English just failed to load. */
  #wanted: Locale = 'vi';
  /** The language shown: English only once its strings have arrived. */
  #locale: Locale = 'vi';
  /** The English strings, once loaded (the browser's module map shares them between elements). */
  #english: S | undefined;
  /** Ends a wait for English early when the language is switched back meanwhile. */
  #stopWaiting: (() => void) | undefined;
  #unwatchLanguage: (() => void) | undefined;
  #resolved: { api: DvcClient | null; locale: Locale } | undefined;

  /** The client to use: `client` property > `base-url` attribute > `<dvc-provider>` context; null if none. */
  protected get api(): DvcClient | null {
    if (this.client) return this.client;
    if (this.baseUrl) return clientFor(this.baseUrl) ?? null;
    return this.#consumer.value ?? null;
  }

  /** The language in effect: 'vi' or 'en'. */
  protected get locale(): Locale {
    return this.#locale;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Put back in a page (moved by a CMS script, re-rendered by a framework): load again, since removal aborted what
    // was under way (see disconnectedCallback); what had arrived comes back from the client's cache.
    this.requestUpdate();
    this.#ask(resolveLocale(this));
    this.#unwatchLanguage = watchLanguage(this, () => this.#ask(resolveLocale(this)));
  }

  #ask(locale: Locale): void {
    if (locale === this.#wanted) return;
    this.#wanted = locale;
    if (locale === 'vi') this.#stopWaiting?.();
    this.requestUpdate();
  }

  // English strings load on demand. Until they are here the update waits, so the element never renders in a language
  // it was not asked for: the first render is held, a switch keeps the current view. Waiting here rather than in
  // shouldUpdate keeps the changed properties for willUpdate, and `updateComplete` includes the wait. Vietnamese
  // never waits, not even for an English load still under way when the page switches back.
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (this.#wanted === 'en' && !this.#english) {
      return Promise.race([
        this.stringTable.en().then(
          (module) => { this.#english = module.en; },
          // English could not load (offline, CDN error): Vietnamese rather than nothing, until the next switch to English.
          () => { this.#wanted = 'vi'; },
        ),
        new Promise<void>((resolve) => { this.#stopWaiting = resolve; }),
      ]).then(() => this.scheduleUpdate());
    }
    this.#locale = this.#wanted;
    return super.scheduleUpdate();
  }

  /**
   * The custom state `ready` (`:state(ready)` in CSS) once the element shows its own first screen: until then (its code
   * loading, English or URL sync on their way) a page can keep room for it, so that nothing below jumps when it appears:
   * `dvc-service-search:not(:state(ready)) { display: block; min-height: 200px }`.
   */
  readonly #internals = this.attachInternals();

  protected override firstUpdated(changed: PropertyValues<this>): void {
    super.firstUpdated(changed);
    this.#internals.states.add('ready');
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unwatchLanguage?.();
    this.#unwatchLanguage = undefined;
    this.#resolved = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const now = { api: this.api, locale: this.#locale };
    const before = this.#resolved;
    this.#resolved = now;
    // Loading starts here rather than in connectedCallback so that a late provider, a new `client` or a language
    // switch all go through one path.
    if (!before || before.api !== now.api || before.locale !== now.locale) this.clientChanged?.();
  }

  /**
   * The string `key` in the current language, with `{name}` placeholders filled (values are plain text). A `seconds`
   * param also fills `{wait}`, the wait as people say it: "45 giây", "10 phút" / "45 seconds", "10 minutes".
   */
  protected t(key: keyof S, params?: Record<string, string | number>): string {
    const override = this.strings?.[key];
    const table = (this.#locale === 'en' && this.#english) || this.stringTable.vi;
    const template = typeof override === 'string' ? override : table[key];
    const seconds = params?.seconds as number;
    return interpolate(template, seconds >= 0 ? { ...params, wait: waitText(seconds, this.#locale) } : params);
  }

  /** Moves focus to `selector` once the pending update has rendered it, unless the citizen has moved on (see below). */
  protected async focusAfterUpdate(selector: string): Promise<boolean> {
    this.requestUpdate();
    await this.updateComplete;
    return this.focusUnlessMovedOn(this.renderRoot.querySelector<HTMLElement>(selector));
  }

  /**
   * Focuses `target` unless the citizen has moved on. Answers arrive late (a slow network, code loaded on demand),
   * and one must not pull focus out of a field being typed in elsewhere: focus moves only when nothing has it (what
   * had it was replaced, as a chosen result is by the procedure) or it is still within this element.
   */
  protected focusUnlessMovedOn(target: HTMLElement | null | undefined): boolean {
    // A tree's activeElement is the focused element as seen from that tree (its shadow host, if focus is deeper).
    const free = document.activeElement === document.body || this.contains((this.getRootNode() as ShadowRoot).activeElement);
    if (free) target?.focus();
    return free;
  }

  /** Dispatch a bubbling, composed CustomEvent; returns false when a cancelable event was cancelled. */
  protected emit<T>(name: string, detail: T, init: { cancelable?: boolean } = {}): boolean {
    return this.dispatchEvent(domEvent(name, detail, init.cancelable ?? false));
  }

  /**
   * Show the light-DOM children (e.g. a plain link to the portal) instead of the widget, for when the element
   * cannot work at all: no client configured, or a fatal error.
   */
  protected renderFallback(): TemplateResult {
    return html`<div part="fallback"><slot></slot></div>`;
  }

  /** Called before rendering when the resolved client or language changed (including the first time): reload. */
  protected clientChanged?(): void;
}
