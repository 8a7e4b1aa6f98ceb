import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {after, before, describe, it} from 'node:test';
import {importPlacesFile} from '../src/import/places.js';
import {positionProblem} from '@lien/open-data/fields.js';
import {backends} from './helpers/backends.js';
import {jsonFileWriter} from './helpers/files.js';
import {testGateway, type TestGateway} from './helpers/gateway.js';
import {get} from './helpers/http.js';
import {fixture, sample} from './helpers/paths.js';

const writeJson = jsonFileWriter('lien-places-');

const HOSTILE = ['<script>alert("x")</script>', "'; DROP TABLE places; --", 'Robert"); DELETE FROM signups; --', '100% _real_ \\ back', 'Café “Ünïcode” 🦽'];
const hostileFile = writeJson('hostile.geojson', {
  type: 'FeatureCollection',
  features: [
    ...HOSTILE.map((name, i) => ({
      type: 'Feature',
      id: `h${i}`,
      geometry: {type: 'Point', coordinates: [10 + i * 0.01, 40]},
      properties: {name, category: 'test', accessibility: {accessibleWith: {wheelchair: true, hearingImpairment: i % 2 === 0}}},
    })),
    {type: 'Feature', id: 'poly', geometry: {type: 'Polygon', coordinates: [[[11, 41], [11.2, 41], [11.2, 41.2], [11, 41.2], [11, 41]]]}, properties: {name: 'Square', accessibility: {}}},
    {type: 'Feature', id: 'line', geometry: {type: 'LineString', coordinates: [[10, 40], [11, 41]]}, properties: {name: 'Bus 25'}},
    {type: 'Feature', geometry: {type: 'Point', coordinates: [10, 40]}, properties: {name: 'No id'}},
    {type: 'Feature', id: 'far', geometry: {type: 'Point', coordinates: [200, 95]}, properties: {name: 'Nowhere'}},
    {type: 'Feature', id: 'js', geometry: {type: 'Point', coordinates: [10.5, 40.5]}, properties: {name: 'Link', website: 'javascript:alert(1)', accessibility: {partiallyAccessibleWith: {wheelchair: true}}}},
  ],
});

/** Counts taken from the Norwich file itself, to check the import and the filters against. */
function norwichFacts() {
  const data = JSON.parse(readFileSync(sample('osm-norwich-wheelchair-2019.geojson'), 'utf8'));
  const features = data.features as {geometry: {type: string}; properties: Record<string, string>}[];
  // A place has an area or a point, and a name or a category; bare route stops and entrances are not places.
  const categoryKeys = ['amenity', 'shop', 'tourism', 'leisure', 'office', 'healthcare', 'public_transport', 'railway', 'highway', 'building'];
  const placed = features.filter((f) => ['Point', 'Polygon', 'MultiPolygon'].includes(f.geometry.type));
  const places = placed.filter((f) => f.properties.name || categoryKeys.some((k) => f.properties[k]));
  const lines = features.filter((f) => f.geometry.type.includes('LineString'));
  const wheelchairOk = places.filter((f) => ['yes', 'designated', 'limited'].includes(f.properties.wheelchair ?? ''));
  const limited = places.filter((f) => f.properties.wheelchair === 'limited');
  const no = places.filter((f) => f.properties.wheelchair === 'no');
  return {total: features.length, places: places.length, lines: lines.length, unnamed: placed.length - places.length, wheelchairOk: wheelchairOk.length, limited: limited.length, no: no.length};
}

for (const backend of backends()) {
  describe(`places on ${backend.name}`, () => {
    let gw: TestGateway;
    const facts = norwichFacts();
    before(async () => {
      gw = await testGateway(backend);
    });
    after(async () => gw?.stop());

    it('imports the Norwich OSM export: points and polygon centroids kept, lines rejected with their reason', async () => {
      const summary = await importPlacesFile(gw.db, sample('osm-norwich-wheelchair-2019.geojson'));
      assert.equal(summary.format, 'geojson');
      assert.equal(summary.inserted, facts.places);
      assert.equal(summary.updated, 0);
      assert.equal(summary.rejected.length, facts.total - facts.places);
      assert.equal(summary.rejected.filter((r) => /LineString/.test(r.reason)).length, facts.lines);
      assert.equal(summary.rejected.filter((r) => /no name and no category/.test(r.reason)).length, facts.unnamed);
      assert.ok(facts.places > 100);
      const again = await importPlacesFile(gw.db, sample('osm-norwich-wheelchair-2019.geojson'));
      assert.deepEqual([again.inserted, again.updated], [0, facts.places], 'a second import updates by source id');
    });

    it('answers the contract shape with licences in meta', async () => {
      const r = await get(`${gw.url}/v1/places?bbox=1.0,52.5,1.6,52.8&limit=2000`);
      assert.equal(r.status, 200);
      assert.match(r.headers.get('content-type') ?? '', /application\/geo\+json/);
      assert.equal(r.json.type, 'FeatureCollection');
      assert.equal(r.json.features.length, facts.places);
      assert.deepEqual(r.json.meta, {
        count: facts.places,
        truncated: false,
        licenses: [{source: 'osm', name: 'ODbL 1.0', url: 'https://www.openstreetmap.org/copyright', attribution: '© OpenStreetMap contributors'}],
      });
      for (const f of r.json.features) {
        assert.equal(f.type, 'Feature');
        assert.match(f.id, /^osm:(node|way|relation)\/\d+$/);
        assert.equal(f.properties.id, f.id);
        assert.equal(f.geometry.type, 'Point');
        assert.equal(typeof f.geometry.coordinates[0], 'number');
        assert.equal(typeof f.properties.name, 'string');
        assert.equal(f.properties.source, 'osm');
        assert.equal(typeof f.properties.accessibility, 'object');
      }
    });

    it('filters by needs: wheelchair keeps yes and partial (limited), never no or unknown', async () => {
      const r = await get(`${gw.url}/v1/places?needs=wheelchair&limit=2000`);
      assert.equal(r.json.features.length, facts.wheelchairOk);
      const partial = r.json.features.filter((f: {properties: {accessibility: {partiallyAccessibleWith?: {wheelchair?: boolean}}}}) => f.properties.accessibility.partiallyAccessibleWith?.wheelchair);
      assert.equal(partial.length, facts.limited);
      const all = await get(`${gw.url}/v1/places?limit=2000`);
      const no = all.json.features.filter((f: {properties: {accessibility: {accessibleWith?: {wheelchair?: boolean}}}}) => f.properties.accessibility.accessibleWith?.wheelchair === false);
      assert.equal(no.length, facts.no, 'wheelchair=no is kept as an explicit false');
    });

    it('cuts at limit and says so', async () => {
      const r = await get(`${gw.url}/v1/places?limit=3`);
      assert.equal(r.json.features.length, 3);
      assert.equal(r.json.meta.count, 3);
      assert.equal(r.json.meta.truncated, true);
    });

    it('answers a wide view with more places than the limit as clusters grouped in SQL, and a close one with its places', async () => {
      const wide = await get(`${gw.url}/v1/places?bbox=1.0,52.5,1.6,52.8&zoom=10&limit=50`);
      assert.equal(wide.status, 200, wide.text);
      assert.equal(wide.json.meta.clustered, true);
      assert.equal(wide.json.meta.count, facts.places);
      assert.deepEqual(wide.json.meta.licenses, [{source: 'osm', name: 'ODbL 1.0', url: 'https://www.openstreetmap.org/copyright', attribution: '© OpenStreetMap contributors'}]);
      const counts = wide.json.features.map((f: {properties: {count: number}}) => f.properties.count);
      assert.equal(counts.reduce((a: number, b: number) => a + b, 0), facts.places, 'every place in one cluster');
      assert.ok(wide.json.features.length < facts.places && wide.json.features.length > 1);
      const accessible = wide.json.features.map((f: {properties: {accessible: number}}) => f.properties.accessible);
      assert.equal(accessible.reduce((a: number, b: number) => a + b, 0), facts.wheelchairOk - facts.limited, 'wheelchair=yes or designated, not limited');
      for (const f of wide.json.features) {
        const [lon, lat] = f.geometry.coordinates;
        const [minLon, minLat, maxLon, maxLat] = f.properties.bbox;
        assert.equal(f.properties.cluster, true);
        assert.ok(minLon <= lon && lon <= maxLon && minLat <= lat && lat <= maxLat, 'the centre is inside the extent');
      }
      // Zoomed in, the same groups are smaller and more numerous; filters apply before grouping.
      const closer = await get(`${gw.url}/v1/places?bbox=1.0,52.5,1.6,52.8&zoom=13&limit=50`);
      assert.ok(closer.json.features.length > wide.json.features.length);
      const wheelchair = await get(`${gw.url}/v1/places?bbox=1.0,52.5,1.6,52.8&zoom=10&limit=50&needs=wheelchair`);
      assert.equal(wheelchair.json.meta.count, facts.wheelchairOk);
      // Few enough, or close enough: the places themselves, as without zoom.
      const few = await get(`${gw.url}/v1/places?bbox=1.0,52.5,1.6,52.8&zoom=10&limit=2000`);
      assert.equal(few.json.meta.clustered, undefined);
      assert.equal(few.json.features.length, facts.places);
      const street = await get(`${gw.url}/v1/places?bbox=1.0,52.5,1.6,52.8&zoom=16&limit=50`);
      assert.deepEqual([street.json.meta.clustered, street.json.features.length, street.json.meta.truncated], [undefined, 50, true]);
      const bad = await get(`${gw.url}/v1/places?zoom=99`);
      assert.equal(bad.status, 400);
    });

    it('stores hostile strings and returns them as text; SQL metacharacters in q are plain text', async () => {
      const summary = await importPlacesFile(gw.db, hostileFile, {licenceName: 'CC0', attribution: 'Test data'});
      assert.equal(summary.inserted, HOSTILE.length + 2);
      assert.deepEqual(
        summary.rejected.map((r) => r.reason),
        ['a LineString (a route or a path, not a place) at "features[6].geometry"', 'coordinates out of range at "features[8].geometry"', 'no id (feature.id or properties.id)']
      );
      const r = await get(`${gw.url}/v1/places?bbox=9.9,39.9,10.2,40.1`);
      assert.deepEqual(r.json.features.map((f: {properties: {name: string}}) => f.properties.name).sort(), [...HOSTILE].sort());
      for (const name of HOSTILE) {
        const found = await get(`${gw.url}/v1/places?q=${encodeURIComponent(name)}`);
        assert.equal(found.status, 200);
        assert.deepEqual(found.json.features.map((f: {properties: {name: string}}) => f.properties.name), [name]);
      }
      const percent = await get(`${gw.url}/v1/places?q=${encodeURIComponent('%')}`);
      assert.deepEqual(percent.json.features.map((f: {properties: {name: string}}) => f.properties.name), ['100% _real_ \\ back'], '% is not a wildcard');
      const still = await get(`${gw.url}/v1/places?limit=2000`);
      assert.ok(still.json.features.length > facts.places, 'the places table is still there');
      const link = still.json.features.find((f: {id: string}) => f.id === 'geojson:js');
      assert.equal(link.properties.website, undefined, 'a javascript: URL is dropped');
      const square = still.json.features.find((f: {id: string}) => f.id === 'geojson:poly');
      assert.deepEqual(square.geometry.coordinates.map((c: number) => Math.round(c * 1000) / 1000), [11.1, 41.1], 'polygon centroid');
      const both = await get(`${gw.url}/v1/places?needs=wheelchair,hearing&bbox=9.9,39.9,10.2,40.1`);
      assert.equal(both.json.features.length, 3, 'every listed need must be met');
    });

    it('treats the Lorient export’s defaulted columns as unknown, not “no”', async () => {
      const summary = await importPlacesFile(gw.db, fixture('lorient-import-2022-excerpt.csv'), {
        attribution: 'Données : Lorient Agglomération / acceslibre',
      });
      assert.equal(summary.format, 'acceslibre-csv');
      assert.equal(summary.inserted + summary.rejected.length, 60);
      assert.ok(summary.notes.some((n) => n.includes('entree_plain_pied=False')), summary.notes.join('\n'));
      const r = await get(`${gw.url}/v1/places?bbox=-3.9,47.4,-3.0,48.2&limit=2000`);
      assert.equal(r.json.features.length, summary.inserted);
      for (const f of r.json.features) {
        assert.notEqual(f.properties.accessibility.entrances?.[0]?.isLevel, false, `${f.properties.name}: a defaulted "False" must not show as steps`);
        assert.notEqual(f.properties.accessibility.accessibleWith?.wheelchair, false);
      }
      assert.deepEqual(r.json.meta.licenses.map((l: {attribution: string}) => l.attribution), ['Données : Lorient Agglomération / acceslibre']);
    });

    it('maps the Acceslibre example CSV and an Acceslibre API JSON export', async () => {
      const csv = await importPlacesFile(gw.db, sample('acceslibre-schema-example.csv'));
      assert.equal(csv.inserted, 6);
      const api = writeJson('erps.json', {
        count: 1,
        results: [
          {
            uuid: 'u-1',
            nom: 'Mairie',
            adresse: '2 Bd Général Leclerc 56100 Lorient',
            geom: {type: 'Point', coordinates: [-3.37, 47.75]},
            activite: {nom: 'Mairie', slug: 'mairie'},
            web_url: 'https://acceslibre.beta.gouv.fr/app/56-lorient/a/mairie/erp/mairie/',
            accessibilite: {
              entree: {entree_plain_pied: false, entree_marches: 2, entree_marches_rampe: 'amovible', entree_largeur_mini: 90, entree_balise_sonore: true},
              accueil: {accueil_personnels: 'formés', accueil_equipements_malentendants: ['bim', 'lsf'], sanitaires_presence: true, sanitaires_adaptes: true},
              commentaire: {commentaire: 'Sonner à l’interphone'},
            },
            updated_at: '2024-05-02T10:00:00Z',
          },
        ],
      });
      const summary = await importPlacesFile(gw.db, api);
      assert.equal(summary.format, 'acceslibre-json');
      const r = await get(`${gw.url}/v1/places?q=leclerc`);
      const p = r.json.features[0].properties;
      assert.equal(p.id, 'acceslibre:u-1');
      assert.equal(p.category, 'Mairie');
      assert.equal(p.updatedAt, '2024-05-02T10:00:00.000Z');
      assert.deepEqual(p.accessibility.entrances, [{isLevel: false, hasFixedRamp: false, hasRemovableRamp: true, stairs: {count: 2}, door: {width: 90}, hasSoundBeacon: true}]);
      // The rules are @lien/open-data's (its tests prove them on Acceslibre's own payloads): a ramp through a wide
      // enough door is accessible; hearing equipment helps, partly; trained staff help with cognitive needs, partly.
      assert.deepEqual(p.accessibility.accessibleWith, {wheelchair: true, mobilityImpairment: true});
      assert.deepEqual(p.accessibility.partiallyAccessibleWith, {visualImpairment: true, hearingImpairment: true, learningImpairment: true});
      assert.deepEqual(p.accessibility.hearingEquipment, ['bim', 'lsf']);
      assert.equal(p.accessibility.hasInductionLoop, true);
      assert.deepEqual(p.accessibility.staff, {isPresent: true, isTrainedForDisabilities: true});
      assert.deepEqual(p.accessibility.restrooms, [{isAccessibleWithWheelchair: true}]);
      assert.deepEqual(p.accessibility.description, {fr: 'Sonner à l’interphone'});
      assert.equal(p.infoPageUrl, 'https://acceslibre.beta.gouv.fr/app/56-lorient/a/mairie/erp/mairie/');
    });

    it('imports Overpass JSON (nodes and ways with centers)', async () => {
      const file = writeJson('overpass.json', {
        elements: [
          {type: 'node', id: 1, lat: 48.1, lon: -1.6, tags: {name: 'Café', amenity: 'cafe', wheelchair: 'limited', 'wheelchair:description:fr': 'Une marche de 5 cm', hearing_loop: 'yes'}},
          {type: 'way', id: 2, center: {lat: 48.2, lon: -1.7}, tags: {amenity: 'toilets', wheelchair: 'yes', 'toilets:wheelchair': 'yes'}},
          {type: 'way', id: 3, tags: {name: 'No center'}},
        ],
      });
      const summary = await importPlacesFile(gw.db, file);
      assert.equal(summary.format, 'overpass-json');
      assert.deepEqual([summary.inserted, summary.rejected.map((r) => r.reason)], [2, ['a way without a position (ask with "out center") at "elements[2]"']]);
      const r = await get(`${gw.url}/v1/places?bbox=-1.8,48,-1.5,48.3`);
      const [cafe, toilets] = r.json.features;
      assert.equal(cafe.id, 'osm:node/1');
      assert.deepEqual(cafe.properties.accessibility.partiallyAccessibleWith, {wheelchair: true, mobilityImpairment: true, hearingImpairment: true});
      assert.deepEqual(cafe.properties.accessibility.description, {fr: 'Une marche de 5 cm'});
      assert.equal(cafe.properties.editPageUrl, 'https://www.openstreetmap.org/edit?node=1');
      assert.equal(toilets.properties.name, '', 'no English label stored: clients localize an unnamed place');
      assert.equal(toilets.properties.category, 'toilets');
      assert.deepEqual(toilets.properties.accessibility.restrooms, [{isAccessibleWithWheelchair: true}]);
    });

    it('rejects polygons whose coordinates are not numbers instead of storing a NaN centroid', async () => {
      const ring = [['12', '42'], ['12.2', '42'], ['12.2', '42.2'], ['12', '42.2'], ['12', '42']];
      const file = writeJson('text-coordinates.geojson', {
        type: 'FeatureCollection',
        features: [
          {type: 'Feature', id: 'text-poly', geometry: {type: 'Polygon', coordinates: [ring]}, properties: {name: 'Text square'}},
          {type: 'Feature', id: 'text-multi', geometry: {type: 'MultiPolygon', coordinates: [[ring]]}, properties: {name: 'Text squares'}},
          {type: 'Feature', id: 'null-poly', geometry: {type: 'Polygon', coordinates: [[[null, null], [null, null], [null, null]]]}, properties: {name: 'Nulls'}},
          {type: 'Feature', id: 'origin', geometry: {type: 'Point', coordinates: [0, 0]}, properties: {name: 'Null Island'}},
        ],
      });
      const summary = await importPlacesFile(gw.db, file, {licenceName: 'CC0', attribution: 'test'});
      assert.equal(summary.inserted, 0);
      assert.deepEqual(
        summary.rejected.map((r) => [r.id, r.reason]),
        [
          ['text-poly', 'coordinates are not numbers at "features[0].geometry"'],
          ['text-multi', 'coordinates are not numbers at "features[1].geometry"'],
          ['null-poly', 'coordinates are not numbers at "features[2].geometry"'],
          ['origin', 'coordinates are 0,0 (a placeholder) at "features[3].geometry"'],
        ]
      );
      const stored = await gw.db.query("SELECT id FROM places WHERE lon = 'NaN'::float8 OR lat = 'NaN'::float8");
      assert.deepEqual(stored.rows, []);
      for (const [lon, lat] of [[NaN, 47], [-3, NaN], [Infinity, 47]]) assert.equal(positionProblem(lat, lon), 'coordinates are not numbers');
    });

    it('reads update dates as JavaScript does and stores them as ISO: a bare year does not abort the import', async () => {
      const file = writeJson('dates.geojson', {
        type: 'FeatureCollection',
        features: [
          {type: 'Feature', id: 'year', geometry: {type: 'Point', coordinates: [20.01, 30.01]}, properties: {name: 'Year only', updatedAt: '2022'}},
          {type: 'Feature', id: 'offset', geometry: {type: 'Point', coordinates: [20.02, 30.02]}, properties: {name: 'With offset', updatedAt: 'March 7, 2022 10:00 GMT+0100'}},
          {type: 'Feature', id: 'junk', geometry: {type: 'Point', coordinates: [20.03, 30.03]}, properties: {name: 'Not a date', updatedAt: 'soon'}},
        ],
      });
      const summary = await importPlacesFile(gw.db, file, {licenceName: 'CC0', attribution: 'test'});
      assert.deepEqual([summary.inserted, summary.rejected.length], [3, 0]);
      const r = await get(`${gw.url}/v1/places?bbox=20,30,20.1,30.1`);
      const updatedAt = Object.fromEntries(r.json.features.map((f: {properties: {name: string; updatedAt?: string}}) => [f.properties.name, f.properties.updatedAt]));
      assert.deepEqual(updatedAt, {'Year only': '2022-01-01T00:00:00.000Z', 'With offset': '2022-03-07T09:00:00.000Z', 'Not a date': undefined});
    });

    it('writes a GeoJSON structured address as the other importers do: "12 Rue X, 75001 Paris"', async () => {
      const file = writeJson('addresses.geojson', {
        type: 'FeatureCollection',
        features: [
          {type: 'Feature', id: 'parts', geometry: {type: 'Point', coordinates: [21.01, 31.01]}, properties: {name: 'In parts', address: {street: 'Rue X', housenumber: '12', postcode: '75001', city: 'Paris'}}},
          {type: 'Feature', id: 'city', geometry: {type: 'Point', coordinates: [21.02, 31.02]}, properties: {name: 'City only', address: {postalCode: '56100', city: 'Lorient'}}},
          {type: 'Feature', id: 'full', geometry: {type: 'Point', coordinates: [21.03, 31.03]}, properties: {name: 'Full', address: {full: '1 Quai Y, 35000 Rennes'}}},
        ],
      });
      await importPlacesFile(gw.db, file, {licenceName: 'CC0', attribution: 'test'});
      const r = await get(`${gw.url}/v1/places?bbox=21,31,21.1,31.1`);
      const addresses = Object.fromEntries(r.json.features.map((f: {properties: {name: string; address?: string}}) => [f.properties.name, f.properties.address]));
      assert.deepEqual(addresses, {'In parts': '12 Rue X, 75001 Paris', 'City only': '56100 Lorient', Full: '1 Quai Y, 35000 Rennes'});
    });

    it('refuses a GeoJSON file whose licence is not given', async () => {
      const file = writeJson('plain.geojson', {type: 'FeatureCollection', features: [{type: 'Feature', id: 1, geometry: {type: 'Point', coordinates: [1, 2]}, properties: {name: 'x'}}]});
      await assert.rejects(importPlacesFile(gw.db, file), /licence/);
    });

    it('answers bad queries with 400 and a JSON error naming the field', async () => {
      for (const [query, field] of [
        ['bbox=1,2,3', 'bbox'],
        ['bbox=5,5,1,1', 'bbox'],
        ['bbox=a,b,c,d', 'bbox'],
        ['needs=flying', 'needs'],
        ['limit=0', 'limit'],
        ['limit=abc', 'limit'],
        ['limit=99999', 'limit'],
        ['q=a&q=b', 'q'],
        [`q=${'x'.repeat(201)}`, 'q'],
      ] as const) {
        const r = await get(`${gw.url}/v1/places?${query}`);
        assert.equal(r.status, 400, query);
        assert.equal(r.json.error.code, 'bad_request');
        assert.equal(typeof r.json.error.message, 'string');
        assert.ok(field in r.json.error.fields, query);
      }
    });
  });
}
