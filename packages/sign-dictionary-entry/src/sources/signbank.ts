import {msg} from '@lit/localize';
import {endpointUrl, fetchJson, LienError} from '@lien/core';
import {readSignbankGlossData, readSignbankGlosses} from '@lien/open-data/signbank.js';
import {resultOf, type SignDataSource} from '../sources.js';

/** How many glosses a search asks for: a word's variants (`-A`, `-B`…). */
const RESULTS = 10;

/**
 * A Global Signbank server (`src`): its public gloss search in one `dataset`, then each gloss's details (handshapes,
 * location, meanings) where the server gives them to anyone. The videos are shown only with the dataset's licence,
 * which the page states (`licence`, `licence-url`), since the API does not give it.
 */
export function signbankSource(src: string, options: {dataset?: string; licence?: string; licenceUrl?: string}): SignDataSource {
  // The media paths are resolved on the server's full address.
  const server = new URL(src, document.baseURI).href;
  return {
    async load({word, lang}, signal) {
      const dataset = options.dataset;
      if (!dataset) throw new LienError('validation', msg('The sign cannot be shown: the setting "dataset" (the Signbank dataset) is missing.'), {field: 'dataset'});
      const body = await fetchJson(endpointUrl(server, '/dictionary/gloss/api/', {dataset, search: word, results: String(RESULTS)}), {signal});
      const {entry, rejected, glossIds} = readSignbankGlosses(body, {server, word, lang, licence: options.licence, licenceUrl: options.licenceUrl});
      // The details add to the entry; a gloss whose details are not public, or a server that does not answer, keeps
      // its video without them.
      const details = await Promise.all(
        entry.videos.map((video) => {
          const id = glossIds.get(video.url);
          return id === undefined
            ? undefined
            : fetchJson(endpointUrl(server, `/dictionary/get_gloss_data/${encodeURIComponent(dataset)}/${id}/en/`), {signal, retries: 0})
                .then(readSignbankGlossData)
                .catch(() => undefined);
        })
      );
      details.forEach((detail, i) => {
        if (!detail) return;
        entry.videos[i]!.form = detail.form;
        for (const definition of detail.senses)
          if (!entry.senses.some((s) => s.definition === definition)) entry.senses.push({definition, source: entry.videos[i]!.variant ?? 'Signbank'});
      });
      return resultOf(entry, rejected);
    },
  };
}
