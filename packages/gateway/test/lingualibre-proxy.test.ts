import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {describe, it} from 'node:test';
import {backends} from './helpers/backends.js';
import {startFakeUpstream} from './helpers/fake-upstream.js';
import {testGateway} from './helpers/gateway.js';
import {get, post} from './helpers/http.js';

/** Lingua Libre's answer to SignIt's query (packages/open-data/test/fixtures/signs/README.md). */
const lapin = readFileSync(new URL('../../../../open-data/test/fixtures/signs/lingualibre.sparql.signit-sign-videos.assembled.json', import.meta.url), 'utf8');

describe('The Lingua Libre proxy', () => {
  it('asks Lingua Libre the query it writes itself for one word, keeps the answer, and takes nothing else', async () => {
    const sparql = await startFakeUpstream(() => ({body: lapin}));
    const gw = await testGateway(backends()[0]!, {lingualibre: {sparqlUrl: `${sparql.url}/bigdata/namespace/wdq/sparql`}});
    try {
      const r = await get(`${gw.url}/v1/proxy/lingualibre/records?word=Lapin&lang=fsl`);
      assert.equal(r.status, 200, r.text);
      assert.deepEqual(r.json, JSON.parse(lapin));
      const asked = sparql.seen[0]!;
      assert.equal(asked.path, '/bigdata/namespace/wdq/sparql');
      assert.equal(asked.query.get('format'), 'json');
      assert.match(asked.query.get('query')!, /prop:P4 entity:Q99628 .*FILTER \( LCASE\( STR\( \?word \) \) = "lapin" \) \}$/);
      assert.equal((await get(`${gw.url}/v1/proxy/lingualibre/records?word=lapin`)).headers.get('x-lien-cache'), 'hit');
      assert.equal(sparql.seen.length, 1, 'kept');

      // A word cannot change the query: its quotes are escaped inside the string.
      await get(`${gw.url}/v1/proxy/lingualibre/records?word=${encodeURIComponent('x" } SELECT * WHERE { ?s ?p ?o')}`);
      assert.match(sparql.seen[1]!.query.get('query')!, /= "x\\" } select \* where { \?s \?p \?o" \) \}$/);
      for (const query of ['word=', 'word=a&lang=ase', `word=${'a'.repeat(201)}`]) {
        assert.equal((await get(`${gw.url}/v1/proxy/lingualibre/records?${query}`)).status, 400, query);
      }
      assert.equal((await post(`${gw.url}/v1/proxy/lingualibre/records?word=a`, {})).status, 404, 'GET only');
    } finally {
      await gw.stop();
      await sparql.close();
    }
  });
});
