import { css } from 'lit';

/** What the tracker's and the survey's forms share: field errors, the error summary, the busy spinner, actions. */
export const formStyles = css`
  .actions { display: flex; flex-wrap: wrap; gap: 0.75em; }
  .field-error { display: flex; gap: 0.35em; align-items: flex-start; color: var(--_danger); font-weight: 600; }
  #error-summary ul { padding-inline-start: 1.1em; }
  #error-summary a { color: var(--_danger); font-weight: 600; }
  .spinner {
    width: 1em; height: 1em; flex: none; border: 0.15em solid currentColor; border-inline-end-color: transparent;
    border-radius: 50%; animation: dvc-spin 0.8s linear infinite;
  }
  @keyframes dvc-spin { to { transform: rotate(360deg); } }
`;
