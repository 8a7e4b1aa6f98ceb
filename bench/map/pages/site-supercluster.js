// The site's path, raw supercluster on the main thread: the same file fetched and parsed, the index built
// on the page's thread, and the view's clusters drawn as Leaflet markers at each move.
import {peerMap} from './harness.js';

const {L, map, query} = peerMap('sc-cluster');

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
