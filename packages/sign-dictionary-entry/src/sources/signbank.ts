import {msg} from '@lit/localize';
import {endpointUrl, fetchJson, LienError} from '@lien/core';
import {readSignbankGlosses} from '@lien/open-data/signbank.js';
import {resultOf, type SignDataSource} from '../sources.js';

/** How many glosses a search asks for: a word's variants (`-A`, `-B`…). */
const RESULTS = 10;

/**
 * A Global Signbank server (`src`): its public gloss search in one `dataset`. The videos are shown only with the
 * dataset's licence, which the page states (`licence`, `licence-url`), since the API does not give it.
 */
export function signbankSource(src: string, options: {dataset?: string; licence?: string; licenceUrl?: string}): SignDataSource {
  // The media paths are resolved on the server's full address.
  const server = new URL(src, document.baseURI).href;
  return {
    async load({word, lang}, signal) {
      if (!options.dataset) throw new LienError('validation', msg('The sign cannot be shown: the setting "dataset" (the Signbank dataset) is missing.'), {field: 'dataset'});
      const body = await fetchJson(endpointUrl(server, '/dictionary/gloss/api/', {dataset: options.dataset, search: word, results: String(RESULTS)}), {signal});
      const {entry, rejected} = readSignbankGlosses(body, {server, word, lang, licence: options.licence, licenceUrl: options.licenceUrl});
      return resultOf(entry, rejected);
    },
  };
}
