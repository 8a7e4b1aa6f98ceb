import {LienError} from './errors.js';
import {bindingValue, commonsFileName, commonsVideo, sparqlBindings, sparqlString, type CommonsFile} from './lingualibre.js';
import type {SignEntry, SignVideo} from './signs.js';

/**
 * Wikidata's sign videos: property P2919 ("label in sign language", a Commons video of the item's label) on the
 * items whose label is the word, each statement's P407 qualifier naming the sign language — the pattern of
 * Abbe98/wikidata-sign-language-browser (fixtures/signs/README.md). The files' licences come from Commons, as for
 * Lingua Libre.
 */

/** The Wikidata Query Service, which answers pages of any site. */
export const WIKIDATA_SPARQL = 'https://query.wikidata.org/sparql';

/**
 * Wikidata's items for the sign languages (P407's value), by ISO 639-3 code: those two independent upstream lists
 * agree on (fixtures/signs/README.md, "Sign-language Qids").
 */
export const WIKIDATA_SIGN_LANGUAGES: Readonly<Record<string, string>> = {fsl: 'Q33302', ase: 'Q14759', bfi: 'Q33000', swl: 'Q36558', csc: 'Q35768', vsl: 'Q3322064'};

/**
 * The items labelled `word` (in any language, whatever its case) that have a sign video in `lang`, each video, and
 * the item's description in `describeIn` (the page's language) when it has one. Prefixes are declared, so that any
 * Wikidata mirror can answer.
 */
export function wikidataSignQuery(word: string, lang: string, describeIn: string): string {
  const language = WIKIDATA_SIGN_LANGUAGES[lang];
  if (!language) throw new LienError('validation', `Wikidata's item for the sign language "${lang}" is not known`, {field: 'sign-language'});
  return (
    'PREFIX wd: <http://www.wikidata.org/entity/> PREFIX p: <http://www.wikidata.org/prop/> ' +
    'PREFIX ps: <http://www.wikidata.org/prop/statement/> PREFIX pq: <http://www.wikidata.org/prop/qualifier/> ' +
    'PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX schema: <http://schema.org/> ' +
    'SELECT DISTINCT ?item ?label ?file ?description WHERE { ' +
    `?item p:P2919 ?statement . ?statement ps:P2919 ?file . ?statement pq:P407 wd:${language} . ` +
    `?item rdfs:label ?label . FILTER ( LCASE( STR( ?label ) ) = ${sparqlString(word.trim().toLowerCase())} ) ` +
    `OPTIONAL { ?item schema:description ?description . FILTER ( LANG( ?description ) = ${sparqlString(describeIn)} ) } }`
  );
}

export interface WikidataSign {
  /** The item's Qid (`Q1234`). */
  item: string;
  label: string;
  /** The Commons file's title. */
  file: string;
  description?: string;
}

/**
 * SPARQL JSON results of that query: `item` (a URI, `http://www.wikidata.org/entity/Q…`), `label` and `description`
 * (language-tagged literals), `file` (a `Special:FilePath` URI). One row per item and file.
 */
export function readWikidataSigns(body: unknown): WikidataSign[] {
  const signs = new Map<string, WikidataSign>();
  for (const binding of sparqlBindings(body)) {
    const item = /\/entity\/(Q\d+)$/.exec(bindingValue(binding, 'item') ?? '')?.[1];
    const label = bindingValue(binding, 'label');
    const file = commonsFileName(bindingValue(binding, 'file'));
    if (!item || !label || !file) continue;
    const key = `${item} ${file}`;
    if (!signs.has(key)) signs.set(key, {item, label, file, description: bindingValue(binding, 'description')});
  }
  return [...signs.values()];
}

/**
 * One entry: each item is a meaning (its description, when it has one, is the sense), each video is credited from
 * Commons, and when the word names several items each video says which meaning it signs.
 */
export function wikidataEntry(word: string, lang: string, signs: WikidataSign[], files: Map<string, CommonsFile>): {entry: SignEntry; rejected: {at: string; reason: string}[]} {
  const items = [...new Set(signs.map((s) => s.item))];
  const videos: SignVideo[] = [];
  const rejected: {at: string; reason: string}[] = [];
  for (const sign of signs) {
    const variant = items.length > 1 ? (sign.description ?? sign.item) : undefined;
    const video = commonsVideo(files.get(sign.file), {variant, source: 'Wikidata'});
    if (typeof video === 'string') rejected.push({at: `${sign.item} File:${sign.file}`, reason: video});
    else videos.push(video);
  }
  const senses = items
    .map((item) => signs.find((s) => s.item === item && s.description))
    .filter((s): s is WikidataSign & {description: string} => !!s)
    .map((s) => ({definition: s.description, source: `Wikidata (${s.item})`}));
  return {entry: {word: signs[0]?.label ?? word, lang, senses, videos}, rejected};
}
