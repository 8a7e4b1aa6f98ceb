import {expect} from '@open-wc/testing';
import {sleep, waitFor} from '@lien/testing';
import {$, $$, addWithMap, holdMapCodeInEachTest} from './helpers.js';

// As in map-lifecycle.test.ts, the map code's module is held by the mock server until the test releases it; this
// file has a page (and so a first import of the map code) of its own.
describe('<access-map> removed and added again while its map code loads', () => {
  const held = holdMapCodeInEachTest();

  it('puts exactly one map on its host', async () => {
    const el = addWithMap();
    try {
      // The element came into view and asked for the map code, which it has not got.
      await held.hold.arrived();
      el.remove();
      document.body.append(el);
      expect((await held.hold.state()).waiting, 'requests for the map code still held').to.equal(1);
      await held.hold.release();
      await waitFor(() => $(el, '.leaflet-container'), 'the map was never built');
      await el.drawn;
      // Time for a second build, from the first connection, to show.
      await sleep(300);
      expect($$(el, '.leaflet-container')).to.have.length(1);
      expect($$(el, '.leaflet-map-pane')).to.have.length(1);
      expect(held.logged.problems({warnings: false})).to.deep.equal([]);
    } finally {
      el.remove();
    }
  });
});
