/**
 * The drop-in loader (`dvc-kit.js`): watches the page for dvc-kit tags and fetches an element's code only when
 * its tag appears. It imports nothing else, so a page without widgets pays for this file alone.
 * Loading it twice, or beside the all-in-one bundle, is harmless: registration is guarded in `defineElement`.
 */
const modules: Record<string, () => Promise<unknown>> = {
  'dvc-provider': () => import('../provider/define.ts'),
  'dvc-service-search': () => import('../service-search/define.ts'),
  'dvc-procedure': () => import('../procedure/define.ts'),
  'dvc-dossier-tracker': () => import('../dossier-tracker/define.ts'),
  'dvc-satisfaction-survey': () => import('../satisfaction-survey/define.ts'),
};

const waiting = new Set(Object.keys(modules));

function load(tag: string): void {
  waiting.delete(tag);
  if (customElements.get(tag)) return;
  modules[tag]!().catch((error: unknown) => {
    // Leave the light-DOM fallback visible; a later appearance of the tag tries again.
    waiting.add(tag);
    console.warn(`dvc-kit: could not load <${tag}>`, error);
  });
}

function scan(root: ParentNode): void {
  for (const tag of waiting) if ((root as Element).localName === tag || root.querySelector(tag)) load(tag);
}

const observer = new MutationObserver((records) => {
  for (const record of records) for (const node of record.addedNodes) if (node.nodeType === 1) scan(node as Element);
  if (waiting.size === 0) observer.disconnect();
});

scan(document);
if (waiting.size > 0) observer.observe(document.documentElement, { childList: true, subtree: true });
