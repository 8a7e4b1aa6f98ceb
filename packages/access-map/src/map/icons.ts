import type {DivIcon} from 'leaflet';
import type {NeedStatus} from '@lien/open-data/place.js';
import type {Leaflet} from './load-leaflet.js';

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag: string, attributes: Record<string, string>): SVGElement {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

/**
 * A place's marker is a small SVG built as DOM nodes (no PNG, no HTML strings): a pin whose colour and
 * inner shape tell the wheelchair status (shape too, so colour is never the only cue).
 */
export function pointIcon(L: Leaflet, status: NeedStatus, selected = false): DivIcon {
  const root = svg('svg', {viewBox: '0 0 24 32', width: selected ? '32' : '24', height: selected ? '42' : '32', 'aria-hidden': 'true'});
  root.append(svg('path', {d: 'M12 31C12 31 2 18.5 2 11a10 10 0 0 1 20 0c0 7.5-10 20-10 20z', class: 'pin'}));
  const mark =
    status === 'yes'
      ? svg('circle', {cx: '12', cy: '11', r: '4.5', class: 'mark'})
      : status === 'partial'
        ? svg('path', {d: 'M7.5 11h9', class: 'mark stroke'})
        : status === 'no'
          ? svg('path', {d: 'M8.5 7.5l7 7m0-7l-7 7', class: 'mark stroke'})
          : svg('circle', {cx: '12', cy: '11', r: '2', class: 'mark'});
  root.append(mark);
  return L.divIcon({
    html: root as unknown as HTMLElement,
    className: `lien-marker status-${status}${selected ? ' selected' : ''}`,
    iconSize: selected ? [32, 42] : [24, 32],
    iconAnchor: selected ? [16, 42] : [12, 32],
  });
}

/** A disc with the count: one HTML element, no SVG, as a view may draw a hundred of them and restyle them on every move. */
export function clusterIcon(L: Leaflet, count: number): DivIcon {
  const size = count < 10 ? 32 : count < 100 ? 38 : count < 1000 ? 44 : 50;
  const text = count >= 10_000 ? `${Math.round(count / 1000)}k` : String(count);
  return L.divIcon({html: text, className: 'lien-cluster', iconSize: [size, size]});
}
