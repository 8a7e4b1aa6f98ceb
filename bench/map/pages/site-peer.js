// The site's path, the peer: the same file fetched and parsed, one L.marker per feature, and
// markercluster's addLayers with chunkedLoading, as its docs advise for large sets.
import {peerMap} from './harness.js';

const {L, map, query} = peerMap('marker-cluster');

const geojson = await (await fetch(query.get('data'))).json();
window.siteCount = geojson.features.length;
const done = new Promise((resolve) => {
  const group = L.markerClusterGroup({
    chunkedLoading: true,
    chunkProgress: (processed, total) => processed === total && total === geojson.features.length && resolve(),
  });
  map.addLayer(group);
  group.addLayers(geojson.features.map((f) => L.marker([f.geometry.coordinates[1], f.geometry.coordinates[0]], {title: f.properties.name, alt: f.properties.name})));
});
await done;
performance.mark('bench-site-loaded');
window.siteLoaded = performance.now();
