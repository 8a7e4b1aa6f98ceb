import {msg, str} from '@lit/localize';
import {endpointUrl, fetchJson, LienError} from '@lien/core';
import {linguaLibreEntry, LINGUALIBRE_LANGUAGES, linguaLibreQuery, LINGUALIBRE_SPARQL, readLinguaLibreRecords} from '@lien/open-data/lingualibre.js';
import {resultOf, type SignDataSource} from '../sources.js';
import {COMMONS_API, commonsFiles} from './commons.js';

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
      const files = await commonsFiles(records.map((r) => r.file), commonsApi, {signal});
      const {entry, rejected} = linguaLibreEntry(word, lang, records, files);
      return resultOf(entry, rejected);
    },
  };
}
