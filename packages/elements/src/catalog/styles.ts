import { css } from 'lit';

/** What the search's results and the procedure's page share: the online badge and the loading skeleton. */
export const catalogStyles = css`
  .badges { display: flex; flex-wrap: wrap; gap: 0.5em; }
  .badge.online.toan-trinh { color: var(--_success); }
  .badge.online.mot-phan { color: var(--_primary); }
  .badge.online.none { color: var(--_muted); }
  .skeleton { display: block; height: 1em; border-radius: var(--_radius); background: var(--_surface-alt); animation: pulse 1.5s ease-in-out infinite; }
  @keyframes pulse { 50% { opacity: 0.55; } }
`;
