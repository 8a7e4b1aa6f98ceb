import {msg, str} from '@lit/localize';
import {LienError} from '@lien/core';
import type {SignEntry} from '@lien/open-data/signs.js';

/** One word looked up in one sign language. */
export interface SignQuery {
  word: string;
  /** ISO 639-3 or BCP 47 (`fsl`). */
  lang: string;
}

/** What a source found: the entry (none for an unknown word), and how many videos it left out for want of a licence. */
export interface SignResult {
  entry?: SignEntry;
  withoutLicence: number;
}

/** Where signs come from; any object of this shape can be the element's `dataSource`. */
export interface SignDataSource {
  load(query: SignQuery, signal: AbortSignal): Promise<SignResult>;
}

export type SignSourceName = 'lien' | 'json' | 'lingualibre' | 'signbank';


/** The same word, whatever its case and spacing. */
export const sameWord = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/** The source for a `source` name and its `src`, its module fetched then (a page loads the one it names). */
/** The settings some sources need besides `src`. */
export interface SignSourceSettings {
  commonsApi?: string;
  dataset?: string;
  licence?: string;
  licenceUrl?: string;
}

export async function signSource(name: string, src: string | undefined, settings: SignSourceSettings = {}): Promise<SignDataSource> {
  switch (name) {
    case 'lingualibre':
      return (await import('./sources/lingualibre.js')).linguaLibreSource(src, settings.commonsApi);
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
