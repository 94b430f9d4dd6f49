import { css } from 'lit';

export const serviceSearchStyles = css`
  form { display: grid; gap: 0.5em; }
  .box { display: flex; flex-wrap: wrap; gap: 0.5em; }
  .box input { flex: 1 1 14em; min-width: 0; }
  .box input::placeholder { color: var(--_muted); opacity: 1; }
  .filters { display: flex; flex-wrap: wrap; gap: 0.75em 1.25em; margin: 0.5em 0 0; padding: 0; border: 0; min-width: 0; }
  .filter { display: grid; gap: 0.25em; flex: 1 1 12em; min-width: 0; }
  .filter select { width: 100%; }

  .outcome { margin-block-start: calc(var(--_space) * 1.25); display: grid; gap: var(--_space); }
  .count { font-weight: 700; }

  .skeletons { display: grid; gap: 0.75em; }
  .skeleton-card { display: grid; gap: 0.6em; padding: 0.85em var(--_space); border: 1px solid var(--_surface-alt); border-radius: var(--_radius); min-height: 7.5em; }
  .w80 { width: 80%; height: 1.35em; } .w50 { width: 50%; } .w60 { width: 60%; }

  .detail { display: grid; gap: var(--_space); }
  .back span { font-size: 1.2em; line-height: 1; }

  @media print {
    form, .back { display: none; }
  }
`;
