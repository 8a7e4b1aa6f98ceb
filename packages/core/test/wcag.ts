/**
 * WCAG 2 contrast from computed colours, for the contrast tests (core's tokens, access-map's markers).
 * `getComputedStyle` gives `rgb(r, g, b)` or `rgba(r, g, b, a)`; anything else is a test error, not a guess.
 */
export type Rgb = readonly [number, number, number];

export function parseRgb(value: string): Rgb {
  const match = /^rgba?\((\d+(?:\.\d+)?),\s*(\d+(?:\.\d+)?),\s*(\d+(?:\.\d+)?)(?:,\s*([\d.]+))?\)$/.exec(value.trim());
  if (!match) throw new Error(`not an rgb() colour: "${value}"`);
  if (match[4] !== undefined && Number(match[4]) < 1) throw new Error(`a translucent colour has no contrast of its own: "${value}"`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** Relative luminance (WCAG 2.x). */
export function luminance([r, g, b]: Rgb): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** Contrast ratio between two computed colours, 1 to 21. */
export function contrast(a: string, b: string): number {
  const [high, low] = [luminance(parseRgb(a)), luminance(parseRgb(b))].sort((x, y) => y - x);
  return (high + 0.05) / (low + 0.05);
}

/** The colour behind the page's content: the first opaque background of body or html, else the canvas. */
export function pageBackground(): string {
  for (const element of [document.body, document.documentElement]) {
    const background = getComputedStyle(element).backgroundColor;
    if (!/^rgba\(.*,\s*0\)$|^transparent$/.test(background)) return background;
  }
  // The canvas follows the root's colour scheme: `Canvas` resolves to the colour the browser paints.
  const probe = document.createElement('div');
  probe.style.color = 'Canvas';
  document.documentElement.append(probe);
  const canvas = getComputedStyle(probe).color;
  probe.remove();
  return canvas;
}
