import {expect, fixture, oneEvent} from '@open-wc/testing';
import {html} from 'lit';
import {acceslibreAccessibility} from '@lien/open-data/acceslibre.js';
import {readPlaceInfos} from '@lien/open-data/accessibility-cloud.js';
import type {AccessMap} from '../src/access-map.js';
import {parkingSentence, receptionSentences} from '../src/view/words.js';
import {$, statusText} from './helpers.js';

// What the element says of facts read from the upstreams' own payloads (packages/open-data/test/fixtures).
const FIXTURES = '/packages/open-data/test/fixtures';
const UPSTREAM = '/mock/access-map/upstream';
const json = async (path: string) => (await fetch(`${FIXTURES}/${path}`)).json() as Promise<Record<string, unknown>>;

describe('<access-map> states the upstreams\' facts', () => {
  it('Acceslibre\'s "aucun" staff: nobody to welcome visitors, never "staff not trained"', async () => {
    const montreuil = await json('acceslibre/api-erps-post-request.mairie-de-montreuil.json');
    const sentences = receptionSentences(acceslibreAccessibility(montreuil.accessibilite as Record<string, unknown>));
    expect(sentences).to.include('Nobody is there to welcome visitors.');
    expect(sentences.join(' ')).not.to.match(/trained/);
  });

  it('"non-formés" staff are staff not trained', async () => {
    const input = await json('acceslibre/api-widget.nominal.accessibilite-input.json');
    expect(receptionSentences(acceslibreAccessibility(input))).to.include('Staff not trained to welcome disabled people.');
  });

  it('parking: a space nearby is never "no parking"; "no" only when both on site and nearby say so', () => {
    expect(parkingSentence({parking: {forWheelchairUsers: {isAvailable: true, onSite: false, nearby: true}}})).to.equal('Parking space for disabled people nearby.');
    expect(parkingSentence({parking: {forWheelchairUsers: {onSite: false}}})).to.equal('No parking space for disabled people on site.');
    expect(parkingSentence({parking: {forWheelchairUsers: {isAvailable: false, onSite: false, nearby: false}}})).to.equal('No parking space for disabled people.');
  });

  it("A11yJSON staff languages: the sign languages are named", async () => {
    const info = await json('a11yjson/a11yjson.placeInfoFixture.resolved.json');
    const [place] = readPlaceInfos({type: 'FeatureCollection', features: [{...info, type: 'Feature'}]}).places;
    expect(receptionSentences(place!.accessibility)).to.include('Staff who sign (sgn-ase).');
  });

  it('an Overpass query that timed out (200, no elements, "runtime error") is an error with a retry, not an empty map', async () => {
    const el = await fixture<AccessMap>(
      html`<access-map source="overpass" src=${`${UPSTREAM}/overpass/python-overpy__remark-runtime-error-01.json`} center="52.6285,1.2925" zoom="15" view="list"></access-map>`
    );
    const event = await oneEvent(el, 'lien-error');
    await el.updateComplete;
    expect((event.detail.error as {kind?: string}).kind).to.equal('timeout');
    expect(statusText(el)).to.contain('took too long');
    expect($(el, '[part=status] button.retry')).to.not.equal(null);
    expect(statusText(el)).not.to.contain('No place');
  });

  it('an Overpass query that ran out of memory is an error with a retry too', async () => {
    const el = await fixture<AccessMap>(
      html`<access-map source="overpass" src=${`${UPSTREAM}/overpass/overpass-ts__timeout.json`} center="52.6285,1.2925" zoom="15" view="list"></access-map>`
    );
    await oneEvent(el, 'lien-error');
    await el.updateComplete;
    expect(statusText(el)).to.contain('could not do what was asked');
    expect($(el, '[part=status] button.retry')).to.not.equal(null);
  });
});
