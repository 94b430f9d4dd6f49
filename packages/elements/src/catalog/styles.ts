import { css } from 'lit';

/** What the search and the procedure both show while they load: the skeleton's bars. */
export const catalogStyles = css`
  .skeleton { display: block; height: 1em; border-radius: var(--_radius); background: var(--_surface-alt); animation: pulse 1.5s ease-in-out infinite; }
  @keyframes pulse { 50% { opacity: 0.55; } }
`;
