/// <reference types="mocha" />
// <dvc-satisfaction-survey> in real Chromium against the real reference API (web-test-runner.config.mjs starts it).
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createClient, type DvcClient } from '@dvc-kit/sdk';
import { apiUrl, expectAccessible, q, shadow, testClient, textOf, until } from '../../test/support.ts';
import type { DemoDossier } from '@dvc-kit/reference-api';
import { cuttableClient, deepActiveElement, marker, pickDossier, storedResponses } from '../../test/tracker-support.ts';
import './define.ts';
import type { DvcSatisfactionSurvey } from './dvc-satisfaction-survey.ts';

const taken = new Set<string>();
let client: DvcClient;
before(() => { client = testClient({ queue: false }); });

/** The proof a citizen gets by looking a returned dossier up with its ID number (a real lookup on the test server). */
async function surveyToken(dossier: DemoDossier): Promise<string> {
  const found = await client.dossiers.lookup({ code: dossier.code, idNumber: dossier.idNumber });
  return found.survey!.token;
}

async function survey(client: DvcClient, attrs: { form?: string; dossier?: DemoDossier; token?: string; lang?: string } = {}): Promise<DvcSatisfactionSurvey> {
  const token = attrs.token ?? (attrs.dossier ? await surveyToken(attrs.dossier) : '');
  const el = await fixture<DvcSatisfactionSurvey>(html`<dvc-satisfaction-survey .client=${client} form=${attrs.form ?? 'default'}
    dossier-code=${attrs.dossier?.code ?? ''} dossier-token=${token} lang=${attrs.lang ?? 'vi'}></dvc-satisfaction-survey>`);
  await until(() => !shadow(el).querySelector('.loading'), 'the form to load', 10000);
  await el.updateComplete;
  return el;
}

/** Pick the first option of every choice question and type `comment` into the free-text one. */
async function answerAll(el: DvcSatisfactionSurvey, comment: string): Promise<void> {
  for (const fieldset of shadow(el).querySelectorAll('fieldset')) fieldset.querySelector<HTMLInputElement>('input[type=radio]')!.click();
  const text = q<HTMLTextAreaElement>(el, 'textarea');
  text.value = comment;
  text.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

function submit(el: DvcSatisfactionSurvey): void {
  q<HTMLButtonElement>(el, 'button[type=submit]').click();
}

function outcome(el: DvcSatisfactionSurvey): Promise<HTMLElement> {
  return until(() => shadow(el).querySelector<HTMLElement>('[part=outcome]'), 'the outcome', 10000);
}

/**
 * A returned dossier's survey, answered and sent while the network is cut, so the response waits on the device
 * (in a queue of its own). `tokenOf`: send that dossier's token instead of its own. Records the events it fires.
 */
async function savedOffline(tokenOf?: DemoDossier) {
  const dossier = await pickDossier((d) => d.status === 10, taken);
  const queueKey = `dvc-test:${marker()}`;
  const net = cuttableClient({ queue: { key: queueKey } });
  const el = await survey(net.client, { dossier, token: tokenOf && await surveyToken(tokenOf) });
  const comment = marker();
  await answerAll(el, comment);
  const queued: unknown[] = [];
  const submitted: { receiptId: string }[] = [];
  el.addEventListener('dvc-survey-queued', (e) => queued.push(e.detail));
  el.addEventListener('dvc-survey-submitted', (e) => submitted.push(e.detail));
  net.cut = true;
  submit(el);
  const saved = await outcome(el);
  await el.updateComplete;
  expect(saved.dataset.outcome).to.equal('queued');
  return { dossier, queueKey, net, el, comment, saved, queued, submitted };
}

describe('<dvc-satisfaction-survey>', () => {
  it('keeps its thank-you when the page switches language while the answers are sent', async () => {
    // The form in English is asked for when the page switches, and arrives after the answers were sent: it must not
    // bring the questions back over the thank-you.
    const net = cuttableClient({ queue: false });
    const el = await survey(net.client, { form: 'general' });
    await answerAll(el, marker());
    net.hold = (path) => path.startsWith('/v1/survey-forms/');
    el.lang = 'en';
    // The widget speaks English at once; the questions stay in Vietnamese, with their answers, until the form arrives.
    await until(() => textOf(q(el, 'button[type=submit]')) === 'Send rating', 'the English button');
    submit(el);
    const thanks = await outcome(el);
    expect(thanks.dataset.outcome).to.equal('sent');
    net.release();
    // The element's request for the English form, shared by the client: once it has answered, so has the element's.
    await net.client.surveys.form('general', { locale: 'en' });
    await el.updateComplete;
    expect(textOf(shadow(el).querySelector('[part=outcome]'))).to.contain('Thank you');
    expect(shadow(el).querySelectorAll('form, fieldset').length, 'no questions over the thank-you').to.equal(0);
    expect(shadow(el).querySelector<HTMLElement>('[part=outcome]')?.dataset.outcome).to.equal('sent');
    await expectAccessible(el);
  });

  it('renders every question of the form from the API: radio groups in fieldsets, free text with a warning and a counter', async () => {
    const form = await client.surveys.form('default');
    const dossier = await pickDossier((d) => d.status === 10, taken);
    const el = await survey(client, { dossier });
    expect(textOf(q(el, '#title'))).to.equal(form.title);
    expect(textOf(q(el, '.dossier'))).to.equal(`Hồ sơ: ${dossier.code}`);
    const fieldsets = [...shadow(el).querySelectorAll('fieldset')];
    const choices = form.questions.filter((question) => question.kind === 'choice');
    expect(fieldsets).to.have.length(choices.length);
    fieldsets.forEach((fieldset, i) => {
      const question = choices[i]!;
      const legend = textOf(fieldset.querySelector('legend'));
      expect(legend).to.contain(question.label);
      if (question.required) expect(legend).to.contain('(bắt buộc)');
      expect(fieldset.querySelectorAll('input[type=radio]')).to.have.length(question.options.length);
    });
    const text = form.questions.find((question) => question.kind === 'text')!;
    const textarea = q<HTMLTextAreaElement>(el, 'textarea');
    expect(textOf(q(el, `label[for=${textarea.id}]`))).to.contain(text.label);
    expect(textOf(q(el, '[part=warning]'))).to.equal('Không nhập thông tin cá nhân (họ tên, số CCCD, số điện thoại…).');
    expect(textarea.getAttribute('aria-describedby')).to.contain(`${textarea.id}-warning`);
    expect(textOf(q(el, '[part=counter]'))).to.equal(`Còn ${text.kind === 'text' ? text.maxLength : 0} ký tự`);
    await expectAccessible(el);
  });

  it('shows a loading state, then the form, and passes axe while loading', async () => {
    const net = cuttableClient({ queue: false, cache: false });
    net.hold = true;
    const el = await fixture<DvcSatisfactionSurvey>(html`<dvc-satisfaction-survey .client=${net.client} form="general"></dvc-satisfaction-survey>`);
    await el.updateComplete;
    expect(textOf(q(el, '.loading'))).to.equal('Đang tải phiếu đánh giá…');
    expect(q(el, '[part=base]').getAttribute('aria-busy')).to.equal('true');
    await expectAccessible(el);
    net.release();
    await until(() => shadow(el).querySelector('form'), 'the form', 10000);
  });

  it('answers a general form without a dossier when the page names one without its proof', async () => {
    // A page may name a dossier it has no lookup token for: the general survey still works, about no dossier.
    const el = await fixture<DvcSatisfactionSurvey>(html`<dvc-satisfaction-survey .client=${client} form="general"
      dossier-code="000.00.06.H56-231027-0361"></dvc-satisfaction-survey>`);
    await until(() => shadow(el).querySelector('form'), 'the form', 10000);
    expect(shadow(el).querySelector('.dossier'), 'no dossier shown').to.equal(null);
    const comment = marker();
    await answerAll(el, comment);
    submit(el);
    expect((await outcome(el)).dataset.outcome).to.equal('sent');
    const stored = (await storedResponses()).filter((r) => r.answers.comment === comment);
    expect(stored.map((r) => r.dossierCode)).to.deep.equal([null]);
  });

  it('shows that it is sending, and passes axe while sending', async () => {
    const net = cuttableClient({ queue: false });
    const el = await survey(net.client, { form: 'general' });
    await answerAll(el, marker());
    net.hold = true;
    submit(el);
    await el.updateComplete;
    const button = q<HTMLButtonElement>(el, 'button[type=submit]');
    expect(textOf(button)).to.equal('Đang gửi…');
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    await expectAccessible(el);
    net.release();
    await outcome(el);
  });

  it('says clearly when a per-dossier form has no dossier, or a dossier without the proof of its lookup', async () => {
    const el = await survey(client);
    expect(shadow(el).querySelector('form')).to.equal(null);
    expect(textOf(q(el, '[part=alert]'))).to.contain('Cần tra cứu hồ sơ trước khi đánh giá');
    await expectAccessible(el);
    // A page that names a dossier but has no token (say, a code typed into a URL) gets the same way out, before any answer.
    const unproven = await fixture<DvcSatisfactionSurvey>(html`<dvc-satisfaction-survey .client=${client} dossier-code="000.00.06.H56-231027-0361"></dvc-satisfaction-survey>`);
    await until(() => shadow(unproven).querySelector('[part=alert]'), 'the message');
    expect(shadow(unproven).querySelector('form')).to.equal(null);
    expect(textOf(q(unproven, '[part=alert]'))).to.contain('Cần tra cứu hồ sơ trước khi đánh giá');
  });

  it('says when the server does not accept the proof, keeping the answers on the page', async () => {
    const dossier = await pickDossier((d) => d.status === 10, taken);
    const other = await pickDossier((d) => d.status === 10, taken);
    // The token of another dossier: what a page that mixed up two dossiers, or someone guessing codes, would send.
    const el = await survey(client, { dossier, token: await surveyToken(other) });
    await answerAll(el, 'Tốt');
    submit(el);
    const alert = await until(() => shadow(el).querySelector<HTMLElement>('#send-problem'), 'the send problem', 10000);
    expect(textOf(alert)).to.contain('Không tìm thấy hồ sơ cần đánh giá');
    expect(alert.dataset.problem).to.equal('dossier');
    expect(q<HTMLTextAreaElement>(el, 'textarea').value).to.equal('Tốt');
    expect((await storedResponses()).some((r) => r.dossierCode === dossier.code)).to.equal(false);
    await expectAccessible(el);
  });

  it('says when the form does not exist', async () => {
    const el = await survey(client, { form: 'khong-co-phieu-nay' });
    expect(textOf(q(el, '[part=alert]'))).to.contain('Không tìm thấy phiếu đánh giá');
    await expectAccessible(el);
  });

  it('says when the form cannot load, and loads it on retry', async () => {
    const net = cuttableClient({ queue: false, cache: false });
    net.cut = true;
    const el = await survey(net.client, { form: 'general' });
    const alert = q(el, '[part=alert]');
    expect(textOf(alert)).to.contain('Chưa tải được phiếu đánh giá');
    await expectAccessible(el);
    net.cut = false;
    alert.querySelector('button')!.click();
    await until(() => shadow(el).querySelector('form'), 'the form after retry', 10000);
  });

  it('validates before sending: an error summary gets focus and links to each question', async () => {
    const dossier = await pickDossier((d) => d.status === 10, taken);
    const net = cuttableClient({ queue: false });
    const el = await survey(net.client, { dossier });
    const textarea = q<HTMLTextAreaElement>(el, 'textarea');
    textarea.value = 'Gọi tôi số 0912 345 678';
    textarea.dispatchEvent(new Event('input'));
    submit(el);
    const summary = await until(() => shadow(el).querySelector<HTMLElement>('#error-summary'), 'the error summary');
    await el.updateComplete;
    expect(deepActiveElement()).to.equal(summary);
    const required = [...shadow(el).querySelectorAll('fieldset')].length;
    expect(summary.querySelectorAll('li')).to.have.length(required + 1);
    expect(textOf(summary)).to.contain('giống số CCCD hoặc số điện thoại');
    expect(net.sent('/v1/survey-responses')).to.equal(0);
    const first = shadow(el).querySelector('fieldset')!;
    expect(first.getAttribute('aria-describedby')).to.contain(`${first.id}-error`);
    await expectAccessible(el);
    summary.querySelector('a')!.click();
    expect(deepActiveElement()).to.equal(first.querySelector('input'));
  });

  it('counts characters as you type and announces only at thresholds', async () => {
    const dossier = await pickDossier((d) => d.status === 10, taken);
    const el = await survey(client, { dossier });
    const textarea = q<HTMLTextAreaElement>(el, 'textarea');
    const status = q(el, '[role=status]');
    const type = async (value: string) => {
      textarea.value = value;
      textarea.dispatchEvent(new Event('input'));
      await el.updateComplete;
    };
    await type('Tốt');
    expect(textOf(q(el, '[part=counter]'))).to.equal('Còn 497 ký tự');
    expect(textOf(status)).to.equal('');
    await type('a'.repeat(350));
    expect(textOf(status)).to.equal('');
    await type('a'.repeat(420));
    expect(textOf(status)).to.equal('Còn 80 ký tự');
    await type('a'.repeat(421));
    expect(textOf(q(el, '[part=counter]'))).to.equal('Còn 79 ký tự');
    expect(textOf(status), 'no announcement for every key').to.equal('Còn 80 ký tự');
    await type('a'.repeat(505));
    expect(textOf(q(el, '[part=counter]'))).to.equal('Vượt quá 5 ký tự');
    expect(textOf(status)).to.equal('Vượt quá 5 ký tự');
  });

  it('submits once, thanks the citizen with focus on the heading, and tells the page without the answers', async () => {
    const dossier = await pickDossier((d) => d.status === 10, taken);
    const net = cuttableClient({ queue: false });
    const el = await survey(net.client, { dossier });
    const comment = marker();
    await answerAll(el, comment);
    const events: unknown[] = [];
    el.addEventListener('dvc-survey-submitted', (e) => events.push(e.detail));
    // A double click: the second one lands before any re-render.
    const button = q<HTMLButtonElement>(el, 'button[type=submit]');
    button.click();
    button.click();
    const done = await outcome(el);
    await el.updateComplete;
    expect(deepActiveElement()).to.equal(q(el, '#outcome-title'));
    expect(textOf(done)).to.contain('Cảm ơn bạn đã đánh giá');
    expect(net.sent('/v1/survey-responses')).to.equal(1);
    expect(events).to.have.length(1);
    const detail = events[0] as { form: string; dossierCode: string; receiptId: string };
    expect(detail).to.have.keys(['form', 'dossierCode', 'receiptId']);
    expect(detail.form).to.equal('default');
    expect(detail.dossierCode).to.equal(dossier.code);
    expect(JSON.stringify(events)).to.not.contain(comment);
    const stored = (await storedResponses()).filter((r) => r.answers.comment === comment);
    expect(stored.map((r) => r.id)).to.deep.equal([detail.receiptId]);
    await expectAccessible(el);
  });

  it('can be completed with the keyboard alone', async () => {
    const before = await fixture<HTMLButtonElement>(html`<button>start</button>`);
    const el = await survey(client, { form: 'general' });
    const questions = [...shadow(el).querySelectorAll('fieldset')];
    before.focus();
    for (let i = 0; i < questions.length; i++) {
      await sendKeys({ press: 'Tab' });
      expect(questions[i]!.contains(deepActiveElement())).to.equal(true);
      // ' ' rather than 'Space': Firefox's WebDriver BiDi knows keys by the character they type.
      await sendKeys({ press: ' ' });
    }
    const textareas = shadow(el).querySelectorAll('textarea');
    for (let i = 0; i < textareas.length; i++) {
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: 'Cán bộ hướng dẫn tận tình' });
    }
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(q(el, 'button[type=submit]'));
    await sendKeys({ press: 'Enter' });
    await outcome(el);
    await until(() => deepActiveElement() === shadow(el).querySelector('#outcome-title'), 'focus on the thanks');
  });

  it('saves the response on the device when the network is cut, then flips to sent when it is back', async () => {
    const { dossier, net, el, comment, saved, queued, submitted } = await savedOffline();
    expect(textOf(saved)).to.contain('Đã lưu trên thiết bị này, sẽ gửi khi có mạng trở lại');
    expect(textOf(saved)).to.contain('Đang chờ gửi: 1');
    expect(deepActiveElement()).to.equal(q(el, '#outcome-title'));
    expect(queued).to.deep.equal([{ form: 'default', dossierCode: dossier.code }]);
    await expectAccessible(el);
    expect(submitted).to.deep.equal([]);

    net.cut = false;
    window.dispatchEvent(new Event('online'));
    await until(() => saved.dataset.outcome === 'sent', 'the queue to drain', 10000);
    expect(textOf(saved)).to.contain('Đánh giá đã được gửi');
    expect(textOf(q(el, '[role=status]'))).to.equal('Đánh giá đã được gửi.');
    const stored = (await storedResponses()).filter((r) => r.answers.comment === comment);
    expect(stored).to.have.length(1);
    // Sent later by this page: the page hears it like a direct send, and the citizen sees the receipt.
    expect(submitted).to.deep.equal([{ form: 'default', dossierCode: dossier.code, receiptId: stored[0]!.id }]);
    expect(textOf(saved)).to.contain(`Mã phiếu đánh giá: ${stored[0]!.id}`);
    await expectAccessible(el);
  });

  it('hears when another tab sends its saved response: the receipt shows and the page hears the event', async () => {
    const { queueKey, el, comment, submitted } = await savedOffline();

    // A second tab of the same site, online: its client goes through the localStorage of another browsing context
    // (an iframe's), so this page hears its writes only as real storage events, as it would from another tab.
    const frame = await fixture<HTMLIFrameElement>(html`<iframe title="another tab"></iframe>`);
    const other = createClient({ baseUrl: apiUrl(), queue: { storage: frame.contentWindow!.localStorage, key: queueKey } });
    await until(() => other.queue.pending() === 0, 'the other tab to send the saved response', 10000);
    const stored = (await storedResponses()).filter((r) => r.answers.comment === comment);
    expect(stored).to.have.length(1);
    await until(() => submitted.length === 1, 'the event in this tab');
    expect(submitted[0]!.receiptId).to.equal(stored[0]!.id);
    await until(() => textOf(q(el, '[part=outcome]')).includes(`Mã phiếu đánh giá: ${stored[0]!.id}`), 'the receipt in this tab');
    expect(localStorage.getItem(`${queueKey}:settled`), 'nothing kept').to.equal(null);
  });

  it('never says "sent" for a saved response the server then refuses: the answers come back with the problem', async () => {
    // Another dossier's token: accepted by nothing, which the survey learns only once the network is back.
    const { net, el, comment } = await savedOffline(await pickDossier((d) => d.status === 10, taken));
    const warn = console.warn;
    console.warn = () => {}; // the SDK reports the drop (status and problem type only); expected here
    try {
      net.cut = false;
      window.dispatchEvent(new Event('online'));
      const alert = await until(() => shadow(el).querySelector<HTMLElement>('#send-problem'), 'the refusal', 10000);
      expect(alert.dataset.problem).to.equal('invalid');
      await until(() => deepActiveElement() === alert, 'focus on the problem');
    } finally {
      console.warn = warn;
    }
    expect(shadow(el).querySelector('[part=outcome]')).to.equal(null);
    expect(q<HTMLTextAreaElement>(el, 'textarea').value).to.equal(comment);
    expect(net.client.queue.pending()).to.equal(0);
    expect((await storedResponses()).some((r) => r.answers.comment === comment)).to.equal(false);
    await expectAccessible(el);
  });

  it('stores exactly one response when the page is reloaded while offline and the network comes back', async () => {
    const { dossier, queueKey, net, el, comment } = await savedOffline();
    // Retrying while still offline keeps the one response waiting under the same key.
    await net.client.queue.flush();
    expect(JSON.parse(localStorage.getItem(queueKey)!)).to.have.length(1);

    // "Reload": the page (and its client) is gone; a new client over the same storage finds the waiting response
    // and sends it on start, with the network back.
    el.remove();
    const reloaded = createClient({ baseUrl: apiUrl(), queue: { key: queueKey } });
    await until(() => reloaded.queue.pending() === 0, 'the reloaded client to send the queue', 10000);
    // The old page's client comes back online too (as a second tab would): it must not store a second copy.
    net.cut = false;
    window.dispatchEvent(new Event('online'));
    await net.client.queue.flush();
    const stored = (await storedResponses()).filter((r) => r.answers.comment === comment);
    expect(stored).to.have.length(1);
    expect(stored[0]!.dossierCode).to.equal(dossier.code);
  });

  it('speaks English under lang="en", questions included', async () => {
    const dossier = await pickDossier((d) => d.status === 10, taken);
    const el = await survey(client, { dossier, lang: 'en' });
    const form = await client.surveys.form('default', { locale: 'en' });
    expect(textOf(q(el, '#title'))).to.equal(form.title);
    expect(textOf(q(el, '[part=warning]'))).to.contain('Do not type personal information');
    expect(textOf(shadow(el).querySelector('legend'))).to.contain('(required)');
    await expectAccessible(el);
  });

  it('switches language when `lang` changes, keeping the answers given so far', async () => {
    const el = await survey(client, { form: 'general' });
    shadow(el).querySelector<HTMLInputElement>('fieldset input')!.click();
    el.setAttribute('lang', 'en');
    const english = await client.surveys.form('general', { locale: 'en' });
    await until(() => textOf(shadow(el).querySelector('#title')) === english.title, 'the English form', 10000);
    await el.updateComplete;
    expect(shadow(el).querySelector<HTMLInputElement>('fieldset input')!.checked).to.equal(true);
    expect(textOf(q(el, 'button[type=submit]'))).to.equal('Send rating');
  });
});
