import {expect, fixture, oneEvent} from '@open-wc/testing';
import {html} from 'lit';
import {sleep} from '@lien/testing';
import {AreaCache} from '../src/area-cache.js';
import {areaFor, viewBBox} from '../src/geo.js';
import type {PlaceQuery, PlaceSource} from '../src/sources/types.js';
import type {AccessMap} from '../src/access-map.js';
import {lienSource} from '../src/sources/lien.js';
import type {Place} from '@lien/open-data/place.js';
import {M, names} from './helpers.js';

/** A source that records its calls and their signals, answering from the loopback gateway. */
function recording() {
  const calls: {query: PlaceQuery; signal: AbortSignal}[] = [];
  const inner = lienSource({url: `${M}/lien`});
  const source: PlaceSource = {
    load(query, options) {
      calls.push({query, signal: options.signal});
      return inner.load(query, options);
    },
  };
  return {calls, source};
}

/** A source that always answers these places, and counts its calls. */
function counting(places: Place[]) {
  const calls: PlaceQuery[] = [];
  const source: PlaceSource = {load: async (query) => (calls.push(query), {places, attribution: []})};
  return {calls, source};
}

describe('loading by area', () => {
  it('rounds views to areas so that small moves ask for the same one', () => {
    const a = areaFor(viewBBox([48.85, 2.35], 15, 800, 400), 15);
    const b = areaFor(viewBBox([48.8502, 2.3503], 15, 800, 400), 15);
    expect(a).to.deep.equal(b);
    expect(a[0]).to.be.lessThan(2.35);
    expect(a[2]).to.be.greaterThan(2.35);
  });

  it('serves an area inside one already loaded from the cache', () => {
    const cache = new AreaCache();
    cache.set([2, 48, 3, 49], {places: [], attribution: []});
    expect(cache.get([2.2, 48.2, 2.5, 48.5])).to.not.equal(undefined);
    expect(cache.get([1, 48, 2.5, 48.5])).to.equal(undefined);
  });

  it('serves a truncated answer only for its own area, so that zooming in loads again', () => {
    const cache = new AreaCache();
    cache.set([2, 48, 3, 49], {places: [], attribution: [], truncated: true});
    expect(cache.get([2, 48, 3, 49])).to.not.equal(undefined);
    expect(cache.get([2.2, 48.2, 2.5, 48.5])).to.equal(undefined);
  });

  it('never serves a new source what an old one answered after the switch', async () => {
    const place = (name: string): Place => ({id: name, name, lat: 48.85, lon: 2.37, source: 'geojson', accessibility: {}});
    // The old source ignores the abort and answers late.
    const old: PlaceSource = {load: () => new Promise((resolve) => setTimeout(() => resolve({places: [place('Old')], attribution: []}), 150))};
    const {calls, source} = counting([place('New')]);
    const el = await fixture<AccessMap>(html`<access-map .dataSource=${old} center="48.85,2.37" zoom="14" view="list"></access-map>`);
    el.dataSource = source;
    await oneEvent(el, 'lien-load');
    await sleep(250);
    el.zoom = 15;
    await el.drawn;
    expect(names(el)).to.deep.equal(['New']);
    expect(calls).to.have.length(1);
  });

  it('loads once for a view, not again for a small move, and cancels a load the view has left', async () => {
    const {calls, source} = recording();
    const el = await fixture<AccessMap>(html`<access-map .dataSource=${source} center="48.85,2.37" zoom="13" view="list"></access-map>`);
    await oneEvent(el, 'lien-load');
    expect(calls).to.have.length(1);
    el.center = '48.8501,2.3701';
    await el.updateComplete;
    await sleep(400);
    expect(calls).to.have.length(1);
    // Two quick moves far away: the first is abandoned during the pause before loading.
    el.center = '45.76,4.83';
    await el.updateComplete;
    el.center = '43.6,1.44';
    await el.updateComplete;
    await oneEvent(el, 'lien-load');
    expect(calls).to.have.length(2);
    expect(calls[1].query.bbox[1]).to.be.lessThan(43.6);
  });

  it('aborts a request in flight when the view moves on', async () => {
    const signals: AbortSignal[] = [];
    const slow: PlaceSource = {
      load: (_query, {signal}) => {
        signals.push(signal);
        return new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
      },
    };
    const el = await fixture<AccessMap>(html`<access-map .dataSource=${slow} center="48.85,2.37" zoom="13" view="list"></access-map>`);
    await sleep(400);
    expect(signals).to.have.length(1);
    el.center = '43.6,1.44';
    await el.updateComplete;
    expect(signals[0].aborted).to.equal(true);
  });
});
