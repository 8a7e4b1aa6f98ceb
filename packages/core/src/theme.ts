import {css} from 'lit';

/**
 * Theme tokens. A page sets `--lien-*` once (on `:root`, a wrapper or the element's `style`), they pierce
 * the shadow DOM, and each element reads them through private `--_*` copies with the defaults below.
 * Defaults follow `prefers-color-scheme`; a token set by the page wins in both schemes (a site with its
 * own dark mode sets its tokens in its own media query). The table in README.md lists them all.
 */
export const tokens = css`
  :host {
    --_primary: var(--lien-color-primary, #1f5f99);
    --_on-primary: var(--lien-color-on-primary, #ffffff);
    --_surface: var(--lien-color-surface, #ffffff);
    --_surface-alt: var(--lien-color-surface-alt, #f2f5f8);
    --_text: var(--lien-color-text, #1c2733);
    --_muted: var(--lien-color-muted, #4d5b69);
    --_border: var(--lien-color-border, #b8c4cf);
    --_danger: var(--lien-color-danger, #a4262c);
    --_success: var(--lien-color-success, #1b6e35);
    --_focus: var(--lien-color-focus, #c25e00);
    --_font: var(--lien-font-family, inherit);
    --_font-size: var(--lien-font-size, 1rem);
    --_radius: var(--lien-radius, 0.5rem);
    --_space: var(--lien-spacing, 0.75rem);
    --_focus-width: var(--lien-focus-width, 3px);
    --_motion: var(--lien-motion-duration, 150ms);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_primary: var(--lien-color-primary, #8cc1f2);
      --_on-primary: var(--lien-color-on-primary, #0c1d2e);
      --_surface: var(--lien-color-surface, #161b21);
      --_surface-alt: var(--lien-color-surface-alt, #222a33);
      --_text: var(--lien-color-text, #e9eef3);
      --_muted: var(--lien-color-muted, #b3c0cc);
      --_border: var(--lien-color-border, #4f5d6b);
      --_danger: var(--lien-color-danger, #ffb3ad);
      --_success: var(--lien-color-success, #8fd9a4);
      --_focus: var(--lien-color-focus, #ffb870);
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
