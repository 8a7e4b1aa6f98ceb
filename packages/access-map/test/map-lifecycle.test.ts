import {expect} from '@open-wc/testing';
import {nextFrame, sleep} from '@lien/testing';
import {$, addWithMap, holdMapCodeInEachTest} from './helpers.js';

// The map code's module is held by the mock server until the test releases it, so "while the map code loads" is
// a fact when the element is removed, not a guess about timing. Only the first import of a page fetches the
// module: the case of an element removed and added again at once is in map-reconnect.test.ts.
describe('<access-map> removed while its map code loads', () => {
  const held = holdMapCodeInEachTest();

  it('builds no map, even once the map code is in', async () => {
    const el = addWithMap();
    try {
      // The element came into view and asked for the map code, which it has not got.
      await held.hold.arrived();
      el.remove();
      expect((await held.hold.state()).waiting, 'requests for the map code still held').to.equal(1);
      expect((await held.hold.release()).arrived, 'requests for the map code').to.equal(1);
      await import('../src/map/map-view.js');
      // The element's own import is settled too; give a build that should not happen time to show.
      await nextFrame();
      await nextFrame();
      await sleep(300);
      // A boolean: a failing comparison of Leaflet's nodes is too big to print.
      expect($(el, '.leaflet-container') === null, 'a map was built').to.equal(true);
      expect(held.logged.problems({warnings: false})).to.deep.equal([]);
    } finally {
      el.remove();
    }
  });
});
