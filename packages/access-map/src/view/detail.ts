import {html, nothing, type TemplateResult} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {msg, str} from '@lit/localize';
import {formatDate, levelBelow, renderHeading, type HeadingLevel} from '@lien/core';
import {needStatus} from '@lien/open-data/place.js';
import {NEEDS, type Place} from '@lien/open-data/place.js';
import {
  description,
  entranceSentences,
  needLine,
  otherSentences,
  parkingSentence,
  placeName,
  receptionSentences,
  sourceName,
  toiletSentence,
} from './words.js';

function section(level: HeadingLevel, title: string, sentences: (string | undefined)[]): TemplateResult | typeof nothing {
  const lines = sentences.filter((s): s is string => !!s);
  if (!lines.length) return nothing;
  return html`${renderHeading(level, title)}
    <ul>
      ${lines.map((line) => html`<li>${line}</li>`)}
    </ul>`;
}

/**
 * One place in words: what it is, each need, entrance, parking, reception, toilets, source and links. The place's
 * name is a heading of `level`, its sections one level below; "Back" names where it returns to.
 */
export function renderDetail(place: Place, onBack: () => void, backTo: 'list' | 'map', level: HeadingLevel): TemplateResult {
  const sub = levelBelow(level, 1, level);
  const a = place.accessibility;
  const text = description(a);
  const source = sourceName(place);
  const when = place.updatedAt && formatDate(place.updatedAt);
  return html`<article class="detail" aria-labelledby="detail-heading">
    <button type="button" class="secondary back" @click=${onBack}>${backTo === 'map' ? msg('Back to the map') : msg('Back to the list')}</button>
    ${renderHeading(level, placeName(place), {id: 'detail-heading', focusable: true})}
    ${place.category ? html`<p class="category">${place.category}</p>` : nothing}
    ${place.address ? html`<p class="address">${place.address}</p>` : nothing}
    ${renderHeading(sub, msg('Accessibility by need'))}
    <ul class="needs">
      ${NEEDS.map((need) => {
        const status = needStatus(a, need);
        return html`<li data-status=${status}>${needLine(need, status)}</li>`;
      })}
    </ul>
    ${section(sub, msg('Entrance'), entranceSentences(a))}
    ${section(sub, msg('Parking'), [parkingSentence(a)])}
    ${section(sub, msg('Reception'), receptionSentences(a))}
    ${section(sub, msg('Toilets'), [toiletSentence(a)])}
    ${section(sub, msg('Other help'), otherSentences(a))}
    ${text ? html`${renderHeading(sub, msg('Description'))}<p class="description" lang=${ifDefined(text.lang)}>${text.text}</p>` : nothing}
    <p class="source">
      ${when ? msg(str`Source: ${source}, last updated ${when}.`) : msg(str`Source: ${source}.`)}
    </p>
    <p class="links">
      ${place.infoPageUrl
        ? html`<a href=${place.infoPageUrl} target="_blank" rel="noopener noreferrer">${msg(str`See this place on ${source}`)}</a>`
        : nothing}
      ${place.editPageUrl
        ? html`<a href=${place.editPageUrl} target="_blank" rel="noopener noreferrer">${msg(str`Correct or complete it on ${source}`)}</a>`
        : nothing}
      ${place.website ? html`<a href=${place.website} target="_blank" rel="noopener noreferrer">${msg('Website of the place')}</a>` : nothing}
    </p>
  </article>`;
}
