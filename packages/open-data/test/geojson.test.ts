import {expect} from '@open-wc/testing';
import {readPlaceInfos} from '@lien/open-data/accessibility-cloud.js';
import {readGeojson} from '@lien/open-data/geojson.js';
import {needStatus, type NeedStatus} from '@lien/open-data/place.js';
import {fixture} from './fixture.js';

// GeoJSON made from OpenStreetMap by overpass-turbo, osmtogeojson and osm2geojson (fixtures/osm-geojson/README.md),
// and the Norwich overpass-turbo export that the gateway ships as sample data (its sample-data/README.md).
describe('GeoJSON reader, OSM-tagged', () => {
  it('an overpass-turbo export: flat tags with @id, polygons by their centre, lines dropped with the reason, OSM credited', async () => {
    const read = readGeojson(await fixture('osm-geojson/overpass-api-python-wrapper__example_live.json'));
    expect(read.places.map((p) => [p.id, p.name, p.source])).to.deep.equal([
      ['osm:relation/6518385', 'Sibley Volcanic Regional Preserve', 'osm'],
      ['osm:node/4927326183', '', 'osm'],
    ]);
    expect(read.places[0]!.lat).to.be.within(37.83, 37.86);
    expect(read.dropped).to.deep.equal([{at: 'features[1]', id: 'way/10322303', reason: 'a LineString (a route or a path, not a place) at "features[1].geometry"'}]);
    expect(read.attribution.map((a) => a.text)).to.deep.equal(['© OpenStreetMap contributors']);
  });

  it("osmtogeojson's nested properties ({type, id, tags}) with the feature id node/3", async () => {
    const read = readGeojson(await fixture('osm-geojson/osmtogeojson__test-tags-ways-and-nodes-pois.geojson'));
    expect(read.places.map((p) => p.id)).to.deep.equal(['osm:node/3']);
    // Its made-up node 5 sits at 0,0, the placeholder of exports without a position.
    expect(read.dropped.map((d) => d.id)).to.deep.equal(['way/1', 'node/5']);
    expect(read.places[0]!.editPageUrl).to.equal('https://www.openstreetmap.org/edit?node=3');
    const meta = readGeojson(await fixture('osm-geojson/osmtogeojson__test-meta-data.geojson'));
    expect(meta.places.map((p) => p.id)).to.deep.equal(['osm:node/1']);
  });

  it("osm2geojson's properties without a feature id, including a node without tags and a way as a polygon", async () => {
    const read = readGeojson(await fixture('osm-geojson/osm2geojson__meta.geojson'));
    expect(read.places.map((p) => [p.id, p.category ?? ''])).to.deep.equal([
      ['osm:node/4883483009', ''],
      ['osm:node/6657522239', ''],
      ['osm:way/110768779', ''],
    ]);
    const center = readGeojson(await fixture('osm-geojson/osm2geojson__center-feature.geojson'));
    expect(center.places.map((p) => [p.id, p.lat, p.lon])).to.deep.equal([['osm:relation/448930', 50.6108274, 26.2443283]]);
    const body = readGeojson(await fixture('osm-geojson/overpass-api-python-wrapper__example_body.geojson'));
    expect(body.places.map((p) => p.id)).to.deep.equal(['osm:relation/6518385', 'osm:node/4927326183']);
  });

  it('Norwich: yes and designated are yes, limited partial, no is no, and a missing tag stays unknown', async () => {
    const read = readGeojson(await fixture('../../../gateway/sample-data/osm-norwich-wheelchair-2019.geojson'));
    // 256 features: 130 points and 113 polygons are places, 13 lines are not.
    expect(read.places).to.have.length(243);
    expect(read.dropped).to.have.length(13);
    const count = (status: NeedStatus) => read.places.filter((p) => needStatus(p.accessibility, 'wheelchair') === status).length;
    const lines = read.dropped.length;
    expect(count('partial')).to.equal(15);
    expect(count('no')).to.equal(4);
    expect(count('yes') + count('partial') + count('no') + count('unknown') + lines).to.equal(256);
    expect(count('unknown')).to.be.greaterThan(0);
    // A "no" for wheels says nothing about walking.
    for (const place of read.places.filter((p) => needStatus(p.accessibility, 'wheelchair') === 'no')) expect(needStatus(place.accessibility, 'walking')).to.equal('unknown');
  });

  it('A11yJSON-shaped files (accessibility.cloud answers saved as GeoJSON) read as A11yJSON, as places of the file', async () => {
    for (const file of ['wheelmap-frontend.edit.place-infos-mock.json', 'wheelmap-frontend.search.place-infos-mock.json', 'accessibility-cloud.json-api.place-infos-example.json']) {
      const body = await fixture(`a11yjson/${file}`);
      const asFile = readGeojson(body);
      const asAnswer = readPlaceInfos(body);
      expect(asFile.places.length, file).to.equal(asAnswer.places.length);
      for (const [i, place] of asFile.places.entries()) {
        expect(place.source).to.equal('geojson');
        expect(place.id.replace(/^geojson:/, '')).to.equal(asAnswer.places[i]!.id.replace(/^a11yjson:/, ''));
        expect(place.accessibility, place.id).to.deep.equal(asAnswer.places[i]!.accessibility);
      }
    }
  });
});
