import { css } from 'lit';

/**
 * What every dvc element shares inside its shadow root. The host page's inherited styles are reset on `:host`
 * (foreign CMS CSS must not leak in), then rebuilt from the documented `--dvc-*` tokens. Sizes are in `em`
 * because `rem` follows the host page's root, which old sites often shrink to 10px. Elements render headings as h2 and
 * h3 only (deeper levels are an `aria-level`, see views.ts), so only those are reset.
 */
export const baseStyles = css`
  :host {
    all: initial;
    display: block;
    --_primary: var(--dvc-color-primary, #0b3d91);
    --_accent: var(--dvc-color-accent, #a50e0e);
    --_text: var(--dvc-color-text, #1b1b1b);
    --_muted: var(--dvc-color-muted, #505a66);
    --_surface: var(--dvc-color-surface, #fff);
    --_surface-alt: var(--dvc-color-surface-alt, #f3f5f8);
    --_border: var(--dvc-color-border, #8a94a3);
    --_danger: var(--dvc-color-danger, #b3261e);
    --_success: var(--dvc-color-success, #1e6b34);
    --_warning: var(--dvc-color-warning, #7a4b00);
    --_radius: var(--dvc-radius, 0.25em);
    --_space: var(--dvc-space, 1em);
    /* The text properties every part inherits are !important: in the shadow tree's context that beats the page's
       rules for the host element itself (a page's "* { all: unset }" or "* { font-size: 40px !important }"), which
       the plain "all: initial" above loses to. Pages theme through the --dvc-* tokens. Both languages are LTR,
       so an RTL page must not reorder the text. */
    font: 400 var(--dvc-font-size, medium) / 1.5 var(--dvc-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif) !important;
    color: var(--_text) !important;
    letter-spacing: normal !important;
    word-spacing: normal !important;
    text-transform: none !important;
    text-indent: 0 !important;
    text-shadow: none !important;
    text-align: start !important;
    white-space: normal !important;
    word-break: normal !important;
    overflow-wrap: anywhere !important;
    direction: ltr !important;
    unicode-bidi: isolate !important;
  }
  :host([hidden]) { display: none; }
  /* A widget's boxes start formatting contexts (grid, container queries). Beside a host float that fills the line
     they would shrink to a sliver, one word a line; needing 20em, they move below the float instead. */
  :host > :not(.visually-hidden) { min-inline-size: min(100%, 20em); }
  *, ::before, ::after { box-sizing: border-box; }
  h2, h3 { margin: 0; line-height: 1.3; }
  p, ul, ol, dl, dd { margin: 0; }
  ul, ol { padding-inline-start: 1.5em; }
  :focus-visible { outline: 3px solid var(--dvc-color-focus, #c45100); outline-offset: 2px; }

  .button {
    display: inline-flex; align-items: center; justify-content: center; gap: 0.4em;
    min-height: 2.75em; padding: 0.5em 1em;
    font: inherit; font-weight: 600; line-height: 1.25; text-align: center; text-decoration: none;
    color: var(--dvc-color-on-primary, #fff); background: var(--_primary);
    border: 2px solid var(--_primary); border-radius: var(--_radius);
    cursor: pointer;
  }
  .button:hover { filter: brightness(1.15); }
  .button.secondary { color: var(--_primary); background: var(--_surface); }
  .button.secondary:hover { background: var(--_surface-alt); filter: none; }
  .button:disabled { cursor: not-allowed; opacity: 0.6; }
  /* Links, and buttons that read as links; after .button so that a .button.link-like reads as a link. */
  a, .link-like { color: var(--dvc-color-link, var(--_primary)); text-decoration: underline; text-underline-offset: 0.15em; }
  a:hover, .link-like:hover { text-decoration-thickness: 0.15em; }
  .link-like { margin: 0; padding: 0; border: 0; background: none; font: inherit; text-align: start; cursor: pointer; }
  .button.link-like { min-height: auto; font-weight: 400; filter: none; }

  input, select, textarea {
    font: inherit; color: var(--_text); background: var(--_surface);
    border: 2px solid var(--_border); border-radius: var(--_radius);
    min-height: 2.75em; padding: 0.45em 0.6em; max-width: 100%;
  }
  :is(input, select, textarea):focus-visible { border-color: var(--_text); }
  label { font-weight: 600; }
  .hint, .muted { color: var(--_muted); }
  .hint { font-size: 0.9375em; }
  .icon { width: 1.25em; height: 1.25em; flex: none; fill: currentColor; }

  .visually-hidden {
    position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px;
    overflow: hidden; clip-path: inset(50%); white-space: nowrap; border: 0;
  }

  .alert {
    display: flex; gap: 0.6em; align-items: flex-start;
    padding: 0.75em var(--_space); border: 2px solid var(--_tone, var(--_border)); border-inline-start-width: 0.4em;
    border-radius: var(--_radius); background: var(--_surface);
  }
  /* The tone colours the edge and the icon; info and neutral keep the border colour and the text colour. */
  .alert .icon { color: var(--_tone); }
  .alert.danger { --_tone: var(--_danger); }
  .alert.warning { --_tone: var(--_warning); }
  .alert-body { display: grid; gap: 0.5em; min-width: 0; }

  .badge {
    display: inline-flex; align-items: center; gap: 0.3em;
    padding: 0.1em 0.55em; border: 1px solid; border-radius: 1em;
    font-size: 0.875em; font-weight: 600; line-height: 1.4; white-space: nowrap;
  }

  @media (forced-colors: active) {
    /* Borders are drawn in CanvasText by the browser; a link drawn as a button keeps a button's edge. */
    .button { border-color: ButtonText; }
    .button.secondary, .link-like { color: LinkText; }
    :focus-visible { outline-color: Highlight; }
  }
  @media (prefers-reduced-motion: reduce) {
    *, ::before, ::after { animation: none !important; }
  }
`;
