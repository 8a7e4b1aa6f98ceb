import {expect, fixture, waitUntil} from '@open-wc/testing';
import {html} from 'lit';
import type {AccessMap} from '../src/access-map.js';
import {WorkerClient} from '../src/clustering/worker-client.js';
import type {MapView} from '../src/map/map-view.js';
import type {Place} from '@lien/open-data/place.js';
import type {PlaceSource} from '../src/sources/types.js';
import {$, $$, names, statusText, TILES} from './helpers.js';

/** `n` places around Lorient (deterministic), a third accessible by wheelchair. */
function places(n: number, spread = 0.2): Place[] {
  let s = 7;
  const random = () => ((s = (s * 16807) % 2147483647) / 2147483647);
  return Array.from({length: n}, (_, i) => ({
    id: `t:${i}`,
    name: `Place ${i}`,
    lat: 47.75 + (random() - 0.5) * spread,
    lon: -3.37 + (random() - 0.5) * spread,
    source: 'geojson' as const,
    accessibility: i % 3 ? {} : {accessibleWith: {wheelchair: true}},
  }));
}

/** A source that answers every place at once, as a whole file does, and counts its calls. */
function whole(list: Place[]) {
  const calls: number[] = [];
  const source: PlaceSource = {
    load: async () => {
      calls.push(performance.now());
      return {places: list, attribution: [], complete: true};
    },
  };
  return {calls, source};
}

const mapViewOf = (el: AccessMap) => (el as unknown as {map: {view?: MapView}}).map.view;

/** Mounts a map-and-list element and waits until its map is built and drawn. */
async function mountWithMap(source: PlaceSource, zoom = 12): Promise<{el: AccessMap; view: MapView}> {
  const el = await fixture<AccessMap>(html`<access-map .dataSource=${source} center="47.75,-3.37" zoom=${zoom} tile-url=${TILES}></access-map>`);
  await waitUntil(() => mapViewOf(el), 'the map was never built', {timeout: 5000});
  await el.drawn;
  return {el, view: mapViewOf(el)!};
}

/** Counts the clustering index builds of a map (each `setPlaces` is one). */
function countBuilds(view: MapView): {builds: number} {
  const counter = {builds: 0};
  const setPlaces = view.setPlaces.bind(view);
  view.setPlaces = (...args) => (counter.builds++, setPlaces(...args));
  return counter;
}

async function move(el: AccessMap, view: MapView, to: () => void): Promise<void> {
  const moved = new Promise((resolve) => view.map.once('moveend', resolve));
  to();
  await moved;
  await el.drawn;
}

describe('<access-map> with many places', () => {
  it('asks its source at once for the first view', async () => {
    const {calls, source} = whole(places(10, 0.01));
    const el = await fixture<AccessMap>(html`<access-map .dataSource=${source} center="47.75,-3.37" zoom="12" view="list"></access-map>`);
    await Promise.resolve();
    // Asked within the first update: a pause before asking would still be running.
    expect(calls).to.have.length(1);
    await el.drawn;
    expect(names(el)).to.have.length(10);
  });

  it('keeps the clustering across pans and zooms, and builds it again only when the filters change', async () => {
    const {source} = whole(places(6000));
    const {el, view} = await mountWithMap(source);
    const counter = countBuilds(view);
    const first = names(el);
    const inView = statusText(el);
    await move(el, view, () => view.map.panBy([200, 0], {animate: false}));
    await move(el, view, () => view.map.setZoom(14, {animate: false}));
    expect(counter.builds).to.equal(0);
    expect(names(el)).to.not.deep.equal(first);
    expect(statusText(el)).to.not.equal(inView);
    expect(names(el).length).to.be.within(1, 200);
    expect($$(el, '.leaflet-marker-icon').length).to.be.greaterThan(0);
    el.needs = 'wheelchair';
    await el.drawn;
    expect(counter.builds).to.equal(1);
    for (const name of names(el)) expect(Number(name.split(' ')[1]) % 3).to.equal(0);
  });

  it('leaves the list untouched when a move does not change it', async () => {
    // On a line east of the centre: the same order by distance from the centre at every zoom.
    const line = places(50).map((place, i) => ({...place, lat: 47.75, lon: -3.36 + i * 1e-4}));
    const {source} = whole(line);
    const {el, view} = await mountWithMap(source, 10);
    expect(names(el)).to.have.length(50);
    const changes: MutationRecord[] = [];
    const observer = new MutationObserver((records) => changes.push(...records));
    observer.observe($(el, '[part=list]')!, {childList: true, subtree: true, characterData: true, attributes: true});
    // Same centre, one zoom closer: the same places in view, in the same order.
    await move(el, view, () => view.map.setZoom(11, {animate: false}));
    observer.disconnect();
    expect(names(el)).to.have.length(50);
    expect(changes.map((c) => `${c.type} ${(c.target as Element).className ?? c.target.nodeName} ${c.attributeName}`)).to.deep.equal([]);
  });

  it('takes 300,000 places in slices that give the main thread back, and clusters them in the worker', async () => {
    const {source: empty} = whole([]);
    const {el, view} = await mountWithMap(empty, 9);
    const many = whole(places(300_000, 1)).source;
    // Counts the pauses of the sliced selection (it yields through scheduler.yield when there is one).
    const global = globalThis as {scheduler?: {yield?: () => Promise<void>}};
    const original = global.scheduler;
    let pauses = 0;
    global.scheduler = {yield: () => (pauses++, new Promise((resolve) => setTimeout(resolve)))};
    let ranMeanwhile = false;
    try {
      el.dataSource = many;
      await el.updateComplete;
      setTimeout(() => (ranMeanwhile = true));
      await el.drawn;
    } finally {
      global.scheduler = original;
    }
    expect(statusText(el)).to.match(/^\d{3},\d{3} places/);
    expect(ranMeanwhile, 'a timer ran before the places were drawn').to.equal(true);
    // The first pause lets the task that loaded the places end; any later one is the selection giving the main
    // thread back in the middle of its work (how many depends on the machine's speed: 8 ms slices).
    expect(pauses, 'slices of the selection').to.be.at.least(2);
    expect((view as unknown as {index: {inWorker: boolean}}).index.inWorker).to.equal(true);
    await move(el, view, () => view.map.setZoom(13, {animate: false}));
    await move(el, view, () => view.map.panBy([300, 100], {animate: false}));
    expect(names(el)).to.have.length(200);
  });

  // Last: the page clusters on its main thread after this.
  it('keeps drawing after its clustering worker crashed', async () => {
    const {source} = whole(places(6000));
    const {el, view} = await mountWithMap(source);
    const keys = () => $$(el, '.leaflet-marker-icon[aria-label]').map((m) => m.dataset.key).join();
    const before = keys();
    const client = (await WorkerClient.get()) as unknown as {worker: Worker};
    client.worker.dispatchEvent(new ErrorEvent('error', {message: 'out of memory'}));
    await move(el, view, () => view.map.setZoom(14, {animate: false}));
    expect(keys()).to.not.equal(before);
    expect($$(el, '.leaflet-marker-icon[aria-label]').length).to.be.greaterThan(0);
  });
});
