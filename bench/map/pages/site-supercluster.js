// The site's path, raw supercluster on the main thread: the same file fetched and parsed, the index built
// on the page's thread, and the view's clusters drawn as Leaflet markers at each move.
import {install, START} from './harness.js';

const query = new URLSearchParams(location.search);
if (query.has('w')) Object.assign(document.getElementById('map').style, {width: `${query.get('w')}px`, height: `${query.get('h')}px`});
const L = window.L;
const map = L.map('map').setView(START.center, START.zoom);
L.tileLayer('/tile/{z}/{x}/{y}.png', {maxZoom: 19}).addTo(map);
const pane = map.getPane('markerPane');
install({map, clusterCount: () => pane.getElementsByClassName('sc-cluster').length, load: () => Promise.resolve()});

const geojson = await (await fetch(query.get('data'))).json();
window.siteCount = geojson.features.length;
const index = new window.Supercluster({radius: 80, maxZoom: 16}).load(geojson.features);
const layer = L.layerGroup().addTo(map);
function draw() {
  layer.clearLayers();
  const b = map.getBounds();
  for (const c of index.getClusters([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], Math.round(map.getZoom()))) {
    const [lon, lat] = c.geometry.coordinates;
    const count = c.properties.point_count;
    layer.addLayer(
      L.marker([lat, lon], count ? {icon: L.divIcon({className: 'sc-cluster', html: String(count), iconSize: [32, 32]}), title: `${count}`} : {title: c.properties.name, alt: c.properties.name})
    );
  }
}
map.on('moveend', draw);
draw();
performance.mark('bench-site-loaded');
window.siteLoaded = performance.now();
