import { LitElement, css, html, type PropertyDeclarations, type PropertyValues } from 'lit';
import { ContextProvider } from '@lit/context';
import type { DvcClient } from '@dvc-kit/sdk';
import { dvcClientContext } from '../base/context.ts';
import { clientFor } from '../base/clients.ts';

/**
 * Gives every dvc element inside it one API client (through @lit/context) and a default language, so a page
 * configures the API once.
 *
 * @tagname dvc-provider
 * @slot - The page content; dvc elements in it without their own `base-url` or `client` use this provider's client,
 *   and those without a `lang` on themselves or a nearer ancestor use its `locale`.
 */
export class DvcProvider extends LitElement {
  static override styles = css`
    :host { display: contents; }
    :host([hidden]) { display: none; }
  `;

  // Declared without decorators (see DvcElement for why).
  static override properties: PropertyDeclarations = {
    baseUrl: { attribute: 'base-url' },
    client: { attribute: false },
    locale: { reflect: true },
  };

  /** Base URL of the Public Service API (before `/v1`), e.g. `https://dichvucong.tinh.gov.vn/api`. */
  declare baseUrl: string | undefined;

  /** A client created with `createClient()` from script; wins over `base-url`. */
  declare client: DvcClient | undefined;

  /** Default language (`vi` or `en`) for contained elements that have no nearer `lang`. */
  declare locale: 'vi' | 'en' | undefined;

  readonly #provider = new ContextProvider(this, { context: dvcClientContext });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('client') || changed.has('baseUrl')) {
      this.#provider.setValue(this.client ?? (this.baseUrl ? clientFor(this.baseUrl) : undefined));
    }
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dvc-provider': DvcProvider;
  }
}
