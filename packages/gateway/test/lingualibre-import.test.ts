import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {describe, it} from 'node:test';
import {backends} from './helpers/backends.js';
import {startFakeUpstream} from './helpers/fake-upstream.js';
import {testGateway} from './helpers/gateway.js';
import {get} from './helpers/http.js';
import {importLinguaLibre} from '../src/import/signs.js';

const fixtures = new URL('../../../../open-data/test/fixtures/signs/', import.meta.url);
/** Lingua Libre's answer to SignIt's query: two recordings of "lapin" (fixtures/signs/README.md). */
const records = readFileSync(new URL('lingualibre.sparql.signit-sign-videos.assembled.json', fixtures), 'utf8');
/** A Commons page as MediaWiki's own test gives it, for another file's title, address and type. */
const commonsPage = (JSON.parse(readFileSync(new URL('commons.imageinfo.mmv-test.get.formatversion2.transcribed.json', fixtures), 'utf8')) as {query: {pages: Record<string, unknown>[]}}).query.pages[0]!;

describe('Importing Lingua Libre into the gateway', () => {
  it('reads every recording of the language and each file\'s licence on Commons, and serves them as /v1/signs', async () => {
    const sparql = await startFakeUpstream(() => ({body: records}));
    const commons = await startFakeUpstream((r) => {
      const titles = r.query.get('titles')!.split('|');
      const pages = titles.map((title) => {
        const info = structuredClone((commonsPage.imageinfo as Record<string, unknown>[])[0]!) as Record<string, unknown> & {extmetadata: Record<string, unknown>};
        info.url = `https://upload.wikimedia.org/${encodeURIComponent(title)}`;
        info.mime = 'video/webm';
        // The second speaker's file has no licence on its page.
        if (title.includes('SPEAKER B')) delete info.extmetadata.LicenseShortName;
        return {...commonsPage, title, imageinfo: [info]};
      });
      return {body: {query: {pages}}};
    });
    const gw = await testGateway(backends()[0]!);
    try {
      const summary = await importLinguaLibre(gw.db, 'fsl', {sparqlUrl: `${sparql.url}/sparql`, commonsApi: `${commons.url}/w/api.php`});
      assert.deepEqual([summary.inserted, summary.rejected.map((r) => r.reason)], [1, ['A video without a licence: it cannot be shown']]);
      const asked = sparql.seen[0]!.query.get('query')!;
      assert.match(asked, /^SELECT \?word \?filename \?speaker WHERE \{ \?record prop:P2 entity:Q2 \. \?record prop:P4 entity:Q99628 \./);
      assert.equal(commons.seen[0]!.query.get('iiprop'), 'url|mime|extmetadata');
      const r = await get(`${gw.url}/v1/signs?word=lapin&lang=fsl`);
      const video = r.json.entries[0].videos[0];
      assert.deepEqual([video.signer, video.licence, video.source, video.attribution], ['SPEAKER_A', 'CC0', 'Lingua Libre', undefined]);
    } finally {
      await gw.stop();
      await sparql.close();
      await commons.close();
    }
  });
});
