import { expect, fixture, html } from '@open-wc/testing';
import './define.ts';
import '../procedure/define.ts';
import { DvcProvider } from './dvc-provider.ts';
import { defineElement } from '../base/define.ts';
import type { DvcProcedure } from '../procedure/dvc-procedure.ts';
import { apiUrl, shadow, testClient, textOf, until } from '../../test/support.ts';

const title = (el: Element) => textOf(shadow(el).querySelector('[part="title"]'));
const fallbackShown = (el: Element) => {
  const slot = shadow(el).querySelector('slot');
  return Boolean(slot && slot.assignedElements().length > 0);
};

describe('<dvc-provider> and the base element', () => {
  it('gives contained elements its client; without one they show their light-DOM fallback', async () => {
    const provider = await fixture<DvcProvider>(html`<dvc-provider>
      <dvc-procedure code="1.001193"><a href="https://dichvucong.gov.vn/">Cổng Dịch vụ công quốc gia</a></dvc-procedure>
    </dvc-provider>`);
    const el = provider.querySelector('dvc-procedure')!;
    await el.updateComplete;
    expect(fallbackShown(el)).to.equal(true);
    expect(el.querySelector('a')!.getClientRects().length).to.be.greaterThan(0);

    provider.client = testClient();
    await until(() => title(el) === 'Đăng ký khai sinh', 'the procedure once the provider has a client', 8000);
    expect(fallbackShown(el)).to.equal(false);
    expect(el.querySelector('a')!.getClientRects().length).to.equal(0);
  });

  it('recreates the client when base-url changes', async () => {
    const provider = await fixture<DvcProvider>(html`<dvc-provider base-url="http://127.0.0.1:9/nothing-here">
      <dvc-procedure code="1.000894"></dvc-procedure></dvc-provider>`);
    const el = provider.querySelector('dvc-procedure')!;
    await until(() => shadow(el).querySelector('[role="alert"]'), 'a failure against a dead address', 12000);
    provider.baseUrl = apiUrl();
    await until(() => title(el) === 'Đăng ký kết hôn', 'the procedure from the new base URL', 8000);
  });

  it('serves elements that upgraded before it (late provider)', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div><dvc-late-provider base-url=${apiUrl()}>
      <dvc-procedure code="1.000656"></dvc-procedure></dvc-late-provider></div>`);
    const el = wrapper.querySelector('dvc-procedure')!;
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="fallback"]')).to.not.equal(null);
    customElements.define('dvc-late-provider', class extends DvcProvider {});
    await until(() => title(el) === 'Đăng ký khai tử', 'the procedure once the provider upgraded', 8000);
  });

  it('sets the default language with locale; a nearer lang still wins', async () => {
    const provider = await fixture<DvcProvider>(html`<dvc-provider locale="en" .client=${testClient()}>
      <dvc-procedure code="1.001193"></dvc-procedure>
      <div lang="vi"><dvc-procedure code="1.001193"></dvc-procedure></div>
    </dvc-provider>`);
    const [en, vi] = [...provider.querySelectorAll('dvc-procedure')] as DvcProcedure[];
    const sections = (el: Element) => [...shadow(el).querySelectorAll('section > [role="heading"]')].map((h) => textOf(h));
    await until(() => sections(en!).includes('How to submit'), 'English from the provider', 8000);
    await until(() => sections(vi!).includes('Cách thức thực hiện'), 'Vietnamese from the nearer lang', 8000);
    provider.locale = 'vi';
    await until(() => sections(en!).includes('Cách thức thực hiện'), 'Vietnamese after the provider switched');
  });

  it('prefers the client property over base-url and the provider', async () => {
    const provider = await fixture<DvcProvider>(html`<dvc-provider base-url="http://127.0.0.1:9/dead">
      <dvc-procedure base-url="http://127.0.0.1:9/dead-too" .client=${testClient()} code="2.000884"></dvc-procedure></dvc-provider>`);
    const el = provider.querySelector('dvc-procedure')!;
    await until(() => title(el).includes('Chứng thực chữ ký'), 'the procedure through the client property', 8000);
  });

  it('registers a tag only once, and warns once when another implementation holds it', () => {
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => { warnings.push(args); };
    try {
      defineElement('dvc-provider', DvcProvider);
      expect(warnings.length).to.equal(0);
      defineElement('dvc-provider', class extends DvcProvider {});
      defineElement('dvc-provider', class extends DvcProvider {});
      expect(warnings.length).to.equal(1);
      expect(customElements.get('dvc-provider')).to.equal(DvcProvider);
    } finally {
      console.warn = warn;
    }
  });
});
