import {fetchJson} from '@lien/core';
import {readSignEntries, videosWithoutLicence} from '@lien/open-data/signs.js';
import {sameWord, type SignDataSource} from '../sources.js';

/** A JSON list of entries in Lien's model at `src` (`{entries: [...]}` or a list), searched here. */
export function jsonSource(src: string): SignDataSource {
  return {
    async load({word, lang}, signal) {
      const page = readSignEntries(await fetchJson(src, {signal}));
      const index = page.entries.findIndex((e) => sameWord(e.word, word) && e.lang === lang);
      return {entry: page.entries[index], withoutLicence: videosWithoutLicence(page, page.at[index])};
    },
  };
}
