import {msg, str} from '@lit/localize';
import {currentLocale, endpointUrl, fetchJson, LienError} from '@lien/core';
import {readWikidataSigns, WIKIDATA_SIGN_LANGUAGES, WIKIDATA_SPARQL, wikidataEntry, wikidataSignQuery} from '@lien/open-data/wikidata.js';
import {resultOf, type SignDataSource} from '../sources.js';
import {COMMONS_API, commonsFiles} from './commons.js';

export interface WikidataSourceOptions {
  /** Another SPARQL endpoint serving Wikidata (a mirror, a cache). */
  sparqlEndpoint?: string;
  commonsApi?: string;
  /** Milliseconds before one request gives up (default 15 s). */
  timeout?: number;
}

/**
 * Wikidata: the items labelled with the word that have a sign video (P2919) in the language (its P407 qualifier),
 * from the Wikidata Query Service, which answers any site; then each file's licence from the Commons API. The items'
 * descriptions, in the page's language, are the word's meanings.
 */
export function wikidataSource(options: WikidataSourceOptions = {}): SignDataSource {
  return {
    async load({word, lang}, signal) {
      if (!WIKIDATA_SIGN_LANGUAGES[lang])
        throw new LienError('validation', msg(str`Wikidata's sign videos in the sign language "${lang}" are not known to this element yet.`), {field: 'sign-language'});
      const query = wikidataSignQuery(word, lang, currentLocale());
      const answer = await fetchJson(endpointUrl(options.sparqlEndpoint ?? WIKIDATA_SPARQL, '', {query, format: 'json'}), {signal, timeout: options.timeout});
      const signs = readWikidataSigns(answer);
      if (!signs.length) return {entry: undefined, withoutLicence: 0};
      const files = await commonsFiles(signs.map((s) => s.file), options.commonsApi ?? COMMONS_API, {signal, timeout: options.timeout});
      const {entry, rejected} = wikidataEntry(word, lang, signs, files);
      return resultOf(entry, rejected);
    },
  };
}
