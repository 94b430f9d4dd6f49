import { expect, fixture, html } from '@open-wc/testing';
import { html as template, type TemplateResult } from 'lit';
import { createClient, type DvcClient } from '@dvc-kit/sdk';
import '../provider/define.ts';
import { DvcProvider } from '../provider/dvc-provider.ts';
import { DvcElement } from './dvc-element.ts';
import { shadow, textOf, until } from '../../test/support.ts';

/** A minimal element on the real base class that shows the base URL of the client it would use. */
class ClientProbe extends DvcElement<{ none: string }> {
  protected readonly stringTable = { vi: { none: 'none' }, en: () => Promise.resolve({ en: { none: 'none' } }) };
  override render(): TemplateResult {
    return template`<p>${this.api?.baseUrl ?? this.t('none')}</p>`;
  }
}
customElements.define('dvc-client-probe', ClientProbe);

// Real clients; none of these tests sends a request, so the addresses need not answer.
const client = (name: string): DvcClient => createClient({ baseUrl: `http://127.0.0.1:9/${name}`, queue: false });
const shown = (probe: Element) => textOf(shadow(probe).querySelector('p'));

describe('the client from the nearest <dvc-provider>', () => {
  it('follows a nearer provider that upgrades later, and no longer hears the outer one', async () => {
    const outer = await fixture<DvcProvider>(html`<dvc-provider .client=${client('outer')}>
      <dvc-inner-provider><dvc-client-probe></dvc-client-probe></dvc-inner-provider></dvc-provider>`);
    const probe = outer.querySelector<ClientProbe>('dvc-client-probe')!;
    await until(() => shown(probe) === 'http://127.0.0.1:9/outer', 'the outer client');

    customElements.define('dvc-inner-provider', class extends DvcProvider {});
    const inner = outer.querySelector('dvc-inner-provider') as DvcProvider;
    inner.client = client('inner');
    await until(() => shown(probe) === 'http://127.0.0.1:9/inner', 'the inner client once that provider upgraded');

    outer.client = client('outer-again');
    await outer.updateComplete;
    await probe.updateComplete;
    expect(shown(probe)).to.equal('http://127.0.0.1:9/inner');
  });

  it('asks again after a move: the new provider answers, the old one is no longer heard', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div>
      <dvc-provider id="a" .client=${client('a')}><dvc-client-probe></dvc-client-probe></dvc-provider>
      <dvc-provider id="b" .client=${client('b')}></dvc-provider></div>`);
    const [a, b] = [...wrapper.querySelectorAll('dvc-provider')] as DvcProvider[];
    const probe = wrapper.querySelector<ClientProbe>('dvc-client-probe')!;
    await until(() => shown(probe) === 'http://127.0.0.1:9/a', 'the first provider’s client');

    b!.append(probe);
    await until(() => shown(probe) === 'http://127.0.0.1:9/b', 'the second provider’s client after the move');
    a!.client = client('a2');
    await a!.updateComplete;
    await probe.updateComplete;
    expect(shown(probe)).to.equal('http://127.0.0.1:9/b');
  });

  it('is served by a provider that upgrades later inside a shadow root, not by one elsewhere', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div><dvc-client-probe></dvc-client-probe><div id="host"></div></div>`);
    const lone = wrapper.querySelector<ClientProbe>('dvc-client-probe')!;
    // An element rendered inside another component's shadow root, under a provider that is not defined yet.
    const root = wrapper.querySelector('#host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<dvc-shadow-provider><dvc-client-probe></dvc-client-probe></dvc-shadow-provider>';
    const nested = root.querySelector('dvc-client-probe') as ClientProbe;
    await nested.updateComplete;
    expect(shown(nested)).to.equal('none');

    customElements.define('dvc-shadow-provider', class extends DvcProvider {});
    (root.querySelector('dvc-shadow-provider') as DvcProvider).client = client('shadow');
    await until(() => shown(nested) === 'http://127.0.0.1:9/shadow', 'the client of the provider once it upgraded');
    await lone.updateComplete;
    expect(shown(lone)).to.equal('none');
  });
});
