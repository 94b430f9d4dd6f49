// A citizen's way through each widget, by its documented parts (`>>>` pierces shadow roots), so every host page and
// every fault is driven the same way. Each returns what the citizen ends up reading.
import type { ElementHandle, Page } from 'puppeteer-core';
import type { DemoDossier } from '@dvc-kit/reference-api';
import { textOf } from '../../support/browser.ts';

export const ELEMENTS = ['dvc-service-search', 'dvc-procedure', 'dvc-dossier-tracker', 'dvc-satisfaction-survey'] as const;
export type ElementTag = (typeof ELEMENTS)[number];

/** The parts a citizen must be able to see and use in each widget's first state. */
export const KEY_PARTS: Record<ElementTag, string[]> = {
  'dvc-service-search': ['input#q', 'button[part~="submit-button"]', 'label[for="q"]'],
  'dvc-procedure': ['[part~="title"]', '[part~="section"]', '[part~="portal-link"]'],
  'dvc-dossier-tracker': ['[part~="title"]', 'input#code', 'input#id-number', 'button[part~="submit"]'],
  'dvc-satisfaction-survey': ['[part~="title"]', 'fieldset[part~="question"] label', 'textarea', 'button[part~="submit"]'],
};

// Element handles rather than puppeteer's Locators: a Locator's own in-page code does not survive the prototype
// pollution of globals.html, and typing key by key is what a citizen does anyway.
async function visible(page: Page, selector: string, timeout = 15_000): Promise<ElementHandle<Element>> {
  const handle = await page.waitForSelector(selector, { visible: true, timeout });
  if (!handle) throw new Error(`no element for ${selector}`);
  return handle;
}

/** Clears a field and types into it, key by key. */
export async function fill(page: Page, selector: string, text: string): Promise<void> {
  const handle = await visible(page, selector);
  await handle.evaluate((el) => { (el as HTMLInputElement).value = ''; });
  await handle.type(text);
  await handle.dispose();
}

/**
 * Clicks the part when it is visible. A widget that re-renders between the lookup and the click (a busy machine,
 * other widgets moving it) leaves a handle without a box: look it up again, a few times.
 */
export async function click(page: Page, selector: string, timeout = 15_000): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const handle = await visible(page, selector, timeout);
    try {
      await handle.click();
      return;
    } catch (error) {
      if (attempt >= 3 || !/not clickable|detached/i.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      await handle.dispose();
    }
  }
}

/** Types "khai sinh" and waits for Đăng ký khai sinh (1.001193); returns the codes listed. */
export async function searchKhaiSinh(page: Page, scope = 'dvc-service-search'): Promise<string[]> {
  await fill(page, `${scope} >>> input#q`, 'khai sinh');
  await page.waitForSelector(`${scope} >>> [part~="result-link"][data-code="1.001193"]`, { timeout: 15_000 });
  return page.$$eval(`${scope} >>> [part~="result-link"]`, (links) => links.map((link) => link.getAttribute('data-code') ?? ''));
}

/** Opens a listed result inline and returns the title of the procedure shown. */
export async function openResult(page: Page, code: string, scope = 'dvc-service-search'): Promise<string> {
  await click(page, `${scope} >>> [part~="result-link"][data-code="${code}"]`);
  return textOf(page, `${scope} >>> dvc-procedure >>> [part~="title"]`);
}

/** Goes back from the inline detail to the result list. */
export async function backToResults(page: Page, scope = 'dvc-service-search'): Promise<void> {
  await click(page, `${scope} >>> [part~="back-button"]`);
  await page.waitForSelector(`${scope} >>> [part~="results"]`, { timeout: 10_000 });
}

/** Fills the tracker's form and sends it; returns the result's text, or the problem's when the lookup fails. */
export async function lookUp(page: Page, dossier: Pick<DemoDossier, 'code' | 'idNumber'>, scope = 'dvc-dossier-tracker'): Promise<string> {
  await fill(page, `${scope} >>> input#code`, dossier.code);
  await fill(page, `${scope} >>> input#id-number`, dossier.idNumber);
  await click(page, `${scope} >>> button[part~="submit"]`);
  return textOf(page, `${scope} >>> [part~="result"], ${scope} >>> [part~="alert"]`, 20_000);
}

/** Picks the first option of every choice question and sends; returns the outcome's (or the problem's) text. */
export async function answerSurvey(page: Page, scope = 'dvc-satisfaction-survey'): Promise<string> {
  await page.waitForSelector(`${scope} >>> fieldset[part~="question"]`, { timeout: 15_000 });
  const questions = await page.$$(`${scope} >>> fieldset[part~="question"]`);
  for (const question of questions) {
    const option = await question.$('input[type="radio"]');
    await option?.click();
    await option?.dispose();
    await question.dispose();
  }
  await click(page, `${scope} >>> button[part~="submit"]`);
  return textOf(page, `${scope} >>> [part~="outcome"], ${scope} >>> [part~="alert"]`, 20_000);
}

/** A demo dossier of the running server whose result has been returned (status 10): its result offers the survey. */
export function returnedDossier(demo: readonly DemoDossier[]): DemoDossier {
  const dossier = demo.find((d) => d.status === 10);
  if (!dossier) throw new Error('the server seeded no returned dossier');
  return dossier;
}
