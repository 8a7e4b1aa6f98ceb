// `npm run size`: the raw and gzip size of each element's full CDN load (its entry, every chunk it
// imports, loads later or starts as a worker; of its source adapters, which a page fetches one of, the
// largest), checked against the budget in its package.json; for an element with a first-useful budget (the
// map's list, before Leaflet), also what it fetches before its first content
// (`"lien": {"sizeBudgetGzip": <bytes>}`); and the autoloader lien.js on its own, against core's
// `"lien": {"autoloaderBudgetGzip": <bytes>}`. Deterministic: gzip level 9 over the built files. Reads
// dist/cdn, or LIEN_CDN_DIR when set.
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {gzipSync} from 'node:zlib';
import {cdnDir as cdn} from './build/cdn-dir.mjs';

if (!existsSync(join(cdn, 'manifest.json'))) {
  console.error('No CDN build found: run "npm run build" first.');
  process.exit(1);
}
const {chunks} = JSON.parse(readFileSync(join(cdn, 'manifest.json'), 'utf8'));

/** The optional parts met on the way (`*.part.ts` chunks), kept out of every closure and reported apart. */
const parts = new Set();

/**
 * The files `file` brings, alternatives (source adapters) set aside in `alternatives`. With `laterToo` false, the
 * modules it imports only later, dynamically (the map: Leaflet and its code), are left out, adapters and workers not.
 */
function closure(file, seen, alternatives, laterToo = true) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const chunk = chunks[file];
  if (!chunk) return seen;
  const later = new Set(chunk.dynamicImports);
  for (const next of [...chunk.imports, ...chunk.dynamicImports, ...chunk.referencedFiles]) {
    if (chunks[next]?.part && !chunk.part) parts.add(next);
    else if (alternatives && chunks[next]?.alternative) alternatives.add(next);
    else if (laterToo || !later.has(next)) closure(next, seen, alternatives, laterToo);
  }
  return seen;
}

const gzipSize = (file) => gzipSync(readFileSync(join(cdn, file)), {level: 9}).length;

/**
 * Every file an element's page may fetch: its closure, plus the heaviest of its alternatives (a source's chunks
 * together). `laterToo` false: what it fetches before its first content, without what it imports later.
 */
function fullLoad(file, laterToo = true) {
  const alternatives = new Set();
  const base = closure(file, new Set(), alternatives, laterToo);
  const groups = new Map();
  for (const f of alternatives) groups.set(chunks[f].alternative, [...(groups.get(chunks[f].alternative) ?? []), f]);
  let heaviest = [];
  let heaviestSize = -1;
  for (const group of groups.values()) {
    const extra = new Set();
    for (const alternative of group) for (const f of closure(alternative, new Set(base), undefined, laterToo)) if (!base.has(f)) extra.add(f);
    const size = [...extra].reduce((sum, f) => sum + gzipSize(f), 0);
    if (size > heaviestSize) [heaviest, heaviestSize] = [[...extra], size];
  }
  return new Set([...base, ...heaviest]);
}

const budgets = {};
/** `"lien": {"firstUsefulBudgetGzip": <bytes>}`: an element whose first content shows before what it loads later. */
const firstUsefulBudgets = {};
/** The peer an element is measured against: `"lien": {"sizePeer": {"name": …, "gzipBytes": …}}`. */
const peers = {};
let autoloaderBudget;
for (const name of readdirSync('packages')) {
  const file = join('packages', name, 'package.json');
  if (!existsSync(file)) continue;
  const lien = JSON.parse(readFileSync(file, 'utf8')).lien;
  budgets[name] = lien?.sizeBudgetGzip;
  if (lien?.firstUsefulBudgetGzip) firstUsefulBudgets[name] = lien.firstUsefulBudgetGzip;
  if (lien?.sizePeer) peers[name] = lien.sizePeer;
  if (name === 'core') autoloaderBudget = lien?.autoloaderBudgetGzip;
}

// Core's budget is for an element built on core alone: the demo's theme preview is that element. The
// core.js entry (the whole API, for sites writing their own elements) is reported without a budget.
budgets['theme-preview'] = budgets.core;
delete budgets.core;
// The autoloader (its runtime is core's src/autoloader.ts) loads nothing by itself: its row is lien.js alone.
budgets.lien = autoloaderBudget;

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const rows = [];
const ratios = [];
let failed = false;
// A budget whose file the build did not make would pass unchecked.
const built = new Set(Object.values(chunks).map((chunk) => chunk.entry));
for (const [name, budget] of Object.entries(budgets)) {
  if (budget === undefined || built.has(name)) continue;
  failed = true;
  rows.push([`${name}.js`, '0', '—', '—', kb(budget), 'MISSING']);
}
for (const [file, chunk] of Object.entries(chunks)) {
  if (!chunk.entry) continue;
  const files = [...fullLoad(file)];
  const raw = files.reduce((sum, f) => sum + readFileSync(join(cdn, f)).length, 0);
  const gzip = files.reduce((sum, f) => sum + gzipSize(f), 0);
  const budget = budgets[chunk.entry];
  const over = budget !== undefined && gzip > budget;
  failed ||= over;
  const label = chunk.entry === 'lien' ? 'lien.js (autoloader)' : `${chunk.entry}.js`;
  rows.push([label, String(files.length), kb(raw), kb(gzip), budget ? kb(budget) : '—', over ? 'OVER' : budget ? 'ok' : '']);
  const firstBudget = firstUsefulBudgets[chunk.entry];
  if (firstBudget) {
    const first = [...fullLoad(file, false)];
    const firstGzip = first.reduce((sum, f) => sum + gzipSize(f), 0);
    const firstOver = firstGzip > firstBudget;
    failed ||= firstOver;
    const firstRaw = first.reduce((sum, f) => sum + readFileSync(join(cdn, f)).length, 0);
    rows.push([`  first useful content (no later imports)`, String(first.length), kb(firstRaw), kb(firstGzip), kb(firstBudget), firstOver ? 'OVER' : 'ok']);
  }
  const peer = peers[chunk.entry];
  if (peer) ratios.push(`${label}: ${kb(gzip)} gzip = ${(gzip / peer.gzipBytes).toFixed(2)}× ${peer.name} (${kb(peer.gzipBytes)} gzip)`);
}

// Each optional part, with what it brings beyond the elements' own loads (their shared chunks are counted there).
const loaded = new Set(Object.entries(chunks).flatMap(([file, chunk]) => (chunk.entry ? [...fullLoad(file)] : [])));
for (const part of parts) {
  const files = [...closure(part, new Set())].filter((f) => f === part || !loaded.has(f));
  const raw = files.reduce((sum, f) => sum + readFileSync(join(cdn, f)).length, 0);
  const gzip = files.reduce((sum, f) => sum + gzipSize(f), 0);
  rows.push([`  + ${part.replace(/^chunks\//, '').replace(/-[\w-]+\.js$/, '')} (optional part)`, String(files.length), kb(raw), kb(gzip), '—', '']);
}

const header = [`element (${cdn})`, 'files', 'raw', 'gzip', 'budget (gzip)', ''];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
console.log(line(header));
for (const row of rows) console.log(line(row));
if (ratios.length) console.log(`\n${ratios.join('\n')}`);
if (failed) {
  console.error('\nA size budget is exceeded or its file is missing (see OVER or MISSING above).');
  process.exit(1);
}
