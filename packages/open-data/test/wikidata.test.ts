import {expect} from '@open-wc/testing';
import {bindingValue, commonsFileName, readCommonsFiles, sparqlBindings} from '@lien/open-data/lingualibre.js';
import {readWikidataSigns, WIKIDATA_SIGN_LANGUAGES, wikidataEntry, wikidataSignQuery} from '@lien/open-data/wikidata.js';
import {fixture} from './fixture.js';

// Wikidata's sign videos: P2919 with its P407 qualifier, the pattern of Abbe98/wikidata-sign-language-browser's
// queries, answered in SPARQL JSON results (fixtures/signs/README.md).
describe('Wikidata sign videos reader', () => {
  it('asks for the items labelled with the word that have a sign video in the language, the word escaped', () => {
    const query = wikidataSignQuery('Bonjour "toi"', 'fsl', 'fr');
    expect(query).to.contain('?item p:P2919 ?statement . ?statement ps:P2919 ?file . ?statement pq:P407 wd:Q33302 .');
    expect(query).to.contain(String.raw`FILTER ( LCASE( STR( ?label ) ) = "bonjour \"toi\"" )`);
    expect(query).to.contain('FILTER ( LANG( ?description ) = "fr" )');
    expect(() => wikidataSignQuery('hello', 'xxx', 'en')).to.throw(/not known/);
  });

  it('reads one row per item and file: the Qid, the label, the file\'s name decoded, the description', async () => {
    const signs = readWikidataSigns(await fixture('signs/wikidata.wdqs.p2919-sign-videos.assembled.json'));
    expect(signs).to.deep.equal([
      {item: 'Q90000001', label: 'bonjour', file: 'SIGN VIDEO A-bonjour (fsl).webm', description: 'PLACEHOLDER DESCRIPTION A'},
      {item: 'Q90000001', label: 'bonjour', file: 'SIGN VIDEO C-bonjour (fsl).webm', description: 'PLACEHOLDER DESCRIPTION A'},
      {item: 'Q90000002', label: 'Bonjour', file: 'SIGN VIDEO B-bonjour (fsl).webm', description: undefined},
    ]);
    expect(() => readWikidataSigns({boolean: true})).to.throw(/SPARQL/);
  });

  it('makes one entry: each described item a meaning, a missing file or a picture left out with the reason', async () => {
    const signs = readWikidataSigns(await fixture('signs/wikidata.wdqs.p2919-sign-videos.assembled.json'));
    const files = readCommonsFiles(await fixture('signs/commons.imageinfo.mmv-test.missing.formatversion2.transcribed.json'));
    files.set('SIGN VIDEO A-bonjour (fsl).webm', {title: 'a', url: 'https://upload.wikimedia.org/a.webm', mime: 'video/webm', licence: 'CC BY 4.0', artist: 'A', missing: false});
    files.set('SIGN VIDEO C-bonjour (fsl).webm', {title: 'c', url: 'https://upload.wikimedia.org/c.jpg', mime: 'image/jpeg', licence: 'CC0', missing: false});
    const {entry, rejected} = wikidataEntry('bonjour', 'fsl', signs, files);
    expect(entry.senses).to.deep.equal([{definition: 'PLACEHOLDER DESCRIPTION A', source: 'Wikidata (Q90000001)'}]);
    expect(entry.videos.map((v) => [v.url, v.variant, v.attribution, v.source])).to.deep.equal([
      ['https://upload.wikimedia.org/a.webm', 'PLACEHOLDER DESCRIPTION A', 'A, CC BY 4.0, via Wikimedia Commons', 'Wikidata'],
    ]);
    expect(rejected.map((r) => r.reason)).to.deep.equal(['The file is not a video', 'The file is missing on Wikimedia Commons']);
  });

  it('reads the Query Service\'s own answer shape: Special:FilePath addresses decoded to Commons titles', async () => {
    const bindings = sparqlBindings(await fixture('signs/wikidata.wdqs.query-gui-test.image-result-browser.transcribed.json'));
    expect(bindings.map((b) => commonsFileName(bindingValue(b, 'picture')))).to.deep.equal(['Sputnik.jpg', 'Sputnik 1.jpg', 'Venera 1 (a) (Memorial Museum of Astronautics).JPG']);
  });

  it('knows each sign language by the item the upstream lists give it', async () => {
    const listed = (await fixture('signs/wikidata.sign-languages.iso639-3-qid.assembled.json')) as unknown;
    for (const [code, item] of Object.entries(WIKIDATA_SIGN_LANGUAGES)) expect((listed as Record<string, string>)[code], code).to.equal(item);
  });
});
