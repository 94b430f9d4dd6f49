/// <reference types="mocha" />
// Shared helpers for the elements' browser tests (run by web-test-runner in real Chromium against the real
// reference API server that web-test-runner.config.mjs starts; its URL arrives as `window.DVC_TEST_API`).
import 'axe-core/axe.min.js';
import { chai, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { createClient, type ClientOptions, type DvcClient } from '@dvc-kit/sdk';
import '../src/provider/define.ts';

// A failed assertion about a DOM node (`expect(deepActiveElement()).to.equal(title)`) would not fail: web-test-runner
// sends the error's actual and expected values through structuredClone, which throws on a node, and the whole run hangs
// until its timeout (modernweb-dev/web#2967). The values are named instead; the message already shows the nodes.
const assertion = chai.Assertion.prototype as unknown as { assert: (...args: unknown[]) => void };
const assertWith = assertion.assert;
assertion.assert = function (this: unknown, ...args: unknown[]) {
  try {
    assertWith.apply(this, args);
  } catch (error) {
    const values = error as Record<'actual' | 'expected', unknown>;
    for (const key of ['actual', 'expected'] as const) {
      const value = values[key];
      if (value instanceof Node) values[key] = value instanceof Element ? `<${value.localName}${value.id ? `#${value.id}` : ''}>` : value.nodeName;
    }
    throw error;
  }
};

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[];
}
declare global {
  interface Window {
    DVC_TEST_API?: string;
    axe: { run(context: Element | Document, options?: object): Promise<AxeResult> };
  }
}

/** Base URL of the reference API server started for this test run. */
export function apiUrl(): string {
  const url = window.DVC_TEST_API;
  if (!url) throw new Error('window.DVC_TEST_API is not set: run the tests through web-test-runner.config.mjs');
  return url;
}

/** A new client on the test server (its own cache), with any option overridden. */
export function testClient(options: Partial<ClientOptions> = {}): DvcClient {
  return createClient({ baseUrl: apiUrl(), ...options });
}

/**
 * Render `template` inside a `<dvc-provider>` giving it `client` (a fresh test client by default) and return the
 * template's first element, once both have rendered.
 */
export async function fixtureWithClient<T extends Element>(template: TemplateResult, client: DvcClient = testClient()): Promise<T> {
  const provider = await fixture<HTMLElement>(html`<dvc-provider .client=${client}>${template}</dvc-provider>`);
  const el = provider.firstElementChild as T | null;
  if (!el) throw new Error('fixtureWithClient: the template rendered no element');
  await (el as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
  return el;
}

/** Poll `predicate` until it returns something truthy (returned), or fail after `timeout` ms with `message`. */
export async function until<T>(predicate: () => T | null | undefined | false, message = 'condition', timeout = 5000): Promise<T> {
  const deadline = performance.now() + timeout;
  for (;;) {
    const value = predicate();
    if (value) return value;
    if (performance.now() > deadline) throw new Error(`until: timed out after ${timeout} ms waiting for ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Run axe-core on `el` (shadow roots included) and fail with a readable list when anything is violated. */
export async function expectAccessible(el: Element): Promise<void> {
  const result = await window.axe.run(el, { resultTypes: ['violations'] });
  if (result.violations.length === 0) return;
  const lines = result.violations.map((v) =>
    `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n${v.nodes.map((n) => `  at ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join('\n')}`);
  throw new Error(`axe found ${result.violations.length} violation(s):\n${lines.join('\n')}`);
}

/** The shadow root of a rendered dvc element (they all have one). */
export function shadow(el: Element): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`<${el.localName}> has no shadow root`);
  return el.shadowRoot;
}

/** The element `selector` finds in `el`'s shadow root; throws, naming both, when there is none. */
export function q<T extends Element = HTMLElement>(el: Element, selector: string): T {
  const found = shadow(el).querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector} in <${el.localName}>`);
  return found;
}

/** Visible text of a node with whitespace collapsed, for assertions on what a reader sees. */
export function textOf(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * The language a screen reader speaks `node` in: the nearest `lang` inside the element's shadow tree, else the host's
 * own (what the element's UI strings follow). Catalogue and dossier text is Vietnamese whatever the UI language.
 */
export function languageOf(node: Element | null | undefined): string {
  const own = node?.closest('[lang]')?.getAttribute('lang');
  if (own) return own;
  const host = (node?.getRootNode() as ShadowRoot | undefined)?.host;
  return host?.closest('[lang]')?.getAttribute('lang') ?? '';
}

/**
 * A `fetch` for `createClient` that lets a test shape what the real server answered: delay it, rewrite it, or
 * replace it (for conditions the reference server cannot be made to produce on demand: 500s, network loss).
 * `real()` fetches the same request from the real server without the caller's abort signal, so a delayed
 * answer really arrives late, as from a slow network.
 */
export function hookedFetch(hook: (url: URL, real: () => Promise<Response>) => Promise<Response>): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const real = () => fetch(request.url, { method: request.method, headers: request.headers });
    return hook(new URL(request.url), real);
  };
}

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  const type = status >= 400 ? 'application/problem+json' : 'application/json';
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': type, ...headers } });
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
