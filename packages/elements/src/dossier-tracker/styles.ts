import { css } from 'lit';

export const trackerStyles = css`
  .tracker, .result, .form { display: grid; gap: var(--_space); }
  .tracker { container-type: inline-size; }
  .title { font-size: 1.375em; }

  .field { display: grid; gap: 0.3em; }
  .field input { width: 100%; max-width: 28em; letter-spacing: 0.02em; }
  .invalid { border-inline-start: 0.25em solid var(--_danger); padding-inline-start: 0.75em; }
  .invalid input { border-color: var(--_danger); }

  /* A tone names a colour; badges, supplement cards and their headings draw in it. */
  .tone-info, .tone-progress { --_tone: var(--_primary); }
  .tone-success { --_tone: var(--_success); }
  .tone-warning { --_tone: var(--_warning); }
  .tone-danger { --_tone: var(--_danger); }
  .tone-neutral { --_tone: var(--_muted); }

  .summary {
    display: flex; flex-wrap: wrap; gap: 0.5em 1.5em; padding: 0.75em var(--_space);
    background: var(--_surface-alt); border-radius: var(--_radius);
  }
  .summary div { display: grid; gap: 0.2em; }
  .summary dt { font-size: 0.875em; color: var(--_muted); }
  .summary .badge { font-size: 1em; white-space: normal; background: var(--_surface); color: var(--_tone); }

  .facts { display: grid; gap: 0.5em; }
  .row { display: grid; gap: 0.1em; padding-block-end: 0.5em; border-block-end: 1px solid var(--_surface-alt); }
  .facts dt, .label, .step time { font-weight: 600; }
  .facts dd { display: grid; }
  .compact .row { border: 0; padding: 0; }
  @container (min-width: 36em) {
    .row { grid-template-columns: minmax(10em, 14em) 1fr; gap: 1em; }
  }

  .section { display: grid; gap: 0.75em; }
  .section h3 { font-size: 1.125em; }
  .supplements, .timeline { list-style: none; padding: 0; }
  .supplements { display: grid; gap: 0.75em; }
  .supplement {
    display: grid; gap: 0.5em; padding: 0.75em var(--_space);
    border: 1px solid var(--_border); border-inline-start: 0.35em solid var(--_tone); border-radius: var(--_radius);
  }
  .supplement-state { display: flex; gap: 0.35em; align-items: center; font-weight: 700; color: var(--_tone); }

  .survey { padding-block-start: var(--_space); border-block-start: 2px solid var(--_primary); }
  /* An alert box in the info tone, edged evenly. */
  .invite { border-inline-start-width: 2px; background: var(--_surface-alt); }

  .step { position: relative; padding: 0 0 0.9em 1.5em; border-inline-start: 2px solid var(--_border); margin-inline-start: 0.4em; }
  .step:last-child { border-inline-start-color: transparent; padding-block-end: 0; }
  .step::before {
    content: ''; position: absolute; inset-inline-start: -0.45em; top: 0.3em;
    width: 0.8em; height: 0.8em; border-radius: 50%; background: var(--_surface); border: 2px solid var(--_primary);
  }
  .step:first-child::before { background: var(--_primary); }

  @media (forced-colors: active) {
    .step::before { border-color: CanvasText; }
    .step:first-child::before { background: CanvasText; }
    .invalid, .supplement { border-color: CanvasText; }
  }
`;
