import { css } from 'lit';

export const trackerStyles = css`
  .tracker { display: grid; gap: var(--_space); container-type: inline-size; }
  .result, .form { display: grid; gap: var(--_space); }
  .title { font-size: 1.375em; color: var(--_text); }
  .intro { color: var(--_muted); }

  .field { display: grid; gap: 0.3em; }
  .field input { width: 100%; max-width: 28em; letter-spacing: 0.02em; }
  .field.invalid { border-inline-start: 0.25em solid var(--_danger); padding-inline-start: 0.75em; }
  .field.invalid input { border-color: var(--_danger); }

  .summary {
    display: flex; flex-wrap: wrap; gap: 0.5em 1.5em; padding: 0.75em var(--_space);
    background: var(--_surface-alt); border-radius: var(--_radius);
  }
  .summary-item { display: grid; gap: 0.2em; }
  .summary dt { font-size: 0.875em; color: var(--_muted); }
  .summary .badge { font-size: 1em; white-space: normal; background: var(--_surface); }
  .tone-info, .tone-progress { color: var(--_primary); }
  .tone-success { color: var(--_success); }
  .tone-warning { color: var(--_warning); }
  .tone-danger { color: var(--_danger); }
  .tone-neutral { color: var(--_muted); }

  .facts { display: grid; gap: 0.5em; }
  .facts .row { display: grid; gap: 0.1em; padding-block-end: 0.5em; border-block-end: 1px solid var(--_surface-alt); }
  .facts dt { font-weight: 600; }
  .facts dd { display: grid; }
  .facts.compact .row { border: 0; padding: 0; }
  @container (min-width: 36em) {
    .facts .row { grid-template-columns: minmax(10em, 14em) 1fr; gap: 1em; }
  }

  .section { display: grid; gap: 0.75em; }
  .section h3 { font-size: 1.125em; }
  .supplements { list-style: none; padding: 0; display: grid; gap: 0.75em; }
  .supplement {
    display: grid; gap: 0.5em; padding: 0.75em var(--_space);
    border: 1px solid var(--_border); border-inline-start: 0.35em solid var(--_warning); border-radius: var(--_radius);
  }
  .supplement.done { border-inline-start-color: var(--_success); }
  .supplement-state { display: flex; gap: 0.35em; align-items: center; font-weight: 700; }
  .supplement.open .supplement-state { color: var(--_warning); }
  .supplement.done .supplement-state { color: var(--_success); }
  .supplement .label { font-weight: 600; }

  .survey { padding-block-start: var(--_space); border-block-start: 2px solid var(--_primary); }
  .invite {
    display: flex; gap: 0.6em; align-items: flex-start; padding: 0.75em var(--_space);
    border: 2px solid var(--_primary); border-radius: var(--_radius); background: var(--_surface-alt);
  }
  .invite > .icon { color: var(--_primary); }

  .timeline { list-style: none; padding: 0; margin: 0; display: grid; }
  .step { position: relative; padding: 0 0 0.9em 1.5em; border-inline-start: 2px solid var(--_border); margin-inline-start: 0.4em; }
  .step:last-child { border-inline-start-color: transparent; padding-block-end: 0; }
  .step::before {
    content: ''; position: absolute; inset-inline-start: -0.45em; top: 0.3em;
    width: 0.8em; height: 0.8em; border-radius: 50%; background: var(--_surface); border: 2px solid var(--_primary);
  }
  .step:first-child::before { background: var(--_primary); }
  .step time { font-weight: 600; }
  .step .muted { font-size: 0.9375em; }

  @media (forced-colors: active) {
    .step::before { border-color: CanvasText; }
    .step:first-child::before { background: CanvasText; }
    .field.invalid, .supplement, .invite { border-color: CanvasText; }
  }
`;
