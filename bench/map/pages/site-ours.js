// The site's path, ours: once the element's map exists, the bench's moves can drive it (harness.js), and
// "everything loaded" is the element's own `drawn` after its places arrived.
import {install, mapViewOf} from './harness.js';

const el = document.querySelector('access-map');
await customElements.whenDefined('access-map');
const view = await mapViewOf(el);
const pane = view.map.getPane('markerPane');
install({
  map: view.map,
  clusterCount: () => pane.getElementsByClassName('lien-cluster').length,
  settled: () => new Promise((resolve) => setTimeout(resolve, 0)).then(() => el.drawn),
  load: () => Promise.resolve(),
});
// Places have arrived once `lien-load` said how many; then `drawn` says the list and every zoom are done.
await new Promise((resolve) => (window.siteCount !== undefined ? resolve() : el.addEventListener('lien-load', resolve, {once: true})));
await el.drawn;
performance.mark('bench-site-loaded');
window.siteLoaded = performance.now();
