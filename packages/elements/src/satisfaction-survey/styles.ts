import { css } from 'lit';

export const surveyStyles = css`
  .survey, .form { display: grid; gap: var(--_space); }
  .title { font-size: 1.375em; display: flex; gap: 0.4em; align-items: flex-start; }
  /* Nested under another widget's heading (e.g. inside the dossier tracker): a step smaller. */
  :host([heading-level='3']) .title, :host([heading-level='4']) .title { font-size: 1.125em; }
  .dossier { font-weight: 600; }
  .title .icon { margin-block-start: 0.1em; }

  .question {
    display: grid; gap: 0.5em; margin: 0; min-width: 0;
    padding: 0.75em var(--_space) var(--_space); border: 1px solid var(--_border); border-radius: var(--_radius);
    background: var(--_surface);
  }
  .invalid { border-color: var(--_danger); border-inline-start-width: 0.35em; }
  /* A floated legend sits inside the card instead of on its border, and wraps like any text. */
  fieldset.question { display: block; }
  fieldset.question > * + * { margin-block-start: 0.5em; }
  legend { float: left; width: 100%; padding: 0; margin-block-end: 0.5em; font-weight: 700; }
  legend + * { clear: both; }
  .text > label { font-weight: 700; }
  .requirement { font-weight: 400; }
  .options { display: grid; gap: 0.4em; }
  .option {
    display: flex; gap: 0.6em; align-items: center; min-height: 2.75em; padding: 0.35em 0.6em;
    border: 1px solid var(--_border); border-radius: var(--_radius); font-weight: 400; cursor: pointer;
  }
  .option:hover { background: var(--_surface-alt); }
  .option:has(input:checked) { border-color: var(--_primary); box-shadow: inset 0 0 0 1px var(--_primary); background: var(--_surface-alt); }
  .option input { width: 1.25em; height: 1.25em; min-height: 0; margin: 0; flex: none; accent-color: var(--_primary); }

  textarea { width: 100%; min-height: 6em; resize: vertical; }
  .privacy-warning { display: flex; gap: 0.4em; align-items: flex-start; color: var(--_warning); font-weight: 600; }
  .over { color: var(--_danger); font-weight: 700; }

  .loading { display: flex; gap: 0.5em; align-items: center; }

  /* The outcome's tone (thanks, or kept on this device) colours its edge and its title. */
  .outcome {
    display: grid; gap: 0.5em; padding: var(--_space);
    border: 2px solid var(--_tone); border-inline-start-width: 0.4em; border-radius: var(--_radius);
  }
  .done { --_tone: var(--_success); }
  .waiting { --_tone: var(--_warning); }
  .outcome .title { color: var(--_tone); }

  @media (forced-colors: active) {
    .question, .option, .outcome { border-color: CanvasText; }
    .option:has(input:checked) { border-color: Highlight; }
  }
`;
