import {expect, fixture, html as fixtureHtml} from '@open-wc/testing';
import {emulateMedia, sendKeys} from '@web/test-runner-commands';
import {html} from 'lit';
import {baseStyles, LienElement} from '@lien/core';
import type {NeedStatus} from '@lien/open-data/place.js';
import {accessMapStyles} from '../src/access-map.styles.js';
import {pointIcon} from '../src/map/icons.js';
import {loadLeaflet, type Leaflet} from '../src/map/load-leaflet.js';
import {contrast} from '../../core/test/wcag.js';

/** OpenStreetMap's land colour: the tiles stay light whatever the page's scheme. */
const TILE = 'rgb(242, 239, 233)'; // #f2efe9

const markers: [name: string, status: NeedStatus, selected: boolean][] = [
  ['yes', 'yes', false],
  ['partial', 'partial', false],
  ['no', 'no', false],
  ['unknown', 'unknown', false],
  ['selected', 'no', true],
];

let L: Leaflet;

/** The markers as <access-map> draws them: its styles, the icons' own DOM, in Leaflet's marker box. */
class MarkerProbe extends LienElement {
  static override styles = [baseStyles, accessMapStyles];
  override render() {
    return html`<div class="map-frame">
      ${markers.map(([name, status, selected]) => {
        const icon = pointIcon(L, status, selected);
        return html`<div class="leaflet-marker-icon ${icon.options.className}" data-name=${name} tabindex="0">${icon.options.html}</div>`;
      })}
    </div>`;
  }
}
MarkerProbe.define('test-marker-probe');

describe('<access-map> markers: contrast on the tiles and on the surface', () => {
  before(async () => {
    L = await loadLeaflet();
  });
  afterEach(async () => {
    document.documentElement.style.cssText = '';
    await emulateMedia({colorScheme: 'light'});
  });

  for (const [pageScheme, system] of [
    ['light', 'dark'],
    ['dark', 'light'],
    ['light dark', 'dark'],
  ] as const) {
    it(`reach 3:1 on a light map and on the surface (page "color-scheme: ${pageScheme}", system ${system})`, async () => {
      document.documentElement.style.colorScheme = pageScheme;
      await emulateMedia({colorScheme: system});
      const probe = await fixture<MarkerProbe>(fixtureHtml`<test-marker-probe></test-marker-probe>`);
      const root = probe.shadowRoot!;
      // The surface and surface-alt colours (the map frame's background where no tile is drawn).
      const resolve = (value: string) => {
        const swatch = document.createElement('span');
        swatch.style.color = value;
        root.querySelector('.map-frame')!.append(swatch);
        const colour = getComputedStyle(swatch).color;
        swatch.remove();
        return colour;
      };
      const backgrounds = {map: TILE, surface: resolve('var(--_surface)'), 'surface-alt': resolve('var(--_surface-alt)')};
      const problems: string[] = [];
      for (const [name] of markers) {
        const marker = root.querySelector(`[data-name=${name}]`)!;
        const pin = getComputedStyle(marker.querySelector('.pin')!).fill;
        const markEl = marker.querySelector('.mark')!;
        const mark = markEl.classList.contains('stroke') ? getComputedStyle(markEl).stroke : getComputedStyle(markEl).fill;
        for (const [where, background] of Object.entries(backgrounds)) {
          const ratio = contrast(pin, background);
          if (ratio < 3) problems.push(`${name} on ${where}: ${ratio.toFixed(2)}:1 (${pin} on ${background})`);
        }
        // The inner shape tells the status without colour: it must stand out of the pin.
        const inner = contrast(mark, pin);
        if (inner < 3) problems.push(`${name}'s inner shape: ${inner.toFixed(2)}:1 (${mark} on ${pin})`);
      }

      // The focus ring on a marker: on the tiles, either the ring itself or its halo and the ring on it.
      const marker = root.querySelector<HTMLElement>('[data-name=unknown]')!;
      await sendKeys({press: 'Shift'});
      marker.focus();
      expect(marker.matches(':focus-visible')).to.equal(true);
      const style = getComputedStyle(marker);
      const halo = /^rgba?\([^)]*\)/.exec(style.boxShadow)?.[0];
      const ring = style.outlineColor;
      const ringOk = contrast(ring, TILE) >= 3 || (halo !== undefined && contrast(halo, TILE) >= 3 && contrast(ring, halo) >= 3);
      if (!ringOk) problems.push(`focus ring on the map: ${contrast(ring, TILE).toFixed(2)}:1, halo ${halo ?? 'none'}`);
      expect(problems).to.deep.equal([]);
    });
  }

  it('lets the page colour the markers', async () => {
    document.documentElement.style.cssText = 'color-scheme: dark; --lien-color-danger: #123456; --access-map-marker-color: #654321';
    const probe = await fixture<MarkerProbe>(fixtureHtml`<test-marker-probe></test-marker-probe>`);
    const fill = (name: string) => getComputedStyle(probe.shadowRoot!.querySelector(`[data-name=${name}] .pin`)!).fill;
    expect(fill('no')).to.equal('rgb(18, 52, 86)');
    expect(fill('yes')).to.equal('rgb(101, 67, 33)');
  });
});
