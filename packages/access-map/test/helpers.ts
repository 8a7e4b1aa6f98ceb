import {fixture, oneEvent, waitUntil} from '@open-wc/testing';
import type {TemplateResult} from 'lit';
import '../src/define.js';
import type {AccessMap} from '../src/access-map.js';

export const M = '/mock/access-map';
export const TILES = `${M}/tiles/{z}/{x}/{y}.png`;

/** Mounts an <access-map> and waits for its first load. */
export async function mountLoaded(template: TemplateResult): Promise<AccessMap> {
  const el = await fixture<AccessMap>(template);
  await oneEvent(el, 'lien-load');
  await el.updateComplete;
  return el;
}

export const $ = <T extends Element = HTMLElement>(el: AccessMap, selector: string) => el.shadowRoot!.querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(el: AccessMap, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
export const names = (el: AccessMap) => $$(el, 'button.place .name').map((n) => n.textContent!.trim());
export const statusText = (el: AccessMap) => $(el, '[part=status]')!.textContent!.replace(/\s+/g, ' ').trim();

/** The markers Leaflet drew, once the map is there. */
export async function markers(el: AccessMap): Promise<HTMLElement[]> {
  await waitUntil(() => $$(el, '.leaflet-marker-icon[aria-label]').length > 0, 'no marker drawn', {timeout: 5000});
  return $$(el, '.leaflet-marker-icon[aria-label]');
}

/** The element whose focus is inside the shadow root. */
export const focused = (el: AccessMap) => el.shadowRoot!.activeElement as HTMLElement | null;
