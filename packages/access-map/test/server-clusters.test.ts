import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {$, $$, TILES, statusText} from './helpers.js';
import {lienSource} from '../src/index.js';
import {clusterLabel} from '../src/view/words.js';
import type {AccessMap} from '../src/access-map.js';
import type {MapView} from '../src/map/map-view.js';

// The real gateway on loopback (scripts/test-gateway.mjs), holding the upstream payloads of the consistency tests.
// Asked with a limit of 2, a wide view holds more places than that: the gateway answers with its clusters.
let gateway: string;
before(async () => {
  gateway = ((await (await fetch('/mock/gateway-under-test')).json()) as {url: string}).url;
});

const mapViewOf = (el: AccessMap) => (el as unknown as {map: {view?: MapView}}).map.view;
const clusterMarkers = (el: AccessMap) => $$(el, '.leaflet-marker-icon.lien-cluster');

/** A map over Europe at zoom 3 on the gateway, asking with a limit of 2, once it drew clusters; and what it asked. */
async function mapOnGateway(): Promise<{el: AccessMap; asked: URL[]}> {
  const asked: URL[] = [];
  const counting: typeof fetch = (input, init) => {
    asked.push(new URL(String(input)));
    return fetch(input, init);
  };
  const el = await fixture<AccessMap>(html`<access-map center="48,6" zoom="3" tile-url=${TILES} .dataSource=${lienSource({url: gateway, limit: 2, fetch: counting})}></access-map>`);
  await waitUntil(() => mapViewOf(el) && clusterMarkers(el).length > 0, 'no cluster drawn', {timeout: 10_000});
  return {el, asked};
}

describe('the gateway\'s clusters on the map', () => {
  it('draws the clusters a wide view is answered with, named with their counts, and lists how many places they hold', async () => {
    const {el, asked} = await mapOnGateway();
    await el.drawn;
    const wide = asked.at(-1)!;
    expect(wide.searchParams.get('zoom')).to.equal('3');
    const answer = (await (await fetch(wide)).json()) as {meta: {count: number; clustered: boolean}; features: {properties: {count: number; accessible: number}}[]};
    expect(answer.meta.clustered).to.equal(true);
    const labels = clusterMarkers(el).map((m) => m.getAttribute('aria-label')).sort();
    expect(labels).to.deep.equal(answer.features.map(({properties}) => clusterLabel(properties.count, properties.accessible)).sort());
    expect(labels.some((label) => /accessible with a wheelchair/.test(label!)), 'the gateway counts the accessible places').to.equal(true);
    expect($(el, '#list-heading')!.textContent).to.contain(`${answer.meta.count} places in view`);
    expect($$(el, 'button.place')).to.have.length(0);
    expect($(el, '.list')!.textContent).to.contain('Zoom in to list these places one by one.');
    expect(statusText(el)).to.contain(`${answer.meta.count} places`);
    await expect(el).to.be.accessible();
    el.remove();
  });

  it('zooms in on a cluster opened from the keyboard, and asks again with the chosen needs', async () => {
    const {el, asked} = await mapOnGateway();
    const biggest = clusterMarkers(el).sort((a, b) => parseInt(b.getAttribute('aria-label')!) - parseInt(a.getAttribute('aria-label')!))[0];
    biggest.focus();
    await sendKeys({press: 'Enter'});
    await waitUntil(() => mapViewOf(el)!.map.getZoom() > 3, 'the map did not zoom in', {timeout: 5000});
    await el.drawn;
    el.needs = 'wheelchair';
    await waitUntil(() => asked.some((url) => url.searchParams.get('needs') === 'wheelchair'), 'the needs were not sent', {timeout: 5000});
    await el.drawn;
    await expect(el).to.be.accessible();
    el.remove();
  });
});
