/// <reference types="mocha" />
// A widget taken out of the page while it loads and put straight back — a CMS script moving it into a tab, a framework
// re-rendering its parent — loads again. Removal aborts the request under way; without a new one the widget would show
// its loading state for ever. Real Chromium, the real reference API; the network is held only to keep the first
// request in flight while the element moves.
import { expect, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../procedure/define.ts';
import '../satisfaction-survey/define.ts';
import '../service-search/define.ts';
import { expectAccessible, fixtureWithClient, shadow, textOf, until } from '../../test/support.ts';
import { cuttableClient } from '../../test/tracker-support.ts';

const CASES: { name: string; template: TemplateResult; loading: string; loaded: string; text: RegExp }[] = [
  {
    name: '<dvc-procedure>', template: html`<dvc-procedure code="1.001193"></dvc-procedure>`,
    loading: '[aria-busy="true"]', loaded: '[part~="title"]', text: /Đăng ký khai sinh/,
  },
  {
    name: '<dvc-satisfaction-survey>', template: html`<dvc-satisfaction-survey form="general"></dvc-satisfaction-survey>`,
    loading: '[aria-busy="true"] .loading', loaded: 'fieldset', text: /\S/,
  },
  {
    name: '<dvc-service-search>', template: html`<dvc-service-search query="khai sinh"></dvc-service-search>`,
    loading: '.skeletons', loaded: '[data-code="1.001193"]', text: /Đăng ký khai sinh/,
  },
];

describe('a widget moved while it loads', () => {
  for (const { name, template, loading, loaded, text } of CASES) {
    it(`${name} loads again and shows its content, and passes axe`, async () => {
      const net = cuttableClient();
      net.hold = true;
      const el = await fixtureWithClient<HTMLElement>(template, net.client);
      await until(() => shadow(el).querySelector(loading), 'the loading state');

      const parent = el.parentElement!;
      el.remove();
      parent.append(el);
      net.release();

      const shown = await until(() => shadow(el).querySelector(loaded), 'the content after the move', 8000);
      expect(textOf(shown)).to.match(text);
      expect(shadow(el).querySelectorAll(loading).length, 'nothing still loading').to.equal(0);
      await expectAccessible(el);
    });
  }
});
