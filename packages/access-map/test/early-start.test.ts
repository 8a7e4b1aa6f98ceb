import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import {waitFor} from '@lien/testing';
import {M, mock, names} from './helpers.js';
import type {AccessMap} from '../src/access-map.js';

// No waterfall: a whole file starts downloading at the element's first update, with the worker that reads it, while
// the source's own module is still on its way. Alone in its file: the adapter's module must not be imported yet.
const ADAPTER = new URL('../src/sources/geojson.js', import.meta.url).pathname;
/** The mock server's count of the file's downloads. */
const downloads = () => mock.count('geojson/norwich.geojson');

describe('a whole file, from the first update', () => {
  it('is downloading before the source\'s module has arrived', async () => {
    const adapter = await mock.hold(ADAPTER);
    const before = await downloads();
    try {
      const el = await fixture<AccessMap>(html`<access-map source="geojson" src="${M}/geojson/norwich.geojson" center="52.63,1.3" zoom="13" view="list"></access-map>`);
      await adapter.arrived();
      await waitFor(async () => ((await downloads()) > before ? true : undefined), 'the file was not asked for while the module was held');
      expect((await adapter.state()).waiting, 'the module is still held').to.equal(1);
      const loaded = oneEvent(el, 'lien-load');
      await adapter.release();
      expect((await loaded).detail.count).to.equal(52);
      expect(await downloads(), 'downloaded once').to.equal(before + 1);
      await el.updateComplete;
      expect(names(el).length).to.be.greaterThan(0);
    } finally {
      await adapter.release();
    }
  });

  it('leaves a large file to the worker to download, once the page has its size', async () => {
    const key = `large-${Date.now()}`;
    const src = `${M}/geojson/norwich-many.geojson?copies=1200&key=${key}`;
    const el = await fixture<AccessMap>(html`<access-map source="geojson" src=${src} center="52.63,1.3" zoom="8" view="list"></access-map>`);
    const {detail} = await oneEvent(el, 'lien-load');
    expect(detail.count).to.equal(52 * 1200);
    // The page's request stopped at its headers (more than 4 MB), then the worker's.
    expect(await mock.count(key)).to.equal(2);
  });
});
