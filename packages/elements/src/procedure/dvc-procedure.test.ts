import { expect, fixture, html } from '@open-wc/testing';
import './define.ts';
import type { DvcProcedure } from './dvc-procedure.ts';
import {
  apiUrl, expectAccessible, fixtureWithClient, hookedFetch, jsonResponse, languageOf, shadow, testClient, textOf, until,
} from '../../test/support.ts';

const $ = (el: Element, selector: string) => shadow(el).querySelector<HTMLElement>(selector);
const $$ = (el: Element, selector: string) => [...shadow(el).querySelectorAll<HTMLElement>(selector)];
const loaded = (el: DvcProcedure) => until(() => $(el, 'article, .alert'), 'the procedure to load', 8000);
const sectionTitles = (el: Element) => $$(el, 'section > [role="heading"]').map((h) => textOf(h));

describe('<dvc-procedure>', () => {
  it('shows every part of a detailed procedure, laid out as lists and cards', async () => {
    const el = await fixtureWithClient<DvcProcedure>(html`<dvc-procedure code="1.001193" submit-href="https://dichvucong.gov.vn/nop?ma={code}&x=1"></dvc-procedure>`);
    await loaded(el);
    const title = $(el, '[part="title"]')!;
    expect(textOf(title)).to.equal('Đăng ký khai sinh');
    expect(title.getAttribute('aria-level')).to.equal('2');
    expect(textOf($(el, '.facts'))).to.contain('1.001193').and.contain('Cấp xã').and.contain('Hộ tịch').and.contain('Ủy ban nhân dân cấp xã');
    expect(textOf($(el, '[part="online-badge"]'))).to.contain('Trực tuyến toàn trình');
    expect(sectionTitles(el)).to.include.members(['Cách thức thực hiện', 'Thành phần hồ sơ', 'Trình tự thực hiện', 'Căn cứ pháp lý']);
    expect($$(el, 'section [role="heading"][aria-level="3"]').length).to.be.greaterThan(3);
    expect(textOf($(el, '.methods'))).to.contain('Trực tiếp').and.contain('ngày làm việc').and.contain('8.000 đồng');
    const firstDocument = $(el, '.document')!;
    expect(textOf(firstDocument)).to.match(/Bản chính: \d+/).and.match(/Bản sao: \d+/);
    expect($$(el, 'ol.steps > li').length).to.be.greaterThan(1);
    expect(textOf($(el, '.legal'))).to.contain('60/2014/QH13');
    const submit = $(el, '[part="submit-link"]') as HTMLAnchorElement;
    expect(submit.href).to.equal('https://dichvucong.gov.vn/nop?ma=1.001193&x=1');
    expect(textOf(submit)).to.equal('Nộp hồ sơ trực tuyến');
    const portal = $(el, '[part="portal-link"]') as HTMLAnchorElement;
    expect(portal.protocol).to.equal('https:');
    expect(portal.rel).to.equal('noopener');
    expect(shadow(el).querySelector('table')).to.equal(null);
    await expectAccessible(el);
  });

  it('uses the configured heading level', async () => {
    const el = await fixtureWithClient<DvcProcedure>(html`<dvc-procedure code="1.000894" heading-level="3"></dvc-procedure>`);
    await loaded(el);
    expect($(el, '[part="title"]')!.getAttribute('aria-level')).to.equal('3');
    expect($$(el, 'section > [role="heading"]').every((h) => h.getAttribute('aria-level') === '4')).to.equal(true);
  });

  it('says when the catalogue has no detail, and links to the national portal', async () => {
    const el = await fixtureWithClient<DvcProcedure>(html`<dvc-procedure code="1.001653" submit-href="/nop/{code}"></dvc-procedure>`);
    await loaded(el);
    expect(textOf($(el, 'article .alert'))).to.contain('chưa có thông tin chi tiết');
    expect($$(el, 'section').length).to.equal(0);
    expect(($(el, '[part="portal-link"]') as HTMLAnchorElement).href).to.match(/^https:\/\//);
    await expectAccessible(el);
  });

  it('shows not-found with a way out', async () => {
    const el = await fixtureWithClient<DvcProcedure>(html`<dvc-procedure code="9.999999"></dvc-procedure>`);
    await loaded(el);
    const alert = $(el, '[role="alert"]')!;
    expect(textOf(alert)).to.contain('Không tìm thấy thủ tục').and.contain('9.999999');
    expect((alert.querySelector('a') as HTMLAnchorElement).href).to.contain('ma_thu_tuc=9.999999');
    await expectAccessible(el);
  });

  it('shows loading (busy, announced) and passes axe while loading', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => { release = resolve; });
    // The real answer is held back so the loading state can be inspected.
    const client = testClient({ fetch: hookedFetch(async (_url, real) => { await gate; return real(); }) });
    const el = await fixtureWithClient<DvcProcedure>(html`<dvc-procedure code="1.001193"></dvc-procedure>`, client);
    const busy = await until(() => $(el, '[aria-busy="true"]'), 'the loading state');
    expect(textOf(busy.querySelector('[role="status"]'))).to.equal('Đang tải thông tin thủ tục…');
    await expectAccessible(el);
    release();
    await loaded(el);
    expect($(el, '[aria-busy="true"]')).to.equal(null);
  });

  it('shows an error with a working retry', async () => {
    let fail = true;
    // A 500 cannot be provoked on the reference server; it is injected, and the retry reaches the real server.
    const client = testClient({ retry: 0, fetch: hookedFetch(async (_url, real) =>
      fail ? jsonResponse({ type: 'urn:dvc-kit:problem:internal', title: 'Internal error', status: 500 }, 500) : real()) });
    const el = await fixtureWithClient<DvcProcedure>(html`<dvc-procedure code="1.000656"></dvc-procedure>`, client);
    await loaded(el);
    expect(textOf($(el, '[role="alert"]'))).to.contain('Không tải được thủ tục');
    await expectAccessible(el);
    fail = false;
    ($(el, '[part="retry-button"]') as HTMLButtonElement).click();
    await until(() => textOf($(el, '[part="title"]')) === 'Đăng ký khai tử', 'the procedure after retry');
  });

  it('renders markup from the API as text and drops non-http links', async () => {
    const hostile = '<img src=x onerror="window.__dvcPwned=2"><a href="javascript:alert(1)">x</a>';
    // Real detail, with markup injected into every text field, as a careless or compromised gateway might send.
    const client = testClient({ fetch: hookedFetch(async (_url, real) => {
      const p = await (await real()).json();
      p.name = hostile + p.name;
      p.field.name = hostile;
      p.subjects = [hostile];
      p.steps = p.steps.map((s: { title: string; description: string }) => ({ title: hostile, description: hostile + s.description }));
      p.documentCases[0].documents[0].name = hostile;
      p.legalBasis[0].title = hostile;
      p.conditions = [hostile];
      p.portalUrl = 'javascript:window.__dvcPwned=3';
      return jsonResponse(p);
    }) });
    const el = await fixtureWithClient<DvcProcedure>(html`<dvc-procedure code="1.001193"></dvc-procedure>`, client);
    await loaded(el);
    expect(shadow(el).querySelector('img, script')).to.equal(null);
    expect($$(el, 'a').every((a) => /^https?:/.test((a as HTMLAnchorElement).href))).to.equal(true);
    expect($(el, '[part="portal-link"]')).to.equal(null);
    expect(textOf($(el, '[part="title"]'))).to.contain('<img src=x');
    expect((window as { __dvcPwned?: number }).__dvcPwned).to.equal(undefined);
  });

  it('switches language when its lang changes', async () => {
    const el = await fixtureWithClient<DvcProcedure>(html`<dvc-procedure code="1.001193"></dvc-procedure>`);
    await loaded(el);
    expect(sectionTitles(el)).to.include('Cách thức thực hiện');
    el.lang = 'en';
    await until(() => sectionTitles(el).includes('How to submit'), 'English section titles');
    expect(textOf($(el, '.methods'))).to.contain('In person').and.contain('working day');
    expect(textOf($(el, '[part="online-badge"]'))).to.contain('Fully online');
    // The catalogue is Vietnamese: a screen reader must not read it with an English voice (WCAG 3.1.2).
    expect(languageOf($(el, '[part="title"]'))).to.equal('vi');
    for (const selector of ['.steps li', '.document .doc-name span', '.results li', '.legal li', '.facts > div:nth-child(3) dd']) {
      expect(languageOf($(el, selector)), selector).to.equal('vi');
    }
    expect(languageOf($(el, '.section [role="heading"]')), 'a section title').to.equal('en');
    expect(languageOf($(el, '.facts dt')), 'a fact label').to.equal('en');
  });

  it('works alone with base-url', async () => {
    const el = await fixture<DvcProcedure>(html`<dvc-procedure base-url=${apiUrl()} code="2.000815"></dvc-procedure>`);
    await loaded(el);
    expect(textOf($(el, '[part="title"]'))).to.contain('Chứng thực bản sao');
  });
});
