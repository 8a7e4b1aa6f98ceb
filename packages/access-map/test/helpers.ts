// <access-map>'s own test helpers. What every package's tests share (waiting, console capture, the mock
// upstreams' counters, delays, failures and held requests) is in @lien/testing.
import {fixture, oneEvent} from '@open-wc/testing';
import {captureConsole, mockServer, waitFor, type ConsoleCapture, type Hold} from '@lien/testing';
import type {TemplateResult} from 'lit';
import '../src/define.js';
import type {AccessMap} from '../src/access-map.js';

/** The loopback upstreams of test/mock-server.mjs, under /mock/access-map/. */
export const mock = mockServer('access-map');
export const M = mock.base;
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
  return waitFor(() => {
    const drawn = $$(el, '.leaflet-marker-icon[aria-label]');
    return drawn.length > 0 ? drawn : undefined;
  }, 'no marker drawn');
}

/**
 * The map code's module (Leaflet's map, the markers, the clusters), fetched when a map first comes near the
 * viewport: `mock.hold(MAP_CODE)` keeps it loading until the test releases it. Only the first import of a page
 * fetches it, so a test that holds it is alone in its file.
 */
export const MAP_CODE = new URL('../src/map/map-view.js', import.meta.url).pathname;

/** Adds an <access-map> with a map (on the gateway's places) to the page; its map is built once it is in view. */
export function addWithMap(): AccessMap {
  const el = document.createElement('access-map');
  el.src = `${M}/lien`;
  el.center = '48.85,2.37';
  el.zoom = 13;
  el.tileUrl = TILES;
  document.body.append(el);
  return el;
}

/** The element whose focus is inside the shadow root. */
export const focused = (el: AccessMap) => el.shadowRoot!.activeElement as HTMLElement | null;

/**
 * For a describe block: the map code is held at the mock server before each test (until the test or the end of the
 * test releases it), and the console is captured; the returned object holds both for the test to use.
 */
export function holdMapCodeInEachTest(): {hold: Hold; logged: ConsoleCapture} {
  const held = {} as {hold: Hold; logged: ConsoleCapture};
  beforeEach(async () => {
    held.logged = captureConsole();
    held.hold = await mock.hold(MAP_CODE);
  });
  afterEach(async () => {
    await held.hold.release();
    held.logged.restore();
  });
  return held;
}
