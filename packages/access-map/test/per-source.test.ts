import {expect, oneEvent} from '@open-wc/testing';
import {html} from 'lit';
import {sleep} from '@lien/testing';
import {$, $$, M, markers, mountLoaded, names, TILES} from './helpers.js';

const NORWICH = '52.6285,1.2925';

describe('<access-map> on each source, list and map in sync', () => {
  const cases = [
    {source: 'acceslibre', src: `${M}/acceslibre/api/erps/`, center: '47.748,-3.366', zoom: 14, credit: 'Licence Ouverte 2.0'},
    {source: 'overpass', src: `${M}/overpass/api/interpreter`, center: NORWICH, zoom: 15, credit: 'ODbL 1.0'},
    {source: 'a11yjson', src: `${M}/a11yjson/place-infos.json`, center: NORWICH, zoom: 15, credit: 'OpenStreetMap (Norwich extract)'},
    {source: 'geojson', src: `${M}/geojson/norwich.geojson`, center: NORWICH, zoom: 15, credit: 'ODbL 1.0'},
    {source: 'lien', src: `${M}/lien`, center: '48.85,2.37', zoom: 13, credit: 'Licence Ouverte 2.0'},
  ];
  for (const c of cases) {
    it(`${c.source}: every place in the list is on the map, and the data is credited`, async () => {
      const el = await mountLoaded(
        html`<access-map source=${c.source} src=${c.src} center=${c.center} zoom=${c.zoom} tile-url=${TILES}></access-map>`
      );
      const listed = names(el);
      expect(listed.length, 'places listed').to.be.greaterThan(0);
      const drawn = await markers(el);
      // Markers stand for single places or clusters: together they hold exactly the listed places.
      const count = (m: HTMLElement) => (m.classList.contains('lien-cluster') ? Number(m.getAttribute('aria-label')!.match(/\d+/)![0]) : 1);
      const inView = drawn.filter((m) => {
        const box = m.getBoundingClientRect();
        const frame = $(el, '.map-frame')!.getBoundingClientRect();
        return box.right > frame.left && box.left < frame.right && box.bottom > frame.top && box.top < frame.bottom;
      });
      expect(inView.reduce((sum, m) => sum + count(m), 0), 'places on the map').to.be.at.least(listed.length);
      expect($(el, '.attribution')!.textContent).to.contain(c.credit);
      // Choosing from the list highlights the place on the map.
      $<HTMLButtonElement>(el, 'button.place')!.click();
      await el.updateComplete;
      expect($$(el, '.lien-marker.selected')).to.have.length(1);
    });
  }

  it('a filter changes the list and the markers together', async () => {
    const el = await mountLoaded(
      html`<access-map source="overpass" src="${M}/overpass/api/interpreter" center=${NORWICH} zoom="16" tile-url=${TILES}></access-map>`
    );
    await markers(el);
    const before = $$(el, '.leaflet-marker-icon[aria-label]').length;
    $<HTMLInputElement>(el, 'input[value=wheelchair]')!.click();
    await el.updateComplete;
    await sleep(100);
    const labels = $$(el, '.lien-marker[aria-label]').map((m) => m.getAttribute('aria-label')!);
    expect($$(el, '.leaflet-marker-icon[aria-label]').length).to.be.lessThan(before);
    expect(labels.every((l) => !l.endsWith('accessibility not known'))).to.equal(true);
    expect(names(el).length).to.be.greaterThan(0);
  });

  it('fires lien-load with the count', async () => {
    const el = document.createElement('access-map');
    el.setAttribute('src', `${M}/lien`);
    el.setAttribute('view', 'list');
    el.setAttribute('center', '46.6,2.4');
    el.setAttribute('zoom', '5');
    const loaded = oneEvent(el, 'lien-load');
    document.body.append(el);
    try {
      expect((await loaded).detail.count).to.equal(6);
    } finally {
      el.remove();
    }
  });
});
