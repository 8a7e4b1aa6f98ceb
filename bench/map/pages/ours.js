// Ours: the shipped <access-map> element (map beside its list, as a site embeds it), fed through its
// `dataSource` property with a source that answers every place at once (`complete`, like a whole file).
// What it builds from the places is its own business and inside the timing: its filters, the list of the
// view, two coordinate arrays handed to the clustering worker, the markers of the view.
import '@lien/access-map/define.js';
import {install, START} from './harness.js';

const el = document.createElement('access-map');
el.setAttribute('center', START.center.join(','));
el.setAttribute('zoom', String(START.zoom));
el.setAttribute('tile-url', '/tile/{z}/{x}/{y}.png');
el.style.cssText = 'display: block; width: 1024px; --access-map-height: 640px';
// Until the hand-over the element has a source with no places, so its map is built and shown first.
el.dataSource = {load: async () => ({places: [], attribution: [], complete: true})};
document.body.append(el);

// The element keeps its Leaflet wrapper private (`mapView`); the bench reads it to drive the same moves.
const view = await new Promise((resolve) => {
  const poll = () => (el.mapView ? resolve(el.mapView) : setTimeout(poll, 20));
  poll();
});
const pane = view.map.getPane('markerPane');

// A move is answered once every redraw or re-index the map started has finished (worker answers included).
let inFlight = 0;
for (const name of ['setPlaces', 'draw']) {
  const original = view[name].bind(view);
  view[name] = (...args) => {
    inFlight++;
    return original(...args).finally(() => inFlight--);
  };
}
const idle = () => new Promise((resolve) => {
  const poll = () => (inFlight === 0 ? resolve() : setTimeout(poll, 20));
  poll();
});

install({
  map: view.map,
  clusterCount: () => pane.getElementsByClassName('lien-cluster').length,
  // Let the element react to the move (its update runs in a microtask after moveend), then wait for the map.
  settled: () => new Promise((resolve) => setTimeout(resolve, 0)).then(idle),
  load(places) {
    return new Promise((resolve) => {
      // "Everything loaded" = the element asked its map for these places and the map's index (all zooms,
      // built in the worker) answered and was drawn: setPlaces resolved for an array of every place.
      const setPlaces = view.setPlaces.bind(view);
      view.setPlaces = (list) => {
        const done = setPlaces(list);
        if (list.length === places.length) done.then(resolve);
        return done;
      };
      el.dataSource = {load: async () => ({places, attribution: [{text: 'bench'}], complete: true})};
    });
  },
});
