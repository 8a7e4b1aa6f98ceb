import {expect, fixture, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {html} from 'lit';
import type {Place} from '@lien/open-data/place.js';
import type {AccessMap} from '../src/access-map.js';
import type {PlaceSource} from '../src/sources/types.js';
import {$, $$, focused, M, markers, mountLoaded, TILES} from './helpers.js';

// What a keyboard and screen-reader user met: headings that fit the page, a map with a role and a name, clusters
// named by what they hold, a "Back" that says where it goes, credits said once, ways past long parts, focus rings
// that show whole.

/** Ten places at one spot in Lorient, four of them accessible with a wheelchair: one cluster until zoomed far in. */
function oneSpot(): PlaceSource {
  const places: Place[] = Array.from({length: 10}, (_, i) => ({
    id: `test:${i}`,
    name: `Lieu ${i}`,
    lat: 47.748 + i * 1e-6,
    lon: -3.366 + i * 1e-6,
    source: 'geojson',
    accessibility: i < 4 ? {accessibleWith: {wheelchair: true}} : {},
  }));
  return {load: async () => ({places, attribution: [], complete: true})};
}

async function inPage(template: ReturnType<typeof html>): Promise<AccessMap> {
  const page = await fixture<HTMLElement>(template);
  const el = page.querySelector('access-map')!;
  await waitUntil(() => $(el, 'button.place'), 'no place listed');
  return el;
}

const headingLevels = (el: AccessMap) => $$(el, 'h1, h2, h3, h4, h5, h6').map((h) => Number(h.tagName[1]));

describe('<access-map> in the page\'s outline', () => {
  it('heading-level="2" under the page\'s h1: the list and the place are h2, their sections h3, and axe finds no heading-order problem', async () => {
    const el = await inPage(html`<main><h1>Our places</h1><access-map heading-level="2" src="${M}/lien" center="46.6,2.4" zoom="5" view="list"></access-map></main>`);
    expect(headingLevels(el)).to.deep.equal([2]);
    $<HTMLButtonElement>(el, 'button.place')!.click();
    await el.updateComplete;
    const levels = headingLevels(el);
    expect(levels[0]).to.equal(2);
    expect(levels.slice(1).every((l) => l === 3)).to.equal(true);
    await expect(el.parentElement).to.be.accessible({ignoredRules: ['region']});
  });

  it('the default level (3) under an h2: no heading-order problem either', async () => {
    const el = await inPage(html`<section><h2>Near us</h2><access-map src="${M}/lien" center="46.6,2.4" zoom="5" view="list"></access-map></section>`);
    expect(headingLevels(el)).to.deep.equal([3]);
    $<HTMLButtonElement>(el, 'button.place')!.click();
    await el.updateComplete;
    expect(new Set(headingLevels(el))).to.deep.equal(new Set([3, 4]));
    await expect(el.parentElement).to.be.accessible({ignoredRules: ['region']});
  });

  it('a heading-level out of 1–6 falls back to the default', async () => {
    const el = await inPage(html`<div><access-map heading-level="9" src="${M}/lien" center="46.6,2.4" zoom="5" view="list"></access-map></div>`);
    expect(headingLevels(el)).to.deep.equal([3]);
  });
});

describe('<access-map> for a keyboard and a screen reader', () => {
  it('the focusable map is an application with a name, as ARIA allows, and passes axe', async () => {
    const el = await mountLoaded(html`<access-map src="${M}/lien" center="48.85,2.37" zoom="13" tile-url=${TILES}></access-map>`);
    await markers(el);
    const map = $(el, '.leaflet-container')!;
    expect(map.tabIndex).to.equal(0);
    expect(map.getAttribute('role')).to.equal('application');
    expect(map.getAttribute('aria-label')).to.contain('arrow keys');
    await expect(el).to.be.accessible();
  });

  it('names a cluster by what it holds: "10 places, 4 accessible with a wheelchair"', async () => {
    const el = await fixture<AccessMap>(html`<access-map .dataSource=${oneSpot()} center="47.748,-3.366" zoom="13" tile-url=${TILES}></access-map>`);
    await waitUntil(() => $(el, '.lien-cluster[aria-label]'), 'no cluster drawn', {timeout: 5000});
    expect($(el, '.lien-cluster[aria-label]')!.getAttribute('aria-label')).to.equal('10 places, 4 accessible with a wheelchair');
  });

  it('"Back" says it goes back to the map when the place was opened from its marker, to the list otherwise', async () => {
    const el = await mountLoaded(html`<access-map src="${M}/lien" center="48.85,2.37" zoom="13" tile-url=${TILES}></access-map>`);
    const [marker] = await markers(el);
    marker.focus();
    await sendKeys({press: 'Enter'});
    await el.updateComplete;
    expect($(el, 'button.back')!.textContent!.trim()).to.equal('Back to the map');
    await sendKeys({press: 'Escape'});
    await el.updateComplete;
    $<HTMLButtonElement>(el, 'button.place')!.click();
    await el.updateComplete;
    expect($(el, 'button.back')!.textContent!.trim()).to.equal('Back to the list');
  });

  it('skips the map\'s markers to the list, and a long list to what follows, by keyboard', async () => {
    const el = await mountLoaded(html`<access-map src="${M}/lien" center="46.6,2.4" zoom="5" tile-url=${TILES}></access-map>`);
    await markers(el);
    const skipMap = $<HTMLButtonElement>(el, '.map-frame button.skip')!;
    skipMap.focus();
    expect(skipMap.getBoundingClientRect().width, 'a focused skip button is visible').to.be.greaterThan(20);
    await sendKeys({press: 'Enter'});
    expect(focused(el)!.id).to.equal('list-heading');
    // The skip buttons come before what they skip, in the tab order.
    expect(skipMap.compareDocumentPosition($(el, '.leaflet-container')!) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
  });

  it('offers to skip a list of more than ten places, to the credits after it', async () => {
    const el = await fixture<AccessMap>(html`<access-map .dataSource=${oneSpot()} center="47.748,-3.366" zoom="13" view="list"></access-map>`);
    await waitUntil(() => $$(el, 'button.place').length === 10);
    expect($(el, 'section.list button.skip'), 'ten places need no skip').to.equal(null);
    const many = await mountLoaded(html`<access-map src="${M}/acceslibre/api/erps/" source="acceslibre" center="47.748,-3.366" zoom="14" view="list"></access-map>`);
    await waitUntil(() => $$(many, 'button.place').length > 10);
    $<HTMLButtonElement>(many, 'section.list button.skip')!.focus();
    await sendKeys({press: 'Enter'});
    expect(focused(many)!.classList.contains('attribution')).to.equal(true);
  });

  it('shows the whole focus ring of a full-width list button, inside the scrolling pane', async () => {
    const el = await mountLoaded(html`<access-map src="${M}/lien" center="46.6,2.4" zoom="5" view="list"></access-map>`);
    const button = $<HTMLButtonElement>(el, 'button.place')!;
    button.focus();
    const side = $(el, '.side')!;
    const ring = parseFloat(getComputedStyle(button).outlineWidth) + parseFloat(getComputedStyle(button).outlineOffset);
    expect(ring).to.be.greaterThan(0);
    const b = button.getBoundingClientRect();
    const s = side.getBoundingClientRect();
    expect(b.left - ring, 'ring clipped on the left').to.be.at.least(s.left);
    expect(b.right + ring, 'ring clipped on the right').to.be.at.most(s.right);
  });
});
