import {LienError} from './errors.js';
import {httpUrl, text} from './fields.js';
import {isObject} from './read.js';
import {needsNoCredit, type SignEntry, type SignForm, type SignVideo} from './signs.js';

/**
 * Global Signbank's public gloss search, `GET /dictionary/gloss/api/?dataset=…&search=…&results=…`
 * (Signbank/Global-signbank `views.gloss_api_get_sign_name_and_media_info`, documented in Signbank/sign-app
 * `docs/api.md`): a list of `{id, sign_name, video_url, image_url}`, the media paths relative to the server's
 * `/dictionary/protected_media/`. The API gives no licence: the dataset's, which its site states, is given here, or
 * no video can be shown.
 */
export function readSignbankGlosses(
  body: unknown,
  options: {server: string; word: string; lang: string; licence?: string; licenceUrl?: string}
): {entry: SignEntry; rejected: {at: string; reason: string}[]; glossIds: Map<string, number>} {
  if (!Array.isArray(body)) throw new LienError('parse', 'Expected a list of Signbank glosses', {field: '(body)'});
  const media = `${options.server.replace(/\/+$/, '')}/dictionary/protected_media/`;
  const resolve = (path: unknown) => httpUrl(path, media);
  const videos: SignVideo[] = [];
  const rejected: {at: string; reason: string}[] = [];
  /** Each video's gloss id (the search gives it since 2023), to ask for the gloss's details. */
  const glossIds = new Map<string, number>();
  body.forEach((gloss, i) => {
    const at = `[${i}]`;
    const url = isObject(gloss) ? resolve(gloss.video_url) : undefined;
    if (!url) return void rejected.push({at, reason: 'A gloss without a video'});
    if (!options.licence) return void rejected.push({at, reason: 'A video without a licence: it cannot be shown'});
    const name = text((gloss as {sign_name?: unknown}).sign_name, 200);
    const id = (gloss as {id?: unknown}).id;
    if (typeof id === 'number' && Number.isInteger(id)) glossIds.set(url, id);
    videos.push({
      url,
      licence: options.licence,
      licenceUrl: httpUrl(options.licenceUrl),
      attribution: needsNoCredit(options.licence) ? undefined : `Signbank (${options.server.replace(/^https?:\/\//, '').replace(/\/.*$/, '')}), ${options.licence}`,
      source: 'Signbank',
      variant: name,
      poster: resolve((gloss as {image_url?: unknown}).image_url),
    });
  });
  return {entry: {word: options.word, lang: options.lang, senses: [], videos}, rejected, glossIds};
}

/**
 * A gloss's details, `GET /dictionary/get_gloss_data/<dataset>/<gloss>/en/` (Global-signbank
 * `api_interface.get_gloss_data_json`): `{"<gloss pk>": {…}}` keyed by the English interface's labels, each field
 * present only when filled — `Handedness`, `Strong Hand`, `Weak Hand`, `Location` (choices' display names), and
 * `Senses: English` (`{"1": "kw1, kw2", …}`). A refusal is `{"error": …}` (400), or `{"errors": […]}` (200).
 */
export function readSignbankGlossData(body: unknown): {form: SignForm; senses: string[]} | undefined {
  if (!isObject(body) || 'error' in body || 'errors' in body) return undefined;
  const gloss = Object.values(body).find(isObject);
  if (!gloss) return undefined;
  const field = (name: string) => text(gloss[name], 200);
  const senses = isObject(gloss['Senses: English']) ? Object.values(gloss['Senses: English']).map((s) => text(s, 500)).filter((s): s is string => !!s) : [];
  const form: SignForm = {handedness: field('Handedness'), strongHand: field('Strong Hand'), weakHand: field('Weak Hand'), location: field('Location')};
  return {form, senses};
}
