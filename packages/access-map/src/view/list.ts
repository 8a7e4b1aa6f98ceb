import {html, nothing, type TemplateResult} from 'lit';
import {msg, str} from '@lit/localize';
import {formatNumber, renderHeading, type HeadingLevel} from '@lien/core';
import type {Place} from '@lien/open-data/place.js';
import {isOne, needSummary, placeName} from './words.js';

/** The most places the list shows at once; more means "zoom in". */
export const LIST_LIMIT = 200;

/** The places in view that match the filters, as buttons that open their detail; `level` is the heading's. */
export function renderList(shown: Place[], inView: number, onSelect: (place: Place) => void, level: HeadingLevel): TemplateResult {
  const title = isOne(inView) ? msg(str`${formatNumber(inView)} place in view`, {id: 'place-in-view-one'}) : msg(str`${formatNumber(inView)} places in view`);
  return html`${renderHeading(level, title, {id: 'list-heading', className: 'list-heading', focusable: true})}
    <ul class="places" aria-labelledby="list-heading">
      ${shown.map(
        (place) => html`<li>
          <button type="button" class="place" data-id=${place.id} @click=${() => onSelect(place)}>
            <span class="name">${placeName(place)}</span>
            <span class="summary">${needSummary(place)}</span>
          </button>
        </li>`
      )}
    </ul>
    ${!shown.length && inView
      ? html`<p class="more">${msg('Zoom in to list these places one by one.')}</p>`
      : inView > shown.length
        ? html`<p class="more">${msg(str`Showing ${formatNumber(shown.length)} of ${formatNumber(inView)} places: zoom in to see the others.`)}</p>`
        : nothing}`;
}
