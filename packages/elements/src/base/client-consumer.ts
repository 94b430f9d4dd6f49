import { ContextEvent } from '@lit/context';
import type { ReactiveController, ReactiveElement } from 'lit';
import type { DvcClient } from '@dvc-kit/sdk';
import { dvcClientContext } from './context.ts';

/**
 * The client of the nearest `<dvc-provider>`, kept current: the context protocol's request with `subscribe`, which
 * @lit/context's ContextProvider answers now and again whenever its client changes or a nearer provider appears.
 * A provider may upgrade after the elements it contains (lazy loading, scripts in any order): while nothing has
 * answered, a provider announcing itself anywhere on the page gets the request again. That is what @lit/context's
 * ContextConsumer and a ContextRoot on the document do together, for ~0.4 KB less min+gzip on every page.
 */
export class ClientConsumer implements ReactiveController {
  /** The provider's client; undefined until one answers (or when it has none). */
  value: DvcClient | undefined;
  readonly #host: ReactiveElement;
  #unsubscribe: (() => void) | undefined;

  constructor(host: ReactiveElement) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.#ask();
    document.addEventListener('context-provider', this.#onProvider);
  }

  hostDisconnected(): void {
    document.removeEventListener('context-provider', this.#onProvider);
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  #ask(): void {
    this.#host.dispatchEvent(new ContextEvent(dvcClientContext, this.#host, this.#answer, true));
  }

  readonly #onProvider = (e: Event): void => {
    if ((e as Event & { context?: unknown }).context === dvcClientContext && !this.#unsubscribe) this.#ask();
  };

  readonly #answer = (client: DvcClient | undefined, unsubscribe?: () => void): void => {
    // A nearer provider took over: stop hearing from the one that answered before.
    if (unsubscribe !== this.#unsubscribe) this.#unsubscribe?.();
    this.#unsubscribe = unsubscribe;
    this.value = client;
    this.#host.requestUpdate();
  };
}
