import { css } from 'lit';

export const procedureStyles = css`
  article { display: grid; gap: calc(var(--_space) * 1.5); background: var(--_surface); }
  .h { font-weight: 700; line-height: 1.3; }
  .h0 { font-size: 1.5em; padding-block-end: 0.35em; border-block-end: 3px solid var(--_accent); }
  .h1 { font-size: 1.25em; margin-block-end: 0.6em; color: var(--_primary); }
  .h2 { font-size: 1.05em; margin-block-end: 0.4em; }
  .header, .documents, .steps, .loading { display: grid; gap: 0.75em; }
  .facts, .pairs, .legal { display: grid; gap: 0.4em; }
  .facts > div, .pairs > div { display: grid; grid-template-columns: minmax(8em, 12em) 1fr; gap: 0.2em 1em; }
  dt { font-weight: 600; color: var(--_muted); }
  dd { min-width: 0; }
  .code { font-variant-numeric: tabular-nums; font-weight: 600; }
  .actions { display: flex; flex-wrap: wrap; gap: 0.75em 1.25em; align-items: center; }
  .cards { display: grid; gap: var(--_space); grid-template-columns: repeat(auto-fit, minmax(min(100%, 16em), 1fr)); }
  .card { padding: var(--_space); background: var(--_surface-alt); border: 1px solid var(--_border); border-radius: var(--_radius); display: grid; gap: 0.5em; align-content: start; }
  .card .pairs > div { grid-template-columns: 1fr; }
  .plain { list-style: none; padding: 0; display: grid; gap: 0.2em; }
  .case + .case { margin-block-start: var(--_space); }
  .document { padding-inline-start: 0.25em; }
  .doc-meta { display: flex; flex-wrap: wrap; gap: 0.2em 1.25em; color: var(--_muted); font-size: 0.9375em; }
  .badge.optional { color: var(--_muted); font-weight: 400; }
  .steps > li::marker { font-weight: 700; color: var(--_primary); }
  .doc-name, .step-title { font-weight: 600; }
  .prose { display: grid; gap: 0.6em; }

  /* The loading skeleton's bars (after .skeleton, which sets their height otherwise). */
  .title { height: 2.2em; width: 80%; }
  .line { height: 1.2em; width: 60%; }
  .short { width: 35%; }
  .block { height: 8em; }

  @media (max-width: 30em) {
    .facts > div, .pairs > div { grid-template-columns: 1fr; }
    .h0 { font-size: 1.3em; }
  }
  @media print {
    /* The host's colour stays the base's (!important); the page behind the procedure prints white. */
    :host, article, .card { background: #fff; }
    a, .h0, .h1, dt, .muted, .doc-meta, .steps > li::marker { color: #000; }
    .button, button { display: none !important; }
    a[href]::after { content: ' (' attr(href) ')'; font-size: 0.85em; overflow-wrap: anywhere; }
    .section, .card, .document { break-inside: avoid; }
  }
`;
