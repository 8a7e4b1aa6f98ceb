import {expect} from '@open-wc/testing';
import {LienError} from '@lien/core';
import {mockServer, rejection, uniqueKey} from '@lien/testing';
import {needStatus} from '@lien/open-data/place.js';
import type {Place} from '@lien/open-data/place.js';
import {
  a11yjsonSource,
  acceslibreSource,
  createSource,
  geojsonSource,
  lienSource,
  overpassSource,
  type BBox,
  type PlaceSource,
} from '../src/index.js';

const mock = mockServer('access-map');
const M = mock.base;
const LORIENT: BBox = [-3.40, 47.72, -3.33, 47.77];
const NORWICH: BBox = [1.2, 52.58, 1.45, 52.73];
const FRANCE: BBox = [-5, 41, 10, 51.5];

function load(source: PlaceSource, bbox: BBox, signal = new AbortController().signal) {
  return source.load({bbox, zoom: 15, needs: [], q: ''}, {signal});
}

const failure = (promise: Promise<unknown>) => rejection(promise, LienError);

const byName = (places: Place[], name: string) => places.find((p) => p.name === name)!;

describe('acceslibre source', () => {
  it('follows `next` through every page of the area and normalizes each ERP', async () => {
    const result = await load(acceslibreSource({url: `${M}/acceslibre/api/erps/`}), LORIENT);
    expect(result.places).to.have.length(30); // three pages of 10 in the mock
    expect(result.truncated).to.equal(false);
    expect(result.attribution[0].license).to.equal('Licence Ouverte 2.0');
    const place = result.places[0];
    expect(place.id).to.match(/^acceslibre:/);
    expect(place.source).to.equal('acceslibre');
    // Lorient's import carries no real survey: everything stays unknown, never "no".
    for (const need of ['wheelchair', 'walking', 'vision', 'hearing', 'cognitive'] as const) {
      expect(needStatus(place.accessibility, need)).to.equal('unknown');
    }
  });

  it('maps the accessibility sections to A11yJSON and the five needs', async () => {
    const {places} = await load(acceslibreSource({url: `${M}/acceslibre/api/erps/?mock_page_size=1000`}), FRANCE);
    const foot = byName(places, '+2Foot');
    expect(foot.accessibility.entrances![0]).to.deep.include({isLevel: true, door: {width: 90}});
    expect(foot.accessibility.parking).to.deep.equal({forWheelchairUsers: {isAvailable: true, onSite: true}});
    expect(needStatus(foot.accessibility, 'wheelchair')).to.equal('yes');
    expect(foot.infoPageUrl).to.match(/^https:\/\/acceslibre\.beta\.gouv\.fr\/app\//);
    expect(foot.editPageUrl).to.match(/\/contrib\/entree\/2foot-ae6d\/$/);
    const scotta = byName(places, '400C Scotta!');
    expect(scotta.accessibility.entrances![0]).to.deep.include({isLevel: false, stairs: {count: 1}, hasFixedRamp: false});
    expect(needStatus(scotta.accessibility, 'wheelchair')).to.equal('no');
    expect(scotta.accessibility.restrooms).to.deep.equal([{isAccessibleWithWheelchair: true}]);
    const gites = byName(places, '3 gîtes - Maison Familiale et Rurale');
    // Tourisme & Handicap for the four families of disability.
    for (const need of ['wheelchair', 'vision', 'hearing', 'cognitive'] as const) {
      expect(needStatus(gites.accessibility, need)).to.equal('yes');
    }
    expect(byName(places, '4Murs').accessibility.restrooms).to.deep.equal([]);
  });

  it('asks only for its area (zone=minLon,minLat,maxLon,maxLat)', async () => {
    const {places} = await load(acceslibreSource({url: `${M}/acceslibre/api/erps/`}), [2.3, 48.8, 2.4, 48.9]);
    expect(places.map((p) => p.name)).to.deep.equal(['400C Scotta!']);
  });

  it('stops at its page cap on huge answers and says it was truncated', async () => {
    const result = await load(acceslibreSource({url: `${M}/acceslibre-huge/api/erps/`, maxPages: 3}), LORIENT);
    expect(result.places).to.have.length(3000);
    expect(result.truncated).to.equal(true);
  });

  it('does not follow a next link to another host, and says the answer is incomplete', async () => {
    const result = await load(acceslibreSource({url: `${M}/acceslibre-elsewhere/api/erps/`}), LORIENT);
    expect(result.places).to.have.length(10);
    expect(result.truncated).to.equal(true);
  });

  it('keeps hostile strings as plain text, drops and counts places without a valid position, refuses javascript: links', async () => {
    const result = await load(acceslibreSource({url: `${M}/acceslibre-hostile/api/erps/`}), LORIENT);
    expect(result.places).to.have.length(1);
    expect(result.dropped).to.equal(4);
    expect(result.places[0].name).to.contain('<img src=x onerror=');
    expect(result.places[0].infoPageUrl).to.equal(undefined);
    expect(result.places[0].accessibility.description!.fr).to.equal('<img src=x onerror=alert(1)>');
  });

  it('waits for a short Retry-After on 429, then succeeds', async () => {
    // The mock answers 429 with Retry-After: 1 (second) first; fetchJson's own back-off would retry after 500 ms.
    const key = uniqueKey();
    const started = performance.now();
    const result = await load(acceslibreSource({url: `${M}/acceslibre-429-once/api/erps/?key=${key}`}), [2.3, 48.8, 2.4, 48.9]);
    const took = performance.now() - started;
    expect(result.places).to.have.length(1);
    expect(await mock.count(key), 'requests').to.equal(2);
    expect(took, 'ms before the answer').to.be.at.least(950);
  });

  it('reports rate-limited with the wait when Acceslibre asks for a long back-off', async () => {
    const error = await failure(load(acceslibreSource({url: `${M}/acceslibre-429/api/erps/`}), LORIENT));
    expect(error.kind).to.equal('rate-limited');
    expect(error.retryAfter).to.equal(120);
  });

  it('keeps the first pages when a later one is refused, with the problem attached', async () => {
    const result = await load(acceslibreSource({url: `${M}/acceslibre-page2-429/api/erps/`}), LORIENT);
    expect(result.places).to.have.length(10);
    expect(result.truncated).to.equal(true);
    expect(result.problem!.kind).to.equal('rate-limited');
  });

  it('turns 500, invalid JSON, a wrong shape and a time-out into typed errors', async () => {
    expect((await failure(load(acceslibreSource({url: `${M}/acceslibre-500/api/erps/`}), LORIENT))).status).to.equal(500);
    expect((await failure(load(acceslibreSource({url: `${M}/acceslibre-invalid/api/erps/`}), LORIENT))).kind).to.equal('parse');
    const shape = await failure(load(acceslibreSource({url: `${M}/acceslibre-wrong-shape/api/erps/`}), LORIENT));
    expect(shape.kind).to.equal('parse');
    expect(shape.field).to.equal('results');
    const slow = await failure(load(acceslibreSource({url: mock.slow(1500), timeout: 200}), LORIENT));
    expect(slow.kind).to.equal('timeout');
  });

  it('cancels when the view moves on', async () => {
    const controller = new AbortController();
    const pending = load(acceslibreSource({url: mock.slow(1500)}), LORIENT, controller.signal);
    controller.abort();
    expect((await failure(pending)).kind).to.equal('aborted');
  });
});

describe('overpass source', () => {
  it('posts an `out center` query for the area and reads nodes and ways (by centre)', async () => {
    const result = await load(overpassSource({url: `${M}/overpass/api/interpreter`}), NORWICH);
    expect(result.places.length).to.be.greaterThan(30);
    expect(result.attribution[0].text).to.equal('© OpenStreetMap contributors');
    expect(result.attribution[0].license).to.equal('ODbL 1.0');
    const library = byName(result.places, 'Norfolk and Norwich Millennium Library');
    expect(library.id).to.equal('osm:node/299412199');
    expect(needStatus(library.accessibility, 'wheelchair')).to.equal('yes');
    expect(library.editPageUrl).to.equal('https://www.openstreetmap.org/edit?node=299412199');
    expect(result.places.some((p) => p.id.startsWith('osm:way/'))).to.equal(true);
    const cafe = byName(result.places, 'Café Bar Marzano');
    expect(cafe.accessibility.restrooms).to.deep.equal([{isAccessibleWithWheelchair: true}]);
  });

  it('reads a missing wheelchair tag as unknown, never as no; limited as partial', async () => {
    const {places, dropped} = await load(overpassSource({url: `${M}/overpass-hostile/api/interpreter`}), NORWICH);
    expect(dropped).to.equal(2);
    expect(needStatus(byName(places, 'Untagged shop').accessibility, 'wheelchair')).to.equal('unknown');
    const hostile = places.find((p) => p.id === 'osm:node/1')!;
    expect(needStatus(hostile.accessibility, 'wheelchair')).to.equal('partial');
    expect(hostile.accessibility.description).to.deep.equal({en: '<script>alert(1)</script>One step at the door'});
  });

  it('invents no entrance from the wheelchair tag alone', async () => {
    const {places} = await load(overpassSource({url: `${M}/overpass/api/interpreter`}), NORWICH);
    const library = byName(places, 'Norfolk and Norwich Millennium Library');
    expect(needStatus(library.accessibility, 'wheelchair')).to.equal('yes');
    expect(library.accessibility.entrances).to.equal(undefined);
  });

  it('reports the Overpass rate limit and server errors', async () => {
    expect((await failure(load(overpassSource({url: `${M}/overpass-429/api/interpreter`}), NORWICH))).kind).to.equal('rate-limited');
    const error = await failure(load(overpassSource({url: `${M}/overpass-500/api/interpreter`}), NORWICH));
    expect(error.status).to.equal(504);
  });
});

describe('a11yjson source', () => {
  it('reads accessibility.cloud place-infos with localized names and its licences', async () => {
    const result = await load(a11yjsonSource({url: `${M}/a11yjson/place-infos.json?appToken=public`}), NORWICH);
    expect(result.places).to.have.length(8);
    // The data source by its name, with its licence and the licence's link (the mock answers 422, as the API does,
    // to a relation it does not know in includeRelated).
    expect(result.attribution[0]).to.deep.include({text: 'OpenStreetMap (Norwich extract)', license: 'ODbL', licenseUrl: 'https://opendatacommons.org/licenses/odbl/1-0/'});
    const library = byName(result.places, 'Norfolk and Norwich Millennium Library');
    expect(library.source).to.equal('a11yjson');
    expect(needStatus(library.accessibility, 'wheelchair')).to.equal('yes');
  });

  it('ignores wrongly typed fields and drops features that are not points', async () => {
    const result = await load(a11yjsonSource({url: `${M}/a11yjson-hostile/place-infos.json`}), NORWICH);
    expect(result.places).to.have.length(1);
    expect(result.dropped).to.equal(2);
    expect(result.places[0].name).to.contain('<script>');
    // "yes" is not a boolean and "many" not a list: unknown rather than a guess.
    expect(needStatus(result.places[0].accessibility, 'wheelchair')).to.equal('unknown');
    expect(result.places[0].accessibility.entrances).to.equal(undefined);
  });
});

describe('geojson source', () => {
  it('keeps points and polygon centres of an OSM export, counts lines as left out, loads the file once', async () => {
    let fetched = 0;
    const counting: typeof fetch = (input, init) => {
      fetched++;
      return fetch(input, init);
    };
    const source = geojsonSource({url: `${M}/geojson/norwich.geojson`, fetch: counting});
    const result = await load(source, NORWICH);
    expect(result.places).to.have.length(52);
    expect(result.dropped).to.equal(2);
    expect(result.complete).to.equal(true);
    expect(result.attribution.map((a) => a.text)).to.include('© OpenStreetMap contributors');
    await load(source, [0, 0, 1, 1]);
    expect(fetched).to.equal(1);
  });
});

describe('lien source', () => {
  it('reads the gateway contract from its base URL, its …/v1 address (as the other elements take it) or the /v1/places URL', async () => {
    for (const url of [`${M}/lien`, `${M}/lien/v1`, `${M}/lien/v1/places`]) {
      const result = await load(lienSource({url}), FRANCE);
      expect(result.places).to.have.length(6);
      expect(result.attribution[0]).to.deep.include({text: 'Données : acceslibre', license: 'Licence Ouverte 2.0'});
      expect(result.places[0].id).to.match(/^acceslibre:/);
      expect(result.places[0].source).to.equal('acceslibre');
    }
  });

  it('turns a gateway error answer into an http error', async () => {
    expect((await failure(load(lienSource({url: `${M}/lien-error`}), FRANCE))).status).to.equal(400);
  });
});

describe('createSource', () => {
  it('knows the five source names and nothing else', () => {
    for (const name of ['acceslibre', 'overpass', 'a11yjson', 'geojson', 'lien']) expect(createSource(name)).to.be.an('object');
    expect(createSource('wheelmap')).to.equal(undefined);
  });

  it('announces the same smallest zoom as the adapter it fetches on first load', () => {
    const adapters = {acceslibre: acceslibreSource, overpass: overpassSource, a11yjson: a11yjsonSource, geojson: geojsonSource, lien: lienSource};
    for (const [name, adapter] of Object.entries(adapters)) expect(createSource(name)!.minZoom, name).to.equal(adapter().minZoom);
  });

  it('fetches its adapter on first load and loads through it', async () => {
    const source = createSource('lien', {url: `${M}/lien`})!;
    const result = await load(source, FRANCE);
    expect(result.places.length).to.be.above(0);
  });
});
