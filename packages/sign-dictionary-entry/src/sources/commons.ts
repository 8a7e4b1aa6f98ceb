import {endpointUrl, fetchJson} from '@lien/core';
import {readCommonsFiles, type CommonsFile} from '@lien/open-data/lingualibre.js';

/** The Wikimedia Commons API, called with `origin=*` as it allows any site to. */
export const COMMONS_API = 'https://commons.wikimedia.org/w/api.php';

/** Commons answers at most 50 titles a request. */
const TITLES_PER_REQUEST = 50;

/** Each file's address, type and licence, from the Commons API (`prop=imageinfo`), 50 titles a request. */
export async function commonsFiles(titles: string[], commonsApi: string, options: {signal: AbortSignal; timeout?: number}): Promise<Map<string, CommonsFile>> {
  const files = new Map<string, CommonsFile>();
  const unique = [...new Set(titles)];
  for (let i = 0; i < unique.length; i += TITLES_PER_REQUEST) {
    const query = {
      action: 'query',
      prop: 'imageinfo',
      iiprop: 'url|mime|extmetadata',
      format: 'json',
      formatversion: '2',
      origin: '*',
      titles: unique.slice(i, i + TITLES_PER_REQUEST).map((t) => `File:${t}`).join('|'),
    };
    for (const [title, file] of readCommonsFiles(await fetchJson(endpointUrl(commonsApi, '', query), options))) files.set(title, file);
  }
  return files;
}
