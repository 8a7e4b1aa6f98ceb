import {readFileSync} from 'node:fs';
import {basename} from 'node:path';
import type {Database} from '../db/database.js';
import {emptySummary, type ImportSummary} from './summary.js';
import {httpUrl, text} from '@lien/open-data/fields.js';
import {LINGUALIBRE_SPARQL, variantOf, linguaLibreEntries, linguaLibreLanguageQuery, readCommonsFiles, readLinguaLibreRecords, type CommonsFile} from '@lien/open-data/lingualibre.js';
import {parseUpstreamJson, upstreamFetch} from '../upstream/fetch.js';

type Raw = Record<string, unknown>;

import type {SignEntry, SignVideo} from '@lien/open-data/signs.js';

export type {SignEntry} from '@lien/open-data/signs.js';

/** Lingua Libre's file names carry the language: "LL-Q33302 (fsl)-Signer-word.webm". */
const langOf = (title: string | undefined) => /\(([a-z]{3})\)/.exec(title ?? '')?.[1];

function fromLinguaLibre(sign: Raw): SignEntry | string {
  const word = text(sign.gloss, 200);
  const videoUrl = httpUrl(sign.videoUrl);
  const licence = text(sign.license, 100);
  if (!word) return 'no gloss';
  if (!videoUrl) return 'no http(s) videoUrl';
  if (!licence) return 'no licence';
  const signer = text(sign.signer, 200);
  const needsCredit = sign.attributionRequired === true || !/^cc0|public domain/i.test(licence);
  return {
    word,
    lang: langOf(text(sign.fileTitle)) ?? 'fsl',
    senses: [],
    videos: [
      {
        url: videoUrl,
        signer,
        licence,
        licenceUrl: httpUrl(sign.licenseUrl),
        attribution: needsCredit ? `${signer ?? 'Unknown signer'}, ${licence}, via Wikimedia Commons` : undefined,
        source: text(sign.sourceLabel, 200) ?? 'Lingua Libre',
        pageUrl: httpUrl(sign.descriptionUrl),
        variant: variantOf({file: text(sign.fileTitle, 500) ?? '', word}),
      },
    ],
  };
}

function fromLien(entry: Raw): SignEntry | string {
  const word = text(entry.word, 200);
  const lang = text(entry.lang, 20);
  if (!word) return 'no word';
  if (!lang) return 'no lang';
  const senses = (Array.isArray(entry.senses) ? (entry.senses as Raw[]) : [])
    .map((s) => ({definition: text(s?.definition, 2000), source: text(s?.source, 200)}))
    .filter((s): s is {definition: string; source: string | undefined} => !!s.definition);
  const videos: SignVideo[] = [];
  for (const v of Array.isArray(entry.videos) ? (entry.videos as Raw[]) : []) {
    const videoUrl = httpUrl(v?.url);
    const licence = text(v?.licence, 100);
    if (!videoUrl || !licence) return 'a video without an http(s) url or a licence';
    videos.push({
      url: videoUrl,
      signer: text(v.signer, 200),
      licence,
      licenceUrl: httpUrl(v.licenceUrl),
      attribution: text(v.attribution, 500),
      source: text(v.source, 200) ?? 'unknown',
      pageUrl: httpUrl(v.pageUrl),
    });
  }
  if (!senses.length && !videos.length) return 'neither a sense nor a video';
  return {word, lang, senses, videos};
}

/** Adds senses and videos to an entry, one per definition text and per video URL. */
async function upsertSignEntries(db: Database, entries: {row: number | string; entry: SignEntry | string}[], summary: ImportSummary) {
  await db.transaction(async (tx) => {
    for (const {row, entry} of entries) {
      if (typeof entry === 'string') {
        summary.rejected.push({row, reason: entry});
        continue;
      }
      const key = entry.word.toLowerCase();
      const existing = (
        await tx.query<{senses: SignEntry['senses']; videos: SignVideo[]}>(
          'SELECT senses, videos FROM sign_entries WHERE lang = $1 AND word_key = $2',
          [entry.lang, key]
        )
      ).rows[0];
      const senses = [...(existing?.senses ?? [])];
      for (const s of entry.senses) if (!senses.some((e) => e.definition === s.definition)) senses.push(s);
      const videos = [...(existing?.videos ?? [])];
      for (const v of entry.videos) {
        const at = videos.findIndex((e) => e.url === v.url);
        if (at >= 0) videos[at] = v;
        else videos.push(v);
      }
      await tx.query(
        `INSERT INTO sign_entries (lang, word, word_key, senses, videos) VALUES ($1, $2, $3, $4::text::jsonb, $5::text::jsonb)
         ON CONFLICT (lang, word_key) DO UPDATE SET senses = EXCLUDED.senses, videos = EXCLUDED.videos, imported_at = now()`,
        [entry.lang, entry.word, key, JSON.stringify(senses), JSON.stringify(videos)]
      );
      if (existing) summary.updated++;
      else summary.inserted++;
    }
  });
}

/** A Lingua Libre manifest `{signs: [...]}` or Lien's own `{entries: [{word, lang, senses, videos}]}`. */
export async function importSignsFile(db: Database, file: string): Promise<ImportSummary> {
  const data = JSON.parse(readFileSync(file, 'utf8')) as Raw;
  let format: string;
  let entries: {row: number; entry: SignEntry | string}[];
  if (Array.isArray(data.signs)) {
    format = 'lingualibre-manifest';
    entries = (data.signs as Raw[]).map((s, i) => ({row: i + 1, entry: fromLinguaLibre(s ?? {})}));
  } else if (Array.isArray(data.entries)) {
    format = 'lien-signs';
    entries = (data.entries as Raw[]).map((e, i) => ({row: i + 1, entry: fromLien(e ?? {})}));
  } else throw new Error('not a sign file: expected {signs: [...]} (Lingua Libre) or {entries: [...]}');
  const summary = emptySummary('signs', basename(file), format);
  await upsertSignEntries(db, entries, summary);
  return summary;
}

/** The Wikimedia Commons API, where each Lingua Libre file's address and licence are read. */
export const COMMONS_API = 'https://commons.wikimedia.org/w/api.php';

/**
 * `lien-gateway import signs lingualibre:fsl`: every recording of a sign language on Lingua Libre (SignIt's query),
 * each file's address, type and licence from the Commons API (50 titles a request), merged into the entries by word.
 * A file missing, not a video, or without a licence is left out, with the reason.
 */
export async function importLinguaLibre(db: Database, lang: string, options: {sparqlUrl?: string; commonsApi?: string; timeoutMs?: number} = {}): Promise<ImportSummary> {
  const timeout = options.timeoutMs ?? 60_000;
  const ask = async (name: string, url: string) => {
    const response = await upstreamFetch(name, url, {headers: {accept: 'application/json'}}, timeout);
    if (!response.ok) throw new Error(`${name} answered ${response.status}`);
    return parseUpstreamJson(name, await response.text());
  };
  const sparql = options.sparqlUrl ?? LINGUALIBRE_SPARQL;
  const records = readLinguaLibreRecords(await ask('Lingua Libre', `${sparql}?${new URLSearchParams({query: linguaLibreLanguageQuery(lang), format: 'json'})}`));
  const files = new Map<string, CommonsFile>();
  const titles = [...new Set(records.map((r) => r.file))];
  for (let i = 0; i < titles.length; i += 50) {
    const query = new URLSearchParams({action: 'query', prop: 'imageinfo', iiprop: 'url|mime|extmetadata', format: 'json', formatversion: '2', titles: titles.slice(i, i + 50).map((t) => `File:${t}`).join('|')});
    for (const [title, file] of readCommonsFiles(await ask('Wikimedia Commons', `${options.commonsApi ?? COMMONS_API}?${query}`))) files.set(title, file);
  }
  const {entries, rejected} = linguaLibreEntries(lang, records, files);
  const summary = emptySummary('signs', `lingualibre:${lang}`, 'lingualibre-sparql');
  for (const r of rejected) summary.rejected.push({row: r.at, reason: r.reason});
  await upsertSignEntries(db, entries.map((entry) => ({row: entry.word, entry})), summary);
  return summary;
}
