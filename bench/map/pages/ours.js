// Ours: the shipped <access-map> element (map beside its list, as a site embeds it), fed through its
// `dataSource` property with a source that answers every place at once (`complete`, like a whole file).
// What it builds from the places is its own business and inside the timing: its filters, the list of the
// view, two coordinate arrays handed to the clustering worker, the markers of the view.
import '@lien/access-map/define.js';
import {installOurs, START} from './harness.js';

const el = document.createElement('access-map');
el.setAttribute('center', START.center.join(','));
el.setAttribute('zoom', String(START.zoom));
el.setAttribute('tile-url', '/tile/{z}/{x}/{y}.png');
el.style.cssText = 'display: block; width: 1024px; --access-map-height: 640px';
// Until the hand-over the element has a source with no places, so its map is built and shown first.
el.dataSource = {load: async () => ({places: [], attribution: [], complete: true})};
document.body.append(el);

await installOurs(el, (places) => {
  // "Everything loaded" = `drawn` after the hand-over: the places listed, every zoom clustered, the view drawn.
  el.dataSource = {load: async () => ({places, attribution: [{text: 'bench'}], complete: true})};
  return el.drawn.then(() => performance.now());
});
