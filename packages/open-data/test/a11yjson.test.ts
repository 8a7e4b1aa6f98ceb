import {expect} from '@open-wc/testing';
import {a11yPlace, readA11yAccessibility} from '@lien/open-data/a11yjson.js';
import {INCLUDE_RELATED, readPlaceInfos} from '@lien/open-data/accessibility-cloud.js';
import {needStatus} from '@lien/open-data/place.js';
import {isSignLanguage} from '@lien/open-data/sign-languages.js';
import {fixture} from './fixture.js';

// Payloads of Sozialhelden's own projects (fixtures/a11yjson/README.md): wheelmap-frontend's mocks of
// accessibility.cloud, accessibility.cloud's documented example, and A11yJSON's example and test fixture.
type Json = Record<string, unknown>;

describe('A11yJSON and accessibility.cloud reader', () => {
  it('entrances as features (wheelmap-frontend mock): id from properties._id, date from lastUpdate, localized text', async () => {
    const read = readPlaceInfos(await fixture('a11yjson/wheelmap-frontend.edit.place-infos-mock.json'));
    const [place] = read.places;
    expect(place).to.include({id: 'a11yjson:23DmWQ58EpHN3Ccr6', name: 'Sozialhelden e.V.', category: 'ngo', updatedAt: '2022-11-16T12:56:05.475Z', lat: 52.524975, lon: 13.366371});
    expect(place!.accessibility.entrances).to.deep.equal([{isLevel: true}]);
    expect(place!.accessibility.description).to.deep.equal({de: 'Anmeldung erforderlich'});
    expect(place!.accessibility.hasInductionLoop).to.equal(false);
    // No `accessibleWith`: the level entrance decides, with the same rule as Acceslibre's.
    expect(needStatus(place!.accessibility, 'wheelchair')).to.equal('yes');
    expect(needStatus(place!.accessibility, 'hearing')).to.equal('unknown');
    // Only the licence came back (the API's default): credited to accessibility.cloud, with the licence's link.
    expect(read.attribution).to.deep.equal([
      {text: 'accessibility.cloud', url: 'https://www.accessibility.cloud/', license: 'CC-BY 4.0 Int.', licenseUrl: 'https://creativecommons.org/licenses/by/4.0/legalcode'},
    ]);
  });

  it("A11yJSON's own fixture: door widths as text, removable ramps, sign languages among staff languages", async () => {
    const info = (await fixture('a11yjson/a11yjson.placeInfoFixture.resolved.json')) as Json;
    const place = a11yPlace(info, 14.02, 53.12, 'a11yjson');
    const a = place.accessibility;
    expect(place.name).to.equal('T-Mobile Sandy');
    // ">250cm" is at least 250 cm.
    expect(a.entrances).to.deep.equal([
      {isLevel: true, hasFixedRamp: false, hasRemovableRamp: true, stairs: {count: 123}, door: {width: 250}},
      {isLevel: true, hasFixedRamp: false, hasRemovableRamp: true, stairs: {count: 123}, door: {width: 250}},
    ]);
    expect(a.staff?.languages).to.deep.equal(['es', 'en', 'sgn-ase']);
    expect(a.staff?.languages?.filter(isSignLanguage)).to.deep.equal(['sgn-ase']);
    expect(a.staff?.isTrainedForDisabilities).to.equal(undefined);
    expect(a.restrooms).to.deep.equal([{isAccessibleWithWheelchair: true}, {isAccessibleWithWheelchair: true}]);
    expect(a.parking?.forWheelchairUsers?.isAvailable).to.equal(true);
    expect(needStatus(a, 'wheelchair')).to.equal('yes');
  });

  it("A11yJSON's documented example: flat entrances, partial wheelchair access, a structured address", async () => {
    const info = (await fixture('a11yjson/a11yjson.docs.0-place.tourism-office.json')) as Json;
    const place = a11yPlace(info, 51.78911, 11.14204, 'a11yjson');
    expect(place.address).to.equal('Markt 4, 06484 Quedlinburg');
    expect(place.website).to.equal('https://www.quedlinburg.de/');
    expect(place.phone).to.equal('+49 3946 905-624');
    expect(place.accessibility.entrances).to.deep.equal([{isLevel: true}]);
    expect(place.accessibility.restrooms).to.deep.equal([{isAccessibleWithWheelchair: false}]);
    // The document says partial: its statement wins over what the level entrance alone suggests.
    expect(needStatus(place.accessibility, 'wheelchair')).to.equal('partial');
  });

  it("accessibility.cloud's documented answer: three places, a refusal read as no, a licence without a source", async () => {
    const read = readPlaceInfos(await fixture('a11yjson/accessibility-cloud.json-api.place-infos-example.json'));
    expect(read.places.map((p) => [p.id, needStatus(p.accessibility, 'wheelchair')])).to.deep.equal([
      ['a11yjson:g6DyPyuGPbR2bRHML', 'yes'],
      ['a11yjson:nho3WmyqaW52nc6Cs', 'yes'],
      ['a11yjson:bJY23bukFmpayGSvA', 'no'],
    ]);
    expect(read.places[0]!.address).to.equal('Damm autom. selbstr. Familienbadestrand, Bezirk 22, Vienna, Austria');
    expect(read.attribution).to.deep.equal([{text: 'accessibility.cloud', url: 'https://www.accessibility.cloud/', license: 'Accessibility License'}]);
  });

  it("wheelmap-frontend's search mock: facts under the legacy areas[0], every licence credited", async () => {
    const read = readPlaceInfos(await fixture('a11yjson/wheelmap-frontend.search.place-infos-mock.json'));
    const [hotel] = read.places;
    expect(hotel).to.include({id: 'a11yjson:X9P6x4AoD46XACtNS', name: 'NH Berlin Alexanderplatz', phone: '+49 30 4226130', category: 'hotel'});
    expect(hotel!.accessibility.entrances).to.deep.equal([{isLevel: true}]);
    expect(hotel!.accessibility.parking).to.deep.equal({forWheelchairUsers: {isAvailable: true}});
    expect(hotel!.accessibility.restrooms).to.deep.equal([{isAccessibleWithWheelchair: false}]);
    expect(needStatus(hotel!.accessibility, 'wheelchair')).to.equal('yes');
    // 15 places in all, one in this page: the answer says so.
    expect(read.truncated).to.equal(true);
    expect(read.attribution.map((a) => a.license)).to.include.members(['© DSFT e.V.', 'Creative Commons', 'CC-BY 4.0 Int.']);
    expect(read.attribution.find((a) => a.license === 'Creative Commons')?.licenseUrl).to.equal('https://creativecommons.org/licenses/by/4.0/legalcode');
  });

  it('a single place-infos document: the id at its top level', async () => {
    const doc = (await fixture('a11yjson/wheelmap-frontend.placeinfo-document.transcribed.json')) as Json;
    const geometry = doc.geometry as {coordinates: [number, number]};
    const place = a11yPlace(doc, geometry.coordinates[1], geometry.coordinates[0], 'a11yjson');
    expect(place.id).to.equal('a11yjson:222RZF9r2AAzqBQXh');
    expect(place.name).to.equal('Église Saint-Agnan');
    expect(place.accessibility).to.deep.equal({});
  });

  it('asks only for related objects the API knows (source, source.license, source.organization)', () => {
    const known = new Set(['source', 'source.license', 'source.organization', 'equipmentInfos', 'disruptions', 'images']);
    for (const name of INCLUDE_RELATED.split(',')) expect(known.has(name), name).to.equal(true);
    expect(INCLUDE_RELATED.split(',')).to.include('source');
  });

  it('reads every need key it is given and nothing else', async () => {
    const info = (await fixture('a11yjson/a11yjson.docs.0-place.tourism-office.json')) as {properties: Json};
    const a = readA11yAccessibility(info.properties.accessibility);
    // guideDog is not one of the needs Lien shows.
    expect(a.accessibleWith).to.equal(undefined);
    expect(a.partiallyAccessibleWith).to.deep.equal({wheelchair: true});
  });
});
