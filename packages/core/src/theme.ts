import {css} from 'lit';

/**
 * Theme tokens. A page sets `--lien-*` once (on `:root`, a wrapper or the element's `style`), they pierce
 * the shadow DOM, and each element reads them through private `--_*` copies with the defaults below.
 *
 * The defaults follow the page's own colour scheme, not the visitor's system setting alone: each is a
 * `light-dark(light, dark)` pair, resolved against the `color-scheme` the page declares, which inherits into
 * shadow roots (`:host` never sets one). A page with `color-scheme: light dark` (or `dark`) gets the dark
 * defaults when it is dark; a page that declares `light`, or nothing, stays light on a dark system. A token
 * set by the page wins in both schemes. The table in README.md lists them all; test/theme-contrast.test.ts
 * holds every pair to WCAG AA in each scheme.
 */
export const tokens = css`
  :host {
    --_primary: var(--lien-color-primary, light-dark(#1f5f99, #8cc1f2));
    --_on-primary: var(--lien-color-on-primary, light-dark(#ffffff, #0c1d2e));
    --_surface: var(--lien-color-surface, light-dark(#ffffff, #161b21));
    --_surface-alt: var(--lien-color-surface-alt, light-dark(#f2f5f8, #222a33));
    --_text: var(--lien-color-text, light-dark(#1c2733, #e9eef3));
    --_muted: var(--lien-color-muted, light-dark(#4d5b69, #b3c0cc));
    --_border: var(--lien-color-border, light-dark(#7b8a99, #6b7a89));
    --_danger: var(--lien-color-danger, light-dark(#a4262c, #ffb3ad));
    --_success: var(--lien-color-success, light-dark(#1b6e35, #8fd9a4));
    --_focus: var(--lien-color-focus, light-dark(#c25e00, #ffb870));
    --_font: var(--lien-font-family, inherit);
    --_font-size: var(--lien-font-size, 1rem);
    --_radius: var(--lien-radius, 0.5rem);
    --_space: var(--lien-spacing, 0.75rem);
    --_focus-width: var(--lien-focus-width, 3px);
    --_motion: var(--lien-motion-duration, 150ms);
  }
  /* Browsers without light-dark() (Safari before 17.5, Chrome before 123): the light defaults. */
  @supports not (color: light-dark(#000, #fff)) {
    :host {
      --_primary: var(--lien-color-primary, #1f5f99);
      --_on-primary: var(--lien-color-on-primary, #ffffff);
      --_surface: var(--lien-color-surface, #ffffff);
      --_surface-alt: var(--lien-color-surface-alt, #f2f5f8);
      --_text: var(--lien-color-text, #1c2733);
      --_muted: var(--lien-color-muted, #4d5b69);
      --_border: var(--lien-color-border, #7b8a99);
      --_danger: var(--lien-color-danger, #a4262c);
      --_success: var(--lien-color-success, #1b6e35);
      --_focus: var(--lien-color-focus, #c25e00);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    :host {
      --_motion: 0ms;
    }
  }
  /* Windows High Contrast and the like: system colours, never our own. */
  @media (forced-colors: active) {
    :host {
      --_primary: LinkText;
      --_on-primary: Canvas;
      --_surface: Canvas;
      --_surface-alt: Canvas;
      --_text: CanvasText;
      --_muted: CanvasText;
      --_border: CanvasText;
      --_danger: CanvasText;
      --_success: CanvasText;
      --_focus: Highlight;
    }
  }
`;

/** What every element shares: tokens, box model, focus ring, buttons, the visually-hidden helper. */
export const baseStyles = css`
  ${tokens}
  :host {
    display: block;
    box-sizing: border-box;
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.5;
    color: var(--_text);
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 2px;
  }
  button {
    font: inherit;
    cursor: pointer;
    min-height: 2.75rem;
    padding: 0.4em 1em;
    border-radius: var(--_radius);
    border: 2px solid var(--_primary);
    background: var(--_primary);
    color: var(--_on-primary);
    transition: filter var(--_motion);
  }
  button:hover {
    filter: brightness(1.1);
  }
  button.secondary {
    background: transparent;
    color: var(--_primary);
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      transition-duration: 0.01ms !important;
    }
  }
`;
