import {expect, fixture, html} from '@open-wc/testing';
import {waitFor} from '@lien/testing';
import {$, M, mock, names, statusText, TILES} from './helpers.js';
import type {AccessMap} from '../src/access-map.js';

// List first: the accessible list of the view shows while Leaflet is still on its way (held by the mock server).
// Alone in its file: Leaflet must not be imported yet by this page.
const LEAFLET = new URL('../src/map/leaflet-parts.js', import.meta.url).pathname;

describe('the list, before Leaflet', () => {
  it('lists the places of the view and says how many while the map code is still loading', async () => {
    const leaflet = await mock.hold(LEAFLET);
    try {
      const el = await fixture<AccessMap>(html`<access-map source="geojson" src="${M}/geojson/norwich.geojson" center="52.63,1.3" zoom="13" tile-url=${TILES}></access-map>`);
      await leaflet.arrived();
      await waitFor(() => (names(el).length > 0 ? true : undefined), 'no place listed');
      expect((await leaflet.state()).waiting, 'Leaflet is still held').to.equal(1);
      expect($(el, '.leaflet-container') === null, 'no map yet').to.equal(true);
      expect(statusText(el)).to.match(/\d+ places/);
      await expect(el).to.be.accessible();
      await leaflet.release();
      await waitFor(() => $(el, '.leaflet-container'), 'the map was never built');
      await el.drawn;
    } finally {
      await leaflet.release();
    }
  });
});
