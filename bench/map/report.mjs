// The printed table: medians of the runs, ours / peer ratios, and the targets.
const median = (xs) => {
  const v = xs.filter((x) => x !== null && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
};

// [label, field, unit, target kind, target value]
const ROWS = [
  ['time to first clusters', 'firstClusters', 'ms', 'ratio', 0.5],
  ['retained JS heap (page + workers)', 'retained', 'MB', 'ratio', 0.25],
  ['longest main-thread task, load', 'loadLongest', 'ms', 'abs', 50],
  ['longest main-thread task, 20 pans/zooms', 'browseLongest', 'ms', 'abs', 50],
];
const INFO = [
  ['everything loaded (all zooms indexed)', 'loaded', 'ms'],
  ['long tasks (>50 ms) seen by the page, load', 'loadLongTasks', 'n'],
  ['long tasks (>50 ms) seen by the page, pans', 'browseLongTasks', 'n'],
  ['pans/zooms answered (of 20)', 'browseSettled', 'n'],
  ['slowest pan/zoom, until its markers are drawn', 'browseSlowest', 'ms'],
  ['time for the 20 pans/zooms', 'browseElapsed', 'ms'],
];

const show = (v, unit) =>
  v === null ? '—' : unit === 'MB' ? `${(v / 1e6).toFixed(1)} MB` : unit === 'ms' ? (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(0)} ms`) : String(v);

export function report(size, perSide) {
  const med = (side, field) => (perSide[side]?.length ? median(perSide[side].map((r) => r[field])) : null);
  const n = Math.max(...Object.values(perSide).map((r) => r.length));
  const lines = [];
  const row = (cells) => lines.push(cells.map((c, i) => (i ? String(c).padStart(i === 5 ? 22 : 14) : String(c).padEnd(44))).join(''));
  const box = Object.values(perSide).flat()[0]?.mapSize;
  const where = box ? `, map ${box.x}×${box.y} px` : '';
  lines.push('', `${size.toLocaleString('en')} places — median of ${n} run${n > 1 ? 's' : ''}, Chromium${where}`);
  row(['', 'ours', 'markercluster', 'ours/peer', 'target', 'verdict']);
  for (const [label, field, unit, kind, target] of ROWS) {
    const ours = med('ours', field);
    const peer = med('peer', field);
    const ratio = ours !== null && peer ? ours / peer : null;
    let verdict = '—';
    if (ours !== null) {
      const ok = kind === 'ratio' ? ratio !== null && ratio <= target : ours <= target;
      verdict = ok ? 'PASS' : 'MISS';
    }
    row([label, show(ours, unit), show(peer, unit), ratio === null ? '—' : ratio.toFixed(2), kind === 'ratio' ? `≤ ${target}× peer` : `≤ ${target} ms`, verdict]);
  }
  for (const [label, field, unit] of INFO) row([label, show(med('ours', field), unit), show(med('peer', field), unit), '', '', '']);
  return lines.join('\n');
}

// The site's path: three sides, ours against markercluster (the peer to beat), raw supercluster alongside.
const SITE_ROWS = [
  ['time to first clusters, from navigation start', 'firstClusters', 'ms', 'ratio', 0.5],
  ['longest main-thread task, to first clusters', 'firstLongest', 'ms', 'abs', 50],
  ['longest main-thread task, to everything loaded', 'loadLongest', 'ms', 'abs', 50],
  ['longest main-thread task, 20 pans/zooms', 'browseLongest', 'ms', 'abs', 50],
  ['JS heap once loaded (page + workers)', 'heap', 'MB', 'ratio', 0.25],
];
const SITE_INFO = [
  ['everything loaded, from navigation start', 'loaded', 'ms'],
  ['places on the map', 'count', 'n'],
  ['pans/zooms answered (of 20)', 'browseSettled', 'n'],
  ['slowest pan/zoom, until its markers are drawn', 'browseSlowest', 'ms'],
];

export function reportSite(size, perSide) {
  const med = (side, field) => (perSide[side]?.length ? median(perSide[side].map((r) => r[field])) : null);
  const n = Math.max(...Object.values(perSide).map((r) => r.length));
  const lines = [];
  const row = (cells) => lines.push(cells.map((c, i) => (i ? String(c).padStart(i === 6 ? 22 : 14) : String(c).padEnd(48))).join(''));
  lines.push('', `${size.toLocaleString('en')} places, the site's path (a GeoJSON file by its address) — median of ${n} run${n > 1 ? 's' : ''}, Chromium`);
  row(['', 'ours', 'markercluster', 'supercluster', 'ours/mc', 'target', 'verdict']);
  for (const [label, field, unit, kind, target] of SITE_ROWS) {
    const [ours, peer, sc] = ['ours', 'peer', 'supercluster'].map((side) => med(side, field));
    const ratio = ours !== null && peer ? ours / peer : null;
    let verdict = '—';
    if (ours !== null) verdict = (kind === 'ratio' ? ratio !== null && ratio <= target : ours <= target) ? 'PASS' : 'MISS';
    else if (perSide.ours?.length) verdict = 'MISS (never)';
    row([label, show(ours, unit), show(peer, unit), show(sc, unit), ratio === null ? '—' : ratio.toFixed(2), kind === 'ratio' ? `≤ ${target}× mc` : `≤ ${target} ms`, verdict]);
  }
  for (const [label, field, unit] of SITE_INFO) row([label, show(med('ours', field), unit), show(med('peer', field), unit), show(med('supercluster', field), unit), '', '', '']);
  return lines.join('\n');
}

// The gateway path: ours alone (no peer draws a server's clusters), against the absolute targets.
const GATEWAY_ROWS = [
  ['time to first clusters of France, from navigation start', 'firstClusters', 'ms', null],
  ['longest main-thread task, to first clusters', 'firstLongest', 'ms', 50],
  ['longest main-thread task, 20 pans/zooms', 'browseLongest', 'ms', 50],
  ['JS heap once loaded (page + workers)', 'heap', 'MB', null],
  ['places in the first view (the gateway\'s count)', 'count', 'n', null],
  ['pans/zooms answered (of 20)', 'browseSettled', 'n', null],
  ['slowest pan/zoom, until its markers are drawn', 'browseSlowest', 'ms', null],
];

export function reportGateway(count, storage, runs) {
  const med = (field) => median(runs.map((r) => r[field]));
  const lines = [];
  const row = (cells) => lines.push(cells.map((c, i) => (i ? String(c).padStart(14) : String(c).padEnd(58))).join(''));
  lines.push('', `The gateway path: <access-map source="lien"> on a gateway holding ${count.toLocaleString('en')} places (${storage}), mainland France at zoom 6 — median of ${runs.length} run${runs.length > 1 ? 's' : ''}, Chromium`);
  row(['', 'ours', 'target', 'verdict']);
  for (const [label, field, unit, target] of GATEWAY_ROWS) {
    const value = med(field);
    row([label, show(value, unit), target === null ? '' : `≤ ${target} ms`, target === null ? '' : value !== null && value <= target ? 'PASS' : 'MISS']);
  }
  return lines.join('\n');
}
