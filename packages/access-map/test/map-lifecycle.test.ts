import {expect, waitUntil} from '@open-wc/testing';
import type {AccessMap} from '../src/access-map.js';
import {loadLeaflet} from '../src/map/load-leaflet.js';
import {$, $$, M, TILES} from './helpers.js';

const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

/**
 * Adds an <access-map> and returns once it has started building its map: the visibility observer has
 * fired and Leaflet is in, so the map code is still being fetched.
 */
async function mountBuilding(): Promise<AccessMap> {
  const el = document.createElement('access-map');
  el.src = `${M}/lien`;
  el.center = '48.85,2.37';
  el.zoom = 13;
  el.tileUrl = TILES;
  document.body.append(el);
  await frame();
  await frame();
  await loadLeaflet();
  return el;
}

describe('<access-map> map setup and disconnection', () => {
  const errors: unknown[] = [];
  const keep = (event: PromiseRejectionEvent | ErrorEvent) => errors.push('reason' in event ? event.reason : event.error);
  beforeEach(() => {
    errors.length = 0;
    addEventListener('unhandledrejection', keep);
    addEventListener('error', keep);
  });
  afterEach(() => {
    removeEventListener('unhandledrejection', keep);
    removeEventListener('error', keep);
  });

  it('builds no map for an element removed while the map code loads', async () => {
    const el = await mountBuilding();
    el.remove();
    await new Promise((resolve) => setTimeout(resolve, 500));
    // A boolean: a failing comparison of Leaflet's nodes is too big to print.
    expect($(el, '.leaflet-container') === null, 'a map was built').to.equal(true);
  });

  it('puts one map on its host when removed and added again at once', async () => {
    const el = await mountBuilding();
    el.remove();
    document.body.append(el);
    await waitUntil(() => $(el, '.leaflet-container'), 'the map was never built', {timeout: 5000});
    await el.drawn;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect($$(el, '.leaflet-map-pane')).to.have.length(1);
    expect(errors.map(String)).to.deep.equal([]);
    el.remove();
  });
});
