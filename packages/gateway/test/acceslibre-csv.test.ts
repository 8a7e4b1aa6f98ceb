import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {readFileSync} from 'node:fs';
import {acceslibreAccessibility} from '@lien/open-data/acceslibre.js';
import {needStatus, type Accessibility, type AccessibleWith} from '@lien/open-data/place.js';
import {parseAcceslibreCsv} from '../src/import/acceslibre.js';
import {importPlacesFile} from '../src/import/places.js';
import {testGateway, type TestGateway} from './helpers/gateway.js';
import {get} from './helpers/http.js';
import {upstream} from './helpers/paths.js';
import {backends} from './helpers/backends.js';

// Acceslibre's CSV export, and files in its schema, as Acceslibre and its schema repository publish them
// (packages/open-data/test/fixtures/acceslibre/README.md), through the import, the database and /v1/places.
interface Feature {
  id: string;
  properties: {name: string; address?: string; accessibility: Accessibility};
}

const [pglite] = backends();
describe('Acceslibre CSV files, imported', () => {
  let gw: TestGateway;
  let byId: Map<string, Feature>;
  before(async () => {
    gw = await testGateway(pglite!);
    const imported = [];
    for (const file of ['acceslibre-exemple-valide.csv', 'schema-base-exemple.csv'])
      imported.push(await importPlacesFile(gw.db, upstream(`acceslibre/${file}`), {dataset: file, attribution: 'Données : acceslibre'}));
    assert.deepEqual(imported.map((s) => [s.format, s.inserted + s.updated]), [['acceslibre-csv', 6], ['acceslibre-csv', 6]]);
    const r = await get(`${gw.url}/v1/places?limit=2000`);
    byId = new Map(r.json.features.map((f: Feature) => [f.id, f]));
  });
  after(async () => gw?.stop());
  const place = (id: string) => byId.get(`acceslibre:${id}`)!.properties;
  const need = (id: string, key: string) => {
    const a = place(id).accessibility;
    const k = key as keyof AccessibleWith;
    return a.accessibleWith?.[k] === true ? 'yes' : a.partiallyAccessibleWith?.[k] ? 'partial' : a.accessibleWith?.[k] === false ? 'no' : 'unknown';
  };

  it('writes the address from its parts once', () => {
    for (const f of byId.values()) if (f.properties.address) assert.doesNotMatch(f.properties.address, /(\b\d{5}\b).*\1/, `${f.id}: postcode written twice`);
  });

  it('a step with, said explicitly, no ramp is "no"; a level entrance through 90 cm is "yes"', () => {
    assert.equal(need('b452dded-0eed-4814-ae9e-94f6e525f2cb', 'wheelchair'), 'no');
    assert.deepEqual(place('b452dded-0eed-4814-ae9e-94f6e525f2cb').accessibility.restrooms, [{isAccessibleWithWheelchair: true}]);
    assert.equal(need('ae6d05c1-586d-4557-bc82-09fe43c1f61e', 'wheelchair'), 'yes');
    assert.deepEqual(place('ae6d05c1-586d-4557-bc82-09fe43c1f61e').accessibility.parking, {forWheelchairUsers: {isAvailable: true, onSite: true}});
    // No toilets is a fact, kept through the database.
    assert.deepEqual(place('a298b219-daa9-49cb-86a8-db172e3bce20').accessibility.restrooms, []);
  });

  it("a label's families of disabilities say yes where nothing else is known", () => {
    for (const key of ['wheelchair', 'visualImpairment', 'hearingImpairment', 'learningImpairment']) assert.equal(need('78069b3b-2017-4611-a65d-a8bc4462cacf', key), 'yes');
  });

  it('the old format (no positions, so read but not importable): 1/0 booleans, a space nearby is parking, 77 cm is narrow', () => {
    const rows = parseAcceslibreCsv(readFileSync(upstream('acceslibre/schema-legacy-exemple-valide.2021-03.csv'), 'utf8'));
    assert.equal(rows.length, 20);
    const facts = (id: string) => acceslibreAccessibility(rows.find((r) => r.id === id)!);
    assert.deepEqual(facts('5075').parking, {forWheelchairUsers: {isAvailable: true, nearby: true}});
    assert.deepEqual(facts('5075').staff, {isPresent: true, isTrainedForDisabilities: false});
    assert.equal(needStatus(facts('5075'), 'wheelchair'), 'yes');
    assert.equal(needStatus(facts('382'), 'wheelchair'), 'partial');
    // Ten steps, no ramp, but a lift and a dedicated entrance; two adapted toilets, counted.
    assert.equal(needStatus(facts('36'), 'wheelchair'), 'yes');
    assert.deepEqual(facts('36').restrooms, [{isAccessibleWithWheelchair: true}]);
    assert.deepEqual(facts('36').hearingEquipment, ['bim']);
    // One step (plain-pied left blank), no ramp said explicitly: no.
    assert.equal(needStatus(facts('4927'), 'wheelchair'), 'no');
    assert.deepEqual(facts('36').staff, {isPresent: true, isTrainedForDisabilities: true});
    // A fixed ramp through 95 cm.
    assert.equal(needStatus(facts('4963'), 'wheelchair'), 'yes');
  });
});
