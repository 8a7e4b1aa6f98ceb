import {html, type TemplateResult} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';

/** A heading level, 1 to 6. */
export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

/**
 * The `heading-level` attribute: where the element sits in the page's outline (an embedded element cannot know it),
 * read as a level from 1 to 6; anything else gives `fallback`.
 */
export const headingLevel = {
  fromAttribute(value: string | null): number | undefined {
    const n = Number(value);
    return Number.isInteger(n) && n >= 1 && n <= 6 ? n : undefined;
  },
  toAttribute: (value: number | undefined) => (value === undefined ? null : String(value)),
};

/** `level` clamped to 1–6, `below` levels under it (a section under the element's own heading is `below = 1`). */
export function levelBelow(level: number | undefined, below: number, fallback: HeadingLevel): HeadingLevel {
  return Math.min(6, Math.max(1, (level ?? fallback) + below)) as HeadingLevel;
}

export interface HeadingOptions {
  id?: string;
  className?: string;
  /** Focusable by script (`tabindex="-1"`), for a heading focus moves to. */
  focusable?: boolean;
}

/** An `<h1>`–`<h6>` of the given level: one of six real heading elements, with the same attributes. */
export function renderHeading(level: HeadingLevel, content: unknown, options: HeadingOptions = {}): TemplateResult {
  const {id, className} = options;
  const tabindex = options.focusable ? -1 : undefined;
  switch (level) {
    case 1:
      return html`<h1 id=${ifDefined(id)} class=${ifDefined(className)} tabindex=${ifDefined(tabindex)}>${content}</h1>`;
    case 2:
      return html`<h2 id=${ifDefined(id)} class=${ifDefined(className)} tabindex=${ifDefined(tabindex)}>${content}</h2>`;
    case 3:
      return html`<h3 id=${ifDefined(id)} class=${ifDefined(className)} tabindex=${ifDefined(tabindex)}>${content}</h3>`;
    case 4:
      return html`<h4 id=${ifDefined(id)} class=${ifDefined(className)} tabindex=${ifDefined(tabindex)}>${content}</h4>`;
    case 5:
      return html`<h5 id=${ifDefined(id)} class=${ifDefined(className)} tabindex=${ifDefined(tabindex)}>${content}</h5>`;
    case 6:
      return html`<h6 id=${ifDefined(id)} class=${ifDefined(className)} tabindex=${ifDefined(tabindex)}>${content}</h6>`;
  }
}
