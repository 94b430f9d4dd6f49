/// <reference types="mocha" />
// <dvc-dossier-tracker> in real Chromium against the real reference API (web-test-runner.config.mjs starts it).
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createClient, type DvcClient } from '@dvc-kit/sdk';
import { createApp, createCatalogue, createMemoryStore, demoDossiers, seedDemoDossiers, type DemoDossier } from '@dvc-kit/reference-api';
import { apiUrl, expectAccessible, languageOf, q, shadow, testClient, textOf, until } from '../../test/support.ts';
import { cuttableClient, deepActiveElement, pickDossier, recordConsole, recordEvents, storedResponses } from '../../test/tracker-support.ts';
import './define.ts';
import type { DvcDossierTracker } from './dvc-dossier-tracker.ts';

// The labels of domain.md §3, written out here rather than imported: the test checks what a citizen reads.
const STATUS_LABELS: Record<number, string> = {
  1: 'Mới đăng ký', 2: 'Được tiếp nhận', 3: 'Không được tiếp nhận', 4: 'Đang xử lý', 5: 'Yêu cầu bổ sung giấy tờ',
  6: 'Yêu cầu thực hiện nghĩa vụ tài chính', 7: 'Công dân yêu cầu rút hồ sơ', 8: 'Dừng xử lý', 9: 'Đã xử lý xong',
  10: 'Đã trả kết quả',
};
const TIMING_LABELS = { early: 'Trước hạn', 'on-time': 'Đúng hạn', overdue: 'Quá hạn', 'on-track': 'Đang trong hạn' } as const;

// Each dossier is looked up by one test only: the server limits lookups per dossier code.
const taken = new Set<string>();
let client: DvcClient;
before(() => { client = testClient(); });

async function tracker(client: DvcClient, attrs: { lang?: string; code?: string } = {}): Promise<DvcDossierTracker> {
  const el = await fixture<DvcDossierTracker>(html`<dvc-dossier-tracker .client=${client} lang=${attrs.lang ?? 'vi'}
    code=${attrs.code ?? ''}><a href="https://dichvucong.gov.vn">Tra cứu hồ sơ</a></dvc-dossier-tracker>`);
  await el.updateComplete;
  return el;
}

/** Fill the form the way a pasted value arrives and press the button. */
async function lookUp(el: DvcDossierTracker, code: string, idNumber: string): Promise<HTMLElement> {
  const codeInput = q<HTMLInputElement>(el, '#code');
  codeInput.value = code;
  codeInput.dispatchEvent(new Event('input'));
  q<HTMLInputElement>(el, '#id-number').value = idNumber;
  q<HTMLButtonElement>(el, 'button[type=submit]').click();
  return until(() => shadow(el).querySelector<HTMLElement>('#result-title, #problem'), 'a lookup outcome', 10000);
}

async function lookUpDemo(el: DvcDossierTracker, dossier: DemoDossier): Promise<void> {
  const outcome = await lookUp(el, dossier.code, dossier.idNumber);
  expect(outcome.id, textOf(outcome)).to.equal('result-title');
  await el.updateComplete;
}

/** A tracker whose lookup of `dossier` was sent and is held by the network until `net.release()`. */
async function heldLookup(dossier: DemoDossier): Promise<{ net: ReturnType<typeof cuttableClient>; el: DvcDossierTracker }> {
  const net = cuttableClient();
  net.hold = true;
  const el = await tracker(net.client);
  const codeInput = q<HTMLInputElement>(el, '#code');
  codeInput.value = dossier.code;
  codeInput.dispatchEvent(new Event('input'));
  q<HTMLInputElement>(el, '#id-number').value = dossier.idNumber;
  q<HTMLButtonElement>(el, 'button[type=submit]').click();
  await until(() => q(el, 'form').getAttribute('aria-busy') === 'true', 'the busy state');
  return { net, el };
}

describe('<dvc-dossier-tracker>', () => {
  it('shows its light-DOM fallback when no API is configured', async () => {
    const el = await fixture<DvcDossierTracker>(html`<dvc-dossier-tracker><a href="https://dichvucong.gov.vn">Tra cứu hồ sơ</a></dvc-dossier-tracker>`);
    await el.updateComplete;
    expect(shadow(el).querySelector('form')).to.equal(null);
    const slot = q<HTMLSlotElement>(el, 'slot');
    expect(slot.assignedElements()[0]?.textContent).to.equal('Tra cứu hồ sơ');
  });

  it('labels both fields with format help, keeps the ID number out of autofill, and passes axe', async () => {
    const el = await tracker(client);
    const code = q<HTMLInputElement>(el, '#code');
    const id = q<HTMLInputElement>(el, '#id-number');
    expect(textOf(q(el, 'label[for=code]'))).to.equal('Mã hồ sơ');
    expect(textOf(q(el, 'label[for=id-number]'))).to.equal('Số định danh cá nhân');
    expect(textOf(q(el, '#code-hint'))).to.contain('000.00.06.H56-231027-0361');
    expect(textOf(q(el, '#id-hint'))).to.contain('CCCD, CMND, hộ chiếu hoặc mã số thuế');
    expect(code.getAttribute('aria-describedby')).to.equal('code-hint');
    expect(id.getAttribute('autocomplete')).to.equal('off');
    expect(id.getAttribute('inputmode')).to.equal('text');
    await expectAccessible(el);
  });

  it('prefills the code from the `code` attribute', async () => {
    const el = await tracker(client, { code: '000.00.06.H56-231027-0361' });
    expect(q<HTMLInputElement>(el, '#code').value).to.equal('000.00.06.H56-231027-0361');
    expect(q<HTMLInputElement>(el, '#id-number').value).to.equal('');
  });

  it('ties errors to the fields and moves focus to the error summary, whose links focus the fields', async () => {
    const el = await tracker(client);
    const code = q<HTMLInputElement>(el, '#code');
    code.value = 'abc';
    code.dispatchEvent(new Event('input'));
    q<HTMLButtonElement>(el, 'button[type=submit]').click();
    const summary = await until(() => shadow(el).querySelector<HTMLElement>('#error-summary'), 'the error summary');
    await el.updateComplete;
    expect(deepActiveElement()).to.equal(summary);
    expect(textOf(summary)).to.contain('Mã hồ sơ chưa đúng định dạng');
    expect(textOf(summary)).to.contain('Nhập số định danh cá nhân');
    expect(code.getAttribute('aria-invalid')).to.equal('true');
    expect(code.getAttribute('aria-describedby')).to.equal('code-hint code-error');
    expect(textOf(q(el, '#code-error'))).to.contain('Mã hồ sơ chưa đúng định dạng');
    expect(q(el, '#id-number').getAttribute('aria-describedby')).to.equal('id-hint id-error');
    await expectAccessible(el);
    summary.querySelectorAll('a')[1]!.click();
    expect(deepActiveElement()).to.equal(q(el, '#id-number'));
  });

  it('shows that it is busy while the lookup runs, and passes axe', async () => {
    const dossier = await pickDossier((d) => d.status === 4, taken);
    const { net, el } = await heldLookup(dossier);
    await el.updateComplete;
    expect(textOf(q(el, 'button[type=submit]'))).to.equal('Đang tra cứu…');
    expect(textOf(q(el, '[role=status]'))).to.equal('Đang tra cứu hồ sơ…');
    await expectAccessible(el);
    net.release();
    await until(() => shadow(el).querySelector('#result-title'), 'the result', 10000);
  });

  for (const status of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) {
    it(`shows status ${status} as "${STATUS_LABELS[status]}" with an icon, and passes axe`, async () => {
      const dossier = await pickDossier((d) => d.status === status, taken);
      const el = await tracker(client);
      await lookUpDemo(el, dossier);
      const badge = q(el, '[part=status]');
      expect(textOf(badge)).to.equal(STATUS_LABELS[status]);
      expect(badge.querySelector('svg[aria-hidden=true]'), 'an icon beside the text').to.not.equal(null);
      expect(textOf(q(el, '#result-title'))).to.equal(`Hồ sơ ${dossier.code}`);
      expect(deepActiveElement()).to.equal(q(el, '#result-title'));
      await expectAccessible(el);
    });
  }

  for (const timing of ['early', 'on-time', 'overdue', 'on-track'] as const) {
    it(`shows the ${timing} timing badge as "${TIMING_LABELS[timing]}"`, async () => {
      const dossier = await pickDossier((d) => d.expectedTiming === timing && !d.supplements.length, taken);
      const el = await tracker(client);
      await lookUpDemo(el, dossier);
      const badge = q(el, '[part=timing]');
      expect(badge.dataset.timing).to.equal(timing);
      expect(textOf(badge)).to.equal(TIMING_LABELS[timing]);
      expect(badge.querySelector('svg[aria-hidden=true]')).to.not.equal(null);
      await expectAccessible(el);
    });
  }

  it('shows the procedure, the masked applicant, the agency and dates in Vietnamese format', async () => {
    const dossier = await pickDossier((d) => d.status === 10 && d.returnedAt !== null && d.finishedAt !== null, taken);
    const el = await tracker(client);
    await lookUpDemo(el, dossier);
    const facts = textOf(q(el, '[part=facts]'));
    expect(facts).to.contain(dossier.procedure.name);
    expect(facts).to.contain(`Mã thủ tục: ${dossier.procedure.code}`);
    expect(facts).to.contain(dossier.agency);
    expect(facts).to.not.contain(dossier.applicantName);
    const times = [...q(el, '[part=facts]').querySelectorAll('time')].map((t) => textOf(t));
    expect(times).to.have.length(4);
    for (const time of times) expect(time).to.match(/^\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}$/);
    const received = dossier.receivedAt!;
    expect(times[0]).to.equal(`${received.slice(11, 16)} ${received.slice(8, 10)}/${received.slice(5, 7)}/${received.slice(0, 4)}`);
  });

  it('shows what an open supplement request asks for and by when', async () => {
    const dossier = await pickDossier((d) => d.status === 5, taken);
    const request = dossier.supplements[0]!;
    const el = await tracker(client);
    await lookUpDemo(el, dossier);
    const card = q(el, '[part=supplement]');
    expect(textOf(card)).to.contain('Chưa bổ sung');
    expect(textOf(card)).to.contain(request.content);
    for (const item of request.items) expect(textOf(card)).to.contain(item);
    const due = request.dueAt!;
    const dueRow = [...card.querySelectorAll('.row')].find((row) => textOf(row.querySelector('dt')) === 'Hạn bổ sung')!;
    expect(textOf(dueRow.querySelector('dd'))).to.equal(`${due.slice(11, 16)} ${due.slice(8, 10)}/${due.slice(5, 7)}/${due.slice(0, 4)}`);
    await expectAccessible(el);
  });

  it('shows a fulfilled supplement request with its new appointment date', async () => {
    const dossier = await pickDossier((d) => d.supplements.some((s) => s.newAppointmentAt !== null), taken);
    const el = await tracker(client);
    await lookUpDemo(el, dossier);
    const card = textOf(q(el, '[part=supplement]'));
    expect(card).to.match(/Đã bổ sung ngày \d{2}\/\d{2}\/\d{4}/);
    expect(card).to.contain('Ngày hẹn trả mới');
  });

  it('shows a long history newest first, a few steps at a time', async () => {
    const dossier = await pickDossier((d) => d.history.length >= 15, taken);
    const el = await tracker(client);
    await lookUpDemo(el, dossier);
    const list = q<HTMLOListElement>(el, 'ol[part=history]');
    expect(list.reversed).to.equal(true);
    expect(list.start).to.equal(dossier.history.length);
    expect(list.children).to.have.length(5);
    expect(textOf(list.children[0]!)).to.contain(dossier.history[0]!.action);
    const toggle = q<HTMLButtonElement>(el, 'button[aria-controls=history]');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await el.updateComplete;
    expect(list.children).to.have.length(dossier.history.length);
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const times = [...list.querySelectorAll('time')].map((t) => Date.parse(t.getAttribute('datetime')!));
    expect(times).to.deep.equal([...times].sort((a, b) => b - a));
    await expectAccessible(el);
  });

  it('is ready for a new lookup when moved while a lookup runs (a CMS re-parenting it, a tab switch in a host app)', async () => {
    const dossier = await pickDossier((d) => d.status === 4, taken);
    const { net, el } = await heldLookup(dossier);
    const parent = el.parentElement!;
    el.remove();
    net.release();
    parent.append(el);
    await el.updateComplete;
    expect(q(el, 'form').getAttribute('aria-busy')).to.equal('false');
    expect(textOf(q(el, 'button[type=submit]'))).to.equal('Tra cứu');
    await lookUpDemo(el, dossier);
  });

  it('gives the same message for an unknown code and for a wrong ID number', async () => {
    const dossier = await pickDossier((d) => d.status === 4, taken);
    const el = await tracker(client);
    const wrongId = await lookUp(el, dossier.code, dossier.idNumber === '079912345678' ? '079912345679' : '079912345678');
    expect(wrongId.dataset.problem).to.equal('not-found');
    expect(deepActiveElement()).to.equal(wrongId);
    const wrongIdText = textOf(wrongId);
    await expectAccessible(el);

    const other = await tracker(client);
    const unknown = await lookUp(other, '000.00.06.H56-200101-9998', dossier.idNumber);
    expect(textOf(unknown)).to.equal(wrongIdText);
    expect(wrongIdText).to.contain('Không tìm thấy hồ sơ');
  });

  it('lets the citizen correct the code while a lookup runs: the problem is read out, focus and keystrokes stay', async () => {
    const net = cuttableClient();
    const el = await tracker(net.client);
    const code = q<HTMLInputElement>(el, '#code');
    code.focus();
    await sendKeys({ type: '000.00.06.H56-200101-9990' });
    q<HTMLInputElement>(el, '#id-number').value = '001099000001';
    net.hold = true;
    q<HTMLButtonElement>(el, 'button[type=submit]').click();
    await until(() => q(el, 'form').getAttribute('aria-busy') === 'true', 'the busy state');
    code.focus();
    await sendKeys({ press: 'Backspace' });
    net.release();
    const problem = await until(() => shadow(el).querySelector<HTMLElement>('#problem'), 'the not-found problem', 10000);
    await sendKeys({ type: '1' });
    await el.updateComplete;
    expect(problem.getAttribute('role')).to.equal('alert');
    expect(deepActiveElement()?.id).to.equal('code');
    expect(q<HTMLInputElement>(el, '#code').value).to.equal('000.00.06.H56-200101-9991');
    await expectAccessible(el);
  });

  it('says when to try again after too many failed lookups of one code, and holds the button until then', async () => {
    // The real server's per-code limit on failed lookups (10 per 10 minutes by default): exhaust it on a code of
    // our own, then the element's lookup gets the server's own 429 with Retry-After.
    const code = `000.00.06.H56-200102-${String(Math.floor(Math.random() * 9000) + 1000)}`;
    for (let i = 0; i < 10; i++) await client.dossiers.lookup({ code, idNumber: '001099000001' }).catch(() => undefined);
    const el = await tracker(client);
    const problem = await lookUp(el, code, '001099000001');
    await el.updateComplete;
    expect(problem.dataset.problem).to.equal('rate-limited');
    // The server locks the code for ten minutes: said in minutes, not as "598 giây".
    expect(textOf(problem)).to.match(/Vui lòng thử lại sau (9|10) phút\./);
    expect(deepActiveElement()).to.equal(problem);
    const button = q<HTMLButtonElement>(el, 'button[type=submit]');
    expect(button.disabled).to.equal(true);
    expect(textOf(button)).to.match(/^Thử lại sau (9|10) phút$/);
    await expectAccessible(el);
  });

  it('without a Retry-After (a gateway that sends none) waits a minute of its own, and says the same', async () => {
    const code = `000.00.06.H56-200103-${String(Math.floor(Math.random() * 9000) + 1000)}`;
    for (let i = 0; i < 10; i++) await client.dossiers.lookup({ code, idNumber: '001099000001' }).catch(() => undefined);
    // Our server always says how long to wait; a gateway may not. The only change: that is taken off its 429.
    const silent = createClient({
      baseUrl: apiUrl(),
      fetch: async (input, init) => {
        const res = await fetch(input, init);
        if (res.status !== 429) return res;
        const { retryAfter: _, ...problem } = await res.json() as { retryAfter?: number };
        return new Response(JSON.stringify(problem), { status: 429, headers: { 'content-type': 'application/problem+json' } });
      },
    });
    const el = await tracker(silent);
    const problem = await lookUp(el, code, '001099000001');
    await el.updateComplete;
    expect(problem.dataset.problem).to.equal('rate-limited');
    expect(textOf(problem)).to.contain('Vui lòng thử lại sau 60 giây.');
    const button = q<HTMLButtonElement>(el, 'button[type=submit]');
    const first = Number(/(\d+) giây/.exec(textOf(button))![1]);
    expect(first).to.be.within(59, 60);
    await expectAccessible(el);
    await until(() => Number(/(\d+) giây/.exec(textOf(button))?.[1]) < first, 'the countdown to tick', 3000);
  });

  it('accepts a code typed in lower case with surrounding spaces', async () => {
    const dossier = await pickDossier((d) => d.status === 9, taken);
    const el = await tracker(client);
    const outcome = await lookUp(el, `  ${dossier.code.toLowerCase()}  `, ` ${dossier.idNumber} `);
    expect(outcome.id).to.equal('result-title');
    expect(textOf(outcome)).to.equal(`Hồ sơ ${dossier.code}`);
  });

  it('says when the network fails, and the retry button looks up again', async () => {
    const dossier = await pickDossier(() => true, taken);
    const net = cuttableClient();
    net.cut = true;
    const el = await tracker(net.client);
    const problem = await lookUp(el, dossier.code, dossier.idNumber);
    expect(problem.dataset.problem).to.equal('network');
    expect(textOf(problem)).to.contain('Không kết nối được');
    expect(deepActiveElement()).to.equal(problem);
    await expectAccessible(el);
    net.cut = false;
    problem.querySelector('button')!.click();
    const title = await until(() => shadow(el).querySelector<HTMLElement>('#result-title'), 'the result after retry', 10000);
    expect(textOf(title)).to.equal(`Hồ sơ ${dossier.code}`);
  });

  it('asks the citizen to verify when the API requires a captcha, and sends the token of the client\'s captcha', async () => {
    // The test server runs without a captcha check, so this uses the same reference app in the tab, configured with
    // one (memory store, demo dossiers); only where the app runs differs, not its code.
    const now = new Date();
    const store = createMemoryStore();
    await seedDemoDossiers(store, now);
    const app = createApp({ catalogue: createCatalogue([]), store, captcha: async (token) => token === 'mã-xác-minh' });
    const viaApp = (captcha?: () => string) => createClient({
      baseUrl: 'https://api.example', fetch: async (input, init) => app.fetch(new Request(input, init)), ...(captcha && { captcha }),
    });
    const dossier = demoDossiers(now).find((d) => d.status === 10)!;
    const el = await tracker(viaApp());
    const problem = await lookUp(el, dossier.code, dossier.idNumber);
    expect(problem.dataset.problem).to.equal('captcha');
    expect(textOf(problem)).to.contain('Cần hoàn thành bước xác minh');
    await expectAccessible(el);
    const verified = await tracker(viaApp(() => 'mã-xác-minh'));
    expect((await lookUp(verified, dossier.code, dossier.idNumber)).id).to.equal('result-title');
  });

  it('speaks English under lang="en"', async () => {
    const dossier = await pickDossier((d) => d.status === 10 && d.expectedTiming === 'early', taken);
    const el = await tracker(client, { lang: 'en' });
    expect(textOf(q(el, 'label[for=code]'))).to.equal('Dossier code');
    await lookUpDemo(el, dossier);
    expect(textOf(q(el, '[part=status]'))).to.equal('Result returned');
    expect(textOf(q(el, '[part=timing]'))).to.equal('Early');
    expect(textOf(q(el, '#result-title'))).to.equal(`Dossier ${dossier.code}`);
    // What the one-stop system recorded is Vietnamese: spoken as such on an English page (WCAG 3.1.2).
    expect(languageOf(q(el, '[part=facts] dd span'))).to.equal('vi');
    expect(languageOf(q(el, '[part=history] li p:nth-child(2)'))).to.equal('vi');
    expect(languageOf(q(el, '[part=status]'))).to.equal('en');
    await expectAccessible(el);
  });

  it('keeps the ID number out of the URL, storage, cookies, events and the console', async () => {
    const dossier = await pickDossier((d) => d.status === 6, taken);
    const events = recordEvents();
    const logs = recordConsole();
    const seen: unknown[] = [];
    const el = await tracker(client);
    el.addEventListener('dvc-lookup', (e) => seen.push(e.detail));
    try {
      await lookUpDemo(el, dossier);
    } finally {
      events.stop();
      logs.stop();
    }
    expect(seen).to.deep.equal([{ code: dossier.code, status: 6 }]);
    const everywhere = [
      location.href, document.cookie, logs.text(), JSON.stringify(events.details()),
      JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage }),
    ].join('\n');
    expect(everywhere).to.not.contain(dossier.idNumber);
    // The form, and the ID field with it, is gone while the result shows; a new lookup starts empty.
    expect(shadow(el).querySelector('#id-number')).to.equal(null);
    [...shadow(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => textOf(b) === 'Tra cứu hồ sơ khác')!.click();
    const idInput = await until(() => shadow(el).querySelector<HTMLInputElement>('#id-number'), 'the form again');
    expect(idInput.value).to.equal('');
    expect(deepActiveElement()).to.equal(q(el, '#code'));
  });

  it('leaves focus where the citizen moved while the lookup ran, and reads the result out instead', async () => {
    // On a slow network a citizen may press the button and move on to another field on the page: the late answer
    // must not pull focus (and the next keystrokes) away from it.
    const dossier = await pickDossier(() => true, taken);
    const { net, el } = await heldLookup(dossier);
    const elsewhere = await fixture<HTMLInputElement>(html`<input aria-label="Ô khác trên trang">`);
    elsewhere.focus();
    net.release();
    await until(() => shadow(el).querySelector('#result-title'), 'the result', 10000);
    await el.updateComplete;
    expect(deepActiveElement()?.getAttribute('aria-label') ?? deepActiveElement()?.localName).to.equal('Ô khác trên trang');
    expect(textOf(q(el, '[role=status]'))).to.equal(`Hồ sơ ${dossier.code}`);
    await expectAccessible(el);
  });

  it('can be completed with the keyboard alone, through to the survey of a returned dossier', async () => {
    const dossier = await pickDossier((d) => d.status === 10, taken);
    const before = await fixture<HTMLButtonElement>(html`<button>start</button>`);
    const el = await tracker(client);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(q(el, '#code'));
    await sendKeys({ type: dossier.code });
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(q(el, '#id-number'));
    await sendKeys({ type: dossier.idNumber });
    await sendKeys({ press: 'Enter' });
    const title = await until(() => shadow(el).querySelector<HTMLElement>('#result-title'), 'the result', 10000);
    await el.updateComplete;
    expect(deepActiveElement()).to.equal(title);

    // The invitation is the first control after the result heading.
    await sendKeys({ press: 'Tab' });
    expect(textOf(deepActiveElement())).to.equal('Đánh giá mức độ hài lòng');
    await sendKeys({ press: 'Enter' });
    const survey = await until(() => shadow(el).querySelector('dvc-satisfaction-survey'), 'the survey');
    expect(survey.getAttribute('dossier-code')).to.equal(dossier.code);
    const surveyTitle = await until(() => survey.shadowRoot?.querySelector<HTMLElement>('#title'), 'the survey form', 10000);
    await until(() => deepActiveElement() === surveyTitle, 'focus on the survey title');
    await expectAccessible(el);

    // The tracker hands the survey the proof of this lookup, so the citizen's answers are accepted for this dossier.
    const form = survey.shadowRoot!.querySelector('form')!;
    expect(form, 'the questions, not a request to look the dossier up').to.not.equal(null);
    for (const fieldset of form.querySelectorAll('fieldset')) fieldset.querySelector<HTMLInputElement>('input[type=radio]')!.click();
    form.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await until(() => survey.shadowRoot!.querySelector('[part=outcome][data-outcome=sent]'), 'the thank-you', 10000);
    expect((await storedResponses()).filter((r) => r.dossierCode === dossier.code)).to.have.length(1);
  });
});
