import {expect, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {html} from 'lit';
import {$, focused, M, markers, mountLoaded, names, TILES} from './helpers.js';

const LORIENT = '47.748,-3.366';

describe('<access-map> by keyboard', () => {
  it('goes from the filters to the list, into a detail and back to the same item', async () => {
    const el = await mountLoaded(html`<access-map src="${M}/lien" center="46.6,2.4" zoom="5" view="list"></access-map>`);
    (document.activeElement as HTMLElement | null)?.blur();
    await sendKeys({press: 'Tab'});
    expect(focused(el)!.getAttribute('value')).to.equal('wheelchair');
    await sendKeys({press: 'Space'});
    await el.updateComplete;
    expect(el.needs).to.equal('wheelchair');
    expect(names(el)).to.have.length(5);
    for (let i = 0; i < 7; i++) await sendKeys({press: 'Tab'});
    const item = focused(el)!;
    expect(item.classList.contains('place')).to.equal(true);
    const id = item.dataset.id;
    await sendKeys({press: 'Enter'});
    await el.updateComplete;
    expect(focused(el)!.id).to.equal('detail-heading');
    expect(focused(el)!.textContent).to.equal(item.querySelector('.name')!.textContent);
    await sendKeys({down: 'Shift'});
    await sendKeys({press: 'Tab'});
    await sendKeys({up: 'Shift'});
    expect(focused(el)!.textContent).to.equal('Back to the list');
    await sendKeys({press: 'Enter'});
    await el.updateComplete;
    expect(focused(el)!.dataset.id).to.equal(id);
    // Escape closes the detail too.
    await sendKeys({press: 'Enter'});
    await el.updateComplete;
    await sendKeys({press: 'Escape'});
    await el.updateComplete;
    expect(focused(el)!.dataset.id).to.equal(id);
  });

  it('opens a cluster with Enter, zooms in and keeps focus on what was inside it', async () => {
    const el = await mountLoaded(
      html`<access-map source="acceslibre" src="${M}/acceslibre/api/erps/" center=${LORIENT} zoom="13" tile-url=${TILES}></access-map>`
    );
    await markers(el);
    await waitUntil(() => $(el, '.lien-cluster[aria-label]'), 'no cluster drawn');
    const clusterEl = $(el, '.lien-cluster[aria-label]')!;
    expect(clusterEl.getAttribute('aria-label')).to.match(/^\d+ places$/);
    clusterEl.focus();
    await sendKeys({press: 'Enter'});
    await waitUntil(() => focused(el)?.classList.contains('leaflet-marker-icon') && focused(el) !== clusterEl, 'focus was lost', {
      timeout: 5000,
    });
    expect(focused(el)!.getAttribute('aria-label')).to.be.a('string');
    await expect(el).to.be.accessible();
  });

  it('opens a place from its marker with Enter and comes back to the marker', async () => {
    const el = await mountLoaded(html`<access-map src="${M}/lien" center="48.85,2.37" zoom="13" tile-url=${TILES}></access-map>`);
    const [marker] = await markers(el);
    marker.focus();
    await sendKeys({press: 'Enter'});
    await el.updateComplete;
    expect(focused(el)!.id).to.equal('detail-heading');
    await expect(el).to.be.accessible();
    await sendKeys({press: 'Escape'});
    await el.updateComplete;
    expect(focused(el)).to.equal(marker);
  });

  it('in map view, comes back to the map when the marker is gone, by button or by Escape from the map', async () => {
    const el = await mountLoaded(html`<access-map src="${M}/lien" center="48.85,2.37" zoom="13" view="map" tile-url=${TILES}></access-map>`);
    const open = async () => {
      const [marker] = await markers(el);
      marker.focus();
      await sendKeys({press: 'Enter'});
      await el.updateComplete;
      expect(focused(el)!.id).to.equal('detail-heading');
    };
    // The place's marker leaves the view while its detail is open.
    const moveTo = async (center: [number, number]) => {
      (el as unknown as {map: {view: {map: {setView(c: [number, number], z: number, o: object): void}}}}).map.view.map.setView(center, 13, {animate: false});
      await el.drawn;
    };
    const hideMarker = async () => {
      await moveTo([43.6, 1.44]);
      expect($(el, '.lien-marker[aria-label]')).to.equal(null);
    };
    // Compared as a boolean: a failing comparison of Leaflet's nodes is too big to print.
    const onMap = () => focused(el) === $(el, '.leaflet-container');

    await open();
    await sendKeys({down: 'Shift'});
    await sendKeys({press: 'Tab'});
    await sendKeys({up: 'Shift'});
    expect(focused(el)!.textContent).to.equal('Back to the map');
    await hideMarker();
    await sendKeys({press: 'Enter'});
    await el.updateComplete;
    expect($(el, '[part=detail]')).to.equal(null);
    expect(onMap(), 'focus on the map').to.equal(true);

    await moveTo([48.85, 2.37]);
    await open();
    $(el, '.leaflet-container')!.focus();
    await hideMarker();
    await sendKeys({press: 'Escape'});
    await el.updateComplete;
    expect($(el, '[part=detail]')).to.equal(null);
    expect(onMap(), 'focus on the map').to.equal(true);
  });
});
