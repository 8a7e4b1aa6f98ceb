import {expect, fixture, oneEvent, waitUntil} from '@open-wc/testing';
import {html} from 'lit';
import {setLocale} from '@lien/core';
import type {AccessMap} from '../src/access-map.js';
import {$, $$, M, markers, mountLoaded, names, statusText, TILES} from './helpers.js';

const FRANCE = '46.6,2.4';

describe('<access-map> with the gateway (lien)', () => {
  afterEach(() => setLocale('en'));

  it('lists the places in view with their needs in words, says how many, and credits the data', async () => {
    const el = await mountLoaded(html`<access-map source="lien" src="${M}/lien" center=${FRANCE} zoom="5" view="list"></access-map>`);
    expect(names(el)).to.have.length(6);
    expect(statusText(el)).to.contain('6 places');
    expect($(el, 'button.place[data-id$="ae6d05c1-586d-4557-bc82-09fe43c1f61e"] .summary')!.textContent).to.contain('Wheelchair: accessible');
    // The data set's own "Données :" is not said twice after the element's "Data:".
    const credit = $(el, '.attribution')!.textContent!.replace(/\s+/g, ' ');
    expect(credit).to.contain('Data: acceslibre').and.contain('Licence Ouverte 2.0');
    expect(credit).not.to.match(/Data: Données|Données : Données/);
    // view="list" never loads Leaflet.
    expect($(el, '.leaflet-container')).to.equal(null);
  });

  it('filters by each need, from the attribute and from the checkboxes, and reflects them in `needs`', async () => {
    const el = await mountLoaded(html`<access-map src="${M}/lien" center=${FRANCE} zoom="5" view="list" needs="hearing"></access-map>`);
    expect(names(el)).to.have.members(['3 gîtes - Maison Familiale et Rurale', "4 chambres d'hôtes  La Laiterie 11 personnes", '514 Appart Hotel']);
    const box = (need: string) => $<HTMLInputElement>(el, `input[value=${need}]`)!;
    expect(box('hearing').checked).to.equal(true);
    box('hearing').click();
    await el.updateComplete;
    expect(names(el)).to.have.length(6);
    const expected = {wheelchair: 5, walking: 5, vision: 3, cognitive: 3} as const;
    for (const [need, count] of Object.entries(expected)) {
      box(need).click();
      await el.updateComplete;
      expect(names(el), need).to.have.length(count);
      expect(el.getAttribute('needs')).to.equal(need);
      box(need).click();
      await el.updateComplete;
    }
    box('wheelchair').click();
    box('hearing').click();
    await el.updateComplete;
    expect(el.getAttribute('needs')).to.equal('wheelchair hearing');
    expect(names(el)).to.have.length(3);
  });

  it('says so when no place matches, and searches by text', async () => {
    const el = await mountLoaded(html`<access-map src="${M}/lien" center=${FRANCE} zoom="5" view="list"></access-map>`);
    const search = $<HTMLInputElement>(el, 'input[type=search]')!;
    // A wide view (zoom below 15) of the gateway is filtered there too: each search asks it again.
    const searchFor = async (text: string) => {
      search.value = text;
      search.dispatchEvent(new Event('input'));
      await oneEvent(el, 'lien-load');
      await el.updateComplete;
    };
    await searchFor('appart');
    expect(names(el)).to.deep.equal(['514 Appart Hotel']);
    expect(el.q).to.equal('appart');
    await searchFor('nothing like this');
    // No need was chosen: the search, not the needs, found nothing.
    expect(statusText(el)).to.contain('No place here matches “nothing like this”.');
    expect(statusText(el)).not.to.contain('needs');
    expect($$(el, 'button.place')).to.have.length(0);
  });

  it('speaks French when the page does', async () => {
    await setLocale('fr');
    const el = await mountLoaded(html`<access-map src="${M}/lien" center=${FRANCE} zoom="5" view="list"></access-map>`);
    expect(statusText(el)).to.contain('6 lieux');
    expect($(el, 'legend')!.textContent).to.equal('Afficher les lieux accessibles pour');
    expect($(el, 'button.place[data-id$="ae6d05c1-586d-4557-bc82-09fe43c1f61e"] .summary')!.textContent).to.contain('Fauteuil roulant\u00a0: accessible');
    $<HTMLButtonElement>(el, 'button.place')!.click();
    await el.updateComplete;
    expect($(el, '[part=detail]')!.textContent).to.contain('Retour à la liste');
  });

  for (const [locale, one, inView] of [
    ['en', '1 place', '1 place in view'],
    ['fr', '1 lieu', '1 lieu dans la vue'],
  ] as const) {
    it(`counts one place in the singular, in ${locale}`, async () => {
      await setLocale(locale);
      const el = await mountLoaded(html`<access-map src="${M}/lien" center="48.85,2.37" zoom="13" view="list"></access-map>`);
      expect(names(el)).to.have.length(1);
      expect($(el, '[part=status] [role=status]')!.textContent!.trim()).to.equal(one);
      expect($(el, '#list-heading')!.textContent!.trim()).to.equal(inView);
    });
  }

  it('draws the map with named markers beside the list, and opens a place from either', async () => {
    const el = await mountLoaded(html`<access-map src="${M}/lien" center="48.85,2.37" zoom="13" tile-url=${TILES}></access-map>`);
    const drawn = await markers(el);
    expect(drawn).to.have.length(1);
    expect(drawn[0].getAttribute('aria-label')).to.equal('400C Scotta! — entrance with 1 step');
    expect(drawn[0].getAttribute('role')).to.equal('button');
    expect(drawn[0].tabIndex).to.equal(0);
    expect(names(el)).to.deep.equal(['400C Scotta!']);
    const selected = oneEvent(el, 'lien-place-select');
    drawn[0].click();
    expect((await selected).detail.place.name).to.equal('400C Scotta!');
    await el.updateComplete;
    expect($(el, '#detail-heading')!.textContent).to.equal('400C Scotta!');
    expect($(el, '.lien-marker.selected')).to.not.equal(null);
    expect($(el, '.attribution')!.textContent).to.contain('Map: © OpenStreetMap contributors');
  });

  it('names the map and its zoom buttons again when the page switches language', async () => {
    const el = await mountLoaded(html`<access-map src="${M}/lien" center="48.85,2.37" zoom="13" tile-url=${TILES}></access-map>`);
    await markers(el);
    const labels = () => [
      $(el, '.leaflet-container')!.getAttribute('aria-label'),
      ...$$(el, '.leaflet-control-zoom a').flatMap((a) => [a.title, a.getAttribute('aria-label')]),
    ];
    expect(labels()).to.deep.equal(['Map: use the arrow keys to move, + and - to zoom', 'Zoom in', 'Zoom in', 'Zoom out', 'Zoom out']);
    await setLocale('fr');
    await el.updateComplete;
    expect(labels()).to.deep.equal(['Carte\u00a0: flèches pour se déplacer, + et - pour zoomer', 'Zoomer', 'Zoomer', 'Dézoomer', 'Dézoomer']);
  });

  it('fetches Leaflet only when the element comes near the viewport', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="height: 300px; overflow: auto">
      <div style="height: 4000px"></div>
      <access-map src="${M}/lien" center="48.85,2.37" zoom="13" tile-url=${TILES}></access-map>
    </div>`);
    const el = wrapper.querySelector<AccessMap>('access-map')!;
    // The load may end before the fixture resolves: wait for its result, not for its event.
    await waitUntil(() => names(el).length > 0, 'nothing was loaded', {timeout: 5000});
    // Loaded from the computed view without a map: the list is there, the map is not.
    expect($(el, '.leaflet-container')).to.equal(null);
    expect(names(el)).to.deep.equal(['400C Scotta!']);
    wrapper.scrollTop = 4000;
    await waitUntil(() => $(el, '.leaflet-container'), 'the map was never built', {timeout: 5000});
  });
});
