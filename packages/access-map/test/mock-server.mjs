// Loopback stand-ins for the upstreams of <access-map>, under /mock/access-map/, answering in the real
// APIs' shapes (see fixtures/README.md): Acceslibre with paging through `next`, Overpass, accessibility.cloud,
// a GeoJSON file, the gateway's /v1/places, map tiles; and every way an upstream goes wrong: 429 with
// Retry-After, 500, invalid JSON, hostile strings, missing or impossible positions, huge pages. Counters (`?key=`),
// delays (`?delay=`), slow answers, held requests and a refused port are the shared routes of
// @lien/testing/mock-server.mjs (listed there).
import {readFileSync} from 'node:fs';
import {mockUpstream} from '@lien/testing/mock-server.mjs';

const fixture = (name) => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));
const erps = fixture('acceslibre-erps.json').results;
const overpass = fixture('overpass-norwich.json');
const a11yjson = fixture('a11yjson-norwich.json');
const lienPlaces = fixture('lien-places.json');
const norwichFile = fixture('norwich-osm.geojson');

const HOSTILE = '<img src=x onerror="window.__lienPwned=1">Café <b>“Le Phare”</b> & <script>window.__lienPwned=1</script>';
// A 1×1 transparent PNG for tiles: tests never fetch real tiles.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64'
);

/** Acceslibre ERPs with hostile strings and broken positions, in an area of Lorient. */
function hostileErps() {
  const base = erps.find((e) => e.commune === 'Lorient');
  const at = (lon, lat) => ({type: 'Point', coordinates: [lon, lat]});
  return [
    {...base, uuid: 'hostile-1', nom: HOSTILE, adresse: '<script>alert(1)</script>', web_url: 'javascript:alert(1)',
      accessibilite: {...base.accessibilite, commentaire: {commentaire: '<img src=x onerror=alert(1)>', labels: null, labels_familles_handicap: null}}},
    {...base, uuid: 'no-geom', nom: 'Sans position', geom: null},
    {...base, uuid: 'bad-lat', nom: 'Latitude 123', geom: at(-3.36, 123)},
    {...base, uuid: 'bad-coords', nom: 'Texte', geom: {type: 'Point', coordinates: ['abc', 'def']}},
    {...base, uuid: 'null-island', nom: 'Position 0,0', geom: at(0, 0)},
  ];
}

function inZone(zone) {
  if (!zone) return () => true;
  const [w, s, e, n] = zone.split(',').map(Number);
  return (erp) => {
    const [lon, lat] = erp.geom?.coordinates ?? [];
    return lon >= w && lon <= e && lat >= s && lat <= n;
  };
}

function acceslibre(ctx, variant, seen) {
  const q = ctx.query;
  const page = Number(q.page ?? 1);
  if (variant === '429') {
    ctx.status = 429;
    ctx.set('Retry-After', q.retryAfter ?? '120');
    ctx.body = {detail: 'Requête limitée, réessayez plus tard.'};
    return;
  }
  if (variant === '429-once' && seen === 1) {
    ctx.status = 429;
    ctx.set('Retry-After', '1');
    ctx.body = {detail: 'Requête limitée, réessayez plus tard.'};
    return;
  }
  if (variant === 'page2-429' && page === 2) {
    ctx.status = 429;
    ctx.set('Retry-After', '3600');
    ctx.body = {detail: 'Requête limitée.'};
    return;
  }
  if (variant === '500') {
    ctx.status = 500;
    ctx.body = '<h1>Server Error (500)</h1>';
    return;
  }
  if (variant === 'invalid') {
    ctx.type = 'application/json';
    ctx.body = '{"count": 3, "results": [';
    return;
  }
  if (variant === 'wrong-shape') {
    ctx.body = {count: 1, results: {nom: 'not a list'}};
    return;
  }
  let all = variant === 'hostile' ? hostileErps() : erps.filter(inZone(q.zone));
  if (variant === 'huge') {
    // Every page full and always a next one: the source must stop at its page cap.
    all = Array.from({length: 1000 * 50}, (_, i) => ({...erps[6 + (i % 30)], uuid: `huge-${i}`}));
  }
  // The real API honours page_size (≤ 1000); the mock uses small pages unless told, to exercise paging.
  const size = Number(q.mock_page_size ?? (variant === 'huge' ? 1000 : 10));
  const results = all.slice((page - 1) * size, page * size);
  const link = (p) => {
    // `elsewhere`: the next link points at another host (as a proxy that forgot to rewrite it would).
    const url = new URL(variant === 'elsewhere' ? `https://acceslibre.example${ctx.path}${ctx.search}` : ctx.href);
    url.searchParams.set('page', String(p));
    return url.href;
  };
  ctx.body = {
    count: all.length,
    page_size: size,
    next: page * size < all.length ? link(page + 1) : null,
    previous: page > 1 ? link(page - 1) : null,
    results,
  };
}

async function readBody(ctx) {
  const chunks = [];
  for await (const chunk of ctx.req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

async function overpassAnswer(ctx, variant) {
  const form = new URLSearchParams(ctx.method === 'POST' ? await readBody(ctx) : ctx.querystring);
  const data = form.get('data') ?? '';
  const box = data.match(/\((-?[\d.]+),(-?[\d.]+),(-?[\d.]+),(-?[\d.]+)\)/);
  if (!data.includes('out center') || !box) {
    ctx.status = 400;
    ctx.type = 'text/html';
    ctx.body = '<p><strong>Error</strong>: line 1: parse error</p>';
    return;
  }
  if (variant === '429') {
    ctx.status = 429;
    ctx.set('Retry-After', '600');
    ctx.body = 'rate_limited';
    return;
  }
  if (variant === '500') {
    ctx.status = 504;
    ctx.body = 'Gateway Timeout';
    return;
  }
  const [s, w, n, e] = box.slice(1).map(Number);
  let elements = overpass.elements.filter((el) => {
    const at = el.center ?? el;
    return at.lat >= s && at.lat <= n && at.lon >= w && at.lon <= e;
  });
  if (variant === 'hostile') {
    elements = [
      {type: 'node', id: 1, lat: 52.6277, lon: 1.291, tags: {name: HOSTILE, amenity: 'cafe', wheelchair: 'limited', 'wheelchair:description:en': '<script>alert(1)</script>One step at the door'}},
      {type: 'node', id: 2, tags: {name: 'No position'}},
      {type: 'way', id: 3, center: {lat: 95, lon: 1.29}, tags: {name: 'Out of range'}},
      {type: 'node', id: 4, lat: 52.628, lon: 1.2915, tags: {name: 'Untagged shop', shop: 'bakery'}},
    ];
  }
  ctx.body = {...overpass, elements};
}

export default mockUpstream('access-map', async (ctx, {route, seen}) => {
  // acceslibre[-variant]/api/erps/
  let match = route.match(/^acceslibre(?:-([\w-]+))?\/api\/erps\/$/);
  if (match) return acceslibre(ctx, match[1], seen);
  match = route.match(/^overpass(?:-([\w-]+))?\/api\/interpreter$/);
  if (match) return overpassAnswer(ctx, match[1]);

  // upstream/<format>/<file>: a payload the upstream itself produced (packages/open-data/test/fixtures), served as it
  // is whatever the query; Acceslibre's single place is served in the page its list answers with.
  match = route.match(/^upstream\/(acceslibre|overpass|a11yjson)\/([\w.+-]+\.json)$/);
  if (match) {
    const body = JSON.parse(readFileSync(new URL(`../../open-data/test/fixtures/${match[1]}/${match[2]}`, import.meta.url), 'utf8'));
    ctx.body = match[1] === 'acceslibre' && !body.results ? {count: 1, page_size: 20, next: null, previous: null, results: [body]} : body;
    return;
  }

  switch (route) {
    case 'a11yjson/place-infos.json': {
      // accessibility.cloud refuses a relation it does not know, and the whole request with it
      // (sozialhelden/accessibility-cloud app/server/json-api/related-objects.js, PlaceInfos.relationships).
      const known = ['source', 'source.license', 'source.organization', 'equipmentInfos', 'disruptions', 'images'];
      const unknown = String(ctx.query.includeRelated ?? '').split(',').filter((name) => name && !known.includes(name));
      if (unknown.length) {
        ctx.status = 422;
        ctx.body = {error: {reason: `'${unknown[0]}' is not a known relation for PlaceInfos`}};
        return;
      }
      ctx.body = a11yjson;
      return;
    }
    case 'a11yjson-hostile/place-infos.json':
      ctx.body = {
        ...a11yjson,
        features: [
          {type: 'Feature', geometry: {type: 'Point', coordinates: [1.2909, 52.6277]}, properties: {_id: 'h1', name: {en: HOSTILE, fr: HOSTILE}, accessibility: {accessibleWith: {wheelchair: 'yes'}, entrances: 'many', description: {en: '<b>bold</b>'}}}},
          {type: 'Feature', geometry: {type: 'LineString', coordinates: [[1, 52], [1.1, 52.1]]}, properties: {_id: 'line', name: 'A line'}},
          {type: 'Feature', geometry: null, properties: {_id: 'none', name: 'Nowhere'}},
        ],
      };
      return;
    case 'geojson/norwich.geojson':
      ctx.type = 'application/geo+json';
      ctx.body = JSON.stringify(norwichFile);
      return;
    case 'geojson/norwich-many.geojson': {
      // Norwich's real export, its features repeated `copies` times, each copy moved a little: a large file.
      const copies = Math.min(Number(ctx.query.copies ?? 100), 5000);
      const features = [];
      for (let copy = 0; copy < copies; copy++)
        for (const feature of norwichFile.features)
          features.push({...feature, properties: {...feature.properties, '@id': `${feature.properties['@id']}${copy}`}, geometry: feature.geometry?.type === 'Point' ? {type: 'Point', coordinates: [feature.geometry.coordinates[0] + (copy % 300) * 0.01, feature.geometry.coordinates[1] + Math.floor(copy / 300) * 0.01]} : feature.geometry});
      ctx.type = 'application/geo+json';
      ctx.body = JSON.stringify({...norwichFile, features});
      return;
    }
    case 'lien/v1/places': {
      const [w, s, e, n] = String(ctx.query.bbox ?? '-180,-90,180,90').split(',').map(Number);
      const features = lienPlaces.features.filter(({geometry: {coordinates: [lon, lat]}}) => lon >= w && lon <= e && lat >= s && lat <= n);
      ctx.type = 'application/geo+json';
      ctx.body = JSON.stringify({...lienPlaces, features, meta: {...lienPlaces.meta, count: features.length}});
      return;
    }
    case 'lien-error/v1/places':
      ctx.status = 400;
      ctx.body = {error: {code: 'bad_request', message: 'bbox must be minLon,minLat,maxLon,maxLat'}};
      return;
  }
  if (/^tiles\/\d+\/\d+\/\d+\.png$/.test(route)) {
    ctx.type = 'image/png';
    ctx.body = PNG;
  }
});
