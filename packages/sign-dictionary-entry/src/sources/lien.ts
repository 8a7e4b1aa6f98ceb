import {endpointUrl, fetchJson} from '@lien/core';
import {readSignEntries, videosWithoutLicence} from '@lien/open-data/signs.js';
import {sameWord, type SignDataSource} from '../sources.js';

/** A Lien gateway's `/v1/signs` (`src` is its `…/v1` address). */
export function lienSource(src: string): SignDataSource {
  return {
    async load({word, lang}, signal) {
      const page = readSignEntries(await fetchJson(endpointUrl(src, '/signs', {word, lang}), {signal}));
      const index = page.entries.findIndex((e) => sameWord(e.word, word));
      return {entry: page.entries[index], withoutLicence: videosWithoutLicence(page, page.at[index])};
    },
  };
}
