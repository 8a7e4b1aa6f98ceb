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
});
