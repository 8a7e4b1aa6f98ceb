import {expect} from '@open-wc/testing';
import {acceslibreAccessibility, readErp, readErpPage} from '@lien/open-data/acceslibre.js';
import {needStatus} from '@lien/open-data/place.js';
import {fixture} from './fixture.js';

// Acceslibre's own payloads (fixtures/acceslibre/README.md): its API's detail answer, the write format of its
// API (flat `accessibilite`), and the stored values of its widget tests with the sentences its widget says.
type Json = Record<string, unknown>;

describe('Acceslibre reader', () => {
  it('reads a place of /api/erps/ (aux-bons-croissants): the address as given, toilets present but not adapted, the rest unknown', async () => {
    const erp = await fixture('acceslibre/api-erp-detail.aux-bons-croissants.json');
    const place = readErp(erp, 'results[0]');
    expect(place).to.include({
      id: 'acceslibre:<ANY>',
      name: 'Aux bons croissants',
      category: 'Boulangerie',
      // `adresse` already holds the postcode and the town: not written twice.
      address: '4 grand rue 34830 Jacou',
      source: 'acceslibre',
      lat: 43.6648217,
      lon: 3.9047933,
      infoPageUrl: 'http://testserver/app/34-jacou/a/boulangerie/erp/aux-bons-croissants/',
      editPageUrl: 'http://testserver/contrib/entree/aux-bons-croissants/',
    });
    // "<ANY>" is not a date: no date rather than a wrong one.
    expect(place.updatedAt).to.equal(undefined);
    expect(place.accessibility.restrooms).to.deep.equal([{isAccessibleWithWheelchair: false}]);
    expect(place.accessibility.description).to.deep.equal({fr: 'foo'});
    // Null everywhere else: unknown, never "no".
    for (const need of ['wheelchair', 'walking', 'vision', 'hearing', 'cognitive'] as const) expect(needStatus(place.accessibility, need)).to.equal('unknown');
    expect(place.accessibility.parking).to.equal(undefined);
    expect(place.accessibility.staff).to.equal(undefined);
  });

  it('reads a page of results and its next link', async () => {
    const erp = await fixture('acceslibre/api-erp-detail.aux-bons-croissants.json');
    const page = readErpPage({count: 2, next: 'http://testserver/api/erps/?page=2', previous: null, results: [erp, {...(erp as Json), geom: null}]});
    expect(page.places.map((p) => p.name)).to.deep.equal(['Aux bons croissants']);
    expect(page.dropped).to.deep.equal([{at: 'results[1]', reason: 'no coordinates at "results[1].geom"'}]);
    expect(page.next).to.equal('http://testserver/api/erps/?page=2');
  });

  it('"aucun" staff is nobody at the reception, not untrained staff (Mairie de Montreuil)', async () => {
    const body = (await fixture('acceslibre/api-erps-post-request.mairie-de-montreuil.json')) as Json;
    const a = acceslibreAccessibility(body.accessibilite as Json);
    expect(a.staff).to.deep.equal({isPresent: false});
    expect(a.parking).to.deep.equal({forWheelchairUsers: {isAvailable: true, onSite: true, nearby: true}});
    // Steps at the door and on the path, but a lift for both, and a door wide enough: a wheelchair gets in.
    expect(needStatus(a, 'wheelchair')).to.equal('yes');
    expect(a.entrances).to.deep.equal([
      {isLevel: false, hasFixedRamp: false, hasRemovableRamp: false, hasElevator: true, stairs: {count: 32767}, door: {width: 32767}, hasSoundBeacon: true, needsHelp: true},
    ]);
    // A label's family "auditif" and a loop: yes for hearing; toilets adapted.
    expect(needStatus(a, 'hearing')).to.equal('yes');
    expect(a.hearingEquipment).to.deep.equal(['bim']);
    expect(a.hasInductionLoop).to.equal(true);
    expect(a.restrooms).to.deep.equal([{isAccessibleWithWheelchair: true}]);
    expect(needStatus(a, 'vision')).to.equal('partial');
  });

  it('a removable ramp through a 79 cm door is partial, as Acceslibre\'s widget says "rampe mais étroite"', async () => {
    const input = (await fixture('acceslibre/api-widget.nominal.accessibilite-input.json')) as Json;
    const widget = JSON.stringify(await fixture('acceslibre/api-widget.nominal.response.json'));
    expect(widget).to.include('Entrée rendue accessible par rampe mais étroite');
    const a = acceslibreAccessibility(input);
    expect(a.entrances).to.deep.equal([{isLevel: false, hasFixedRamp: false, hasRemovableRamp: true, door: {width: 79}, hasSoundBeacon: true}]);
    expect(needStatus(a, 'wheelchair')).to.equal('partial');
    expect(needStatus(a, 'walking')).to.equal('yes');
    expect(a.staff).to.deep.equal({isPresent: true, isTrainedForDisabilities: false});
    expect(a.hearingEquipment).to.deep.equal(['bim', 'bmp']);
    expect(needStatus(a, 'hearing')).to.equal('partial');
    expect(a.restrooms).to.deep.equal([{isAccessibleWithWheelchair: false}]);
    // Only `stationnement_pmr` was filled in: a space on site.
    expect(a.parking).to.deep.equal({forWheelchairUsers: {isAvailable: true, onSite: true}});
  });

  it('a fixed ramp through an 80 cm door is accessible, as the widget says "Accès à l\'entrée par une rampe"', async () => {
    const input = (await fixture('acceslibre/api-widget.low-completion.accessibilite-input.json')) as Json;
    expect(JSON.stringify(await fixture('acceslibre/api-widget.low-completion.response.json'))).to.include("Accès à l'entrée par une rampe");
    const a = acceslibreAccessibility(input);
    expect(needStatus(a, 'wheelchair')).to.equal('yes');
    expect(a.staff).to.equal(undefined);
  });

  it('a removable ramp through a door of known, sufficient width is accessible; the same door at 78 cm is partial', async () => {
    const input = (await fixture('acceslibre/api-widget.nominal.accessibilite-input.json')) as Json;
    expect(needStatus(acceslibreAccessibility({...input, entree_largeur_mini: 80}), 'wheelchair')).to.equal('yes');
    expect(needStatus(acceslibreAccessibility({...input, entree_largeur_mini: 78}), 'wheelchair')).to.equal('partial');
  });
});
