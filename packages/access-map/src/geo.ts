import type {BBox} from './sources/types.js';

/** `"48.8566,2.3522"` → [lat, lon], or undefined when it is not a position. */
export function parseCenter(value: string | null | undefined): [number, number] | undefined {
  const parts = (value ?? '').split(',').map((s) => s.trim());
  // An empty part would read as 0 ("48.8," is not 48.8,0).
  if (parts.length !== 2 || parts.some((s) => !s)) return undefined;
  const [lat, lon] = parts.map(Number);
  return lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180 ? [lat, lon] : undefined;
}

const TILE = 256;
const toY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (Math.max(-85.05, Math.min(85.05, lat)) * Math.PI) / 360));
const fromY = (y: number) => ((2 * Math.atan(Math.exp(y)) - Math.PI / 2) * 180) / Math.PI;

/** The area a Web Mercator map of `width`×`height` pixels shows around `center` at `zoom`. */
export function viewBBox([lat, lon]: [number, number], zoom: number, width: number, height: number): BBox {
  const worldPx = TILE * 2 ** zoom;
  const dLon = (width / worldPx) * 180;
  const dY = (height / worldPx) * Math.PI;
  const y = toY(lat);
  return [Math.max(-180, lon - dLon), fromY(y - dY), Math.min(180, lon + dLon), fromY(y + dY)];
}

/**
 * The area to load for a view: the view rounded outwards to a grid that depends on the zoom, so that
 * small moves ask for the same area (and hit the cache) while the answer stays about the view's size.
 */
export function areaFor([w, s, e, n]: BBox, zoom: number): BBox {
  const step = 360 / 2 ** Math.max(0, Math.round(zoom) - 1);
  const down = (v: number) => Math.floor(v / step) * step;
  const up = (v: number) => Math.ceil(v / step) * step;
  const r = (v: number) => Math.round(v * 1e6) / 1e6;
  return [r(Math.max(-180, down(w))), r(Math.max(-90, down(s))), r(Math.min(180, up(e))), r(Math.min(90, up(n)))];
}

export function containsBBox(outer: BBox, inner: BBox): boolean {
  return outer[0] <= inner[0] && outer[1] <= inner[1] && outer[2] >= inner[2] && outer[3] >= inner[3];
}
