import {LienError} from './errors.js';
import {httpUrl, text} from './fields.js';
import {isObject} from './read.js';

/**
 * A word in a sign language: Lien's model. One reader per source sits beside it (`lingualibre.ts`, …); the
 * gateway's `/v1/signs` answers this model, and `readSignEntries` reads it (and any JSON list written the same way).
 */

export interface SignVideo {
  url: string;
  /** Who signs, as the source names them. */
  signer?: string;
  /** The licence's short name (`CC BY-SA 4.0`); a video without one is never shown. */
  licence: string;
  licenceUrl?: string;
  /** The credit line the licence asks for; absent when it asks for none (CC0). */
  attribution?: string;
  /** Where the video comes from (`Lingua Libre`). */
  source: string;
  /** The video's own page (its Commons file page). */
  pageUrl?: string;
  /** What sets it apart from the word's other videos: a region, a meaning ("accueil (lieu)"). */
  variant?: string;
  mime?: string;
  poster?: string;
  /** How the sign is made, where the source says (Signbank): handshapes, location, handedness, as the source names them. */
  form?: SignForm;
}

export interface SignForm {
  handedness?: string;
  strongHand?: string;
  weakHand?: string;
  location?: string;
}

export interface SignEntry {
  word: string;
  /** ISO 639-3 or BCP 47: `fsl` is French Sign Language (LSF). */
  lang: string;
  senses: {definition: string; source?: string}[];
  videos: SignVideo[];
}

/** What a reader keeps of a source's answer, and what it left out and why (a video without a licence, say). */
export interface SignPage {
  entries: SignEntry[];
  /** Where each entry was in the answer (`entries[3]`), for its rejected videos to be found. */
  at: string[];
  rejected: {at: string; reason: string}[];
}

/** A video left out because no licence could be read (the readers' reasons all say "licence"). */
export const leftOutForLicence = (rejected: {reason: string}): boolean => /licence/.test(rejected.reason);

/** How many videos of the entry at `at` were left out because no licence could be read. */
export function videosWithoutLicence(page: SignPage, at: string | undefined): number {
  return at === undefined ? 0 : page.rejected.filter((r) => r.at.startsWith(`${at}.videos`) && leftOutForLicence(r)).length;
}

/** A licence that asks for no credit: CC0, or the public domain. */
export const needsNoCredit = (licence: string): boolean => /^(cc0|cc-zero|public domain|pd)\b/i.test(licence.trim());

/** One video of Lien's model; a video without an http(s) address or a licence is refused, with the reason. */
export function readSignVideo(raw: unknown, at: string): SignVideo {
  if (!isObject(raw)) throw new LienError('parse', `Expected a video at "${at}"`, {field: at});
  const url = httpUrl(raw.url);
  if (!url) throw new LienError('parse', `A video without an http(s) address at "${at}"`, {field: `${at}.url`});
  const licence = text(raw.licence ?? raw.license, 100);
  if (!licence) throw new LienError('parse', `A video without a licence at "${at}": it cannot be shown`, {field: `${at}.licence`});
  return {
    url,
    signer: text(raw.signer, 200),
    licence,
    licenceUrl: httpUrl(raw.licenceUrl ?? raw.licenseUrl),
    attribution: text(raw.attribution, 500),
    source: text(raw.source, 200) ?? 'unknown',
    pageUrl: httpUrl(raw.pageUrl),
    variant: text(raw.variant, 200),
    mime: text(raw.mime, 100),
    poster: httpUrl(raw.poster),
  };
}

/**
 * `{entries: [{word, lang, senses, videos}]}` (the gateway's `/v1/signs`) or a bare list of entries. A video that
 * cannot be shown is left out and said in `rejected`; an entry left with neither a sense nor a video too.
 */
export function readSignEntries(body: unknown): SignPage {
  const list = Array.isArray(body) ? body : isObject(body) && Array.isArray(body.entries) ? body.entries : undefined;
  if (!list) throw new LienError('parse', 'Expected sign entries: {entries: [...]} or a list', {field: 'entries'});
  const page: SignPage = {entries: [], at: [], rejected: []};
  list.forEach((raw, i) => {
    const at = `entries[${i}]`;
    const word = isObject(raw) ? text(raw.word, 200) : undefined;
    const lang = isObject(raw) ? text(raw.lang, 35) : undefined;
    if (!isObject(raw) || !word || !lang) return void page.rejected.push({at, reason: 'An entry without a word or a language'});
    const senses = (Array.isArray(raw.senses) ? raw.senses : [])
      .map((s) => (isObject(s) ? {definition: text(s.definition, 2000), source: text(s.source, 200)} : {definition: undefined}))
      .filter((s): s is {definition: string; source: string | undefined} => !!s.definition);
    const videos: SignVideo[] = [];
    (Array.isArray(raw.videos) ? raw.videos : []).forEach((v, j) => {
      try {
        videos.push(readSignVideo(v, `${at}.videos[${j}]`));
      } catch (error) {
        page.rejected.push({at: `${at}.videos[${j}]`, reason: (error as Error).message});
      }
    });
    if (!senses.length && !videos.length && !videosWithoutLicence(page, at)) return void page.rejected.push({at, reason: 'Neither a sense nor a video'});
    page.entries.push({word, lang, senses, videos});
    page.at.push(at);
  });
  return page;
}
