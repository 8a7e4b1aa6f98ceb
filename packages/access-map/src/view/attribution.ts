import {html, nothing, type TemplateResult} from 'lit';
import {msg} from '@lit/localize';
import type {Attribution} from '@lien/open-data/place.js';

/**
 * A credit as data sets write it, without a "Data:" or "Données :" of its own (the element says it once, in the
 * page's language): "Données : acceslibre" is shown as "Data: acceslibre".
 */
export function creditText(text: string): string {
  return text.replace(/^\s*(?:données|donnees|data)\s*:\s*/i, '') || text;
}

const link = (text: string, url?: string) => (url ? html`<a href=${url} target="_blank" rel="noopener noreferrer">${text}</a>` : text);

/** Who the data and the map tiles belong to, with their licences, in words under the map. */
export function renderAttribution(attribution: Attribution[], tiles: {text: string; url?: string} | undefined): TemplateResult {
  return html`${attribution.length
      ? html`${msg('Data:')}
        ${attribution.map(
          (a, i) => html`${i ? ' · ' : ''}${link(creditText(a.text), a.url)}${a.license ? html` (${link(a.license, a.licenseUrl)})` : nothing}`
        )}`
      : nothing}
    ${tiles ? html`${attribution.length ? ' — ' : ''}${msg('Map:')} ${link(tiles.text, tiles.url)}` : nothing}`;
}
