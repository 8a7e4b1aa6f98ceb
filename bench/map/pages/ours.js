// Ours: the shipped <access-map> element (map beside its list, as a site embeds it), fed through its
// `dataSource` property with a source that answers every place at once (`complete`, like a whole file).
// What it builds from the places is its own business and inside the timing: its filters, the list of the
// view, two coordinate arrays handed to the clustering worker, the markers of the view.
import '@lien/access-map/define.js';
import {install, mapViewOf, START} from './harness.js';

const el = document.createElement('access-map');
el.setAttribute('center', START.center.join(','));
el.setAttribute('zoom', String(START.zoom));
el.setAttribute('tile-url', '/tile/{z}/{x}/{y}.png');
el.style.cssText = 'display: block; width: 1024px; --access-map-height: 640px';
// Until the hand-over the element has a source with no places, so its map is built and shown first.
el.dataSource = {load: async () => ({places: [], attribution: [], complete: true})};
document.body.append(el);

const view = await mapViewOf(el);
const pane = view.map.getPane('markerPane');

install({
  map: view.map,
  clusterCount: () => pane.getElementsByClassName('lien-cluster').length,
  // `drawn`: the element's own word that what it shows follows its source, filters and view (the map's
  // redraws and worker answers included). A macrotask first, so that the element has seen the moveend.
  settled: () => new Promise((resolve) => setTimeout(resolve, 0)).then(() => el.drawn),
  load(places) {
    // "Everything loaded" = `drawn` after the hand-over: the places listed, every zoom clustered, the view drawn.
    el.dataSource = {load: async () => ({places, attribution: [{text: 'bench'}], complete: true})};
    return el.drawn.then(() => performance.now());
  },
});
