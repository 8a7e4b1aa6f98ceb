import {msg, str} from '@lit/localize';
import {LienError} from '@lien/core';
import {leftOutForLicence, type SignEntry} from '@lien/open-data/signs.js';

/** One word looked up in one sign language. */
export interface SignQuery {
  word: string;
  /** ISO 639-3 or BCP 47 (`fsl`). */
  lang: string;
}

/**
 * What a source found: the entry (none for an unknown word), and how many videos it left out for want of a licence,
 * or because their file is missing or is not a video.
 */
export interface SignResult {
  entry?: SignEntry;
  withoutLicence: number;
  unplayable?: number;
}

/** A reader's entry and what it left out, as a result: no entry when it found nothing at all. */
export function resultOf(entry: SignEntry, rejected: {reason: string}[]): SignResult {
  const withoutLicence = rejected.filter(leftOutForLicence).length;
  return {entry: entry.videos.length || entry.senses.length || rejected.length ? entry : undefined, withoutLicence, unplayable: rejected.length - withoutLicence};
}

/** Where signs come from; any object of this shape can be the element's `dataSource`. */
export interface SignDataSource {
  load(query: SignQuery, signal: AbortSignal): Promise<SignResult>;
}

export type SignSourceName = 'lien' | 'json' | 'lingualibre' | 'wikidata' | 'signbank';
/** The same word, whatever its case and spacing. */
export const sameWord = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/** The settings some sources need besides `src`. */
export interface SignSourceSettings {
  commonsApi?: string;
  sparqlEndpoint?: string;
  dataset?: string;
  licence?: string;
  licenceUrl?: string;
}

/** The source for a `source` name and its `src`, its module fetched then (a page loads the one it names). */
export async function signSource(name: string, src: string | undefined, settings: SignSourceSettings = {}): Promise<SignDataSource> {
  switch (name) {
    case 'lingualibre':
      return (await import('./sources/lingualibre.js')).linguaLibreSource(src, settings.commonsApi);
    case 'wikidata':
      return (await import('./sources/wikidata.js')).wikidataSource({sparqlEndpoint: settings.sparqlEndpoint, commonsApi: settings.commonsApi});
    case 'signbank':
      if (!src) break;
      return (await import('./sources/signbank.js')).signbankSource(src, settings);
    case 'lien':
      return (await import('./sources/lien.js')).lienSource(src || '/v1');
    case 'json':
      if (!src) break;
      return (await import('./sources/json.js')).jsonSource(src);
    default:
      throw new LienError('validation', msg(str`The sign cannot be shown: the setting "source" is missing or wrong.`), {field: 'source'});
  }
  throw new LienError('validation', msg(str`The sign cannot be shown: the setting "src" is missing.`), {field: 'src'});
}
