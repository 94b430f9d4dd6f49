import { expect, fixture, html } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { DvcClient } from '@dvc-kit/sdk';
import './define.ts';
import type { DvcServiceSearch, SearchEventDetail, SelectEventDetail } from './dvc-service-search.ts';
import {
  expectAccessible, fixtureWithClient, hookedFetch, jsonResponse, languageOf, shadow, sleep, testClient, textOf, until,
} from '../../test/support.ts';
import { cuttableClient } from '../../test/tracker-support.ts';

const $ = (el: Element, selector: string) => shadow(el).querySelector<HTMLElement>(selector);
const $$ = (el: Element, selector: string) => [...shadow(el).querySelectorAll<HTMLElement>(selector)];
const codes = (el: Element) => $$(el, '[data-code]').map((e) => e.dataset.code);
const liveText = (el: Element) => textOf($(el, '[role="status"][aria-live="polite"]'));
/** What the element's own shadow root has focused (focus inside a nested element's shadow shows as that host). */
const focused = (el: Element) => shadow(el).activeElement as HTMLElement | null;

function type(el: DvcServiceSearch, text: string): void {
  const input = $(el, 'input') as HTMLInputElement;
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** Settled = results, an empty message or a failure on screen, nothing loading. */
function settled(el: DvcServiceSearch) {
  return until(() => $(el, '.results[aria-busy="false"], .empty, .outcome [role="alert"]'), 'the search to settle', 8000);
}

async function searchFor(el: DvcServiceSearch, text: string) {
  type(el, text);
  await sleep(300); // past the 250 ms debounce: the search has started
  await until(() => !$(el, '.skeletons, .results[aria-busy="true"]'), 'the search to finish', 8000);
  await settled(el);
}

async function make(client: DvcClient = testClient(), attrs = html`<dvc-service-search></dvc-service-search>`) {
  return fixtureWithClient<DvcServiceSearch>(attrs, client);
}

describe('<dvc-service-search>', () => {
  it('finds 1.001193 first whether typed without accents, with accents, or as the code tail', async () => {
    const el = await make();
    for (const query of ['dang ky khai sinh', 'Đăng ký khai sinh', '001193']) {
      await searchFor(el, query);
      expect(codes(el)[0], query).to.equal('1.001193');
    }
  });

  it('highlights the matched words with <mark> on the original text and shows the result facts', async () => {
    const el = await make();
    await searchFor(el, 'dang ky khai sinh');
    const first = $$(el, '.result')[0]!;
    const marks = [...first.querySelectorAll('.name mark')].map((m) => m.textContent);
    expect(marks.join(' ')).to.match(/Đăng.*ký.*khai.*sinh/);
    expect(textOf(first.querySelector('.meta'))).to.contain('1.001193').and.contain('Cấp xã').and.contain('Hộ tịch');
    expect(textOf(first)).to.contain('Thời hạn giải quyết').and.contain('ngày làm việc');
    expect(textOf(first.querySelector('[part="online-badge"]'))).to.equal('●Trực tuyến toàn trình');
  });

  it('highlights the names itself when a gateway sends no match positions', async () => {
    // The catalogue and its search are real; a gateway that leaves positions out is simulated by dropping them.
    const client = testClient({ fetch: hookedFetch(async (url, real) => {
      const response = await real();
      if (!url.pathname.endsWith('/procedures')) return response;
      const body = await response.json();
      for (const item of body.items) item.matches = [];
      return jsonResponse(body);
    }) });
    const el = await make(client);
    await searchFor(el, 'dang ky khai sinh');
    const marks = await until(() => {
      const found = [...$$(el, '.result')[0]!.querySelectorAll('.name mark')].map((m) => m.textContent);
      return found.length ? found : null;
    }, 'the names highlighted');
    expect(marks.join(' ')).to.match(/Đăng.*ký.*khai.*sinh/);
    expect($$(el, '.result')[0]!.querySelector('.code mark')).to.equal(null);
  });

  it('announces the result count politely, in Vietnamese and in English', async () => {
    const el = await make();
    await searchFor(el, 'khai sinh');
    const total = Number(textOf($(el, '.count')).match(/\d+/)![0]);
    expect(liveText(el)).to.equal(`Tìm thấy ${total} thủ tục`);
    el.setAttribute('lang', 'en');
    await until(() => textOf($(el, 'label')) === 'Find an administrative procedure', 'English labels');
    await settled(el);
    await until(() => liveText(el) === `${total} procedures found`, 'the English announcement');
  });

  it('never lets a slow older response overwrite a newer one', async () => {
    // The delay is injected; the data is real (the reference server answers both queries).
    const client = testClient({
      cache: false,
      fetch: hookedFetch(async (url, real) => {
        const response = await real();
        if (url.searchParams.get('q') === 'khai sinh') await sleep(1500);
        return response;
      }),
    });
    const el = await make(client);
    const searches: SearchEventDetail[] = [];
    el.addEventListener('dvc-search', (e) => searches.push((e as CustomEvent<SearchEventDetail>).detail));
    type(el, 'khai sinh');
    await sleep(400); // past the debounce: the slow request is in flight
    await searchFor(el, 'ket hon');
    expect(codes(el)[0]).to.equal('1.000894');
    await sleep(1600); // the old answer has arrived by now
    expect(codes(el)[0]).to.equal('1.000894');
    expect($$(el, '.result .name')[0]!.textContent).to.contain('kết hôn');
    expect(searches.map((s) => s.query)).to.deep.equal(['ket hon']);
  });

  it('waits for two characters, but searches a single digit (a code tail) at once', async () => {
    const el = await make();
    type(el, 'k');
    await sleep(400);
    expect($(el, '.outcome')!.children.length).to.equal(0);
    expect(textOf($(el, '#hint'))).to.equal('Nhập ít nhất 2 ký tự để tìm.');
    await searchFor(el, '3');
    expect($(el, '.empty')).to.not.equal(null);
  });

  it('filters by level and field with facet counts', async () => {
    const el = await make();
    const searches: SearchEventDetail[] = [];
    el.addEventListener('dvc-search', (e) => searches.push((e as CustomEvent<SearchEventDetail>).detail));
    await searchFor(el, 'dang ky');
    const totalAll = searches.at(-1)!.total;
    const fieldOptions = [...($(el, '#field') as HTMLSelectElement).options].slice(1);
    expect(fieldOptions.length).to.be.greaterThan(0);
    expect(fieldOptions.every((o) => /\(\d+\)$/.test(o.text))).to.equal(true);
    const hoTich = fieldOptions.find((o) => o.value === 'ho-tich')!;
    const facetCount = Number(hoTich.text.match(/\((\d+)\)$/)![1]);

    const field = $(el, '#field') as HTMLSelectElement;
    field.value = 'ho-tich';
    field.dispatchEvent(new Event('change'));
    await until(() => searches.at(-1)?.filters.field === 'ho-tich', 'the field search');
    await settled(el);
    expect(searches.at(-1)!.total).to.equal(facetCount);
    expect(facetCount).to.be.at.most(totalAll);
    expect($$(el, '.result .meta').every((m) => m.textContent!.includes('Hộ tịch'))).to.equal(true);

    const level = $(el, '#level') as HTMLSelectElement;
    expect([...level.options].slice(1).every((o) => /^(Cấp xã|Cấp tỉnh|Cấp bộ|Cơ quan khác) \(\d+\)$/.test(o.text))).to.equal(true);
    level.value = 'xa';
    level.dispatchEvent(new Event('change'));
    await until(() => searches.at(-1)?.filters.level === 'xa', 'the level search');
    await settled(el);
    expect($$(el, '.result .meta').every((m) => m.textContent!.includes('Cấp xã'))).to.equal(true);
    await expectAccessible(el);
  });

  it('applies a preset level and hides that filter', async () => {
    const el = await make(testClient(), html`<dvc-service-search level="tinh"></dvc-service-search>`);
    const searches: SearchEventDetail[] = [];
    el.addEventListener('dvc-search', (e) => searches.push((e as CustomEvent<SearchEventDetail>).detail));
    expect($(el, '#level')).to.equal(null);
    expect($(el, '#field')).to.not.equal(null);
    await searchFor(el, 'cap');
    expect(searches.at(-1)!.filters).to.deep.equal({ level: 'tinh' });
    expect($$(el, '.result .meta').length).to.be.greaterThan(0);
    expect($$(el, '.result .meta').every((m) => m.textContent!.includes('Cấp tỉnh'))).to.equal(true);
  });

  it('loads more results and moves focus to the first new one', async () => {
    const el = await make(testClient(), html`<dvc-service-search page-size="5"></dvc-service-search>`);
    await searchFor(el, 'dang ky');
    expect(codes(el).length).to.equal(5);
    ($(el, '[part="load-more"]') as HTMLButtonElement).click();
    await until(() => codes(el).length === 10, 'the second page');
    await until(() => focused(el) === $$(el, '[data-code]')[5], 'focus on the 6th result');
    expect(new Set(codes(el)).size).to.equal(10);
    expect(liveText(el)).to.match(/^Đang hiển thị 10 trên \d+ thủ tục$/);
  });

  it('is usable by keyboard alone: search box → results → procedure detail → back to the same result', async () => {
    const el = await make();
    ($(el, 'input') as HTMLInputElement).focus();
    await sendKeys({ type: 'khai sinh' });
    await sendKeys({ press: 'Enter' });
    await until(() => focused(el)?.classList.contains('count'), 'focus on the result count');
    expect(textOf(focused(el))).to.match(/^Tìm thấy \d+ thủ tục$/);
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.dataset.code).to.equal('1.001193');
    await sendKeys({ press: 'Enter' });
    const procedure = await until(() => $(el, 'dvc-procedure'), 'the inline detail');
    await until(() => procedure.shadowRoot?.activeElement?.getAttribute('part') === 'title', 'focus on the procedure title', 8000);
    expect(textOf(procedure.shadowRoot!.activeElement)).to.equal('Đăng ký khai sinh');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(focused(el)?.getAttribute('part')).to.equal('back-button');
    await sendKeys({ press: 'Enter' });
    await until(() => focused(el)?.dataset.code === '1.001193', 'focus back on the chosen result');
    expect(codes(el).length).to.be.greaterThan(1);
  });

  it('keeps focus and every keystroke in the box when the citizen types on after Enter, and reads the count out', async () => {
    const net = cuttableClient();
    net.hold = (path) => path.endsWith('/procedures');
    const el = await make(net.client);
    const input = $(el, 'input') as HTMLInputElement;
    input.focus();
    await sendKeys({ type: 'khai sinh' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ type: ' co yeu to' });
    net.release();
    await sendKeys({ type: ' nuoc ngoai' });
    await sleep(300); // past the debounce of the last keystroke: its search has started
    await until(() => !$(el, '.skeletons, .results[aria-busy="true"]'), 'the search to finish', 8000);
    await settled(el);
    expect(focused(el)?.id).to.equal('q');
    expect(input.value).to.equal('khai sinh co yeu to nuoc ngoai');
    expect(liveText(el)).to.match(/thủ tục/, 'the outcome is read out');
  });

  it('leaves focus where the citizen moved while a chosen procedure loads', async () => {
    const net = cuttableClient();
    net.hold = (path) => path.includes('/procedures/');
    const el = await make(net.client);
    const elsewhere = await fixture<HTMLInputElement>(html`<input aria-label="Ô khác trên trang">`);
    await searchFor(el, 'khai sinh');
    $(el, '[data-code="1.001193"]')!.click();
    const procedure = await until(() => $(el, 'dvc-procedure'), 'the inline detail');
    elsewhere.focus();
    net.release();
    await until(() => procedure.shadowRoot?.querySelector('[part~="title"]'), 'the procedure', 8000);
    await (procedure as LitElement).updateComplete;
    expect(document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.localName).to.equal('Ô khác trên trang');
  });

  it('links results to detail-href with the code URL-encoded', async () => {
    const el = await make(testClient(), html`<dvc-service-search detail-href="/thu-tuc?ma={code}&from=search"></dvc-service-search>`);
    await searchFor(el, '001193');
    const link = $(el, 'a[data-code="1.001193"]') as HTMLAnchorElement;
    expect(link.getAttribute('href')).to.equal(new URL('/thu-tuc?ma=1.001193&from=search', location.href).href);
    expect($(el, 'button[data-code]')).to.equal(null);
  });

  it('lets the host cancel dvc-select: no navigation, no inline detail', async () => {
    const el = await make(testClient(), html`<dvc-service-search detail-href="/thu-tuc/{code}"></dvc-service-search>`);
    const selected: SelectEventDetail[] = [];
    el.addEventListener('dvc-select', (e) => { selected.push((e as CustomEvent<SelectEventDetail>).detail); e.preventDefault(); });
    await searchFor(el, 'ket hon');
    const before = location.href;
    ($(el, 'a[data-code]') as HTMLAnchorElement).click();
    expect(selected[0]).to.deep.equal({ code: '1.000894', name: 'Đăng ký kết hôn' });
    await sleep(100);
    expect(location.href).to.equal(before);

    el.removeAttribute('detail-href');
    await el.updateComplete;
    ($(el, 'button[data-code]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect($(el, 'dvc-procedure')).to.equal(null);
    expect(selected.length).to.equal(2);
  });

  it('opens a result from a tap anywhere on its card, not only on the name', async () => {
    const el = await make();
    const selected: SelectEventDetail[] = [];
    el.addEventListener('dvc-select', (e) => selected.push(e.detail));
    await searchFor(el, 'ket hon');
    const card = $(el, '[part="result"]')!;
    card.scrollIntoView({ block: 'center' });
    const box = card.getBoundingClientRect();
    // Near the card's bottom corner, over the online badge row: far from the name.
    await sendMouse({ type: 'click', position: [Math.round(box.right - 12), Math.round(box.bottom - 8)] });
    expect(selected.map((s) => s.code)).to.deep.equal(['1.000894']);
  });

  it('shows an empty state with suggestions and a way to clear filters', async () => {
    const el = await make();
    await searchFor(el, 'dang ky');
    const level = $(el, '#level') as HTMLSelectElement;
    level.value = 'bo';
    level.dispatchEvent(new Event('change'));
    await sleep(50);
    await searchFor(el, 'qqqzzz xxyyww');
    const empty = $(el, '.empty')!;
    expect(textOf(empty)).to.contain('Không tìm thấy thủ tục nào phù hợp với “qqqzzz xxyyww”').and.contain('chính tả');
    expect(liveText(el)).to.equal('Không tìm thấy thủ tục nào phù hợp với “qqqzzz xxyyww”');
    await expectAccessible(el);
    const clear = [...empty.querySelectorAll('button')].find((b) => b.textContent!.includes('Xóa bộ lọc'))!;
    clear.click();
    await until(() => ($(el, '#level') as HTMLSelectElement).value === '', 'the level filter cleared');
    expect(focused(el)).to.equal($(el, 'input'));
  });

  it('passes axe in the initial and loading states, and marks loading with aria-busy', async () => {
    // Holds the real answer back until the test has looked at the loading state.
    const net = cuttableClient();
    net.hold = true;
    const el = await make(net.client);
    await expectAccessible(el);
    type(el, 'khai sinh');
    const skeleton = await until(() => $(el, '.skeletons'), 'the loading skeleton');
    expect(skeleton.getAttribute('aria-busy')).to.equal('true');
    await expectAccessible(el);
    net.release();
    await settled(el);
    await expectAccessible(el);
  });

  it('keeps the previous results readable while a new search runs (busy, full contrast), then replaces them', async () => {
    const net = cuttableClient({ cache: false });
    const el = await make(net.client);
    await searchFor(el, 'khai sinh');
    net.hold = true;
    type(el, 'ket hon');
    const list = await until(() => $(el, '.results[aria-busy="true"]'), 'the previous results, marked busy');
    expect(textOf($(el, '.count'))).to.equal('Đang tìm…');
    expect(getComputedStyle(list).opacity, 'not dimmed: dimmed text would fail contrast').to.equal('1');
    await expectAccessible(el);
    net.release();
    await until(() => codes(el)[0] === '1.000894', 'the new results');
    expect($(el, '.results')!.getAttribute('aria-busy')).to.equal('false');
  });

  it('shows an error with a retry button that works', async () => {
    let fail = true;
    // A 500 cannot be provoked on the reference server; the failure is injected, the retry hits the real server.
    const client = testClient({ retry: 0, fetch: hookedFetch(async (url, real) =>
      fail && url.pathname.endsWith('/procedures') ? jsonResponse({ type: 'urn:dvc-kit:problem:internal', title: 'Internal error', status: 500 }, 500) : real()) });
    const el = await make(client);
    await searchFor(el, 'khai sinh');
    const alert = $(el, '.outcome [role="alert"]')!;
    expect(textOf(alert)).to.contain('Không tìm được thủ tục');
    await expectAccessible(el);
    fail = false;
    (alert.querySelector('button') as HTMLButtonElement).click();
    await until(() => codes(el)[0] === '1.001193', 'results after retry');
    await until(() => focused(el)?.classList.contains('count'), 'focus on the outcome after retry');
  });

  it('shows the offline state and searches again when the browser is back online', async () => {
    let offline = true;
    // Network loss is simulated (a test page cannot take its browser offline): fetch rejects the way browsers do
    // when offline, and navigator.onLine says so.
    const onLine = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')!;
    Object.defineProperty(Navigator.prototype, 'onLine', { configurable: true, get: () => !offline });
    try {
      const client = testClient({ retry: 0, fetch: hookedFetch(async (_url, real) => {
        if (offline) throw new TypeError('Failed to fetch');
        return real();
      }) });
      const el = await make(client);
      await searchFor(el, 'ket hon');
      expect(textOf($(el, '.outcome [role="alert"]'))).to.contain('Không có kết nối mạng');
      await expectAccessible(el);
      offline = false;
      window.dispatchEvent(new Event('online'));
      await until(() => codes(el)[0] === '1.000894', 'results once online');
    } finally {
      Object.defineProperty(Navigator.prototype, 'onLine', onLine);
    }
  });

  it('shows the rate-limited state with the wait time and a retry that unlocks', async () => {
    // The reference server's search has no rate limit; the 429 (with Retry-After) is injected.
    const client = testClient({ retry: 0, fetch: hookedFetch(async () =>
      jsonResponse({ type: 'urn:dvc-kit:problem:rate-limited', title: 'Too many requests', status: 429, retryAfter: 1 }, 429, { 'retry-after': '1' })) });
    const el = await make(client);
    await searchFor(el, 'khai sinh');
    const alert = $(el, '.outcome [role="alert"]')!;
    expect(textOf(alert)).to.contain('thử lại sau 1 giây');
    expect((alert.querySelector('button') as HTMLButtonElement).disabled).to.equal(true);
    await expectAccessible(el);
    await until(() => !(alert.querySelector('button') as HTMLButtonElement).disabled, 'the retry button to unlock', 3000);
  });

  it('renders markup in API text as text', async () => {
    const hostile = '<img src=x onerror="window.__dvcPwned=1"><script>window.__dvcPwned=1</script><b>';
    // The catalogue is real; the injected markup stands for a compromised or careless gateway.
    const client = testClient({ fetch: hookedFetch(async (url, real) => {
      const response = await real();
      if (!url.pathname.endsWith('/procedures')) return response;
      const body = await response.json();
      for (const item of body.items) {
        item.name = hostile + item.name;
        item.field.name = hostile;
        item.matches = [];
      }
      for (const f of body.facets.fields) f.label = hostile;
      return jsonResponse(body);
    }) });
    const el = await make(client);
    await searchFor(el, 'khai sinh');
    expect(shadow(el).querySelector('img, script, b')).to.equal(null);
    expect($$(el, '.result .name')[0]!.textContent).to.contain('<img src=x');
    expect(($(el, '#field') as HTMLSelectElement).options[1]!.text).to.contain('<script>');
    expect((window as { __dvcPwned?: number }).__dvcPwned).to.equal(undefined);
  });

  it('switches language with lang on an ancestor', async () => {
    const el = await make();
    await searchFor(el, 'khai sinh');
    expect(textOf($(el, 'label'))).to.equal('Tìm thủ tục hành chính');
    el.parentElement!.setAttribute('lang', 'en');
    await until(() => textOf($(el, 'label')) === 'Find an administrative procedure', 'English labels');
    await settled(el);
    expect(textOf($(el, '.count'))).to.match(/^\d+ procedures? found$/);
    expect(textOf($(el, '.result [part="online-badge"]'))).to.match(/online/i);
    expect(($(el, '#level') as HTMLSelectElement).options[0]!.text).to.equal('All levels');
    // Names and fields come from the Vietnamese catalogue: spoken as Vietnamese on an English page (WCAG 3.1.2).
    expect(languageOf($(el, '[part="result-link"]'))).to.equal('vi');
    expect(languageOf(($(el, '#field') as HTMLSelectElement).options[1]!)).to.equal('vi');
    expect(languageOf(($(el, '#level') as HTMLSelectElement).options[1]!)).to.equal('en');
    expect(languageOf($(el, '.count'))).to.equal('en');
    el.parentElement!.setAttribute('lang', 'vi');
    await until(() => textOf($(el, 'label')) === 'Tìm thủ tục hành chính', 'Vietnamese again');
  });

  describe('url-sync', () => {
    const start = location.href;
    afterEach(() => history.replaceState(null, '', start));

    it('keeps query, filters and the open procedure in the URL, and the back button restores them', async () => {
      const el = await make(testClient(), html`<dvc-service-search url-sync></dvc-service-search>`);
      const historyLength = history.length;
      await searchFor(el, 'khai sinh');
      expect(new URL(location.href).searchParams.get('dvc-q')).to.equal('khai sinh');
      // More typing replaces the same entry instead of adding one per keystroke.
      await searchFor(el, 'khai tu');
      expect(new URL(location.href).searchParams.get('dvc-q')).to.equal('khai tu');
      expect(history.length).to.equal(historyLength + 1);

      const level = $(el, '#level') as HTMLSelectElement;
      level.value = 'xa';
      level.dispatchEvent(new Event('change'));
      await settled(el);
      expect(new URL(location.href).searchParams.get('dvc-level')).to.equal('xa');
      expect(history.length).to.equal(historyLength + 2);

      ($(el, 'button[data-code="1.000656"]') as HTMLButtonElement).click();
      await until(() => $(el, 'dvc-procedure'), 'the inline detail');
      expect(new URL(location.href).searchParams.get('dvc-code')).to.equal('1.000656');

      history.back();
      await until(() => focused(el)?.dataset.code === '1.000656', 'the list back with focus on the chosen result');
      expect(new URL(location.href).searchParams.get('dvc-code')).to.equal(null);

      history.back();
      await until(() => ($(el, '#level') as HTMLSelectElement)?.value === '', 'the level filter restored');
      await settled(el);
      expect(($(el, 'input') as HTMLInputElement).value).to.equal('khai tu');

      history.back();
      await until(() => ($(el, 'input') as HTMLInputElement).value === '', 'the empty query restored');
      expect($(el, '.outcome')!.children.length).to.equal(0);
    });

    it('starts from the URL: query, filter and open procedure', async () => {
      history.replaceState(null, '', `${location.pathname}?other=1&dvc-q=ket+hon&dvc-level=xa&dvc-code=1.000894`);
      const el = await make(testClient(), html`<dvc-service-search url-sync></dvc-service-search>`);
      const procedure = await until(() => $(el, 'dvc-procedure'), 'the inline detail');
      expect(procedure.getAttribute('code')).to.equal('1.000894');
      ($(el, '[part="back-button"]') as HTMLButtonElement).click();
      await until(() => focused(el)?.dataset.code === '1.000894', 'focus on the result');
      const url = new URL(location.href);
      expect(url.searchParams.get('other')).to.equal('1');
      expect(url.searchParams.get('dvc-code')).to.equal(null);
      expect(($(el, '#level') as HTMLSelectElement).value).to.equal('xa');
    });
  });
});
