import {html, type TemplateResult} from 'lit';
import {msg} from '@lit/localize';
import {live} from 'lit/directives/live.js';
import {NEEDS, type Need} from '@lien/open-data/place.js';
import {needLabel} from './words.js';

export interface FilterHandlers {
  onNeed(need: Need, checked: boolean): void;
  onSearch(text: string): void;
  onNearMe(): void;
}

/** One checkbox per need, a search field and "Near me". */
export function renderFilters(needs: readonly Need[], q: string, handlers: FilterHandlers): TemplateResult {
  return html`<fieldset class="needs">
      <legend>${msg('Show places accessible for')}</legend>
      ${NEEDS.map(
        (need) => html`<label
          ><input
            type="checkbox"
            name="need"
            value=${need}
            .checked=${live(needs.includes(need))}
            @change=${(e: Event) => handlers.onNeed(need, (e.target as HTMLInputElement).checked)}
          />
          ${needLabel(need)}</label
        >`
      )}
    </fieldset>
    <div class="search">
      <label for="search">${msg('Search by name or address')}</label>
      <input
        id="search"
        type="search"
        autocomplete="off"
        .value=${live(q)}
        @input=${(e: Event) => handlers.onSearch((e.target as HTMLInputElement).value)}
      />
      <button type="button" class="secondary near-me" @click=${handlers.onNearMe}>${msg('Near me')}</button>
    </div>`;
}
