import {expect} from '@open-wc/testing';
import {thrown} from '@lien/testing';
import {LienError} from '@lien/open-data/errors.js';
import {needStatus} from '@lien/open-data/place.js';
import {readOverpass} from '@lien/open-data/overpass.js';
import {fixture} from './fixture.js';

// Answers recorded or written by Overpass clients' own tests (fixtures/overpass/README.md).
const failure = (run: () => unknown) => thrown(run, LienError);

describe('Overpass reader', () => {
  it('a query that timed out (HTTP 200, no elements, "runtime error" remark) is a timeout, not an empty area', async () => {
    for (const file of ['python-overpy__remark-runtime-error-01.json', 'mapcontrib__remark-query-timed-out.json']) {
      const timedOut = failure(() => readOverpass(body[file]));
      expect(timedOut.kind, file).to.equal('timeout');
      expect(timedOut.retryable).to.equal(true);
      expect(timedOut.message).to.match(/Query timed out/);
    }
  });

  it('a query that ran out of memory is an upstream failure, retryable', async () => {
    for (const file of ['overpass-ts__timeout.json', 'mapcontrib__remark-query-run-out-of-memory.json']) {
      const error = failure(() => readOverpass(body[file]));
      expect(error.kind, file).to.equal('upstream');
      expect(error.retryable).to.equal(true);
    }
  });

  it('a "runtime remark" that is not an error leaves the answer as it is', () => {
    expect(readOverpass(body['python-overpy__remark-runtime-remark-01.json']).places).to.deep.equal([]);
  });

  it('reads nodes with their tags: wheelchair=limited is partial, and the address is written once', () => {
    const {places, dropped} = readOverpass(body['openfairdb__osm-rs-parse-query-result.json']);
    expect(dropped).to.deep.equal([]);
    const [shop] = places;
    expect(shop).to.include({id: 'osm:node/20962297', lat: 47.0598329, lon: 15.4701174, source: 'osm', category: 'supermarket'});
    expect(shop!.address).to.equal('107a Plüddemanngasse, 8042 Graz');
    expect(shop!.infoPageUrl).to.equal('https://www.openstreetmap.org/node/20962297');
    expect(needStatus(shop!.accessibility, 'wheelchair')).to.equal('partial');
  });

  it('a missing wheelchair tag is unknown, never no (103 cafés, 6 tagged yes)', () => {
    const {places} = readOverpass(body['overpass-api-python-wrapper__example_singlenode.json']);
    expect(places).to.have.length(103);
    const statuses = places.map((p) => needStatus(p.accessibility, 'wheelchair'));
    expect(statuses.filter((s) => s === 'yes')).to.have.length(6);
    expect(statuses.filter((s) => s === 'unknown')).to.have.length(97);
    expect(statuses).not.to.include('no');
  });

  it('ways and relations by their centre; those without one are dropped with the reason', () => {
    const way = readOverpass(body['overpass-ts__way.json']);
    expect(way.places.map((p) => [p.id, p.lat, p.lon, p.name])).to.deep.equal([['osm:way/8675309', 42.6200505, -82.9182642, 'Robinson Ridge']]);
    expect(way.dropped).to.have.length(7);
    expect(way.dropped[0]).to.deep.equal({at: 'elements[0]', id: 'way/8675309', reason: 'a way without a position (ask with "out center") at "elements[0]"'});

    const relation = readOverpass(body['python-overpy__relation-03.json']);
    expect(relation.places.map((p) => [p.id, p.lat, p.lon])).to.deep.equal([['osm:relation/23092', 50.8176646, 7.0208539]]);

    const flower = readOverpass(body['python-overpy__way-03.json']);
    expect(flower.places.filter((p) => p.id.startsWith('osm:way/')).map((p) => [p.id, p.category])).to.deep.equal([['osm:way/225576797', 'florist']]);
    // `"center": {}` has no usable position.
    expect(readOverpass(body['python-overpy__way-04.json']).dropped.map((d) => d.id)).to.deep.equal(['way/225576797']);
    expect(readOverpass(body['python-overpy__way-01.json']).dropped).to.have.length(2);
  });

  it('elements that are not nodes, ways or relations (areas) are dropped, with the reason', () => {
    const {places, dropped} = readOverpass(body['python-overpy__area-01.json']);
    expect(places).to.deep.equal([]);
    expect(dropped.map((d) => d.id)).to.deep.equal(['area/2448756446', 'area/3600055060', 'area/3605945175', 'area/3605945176']);
    for (const d of dropped) expect(d.reason).to.match(/^not a node, way or relation/);
  });

  it('nodes without tags become unnamed places with nothing known', () => {
    const {places} = readOverpass(body['python-overpy__node-01.json']);
    expect(places.map((p) => [p.id, p.name, p.category])).to.deep.equal([
      ['osm:node/50878400', '', undefined],
      ['osm:node/100793192', '', 'turning circle'],
      ['osm:node/3233854234', '', undefined],
    ]);
  });
});

const body: Record<string, unknown> = {};
before(async () => {
  for (const file of [
    'python-overpy__remark-runtime-error-01.json',
    'mapcontrib__remark-query-timed-out.json',
    'overpass-ts__timeout.json',
    'mapcontrib__remark-query-run-out-of-memory.json',
    'python-overpy__remark-runtime-remark-01.json',
    'openfairdb__osm-rs-parse-query-result.json',
    'overpass-api-python-wrapper__example_singlenode.json',
    'overpass-ts__way.json',
    'python-overpy__relation-03.json',
    'python-overpy__way-03.json',
    'python-overpy__way-04.json',
    'python-overpy__way-01.json',
    'python-overpy__area-01.json',
    'python-overpy__node-01.json',
  ])
    body[file] = await fixture(`overpass/${file}`);
});
