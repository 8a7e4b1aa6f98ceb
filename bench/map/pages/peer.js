// The peer: Leaflet 1.9.4 + leaflet.markercluster 1.5.3 as its docs advise for large sets
// (chunkedLoading, default icons and animations). It needs one L.Marker per place, built inside the timing.
import {install, START} from './harness.js';

const L = window.L;
// The same map box as ours (run.mjs reads it from the element's page and passes it here).
const size = new URLSearchParams(location.search);
if (size.has('w')) Object.assign(document.getElementById('map').style, {width: `${size.get('w')}px`, height: `${size.get('h')}px`});
const map = L.map('map', {preferCanvas: false}).setView(START.center, START.zoom);
L.tileLayer('/tile/{z}/{x}/{y}.png', {maxZoom: 19}).addTo(map);
const pane = map.getPane('markerPane');

install({
  map,
  clusterCount: () => pane.getElementsByClassName('marker-cluster').length,
  load(places) {
    return new Promise((resolve) => {
      const group = L.markerClusterGroup({
        chunkedLoading: true,
        // Called after each chunk; the last call (processed === total) comes once every marker is in.
        // Adding the group to the map reports an empty batch (0 of 0) first, hence the length check.
        chunkProgress: (processed, total) => processed === total && total === places.length && resolve(),
      });
      map.addLayer(group);
      const markers = places.map((p) => L.marker([p.lat, p.lon], {title: p.name, alt: p.name}));
      group.addLayers(markers);
    });
  },
});
