import {expect} from '@open-wc/testing';
import type {Place} from '@lien/open-data/place.js';
import {a11yjsonSource, acceslibreSource, lienSource, overpassSource, type BBox, type PlaceSource} from '../src/index.js';

// One upstream payload, two ways: straight from the upstream through the element's source, and through the real
// gateway (scripts/test-gateway.mjs imported the same file: its importer, its database, `/v1/places`, then the `lien`
// source). A place must read the same, field for field.
const UPSTREAM = '/mock/access-map/upstream';
const WORLD: BBox = [-179, -80, 179, 80];

function load(source: PlaceSource, bbox: BBox = WORLD): Promise<Place[]> {
  return source.load({bbox, zoom: 15, needs: [], q: ''}, {signal: new AbortController().signal}).then((r) => r.places);
}

let gateway: string;
before(async function () {
  // The first request starts the gateway (an in-memory PostgreSQL: a few seconds).
  this.timeout(60_000);
  gateway = ((await (await fetch('/mock/gateway-under-test')).json()) as {url: string}).url;
});

/** The same places, through the gateway: those of the given ids, in the given order. */
async function throughGateway(ids: string[]): Promise<Place[]> {
  const all = await load(lienSource({url: gateway}));
  return ids.map((id) => all.find((p) => p.id === id)!);
}

async function expectSame(direct: Place[]): Promise<void> {
  expect(direct.length).to.be.greaterThan(0);
  const viaGateway = await throughGateway(direct.map((p) => p.id));
  for (const [i, place] of direct.entries()) expect(viaGateway[i], place.id).to.deep.equal(place);
}

describe('a place reads the same from its upstream and through the gateway', () => {
  it('Acceslibre: /api/erps/ straight, and the same answer imported', async () => {
    const direct = await load(acceslibreSource({url: `${UPSTREAM}/acceslibre/api-erp-detail.aux-bons-croissants.json`}));
    expect(direct.map((p) => p.address)).to.deep.equal(['4 grand rue 34830 Jacou']);
    await expectSame(direct);
  });

  it('Overpass: a shop with wheelchair=limited, and 103 cafés most of which say nothing', async () => {
    const shop = await load(overpassSource({url: `${UPSTREAM}/overpass/openfairdb__osm-rs-parse-query-result.json`}));
    await expectSame(shop);
    const cafes = await load(overpassSource({url: `${UPSTREAM}/overpass/overpass-api-python-wrapper__example_singlenode.json`}));
    expect(cafes).to.have.length(103);
    await expectSame(cafes);
  });

  it('A11yJSON: accessibility.cloud answers with entrances as features, and its documented example', async () => {
    const mock = await load(a11yjsonSource({url: `${UPSTREAM}/a11yjson/wheelmap-frontend.edit.place-infos-mock.json`}));
    expect(mock[0]!.accessibility.entrances).to.deep.equal([{isLevel: true}]);
    await expectSame(mock);
    await expectSame(await load(a11yjsonSource({url: `${UPSTREAM}/a11yjson/accessibility-cloud.json-api.place-infos-example.json`})));
  });
});
