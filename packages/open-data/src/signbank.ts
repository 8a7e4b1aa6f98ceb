import {LienError} from './errors.js';
import {httpUrl, text} from './fields.js';
import {isObject} from './read.js';
import {needsNoCredit, type SignEntry, type SignVideo} from './signs.js';

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
): {entry: SignEntry; rejected: {at: string; reason: string}[]} {
  if (!Array.isArray(body)) throw new LienError('parse', 'Expected a list of Signbank glosses', {field: '(body)'});
  const media = `${options.server.replace(/\/+$/, '')}/dictionary/protected_media/`;
  const resolve = (path: unknown) => httpUrl(path, media);
  const videos: SignVideo[] = [];
  const rejected: {at: string; reason: string}[] = [];
  body.forEach((gloss, i) => {
    const at = `[${i}]`;
    const url = isObject(gloss) ? resolve(gloss.video_url) : undefined;
    if (!url) return void rejected.push({at, reason: 'A gloss without a video'});
    if (!options.licence) return void rejected.push({at, reason: 'A video without a licence: it cannot be shown'});
    const name = text((gloss as {sign_name?: unknown}).sign_name, 200);
    videos.push({
      url,
      licence: options.licence,
      licenceUrl: options.licenceUrl,
      attribution: needsNoCredit(options.licence) ? undefined : `Signbank (${options.server.replace(/^https?:\/\//, '').replace(/\/.*$/, '')}), ${options.licence}`,
      source: 'Signbank',
      variant: name,
      poster: resolve((gloss as {image_url?: unknown}).image_url),
    });
  });
  return {entry: {word: options.word, lang: options.lang, senses: [], videos}, rejected};
}
