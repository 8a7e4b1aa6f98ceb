// In-page half of the map benchmark, shared by both pages. A page supplies an adapter:
//   { map: L.Map, clusterCount(): number, load(places): Promise<void> (resolves once everything is
//     indexed and shown), settled?(): Promise<void> (optional: resolves when a view change is answered) }
// and calls install(adapter). run.mjs drives the functions on window.bench through Playwright.
import {generatePlaces} from '../data.mjs';

/** The one starting view for both sides: all of mainland France in a 1024×768 viewport. */
export const START = {center: [46.6, 2.4], zoom: 6};

// 20 view changes, the same for both sides: zooms, pans, and jumps to dense and sparse areas.
const MOVES = [
  (m) => m.zoomIn(), (m) => m.panBy([200, 100]), (m) => m.zoomIn(), (m) => m.panBy([-300, 0]),
  (m) => m.setView([48.86, 2.35], 11), (m) => m.zoomIn(), (m) => m.panBy([0, 250]), (m) => m.zoomOut(),
  (m) => m.zoomOut(), (m) => m.setView([45.76, 4.84], 10), (m) => m.panBy([400, -200]), (m) => m.zoomIn(),
  (m) => m.zoomIn(), (m) => m.panBy([-250, -250]), (m) => m.zoomOut(), (m) => m.setView([43.3, 5.37], 9),
  (m) => m.panBy([300, 300]), (m) => m.zoomOut(), (m) => m.zoomOut(), (m) => m.setView(START.center, START.zoom),
];

/** Markers unchanged this long after a move (and its animations) = the move is answered. */
const QUIET_MS = 250;

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Long tasks (> 50 ms) the page itself sees, kept as a cross-check of the trace's figures. */
function watchLongTasks() {
  const tasks = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push({start: e.startTime, duration: e.duration});
  });
  observer.observe({type: 'longtask'});
  return () => {
    for (const e of observer.takeRecords()) tasks.push({start: e.startTime, duration: e.duration});
    observer.disconnect();
    return tasks;
  };
}

/** Resolves once nothing in `node`'s subtree has changed for `quietMs` (or after `maxMs`). */
async function quiet(node, quietMs = 250, maxMs = 15000) {
  let last = performance.now();
  const observer = new MutationObserver(() => (last = performance.now()));
  observer.observe(node, {childList: true, subtree: true, attributes: true});
  const end = performance.now() + maxMs;
  while (performance.now() - last < quietMs && performance.now() < end) await sleep(50);
  observer.disconnect();
  return performance.now() < end;
}

/**
 * The Leaflet wrapper of an `<access-map>`, once its map is built. The element keeps its map controller private
 * (`map`, its wrapper `map.view`); the bench reads it only to drive the same moves on both sides.
 */
export function mapViewOf(el) {
  return new Promise((resolve) => {
    const poll = () => (el.map?.view ? resolve(el.map.view) : setTimeout(poll, 20));
    poll();
  });
}

/**
 * Installs the bench's moves on an <access-map> once its map exists. `drawn` is the element's own word that what
 * it shows follows its source, filters and view (the map's redraws and worker answers included); a macrotask
 * first, so that the element has seen the moveend. `load(places)` is the hand-over, when the page has one.
 */
export async function installOurs(el, load = () => Promise.resolve()) {
  const view = await mapViewOf(el);
  const pane = view.map.getPane('markerPane');
  install({
    map: view.map,
    clusterCount: () => pane.getElementsByClassName('lien-cluster').length,
    settled: () => new Promise((resolve) => setTimeout(resolve, 0)).then(() => el.drawn),
    load,
  });
}

/**
 * The peers' map on a site's page: the element's map box (`?w=…&h=…`), the start view, the tiles, and the harness
 * installed with the class their cluster markers have.
 */
export function peerMap(clusterClass) {
  const query = new URLSearchParams(location.search);
  if (query.has('w')) Object.assign(document.getElementById('map').style, {width: `${query.get('w')}px`, height: `${query.get('h')}px`});
  const L = window.L;
  const map = L.map('map').setView(START.center, START.zoom);
  L.tileLayer('/tile/{z}/{x}/{y}.png', {maxZoom: 19}).addTo(map);
  const pane = map.getPane('markerPane');
  install({map, clusterCount: () => pane.getElementsByClassName(clusterClass).length, load: () => Promise.resolve()});
  return {L, map, query};
}

export function install(adapter) {
  let places = null; // kept for the page's lifetime: the site owns its data whichever map shows it
  window.bench = {
    adapter,
    mapSize: () => adapter.map.getSize(),
    generate(count, seed) {
      places = generatePlaces(count, seed);
      return places.length;
    },
    /**
     * Hands the places over and times it. The clock starts just before the hand-over and stops at the
     * first animation frame in which cluster markers are in the DOM (they are painted in that frame).
     */
    async load(timeoutMs) {
      const stopWatching = watchLongTasks();
      performance.mark('bench-load-start');
      const t0 = performance.now();
      let loadedAt = null;
      // An adapter may resolve with the moment it was done (when it can only tell after a grace period).
      const loaded = adapter.load(places).then((at) => (loadedAt = typeof at === 'number' ? at : performance.now()));
      let firstClusters = null;
      while (firstClusters === null && performance.now() - t0 < timeoutMs) {
        await frame();
        if (adapter.clusterCount() > 0) firstClusters = performance.now() - t0;
      }
      const rest = Math.max(1, timeoutMs - (performance.now() - t0));
      await Promise.race([loaded, sleep(rest)]);
      await frame();
      performance.mark('bench-load-end');
      return {
        firstClusters,
        loaded: loadedAt === null ? null : loadedAt - t0,
        clusters: adapter.clusterCount(),
        longTasks: stopWatching(),
      };
    },
    /** The 20 view changes, each awaited until the map has answered it. */
    async browse() {
      const map = adapter.map;
      const pane = map.getPane('markerPane');
      const stopWatching = watchLongTasks();
      performance.mark('bench-browse-start');
      const t0 = performance.now();
      let settled = 0;
      let slowest = 0;
      for (const move of MOVES) {
        const start = performance.now();
        const moved = new Promise((resolve) => map.once('moveend', resolve));
        move(map);
        await Promise.race([moved, sleep(3000)]);
        const answered = adapter.settled
          ? await Promise.race([adapter.settled().then(() => true), sleep(15000).then(() => false)])
          : true;
        const calm = await quiet(pane, QUIET_MS);
        if (answered && calm) settled++;
        // From the move to the last change of the markers (the quiet period itself not counted).
        slowest = Math.max(slowest, performance.now() - start - QUIET_MS);
      }
      performance.mark('bench-browse-end');
      return {settled, of: MOVES.length, elapsed: performance.now() - t0, slowest, longTasks: stopWatching(), clusters: adapter.clusterCount()};
    },
  };
}
