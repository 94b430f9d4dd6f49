import { css } from 'lit';
import { badgeStyles } from '../catalog-detail/badge.ts';

/**
 * The result cards (their online badges too), "load more" and the empty state's tips: added to the search's shadow
 * root with the list's code.
 */
export const resultStyles = css`
  ${badgeStyles}
  .results { list-style: none; padding: 0; display: grid; gap: 0.75em; }
  /* The previous query's results while a new search runs: a bar above them, not dimmed text (it would fail contrast). */
  .stale { box-shadow: 0 -3px 0 var(--_primary); }
  .result {
    display: grid; gap: 0.35em; padding: 0.85em var(--_space);
    background: var(--_surface); border: 1px solid var(--_border); border-inline-start: 4px solid var(--_accent);
    border-radius: var(--_radius); position: relative;
  }
  /* The whole card answers a tap (a name alone is a 24px target on a phone); the card holds nothing else to press. */
  [part~="result-link"]::after { content: ''; position: absolute; inset: 0; }
  .name { font-size: 1.125em; font-weight: 700; line-height: 1.35; }
  .meta { display: flex; flex-wrap: wrap; gap: 0.15em 0; color: var(--_muted); font-size: 0.9375em; }
  /* A border, not a background, so that forced colours draw it too. */
  .meta > span + span::before { content: ''; display: inline-block; height: 0.9em; margin-inline: 0.6em; border-inline-start: 1px solid var(--_border); vertical-align: -0.1em; }
  .code { font-variant-numeric: tabular-nums; font-weight: 600; color: var(--_text); }
  mark { background: var(--dvc-color-mark, #fff0a8); color: inherit; font-weight: 700; padding: 0 0.05em; border-radius: 0.15em; }
  .facts { display: flex; flex-wrap: wrap; gap: 0.15em 1.5em; font-size: 0.9375em; }
  .facts > div { display: flex; flex-wrap: wrap; gap: 0 0.3em; }
  dt { color: var(--_muted); }
  dd { font-weight: 600; }
  .more { text-align: center; }
  .tips { display: grid; gap: 0.2em; }

  @media (forced-colors: active) {
    mark { background: Highlight; color: HighlightText; forced-color-adjust: none; }
  }
  @media print {
    .more { display: none; }
    .result { break-inside: avoid; border-color: #000; }
  }
`;
