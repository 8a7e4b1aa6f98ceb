import {expect, fixture, oneEvent, waitUntil} from '@open-wc/testing';
import {html} from 'lit';
import {setLocale} from '@lien/core';
import {acceslibreSource} from '../src/sources/acceslibre.js';
import type {PlaceSource} from '../src/sources/types.js';
import type {AccessMap} from '../src/access-map.js';
import {$, $$, M, mock, mountLoaded, names, statusText} from './helpers.js';

const LORIENT = '47.748,-3.366';
/** What the polite live region under the count says. */
const liveText = (el: AccessMap) => $(el, '[part=status] .messages[role=status][aria-live=polite]')?.textContent ?? '';
const never: PlaceSource = {load: () => new Promise(() => {})};

async function mountFailing(src: string, dataSource?: PlaceSource): Promise<{el: AccessMap; error: Error}> {
  const el = await fixture<AccessMap>(
    html`<access-map source="acceslibre" src=${src} .dataSource=${dataSource} center=${LORIENT} zoom="15" view="list"></access-map>`
  );
  const event = await oneEvent(el, 'lien-error');
  await el.updateComplete;
  return {el, error: event.detail.error};
}

for (const locale of ['en', 'fr'] as const) {
  describe(`<access-map> states, in ${locale}`, () => {
    beforeEach(() => setLocale(locale));
    after(() => setLocale('en'));

    it('loading: a polite live region says so, and passes axe', async () => {
      const el = await fixture<AccessMap>(html`<access-map .dataSource=${never} center=${LORIENT} view="list"></access-map>`);
      await waitUntil(() => statusText(el).length > 0);
      expect(statusText(el)).to.equal(locale === 'en' ? 'Loading places…' : 'Chargement des lieux…');
      expect($(el, '[part=status] [role=status]')!.getAttribute('aria-live')).to.equal('polite');
      await expect(el).to.be.accessible();
    });

    it('loaded, then detail: pass axe', async () => {
      const el = await mountLoaded(html`<access-map source="acceslibre" src="${M}/acceslibre/api/erps/" center=${LORIENT} zoom="14" view="list"></access-map>`);
      expect(names(el).length).to.be.greaterThan(5);
      await expect(el).to.be.accessible();
      $<HTMLButtonElement>(el, 'button.place')!.click();
      await el.updateComplete;
      expect($(el, '[part=detail] .needs')!.textContent).to.contain(locale === 'en' ? 'not known' : 'non renseigné');
      await expect(el).to.be.accessible();
    });

    it('empty: "no place here matches these needs", and passes axe', async () => {
      const el = await mountLoaded(html`<access-map source="acceslibre" src="${M}/acceslibre/api/erps/" center=${LORIENT} zoom="14" view="list" needs="wheelchair"></access-map>`);
      expect(statusText(el)).to.contain(locale === 'en' ? 'No place here matches these needs.' : 'Aucun lieu ici ne répond à ces besoins.');
      await expect(el).to.be.accessible();
    });

    it('http error: an alert with a retry that loads again, and passes axe', async () => {
      const {el, error} = await mountFailing(`${M}/acceslibre-500/api/erps/`, acceslibreSource({url: `${M}/acceslibre-500/api/erps/`}));
      expect((error as {status?: number}).status).to.equal(500);
      const alert = $(el, '[part=status] [role=alert]')!;
      expect(alert.textContent).to.contain('500');
      await expect(el).to.be.accessible();
      const again = oneEvent(el, 'lien-error');
      $<HTMLButtonElement>(el, '[part=status] button.retry')!.click();
      await again;
    });
  });
}

describe('<access-map> bad input', () => {
  it('says how long to wait when Acceslibre answers 429 with a long Retry-After', async () => {
    const {el, error} = await mountFailing(`${M}/acceslibre-429/api/erps/`);
    expect((error as {kind?: string}).kind).to.equal('rate-limited');
    expect(statusText(el)).to.contain('Try again in 120 seconds');
  });

  it('says the answer was not readable on invalid JSON, without a retry', async () => {
    const {el} = await mountFailing(`${M}/acceslibre-invalid/api/erps/`);
    expect(statusText(el)).to.contain('not in the expected format');
    expect($(el, '[part=status] button.retry')).to.equal(null);
  });

  it('says the service was too slow on a time-out, and offers a retry', async () => {
    const {el} = await mountFailing('', acceslibreSource({url: mock.slow(2000), timeout: 150}));
    expect(statusText(el)).to.contain('took too long');
    expect($(el, '[part=status] button.retry')).to.not.equal(null);
  });

  it('names an unknown source', async () => {
    const el = await fixture<AccessMap>(html`<access-map source="wheelmap" view="list"></access-map>`);
    await waitUntil(() => statusText(el).includes('wheelmap'));
    expect(statusText(el)).to.contain('Unknown source');
  });

  it('renders hostile names as text and counts the places without a valid position', async () => {
    const el = await mountLoaded(html`<access-map source="acceslibre" src="${M}/acceslibre-hostile/api/erps/" center=${LORIENT} zoom="13" view="list"></access-map>`);
    expect(names(el)).to.have.length(1);
    expect(names(el)[0]).to.contain('<img src=x onerror=');
    expect(el.shadowRoot!.querySelector('img, script, b')).to.equal(null);
    expect(liveText(el)).to.contain('4 places without a valid position were left out.');
    $<HTMLButtonElement>(el, 'button.place')!.click();
    await el.updateComplete;
    expect($(el, '.address')!.textContent).to.equal('<script>alert(1)</script>');
    expect($(el, '.description')!.textContent).to.equal('<img src=x onerror=alert(1)>');
    // A javascript: link from upstream never becomes a link.
    expect($$(el, '[part=detail] a').map((a) => a.getAttribute('href'))).to.not.include('javascript:alert(1)');
    expect((window as {__lienPwned?: number}).__lienPwned).to.equal(undefined);
  });

  it('keeps the pages already loaded when a later page is refused, and says so', async () => {
    const el = await mountLoaded(html`<access-map source="acceslibre" src="${M}/acceslibre-page2-429/api/erps/" center=${LORIENT} zoom="14" view="list"></access-map>`);
    expect(names(el)).to.have.length.greaterThan(0);
    const alert = $(el, '[part=status] [role=alert]')!;
    expect(alert.textContent).to.contain('busy').and.contain('already loaded are shown');
  });

  it('keeps what it has when a later load fails', async () => {
    let fail = false;
    const source: PlaceSource = {
      load: async (query, options) => {
        if (fail) throw new TypeError('Failed to fetch');
        return acceslibreSource({url: `${M}/acceslibre/api/erps/`}).load(query, options);
      },
    };
    const el = await mountLoaded(html`<access-map .dataSource=${source} center=${LORIENT} zoom="14" view="list"></access-map>`);
    const before = names(el);
    expect(before.length).to.be.greaterThan(0);
    fail = true;
    // Zooming out keeps the places in view, while a new area is asked and fails.
    el.zoom = 13;
    await oneEvent(el, 'lien-error');
    await el.updateComplete;
    expect(statusText(el)).to.contain('could not be reached');
    expect(names(el)).to.include.members(before);
  });

  it('explains a refused geolocation', async () => {
    const el = await mountLoaded(html`<access-map src="${M}/lien" center="46.6,2.4" zoom="5" view="list"></access-map>`);
    const original = navigator.geolocation.getCurrentPosition;
    navigator.geolocation.getCurrentPosition = (_ok, fail) =>
      fail!({code: 1, PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3, message: 'denied'} as GeolocationPositionError);
    // Present before it speaks: a live region added together with its text is not announced.
    const region = $(el, '[part=status] .messages[role=status]');
    expect(region).to.not.equal(null);
    try {
      $<HTMLButtonElement>(el, 'button.near-me')!.click();
      await el.updateComplete;
      expect($(el, '[part=status] .messages[role=status]')).to.equal(region);
      expect(liveText(el)).to.contain('You did not allow this site to know your position');
    } finally {
      navigator.geolocation.getCurrentPosition = original;
    }
  });

  it('moves to the position given by "Near me"', async () => {
    const el = await mountLoaded(html`<access-map src="${M}/lien" center="46.6,2.4" zoom="5" view="list"></access-map>`);
    const original = navigator.geolocation.getCurrentPosition;
    navigator.geolocation.getCurrentPosition = (ok) => ok({coords: {latitude: 48.849, longitude: 2.377}} as GeolocationPosition);
    try {
      $<HTMLButtonElement>(el, 'button.near-me')!.click();
      await oneEvent(el, 'lien-load');
      await el.updateComplete;
      expect(names(el)).to.deep.equal(['400C Scotta!']);
    } finally {
      navigator.geolocation.getCurrentPosition = original;
    }
  });
});
