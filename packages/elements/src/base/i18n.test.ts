import { expect, fixture, html } from '@open-wc/testing';
import { html as template, type TemplateResult } from 'lit';
import '../dossier-tracker/define.ts';
import { DvcElement } from './dvc-element.ts';
import type { Strings } from './i18n.ts';
import { shadow, sleep, testClient, textOf, until } from '../../test/support.ts';

const vi = { greeting: 'Xin chào {name}', farewell: 'Tạm biệt' };
type ProbeStrings = typeof vi;
const english: ProbeStrings = { greeting: 'Hello {name}', farewell: 'Goodbye' };
const VI = 'Xin chào An · Tạm biệt';
const EN = 'Hello An · Goodbye';

// How the probe's English arrives is up to each test: at once, when the test opens a gate (a slow network, which
// cannot be produced on demand here), or from a URL the test server does not have (a real failed import).
let loadEnglish: () => Promise<{ en: ProbeStrings }> = () => Promise.resolve({ en: english });
let englishLoads = 0;
const probeStrings: Strings<ProbeStrings> = {
  vi,
  en: () => {
    englishLoads++;
    return loadEnglish();
  },
};

/** A minimal element on the real base class that records every render and every (locale-dependent) data load. */
class I18nProbe extends DvcElement<ProbeStrings> {
  protected readonly stringTable = probeStrings;
  readonly renders: string[] = [];
  readonly dataLoads: string[] = [];

  protected override clientChanged(): void {
    this.dataLoads.push(this.locale);
  }

  override render(): TemplateResult {
    const text = `${this.t('greeting', { name: 'An' })} · ${this.t('farewell')}`;
    this.renders.push(text);
    return template`<p>${text}</p>`;
  }
}
customElements.define('dvc-i18n-probe', I18nProbe);

function gate() {
  let open!: () => void;
  const opened = new Promise<{ en: ProbeStrings }>((resolve) => { open = () => resolve({ en: english }); });
  return { opened, open };
}

/** A probe that is not rendered yet (its `lang` set first), in the document. */
async function probe(lang?: string): Promise<I18nProbe> {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  const el = document.createElement('dvc-i18n-probe') as I18nProbe;
  if (lang) el.lang = lang;
  host.append(el);
  return el;
}

/** Change `lang` and wait for the update it causes (the language watcher reacts in a microtask). */
async function switchTo(el: I18nProbe, lang: string): Promise<void> {
  el.lang = lang;
  await null;
  await el.updateComplete;
}

const shown = (el: Element) => textOf(shadow(el).querySelector('p'));

describe('English strings, loaded on demand', () => {
  beforeEach(() => {
    loadEnglish = () => Promise.resolve({ en: english });
    englishLoads = 0;
  });

  // First in this file: nothing here has spoken English yet, so the browser has fetched no English module.
  it('a Vietnamese page never downloads an element’s English strings; the first English one does', async () => {
    const fetched = () => performance.getEntriesByType('resource').map((e) => e.name).filter((url) => /strings-en\b/.test(url));
    const el = await fixture<HTMLElement>(html`<dvc-dossier-tracker lang="vi" .client=${testClient()}></dvc-dossier-tracker>`);
    expect(textOf(shadow(el).querySelector('label[for=code]'))).to.equal('Mã hồ sơ');
    expect(fetched()).to.deep.equal([]);
    el.setAttribute('lang', 'en');
    await until(() => textOf(shadow(el).querySelector('label[for=code]')) === 'Dossier code', 'the English label');
    expect(fetched()).to.have.length(1);
    expect(fetched()[0]).to.match(/dossier-tracker\/strings-en\.ts$/);
  });

  it('renders Vietnamese at once without asking for English', async () => {
    const el = await probe();
    await el.updateComplete;
    expect(el.renders).to.deep.equal([VI]);
    expect(englishLoads).to.equal(0);
  });

  it('holds the first render of an English element until its strings arrive, then renders English once', async () => {
    const slow = gate();
    loadEnglish = () => slow.opened;
    const el = await probe('en');
    let complete = false;
    void el.updateComplete.then(() => { complete = true; });
    await sleep(50);
    expect(el.renders, 'nothing rendered while English is on its way').to.deep.equal([]);
    expect(el.dataLoads, 'no data loaded in the wrong language').to.deep.equal([]);
    expect(complete, 'updateComplete waits for the strings').to.equal(false);
    // Not `ready` yet, so a page's `:not(:state(ready))` rule still keeps the room the element will take.
    expect(el.matches(':state(ready)')).to.equal(false);
    slow.open();
    await el.updateComplete;
    expect(el.matches(':state(ready)'), 'ready once its first screen shows').to.equal(true);
    expect(el.renders).to.deep.equal([EN]);
    expect(el.dataLoads).to.deep.equal(['en']);
    expect(shown(el)).to.equal(EN);
  });

  it('keeps the Vietnamese view while English loads after a switch, then switches with one render and one data load', async () => {
    const el = await probe();
    await el.updateComplete;
    const slow = gate();
    loadEnglish = () => slow.opened;
    el.lang = 'en';
    await sleep(50);
    expect(shown(el)).to.equal(VI);
    expect(el.renders).to.deep.equal([VI]);
    slow.open();
    await el.updateComplete;
    expect(el.renders).to.deep.equal([VI, EN]);
    expect(el.dataLoads).to.deep.equal(['vi', 'en']);
    // Both languages are now at hand: switching costs no load and no wait.
    await switchTo(el, 'vi');
    await switchTo(el, 'en');
    expect(el.renders).to.deep.equal([VI, EN, VI, EN]);
    expect(el.dataLoads).to.deep.equal(['vi', 'en', 'vi', 'en']);
    expect(englishLoads).to.equal(1);
  });

  it('follows a switch back to Vietnamese at once, without waiting for English still on its way', async () => {
    const el = await probe();
    await el.updateComplete;
    const slow = gate();
    loadEnglish = () => slow.opened;
    el.lang = 'en';
    await sleep(20);
    await switchTo(el, 'vi');
    expect(shown(el)).to.equal(VI);
    expect(el.renders.every((text) => text === VI)).to.equal(true);
    slow.open();
    await sleep(20);
    await switchTo(el, 'en');
    expect(shown(el)).to.equal(EN);
    expect(englishLoads, 'the English that arrived late is kept').to.equal(1);
  });

  it('falls back to Vietnamese when English cannot load, and tries again at the next switch to English', async () => {
    // A real failed import: the test server has no such module.
    const missing = new URL('./no-such-strings-en.js', import.meta.url).href;
    loadEnglish = () => import(/* @vite-ignore */ missing) as Promise<{ en: ProbeStrings }>;
    const el = await probe('en');
    await el.updateComplete;
    expect(shown(el), 'Vietnamese rather than a blank element').to.equal(VI);
    expect(el.dataLoads).to.deep.equal(['vi']);
    expect(englishLoads).to.equal(1);
    loadEnglish = () => Promise.resolve({ en: english });
    await switchTo(el, 'vi');
    expect(englishLoads, 'switching to Vietnamese loads nothing').to.equal(1);
    await switchTo(el, 'en');
    expect(englishLoads).to.equal(2);
    expect(shown(el)).to.equal(EN);
    expect(el.dataLoads).to.deep.equal(['vi', 'en']);
  });

  it('applies `strings` overrides by key in both languages', async () => {
    const el = await probe();
    el.strings = { farewell: 'Hẹn gặp lại' };
    await el.updateComplete;
    expect(shown(el)).to.equal('Xin chào An · Hẹn gặp lại');
    await switchTo(el, 'en');
    expect(shown(el)).to.equal('Hello An · Hẹn gặp lại');
    el.strings = { greeting: 'Hi {name}' };
    await el.updateComplete;
    expect(shown(el)).to.equal('Hi An · Goodbye');
  });

  it('follows a language set on an ancestor, waiting for English there too', async () => {
    const slow = gate();
    loadEnglish = () => slow.opened;
    const el = await probe();
    await el.updateComplete;
    el.parentElement!.setAttribute('lang', 'en');
    await sleep(20);
    expect(shown(el)).to.equal(VI);
    slow.open();
    await until(() => shown(el) === EN, 'English from the ancestor');
    expect(el.renders).to.deep.equal([VI, EN]);
  });
});
