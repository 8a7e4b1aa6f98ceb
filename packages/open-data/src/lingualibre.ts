import {LienError} from './errors.js';
import {httpUrl, text} from './fields.js';
import {isObject} from './read.js';
import {needsNoCredit, type SignEntry, type SignVideo} from './signs.js';

/**
 * Lingua Libre's sign recordings: its SPARQL endpoint names each recording's word, file and speaker; the Wikimedia
 * Commons API gives each file's address, type and licence. Shapes from upstream-authored material
 * (fixtures/signs/README.md): the query of Lingua Libre's own SignIt, the answers of Commons as MediaWiki's
 * MultimediaViewer tests and the API documentation show them.
 */

/** Lingua Libre's own items for the languages (not Wikidata's): LSF is Q99628 there (SignIt's language list). */
export const LINGUALIBRE_LANGUAGES: Readonly<Record<string, string>> = {fsl: 'Q99628'};

/** Lingua Libre's SPARQL endpoint (the Blazegraph behind https://lingualibre.org/sparql). */
export const LINGUALIBRE_SPARQL = 'https://lingualibre.org/bigdata/namespace/wdq/sparql';

/** A SPARQL string literal holding `value`: quotes, backslashes and line breaks escaped. */
export function sparqlString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r')}"`;
}

/**
 * SignIt's query for a language's recordings (`?record prop:P2 entity:Q2; prop:P4 <language>; prop:P7 ?word;
 * prop:P3 ?filename; prop:P5 ?speakerItem`, the speaker's English label), narrowed to one word, whatever its case.
 * The `prop:` and `entity:` prefixes are declared by Lingua Libre's server.
 */
export function linguaLibreQuery(word: string, lang: string): string {
  return linguaLibreLanguageQuery(lang, `FILTER ( LCASE( STR( ?word ) ) = ${sparqlString(word.trim().toLowerCase())} ) `);
}

/** SignIt's query itself: every recording of a language (what the gateway imports), with an optional `filter`. */
export function linguaLibreLanguageQuery(lang: string, filter = ''): string {
  const item = LINGUALIBRE_LANGUAGES[lang];
  if (!item) throw new LienError('validation', `Lingua Libre's item for the sign language "${lang}" is not known`, {field: 'sign-language'});
  return (
    'SELECT ?word ?filename ?speaker WHERE { ?record prop:P2 entity:Q2 . ' +
    `?record prop:P4 entity:${item} . ?record prop:P7 ?word . ?record prop:P3 ?filename . ?record prop:P5 ?speakerItem . ` +
    `?speakerItem rdfs:label ?speaker filter ( lang( ?speaker ) = "en" ) . ${filter}}`
  );
}

export interface LinguaLibreRecord {
  word: string;
  /** The Commons file's title, without `File:` (`LL-Q33302 (fsl)-Taliba31-accueil.webm`). */
  file: string;
  speaker?: string;
}

/**
 * A Commons file's title (`LL-Q33302 (fsl)-Taliba31-accueil.webm`) from the address a Wikibase SPARQL endpoint gives
 * media values: `http://commons.wikimedia.org/wiki/Special:FilePath/<file name, URL-encoded>`.
 */
export function commonsFileName(uri: string | undefined): string | undefined {
  const path = /\/Special:FilePath\/(.+)$/.exec(uri ?? '')?.[1];
  try {
    return path ? decodeURIComponent(path).replace(/_/g, ' ') : undefined;
  } catch {
    return undefined;
  }
}

/** The value of a SPARQL JSON results binding (`{type, value}`), as text. */
export function bindingValue(binding: Record<string, unknown>, name: string): string | undefined {
  return isObject(binding[name]) ? text((binding[name] as {value?: unknown}).value, 500) : undefined;
}

/** The bindings of SPARQL JSON results (`results.bindings[]`). */
export function sparqlBindings(body: unknown): Record<string, unknown>[] {
  const bindings = isObject(body) && isObject(body.results) && Array.isArray(body.results.bindings) ? body.results.bindings : undefined;
  if (!bindings) throw new LienError('parse', 'Expected SPARQL JSON results', {field: 'results.bindings'});
  return bindings.filter(isObject);
}

/**
 * SPARQL JSON results of that query: `results.bindings[]` with `word` (a literal), `filename` (a URI,
 * `http://commons.wikimedia.org/wiki/Special:FilePath/<file name, URL-encoded>`) and `speaker`.
 */
export function readLinguaLibreRecords(body: unknown): LinguaLibreRecord[] {
  const records: LinguaLibreRecord[] = [];
  for (const binding of sparqlBindings(body)) {
    const value = (name: string) => bindingValue(binding, name);
    const word = value('word');
    const file = commonsFileName(value('filename'));
    if (word && file) records.push({word, file, speaker: value('speaker')});
  }
  return records;
}

export interface CommonsFile {
  title: string;
  url?: string;
  pageUrl?: string;
  mime?: string;
  licence?: string;
  licenceUrl?: string;
  /** The author, as text (Commons gives HTML). */
  artist?: string;
  attributionRequired?: boolean;
  missing: boolean;
}

/** The text of an HTML fragment, with no markup left: Commons' `Artist` is HTML (a link to the author's page). */
export function htmlText(html: string | undefined): string | undefined {
  if (!html) return undefined;
  const entities: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' '};
  return text(
    html
      .replace(/<[^>]*>/g, ' ')
      .replace(/&(#\d+|#x[\da-f]+|[a-z]+);/gi, (whole, name: string) =>
        name[0] === '#' ? String.fromCodePoint(name[1]?.toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : Number(name.slice(1))) : (entities[name.toLowerCase()] ?? whole)
      )
      .replace(/\s+/g, ' '),
    500
  );
}

/**
 * The files of a Commons `action=query&prop=imageinfo&iiprop=url|mime|extmetadata` answer, in either
 * `formatversion` (pages as an object or a list). A page marked `missing` without `imageinfo` is missing; one seen
 * through another wiki is marked missing but has its `imageinfo` (`imagerepository: "shared"`), and is read.
 */
export function readCommonsFiles(body: unknown): Map<string, CommonsFile> {
  const pages = isObject(body) && isObject(body.query) ? body.query.pages : undefined;
  const list = Array.isArray(pages) ? pages : isObject(pages) ? Object.values(pages) : undefined;
  if (!list) throw new LienError('parse', 'Expected a Commons answer with query.pages', {field: 'query.pages'});
  const files = new Map<string, CommonsFile>();
  for (const page of list) {
    if (!isObject(page)) continue;
    const title = text(page.title, 500)?.replace(/^File:/, '');
    if (!title) continue;
    const info = Array.isArray(page.imageinfo) && isObject(page.imageinfo[0]) ? page.imageinfo[0] : undefined;
    if (!info) {
      files.set(title, {title, missing: true});
      continue;
    }
    const meta = isObject(info.extmetadata) ? info.extmetadata : {};
    const field = (name: string) => (isObject(meta[name]) ? text((meta[name] as {value?: unknown}).value, 2000) : undefined);
    files.set(title, {
      title,
      url: httpUrl(info.url),
      pageUrl: httpUrl(info.descriptionurl),
      mime: text(info.mime, 100),
      licence: htmlText(field('LicenseShortName')),
      licenceUrl: httpUrl(field('LicenseUrl')),
      artist: htmlText(field('Artist')),
      attributionRequired: field('AttributionRequired') === undefined ? undefined : field('AttributionRequired') === 'true',
      missing: false,
    });
  }
  return files;
}

/** A video file: its type says so, or, without a type, its name. */
const isVideo = (file: CommonsFile) => (file.mime ? file.mime.startsWith('video/') : /\.(webm|ogv|mp4|mkv)$/i.test(file.url ?? file.title));

/** What sets a recording apart: the word as its file names it when it says more (`accueil (lieu)`). */
export function variantOf(record: Pick<LinguaLibreRecord, 'file' | 'word'>): string | undefined {
  const named = /-([^-]+)\.[a-z0-9]+$/i.exec(record.file)?.[1]?.trim();
  return named && named.toLowerCase() !== record.word.toLowerCase() ? named : undefined;
}

/**
 * A Commons file as one of Lien's videos, or the reason it cannot be one: missing, not a video, or without a readable
 * licence. The credit is `<author>, <licence>, via Wikimedia Commons` unless the licence asks for none.
 */
export function commonsVideo(file: CommonsFile | undefined, about: {signer?: string; variant?: string; source: string}): SignVideo | string {
  if (!file || file.missing || !file.url) return 'The file is missing on Wikimedia Commons';
  if (!isVideo(file)) return 'The file is not a video';
  if (!file.licence) return 'A video without a licence: it cannot be shown';
  const author = about.signer ?? file.artist;
  const credit = file.attributionRequired === true || (file.attributionRequired === undefined && !needsNoCredit(file.licence));
  return {
    url: file.url,
    signer: author,
    licence: file.licence,
    licenceUrl: file.licenceUrl,
    attribution: credit ? `${file.artist ?? author ?? 'Unknown author'}, ${file.licence}, via Wikimedia Commons` : undefined,
    source: about.source,
    pageUrl: file.pageUrl,
    variant: about.variant,
    mime: file.mime,
  };
}

/** One entry from the records of a word and their files; a file that cannot be shown is left out, with the reason. */
export function linguaLibreEntry(word: string, lang: string, records: LinguaLibreRecord[], files: Map<string, CommonsFile>): {entry: SignEntry; rejected: {at: string; reason: string}[]} {
  const videos: SignVideo[] = [];
  const rejected: {at: string; reason: string}[] = [];
  for (const record of records) {
    const video = commonsVideo(files.get(record.file), {signer: record.speaker, variant: variantOf(record), source: 'Lingua Libre'});
    if (typeof video === 'string') rejected.push({at: `File:${record.file}`, reason: video});
    else videos.push(video);
  }
  return {entry: {word: records[0]?.word ?? word, lang, senses: [], videos}, rejected};
}

/** The entries of a whole language's records, one per word (whatever its case), for the gateway's import. */
export function linguaLibreEntries(lang: string, records: LinguaLibreRecord[], files: Map<string, CommonsFile>): {entries: SignEntry[]; rejected: {at: string; reason: string}[]} {
  const byWord = new Map<string, LinguaLibreRecord[]>();
  for (const record of records) byWord.set(record.word.toLowerCase(), [...(byWord.get(record.word.toLowerCase()) ?? []), record]);
  const entries: SignEntry[] = [];
  const rejected: {at: string; reason: string}[] = [];
  for (const [word, group] of byWord) {
    const made = linguaLibreEntry(word, lang, group, files);
    rejected.push(...made.rejected);
    if (made.entry.videos.length) entries.push(made.entry);
  }
  return {entries, rejected};
}
