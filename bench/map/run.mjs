#!/usr/bin/env node
// Map benchmark: <access-map> against leaflet.markercluster, same data, same browser, same run.
//   node bench/map/run.mjs [--sizes 10000,100000,1000000] [--runs N] [--sides ours,peer] [--seed S]
//                          [--paths site,handover,gateway] [--gateway-count 1000000]
// Two tables per size (medians of N runs): the site's path (the CDN module and a GeoJSON file by its address,
// from navigation start; raw supercluster on the main thread as a third side), then the hand-over (ready place
// objects given to each side). Then the gateway path: the CDN module and `source="lien"` on Lien's gateway holding
// the same seeded places (1 M by default), timed from navigation start to the first clusters of France. Raw runs
// go to bench/results/.
import {mkdirSync, writeFileSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';
import {mapSize, measureOnce} from './measure.mjs';
import {startServer} from './server.mjs';
import {buildOurs} from './build.mjs';
import {report, reportGateway, reportSite} from './report.mjs';
import {startBenchGateway} from './gateway.mjs';
import {measureSite} from './measure-site.mjs';
import {writeSiteData} from './site-data.mjs';
import {execFileSync} from 'node:child_process';
import {existsSync} from 'node:fs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const {values} = parseArgs({
  options: {
    sizes: {type: 'string', default: '10000,100000,1000000'},
    // Default: 3 runs up to 100 k, 1 run at 1 M (the peer alone needs about 2 minutes a run there),
    // which keeps the three sizes under about 10 minutes on 2 cores. --runs N applies to every size.
    runs: {type: 'string'},
    sides: {type: 'string', default: 'ours,peer'},
    seed: {type: 'string', default: '20251123'},
    paths: {type: 'string', default: 'site,handover,gateway'},
    'gateway-count': {type: 'string', default: '1000000'},
  },
});
const sizes = values.sizes.split(',').map(Number);
const runsFor = (size) => (values.runs ? Math.max(1, Number(values.runs)) : size >= 1_000_000 ? 1 : 3);
const seed = Number(values.seed);
const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';

// The whole bench stops by itself whatever happens in a page.
const HARD_STOP_MS = 30 * 60_000;
setTimeout(() => {
  console.error(`bench:map: stopped after ${HARD_STOP_MS / 60_000} minutes`);
  process.exit(2);
}, HARD_STOP_MS).unref();

let sides = values.sides.split(',');
if (sides.includes('ours')) {
  const built = await buildOurs(root);
  if (!built.ok) {
    console.log(`ours: not measured — ${built.reason}`);
    sides = sides.filter((s) => s !== 'ours');
  }
}
const PAGES = {ours: '/bench/map/pages/ours.html', peer: '/bench/map/pages/peer.html'};
const SITE_PAGES = {ours: '/bench/map/pages/site-ours.html', peer: '/bench/map/pages/site-peer.html', supercluster: '/bench/map/pages/site-supercluster.html'};
const paths = values.paths.split(',');
// The site's and the gateway's paths load Lien's CDN build, as a site does.
if ((paths.includes('site') || paths.includes('gateway')) && !existsSync(join(root, 'dist/cdn/access-map.js'))) execFileSync('npm', ['run', 'build:cdn'], {cwd: root, stdio: 'inherit'});

const {server, origin} = await startServer(root);
// Same viewport for both: the peer's map gets the pixel size of the element's map (beside its list).
if (sides.includes('ours')) {
  const {x, y} = await mapSize(origin + PAGES.ours, chromePath);
  PAGES.peer += `?w=${x}&h=${y}`;
  SITE_PAGES.peer += `?w=${x}&h=${y}`;
  SITE_PAGES.supercluster += `?w=${x}&h=${y}`;
  console.log(`map box: ${x}×${y} px for both sides`);
}
const results = [];
try {
  for (const size of sizes) {
    // Load budget per page: generous for the peer at 1 M (≈ 65 s measured here), bounded all the same.
    const timeoutMs = Math.max(30_000, size / 5);
    const runs = runsFor(size);
    if (paths.includes('site')) {
      const data = await writeSiteData(root, size, seed);
      const siteSides = [...sides, 'supercluster'];
      const perSite = Object.fromEntries(siteSides.map((s) => [s, []]));
      for (let run = 0; run < runs; run++) {
        const order = run % 2 ? [...siteSides].reverse() : siteSides;
        for (const side of order) {
          const started = Date.now();
          const url = `${origin}${SITE_PAGES[side]}${SITE_PAGES[side].includes('?') ? '&' : '?'}data=${encodeURIComponent(data)}`;
          const m = await measureSite({url, timeoutMs: Math.max(60_000, size / 5), chromePath});
          perSite[side].push(m);
          console.error(
            `  ${size} site ${side} run ${run + 1}/${runs}: clusters ${fmt(m.firstClusters)} ms, loaded ${fmt(m.loaded)} ms, heap ${(m.heap / 1e6).toFixed(1)} MB, ` +
              `task to clusters ${fmt(m.firstLongest)} ms, to loaded ${fmt(m.loadLongest)} ms, browse ${fmt(m.browseLongest)} ms, places ${m.count} ` +
              `(${((Date.now() - started) / 1000).toFixed(0)} s)${m.errors.length ? ' errors: ' + m.errors.join(' | ') : ''}`,
          );
        }
      }
      results.push({size, path: 'site', runs: perSite});
      console.log(reportSite(size, perSite));
    }
    if (!paths.includes('handover')) continue;
    const perSide = Object.fromEntries(sides.map((s) => [s, []]));
    for (let run = 0; run < runs; run++) {
      // Alternate which side goes first so a slow drift of the machine does not favour one.
      const order = run % 2 ? [...sides].reverse() : sides;
      for (const side of order) {
        const started = Date.now();
        const m = await measureOnce({url: origin + PAGES[side], size, seed, timeoutMs, chromePath});
        perSide[side].push(m);
        console.error(
          `  ${size} ${side} run ${run + 1}/${runs}: clusters ${fmt(m.firstClusters)} ms, heap ${(m.retained / 1e6).toFixed(1)} MB, ` +
            `load task ${m.loadLongest.toFixed(0)} ms, browse task ${m.browseLongest.toFixed(0)} ms ` +
            `(${((Date.now() - started) / 1000).toFixed(0)} s)${m.errors.length ? ' errors: ' + m.errors.join(' | ') : ''}`,
        );
      }
    }
    results.push({size, path: 'handover', runs: perSide});
    console.log(report(size, perSide));
  }
  if (paths.includes('gateway') && sides.includes('ours')) {
    const count = Number(values['gateway-count']);
    const gateway = await startBenchGateway(root, count, seed);
    try {
      const runs = [];
      for (let run = 0; run < 3; run++) {
        const started = Date.now();
        const m = await measureSite({url: `${origin}${SITE_PAGES.ours}?gateway=${encodeURIComponent(gateway.url)}`, timeoutMs: 60_000, chromePath});
        runs.push(m);
        console.error(
          `  gateway ${count} run ${run + 1}/3: clusters ${fmt(m.firstClusters)} ms, heap ${(m.heap / 1e6).toFixed(1)} MB, task to clusters ${fmt(m.firstLongest)} ms, ` +
            `browse ${fmt(m.browseLongest)} ms, places ${m.count} (${((Date.now() - started) / 1000).toFixed(0)} s)${m.errors.length ? ' errors: ' + m.errors.join(' | ') : ''}`,
        );
      }
      results.push({size: count, path: 'gateway', importMs: gateway.importMs, runs: {ours: runs}});
      console.log(reportGateway(count, 'PGlite', runs));
    } finally {
      await gateway.close();
    }
  }
} finally {
  server.close();
}

const out = join(root, 'bench/results');
mkdirSync(out, {recursive: true});
const file = join(out, `map-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify({seed, chromePath, results}, null, 2));
console.log(`raw runs: ${file.slice(root.length + 1)}`);

function fmt(v) {
  return v === null || v === undefined ? '—' : v.toFixed(0);
}
