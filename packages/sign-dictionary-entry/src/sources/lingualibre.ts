import {msg, str} from '@lit/localize';
import {endpointUrl, fetchJson, LienError} from '@lien/core';
import {linguaLibreEntry, LINGUALIBRE_LANGUAGES, linguaLibreQuery, LINGUALIBRE_SPARQL, readCommonsFiles, readLinguaLibreRecords, type CommonsFile} from '@lien/open-data/lingualibre.js';
import type {SignDataSource} from '../sources.js';

/** The Wikimedia Commons API, called with `origin=*` as it allows any site to. */
export const COMMONS_API = 'https://commons.wikimedia.org/w/api.php';

/** Commons answers at most 50 titles a request. */
const TITLES_PER_REQUEST = 50;

/**
 * Lingua Libre: the word's recordings from its SPARQL endpoint (directly, or through a Lien gateway's cached proxy
 * when `gateway` is given, since Lingua Libre does not document that any site may call it), then each file's address,
 * type and licence from the Commons API.
 */
export function linguaLibreSource(gateway: string | undefined, commonsApi = COMMONS_API): SignDataSource {
  return {
    async load({word, lang}, signal) {
      if (!LINGUALIBRE_LANGUAGES[lang])
        throw new LienError('validation', msg(str`Lingua Libre's recordings of the sign language "${lang}" are not known to this element yet.`), {field: 'sign-language'});
      const recordsUrl = gateway
        ? endpointUrl(gateway, '/proxy/lingualibre/records', {word, lang})
        : `${LINGUALIBRE_SPARQL}?${new URLSearchParams({query: linguaLibreQuery(word, lang), format: 'json'})}`;
      const records = readLinguaLibreRecords(await fetchJson(recordsUrl, {signal}));
      if (!records.length) return {entry: undefined, withoutLicence: 0};
      const files = new Map<string, CommonsFile>();
      const titles = [...new Set(records.map((r) => r.file))];
      for (let i = 0; i < titles.length; i += TITLES_PER_REQUEST) {
        const query = {
          action: 'query',
          prop: 'imageinfo',
          iiprop: 'url|mime|extmetadata',
          format: 'json',
          formatversion: '2',
          origin: '*',
          titles: titles.slice(i, i + TITLES_PER_REQUEST).map((t) => `File:${t}`).join('|'),
        };
        for (const [title, file] of readCommonsFiles(await fetchJson(endpointUrl(commonsApi, '', query), {signal}))) files.set(title, file);
      }
      const {entry, rejected} = linguaLibreEntry(word, lang, records, files);
      return {entry, withoutLicence: rejected.filter((r) => /licence/.test(r.reason)).length};
    },
  };
}
