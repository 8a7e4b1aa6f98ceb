import {html, nothing, type TemplateResult} from 'lit';
import {msg, str} from '@lit/localize';
import {formatNumber, renderStatus, type DataController} from '@lien/core';
import type {Loaded} from '../loading.js';
import {placesCount} from './words.js';

export interface PlacesStatus {
  loader: DataController<readonly unknown[], Loaded>;
  /** Places still being filtered. */
  selecting: boolean;
  inView: number;
  chosenNeeds: number;
  q: string;
  mapFailed: boolean;
  notice?: string;
}

/** What to say when the view shows no place: why, in the visitor's own terms. */
function emptyText({chosenNeeds, q}: PlacesStatus): string {
  const searching = q.trim() !== '';
  if (chosenNeeds && searching) return msg('No place here matches these needs and this search.');
  if (chosenNeeds) return msg('No place here matches these needs.');
  if (searching) return msg(str`No place here matches “${q.trim()}”.`);
  return msg('No place found in this area.');
}

/**
 * The count and loading state, then, in a live region always present (a region added with its text is not
 * announced), what else the element has to say: places left out, a partial answer, the map, "Near me".
 */
export function renderPlacesStatus(status: PlacesStatus): TemplateResult {
  const {loader} = status;
  const loaded = loader.value;
  const main = loader.error
    ? loader.renderStatus({})
    : loader.loading || status.selecting
      ? renderStatus({state: 'loading', loadingText: msg('Loading places…')})
      : loaded?.tooWide
        ? renderStatus({state: 'empty', emptyText: msg('Zoom in to see the places of this area.')})
        : loaded && !status.inView
          ? renderStatus({state: 'empty', emptyText: emptyText(status)})
          : renderStatus({state: loaded ? 'ready' : 'idle', readyText: placesCount(status.inView)});
  const problem = loaded?.problem;
  return html`${main}
    ${problem && !loader.error
      ? renderStatus({state: 'error', error: problem, note: msg('The places already loaded are shown.'), onRetry: () => void loader.retry()})
      : nothing}
    <div class="messages" role="status" aria-live="polite">
      ${loaded?.dropped
        ? html`<p class="warning">${loaded.dropped === 1 ? msg('1 place without a valid position was left out.') : msg(str`${formatNumber(loaded.dropped)} places without a valid position were left out.`)}</p>`
        : nothing}
      ${loaded?.truncated ? html`<p>${msg('Only part of the places of this area was loaded: zoom in to see them all.')}</p>` : nothing}
      ${status.mapFailed ? html`<p class="warning">${msg('The map could not be loaded. The list below still shows every place.')}</p>` : nothing}
      ${status.notice ? html`<p class="notice">${status.notice}</p>` : nothing}
    </div>`;
}
