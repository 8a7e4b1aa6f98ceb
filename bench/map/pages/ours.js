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
    // "Everything loaded" = the map was given every place and nothing it started is still running
    // (no setPlaces or draw in flight for 200 ms): the worker's index of all zooms is built and drawn,
    // and an index started and then replaced by the element is not mistaken for the end.
    let full = false;
    const setPlaces = view.setPlaces;
    view.setPlaces = (list) => {
      if (list.length === places.length) full = true;
      return setPlaces(list);
    };
    el.dataSource = {load: async () => ({places, attribution: [{text: 'bench'}], complete: true})};
    return new Promise((resolve) => {
      let idleSince = null;
      const poll = () => {
        const now = performance.now();
        idleSince = full && inFlight === 0 ? (idleSince ?? now) : null;
        if (idleSince !== null && now - idleSince >= 200) resolve(idleSince);
        else setTimeout(poll, 20);
      };
      poll();
    });
  },
});
