import {expect} from '@open-wc/testing';
import {htmlText, linguaLibreEntry, linguaLibreQuery, readCommonsFiles, readLinguaLibreRecords} from '@lien/open-data/lingualibre.js';
import {readSignbankGlossData, readSignbankGlosses} from '@lien/open-data/signbank.js';
import {readSignEntries} from '@lien/open-data/signs.js';
import {fixture} from './fixture.js';

// Lingua Libre's SignIt query and SPARQL answer shape, and Commons' imageinfo answers as MediaWiki's own tests and
// documentation give them (fixtures/signs/README.md).
describe('Lingua Libre and Commons readers', () => {
  it('asks for one word\'s recordings with SignIt\'s query, the word escaped and in lower case', () => {
    const query = linguaLibreQuery('Lapin "blanc"\\', 'fsl');
    expect(query).to.contain('?record prop:P4 entity:Q99628 .');
    expect(query).to.contain('?record prop:P3 ?filename .');
    expect(query).to.contain(String.raw`FILTER ( LCASE( STR( ?word ) ) = "lapin \"blanc\"\\" ) }`);
    expect(() => linguaLibreQuery('hello', 'ase')).to.throw(/not known/);
  });

  it('reads the recordings of a SPARQL answer: the file\'s name decoded from its Special:FilePath address', async () => {
    const records = readLinguaLibreRecords(await fixture('signs/lingualibre.sparql.signit-sign-videos.assembled.json'));
    // Commons writes a title's underscores as spaces: the name as Commons knows the file.
    expect(records[0]).to.deep.equal({word: 'lapin', file: 'LL-Q33302 (fsl)-SPEAKER A-lapin.webm', speaker: 'SPEAKER_A'});
    expect(() => readLinguaLibreRecords({head: {}})).to.throw(/SPARQL/);
  });

  it('reads Commons files in both answer formats: address, licence, the artist\'s HTML as text, and a missing file', async () => {
    for (const name of ['commons.imageinfo.mmv-test.get.formatversion1.transcribed.json', 'commons.imageinfo.mmv-test.get.formatversion2.transcribed.json']) {
      const file = readCommonsFiles(await fixture(`signs/${name}`)).get('Stuff.jpg')!;
      expect(file, name).to.deep.include({missing: false, licence: 'CC0', licenceUrl: 'http://creativecommons.org/publicdomain/zero/1.0/', url: 'https://upload.wikimedia.org/wikipedia/commons/1/19/Stuff.jpg'});
      expect(file.artist, 'text, no markup').to.not.match(/[<>]/);
    }
    for (const name of ['commons.imageinfo.mmv-test.missing.formatversion1.transcribed.json', 'commons.imageinfo.mmv-test.missing.formatversion2.transcribed.json']) {
      expect(readCommonsFiles(await fixture(`signs/${name}`)).get('Stuff.jpg')!.missing, name).to.equal(true);
    }
    expect(htmlText('<a href="//commons.wikimedia.org/wiki/User:X" onclick="alert(1)">X &amp; Y&#39;s</a>')).to.equal("X & Y's");
  });

  it('makes one entry: a file that is not a video, missing, or without a licence is left out, with the reason', async () => {
    const files = readCommonsFiles(await fixture('signs/commons.imageinfo.mmv-test.get.formatversion2.transcribed.json'));
    files.set('LL-Q33302 (fsl)-B-lapin (animal).webm', {title: 'x', url: 'https://upload.wikimedia.org/b.webm', mime: 'video/webm', licence: 'CC BY-SA 4.0', artist: 'B', missing: false});
    files.set('LL-Q33302 (fsl)-C-lapin.webm', {title: 'y', url: 'https://upload.wikimedia.org/c.webm', mime: 'video/webm', missing: false});
    const records = [
      {word: 'lapin', file: 'Stuff.jpg', speaker: 'A'},
      {word: 'lapin', file: 'LL-Q33302 (fsl)-B-lapin (animal).webm', speaker: 'B'},
      {word: 'lapin', file: 'LL-Q33302 (fsl)-C-lapin.webm', speaker: 'C'},
      {word: 'lapin', file: 'LL-Q33302 (fsl)-D-lapin.webm', speaker: 'D'},
    ];
    const {entry, rejected} = linguaLibreEntry('lapin', 'fsl', records, files);
    expect(entry.videos).to.deep.equal([
      {
        url: 'https://upload.wikimedia.org/b.webm',
        signer: 'B',
        licence: 'CC BY-SA 4.0',
        licenceUrl: undefined,
        attribution: 'B, CC BY-SA 4.0, via Wikimedia Commons',
        source: 'Lingua Libre',
        pageUrl: undefined,
        variant: 'lapin (animal)',
        mime: 'video/webm',
      },
    ]);
    expect(rejected.map((r) => r.reason)).to.deep.equal(['The file is not a video', 'A video without a licence: it cannot be shown', 'The file is missing on Wikimedia Commons']);
  });

  it('reads Lien\'s own entries, leaving out a video without a licence and saying so', () => {
    const page = readSignEntries({entries: [{word: 'merci', lang: 'fsl', senses: [{definition: 'Remercier.'}], videos: [{url: 'https://a.example/v.webm', source: 'x'}, {url: 'javascript:alert(1)', licence: 'CC0'}]}]});
    expect(page.entries[0]!.videos).to.deep.equal([]);
    expect(page.rejected.map((r) => r.at)).to.deep.equal(['entries[0].videos[0]', 'entries[0].videos[1]']);
  });

  it('reads Global Signbank\'s gloss search: media paths resolved on the server, no video without the dataset\'s licence', async () => {
    const body = await fixture('signs/signbank.sign-app.docs-api.gloss-api-response.json');
    const {entry} = readSignbankGlosses(body, {server: 'https://signbank.example/', word: 'ACCEPTEREN', lang: 'dse', licence: 'CC BY-NC-SA 4.0'});
    // The page's licence address is a link: only an http(s) one is kept.
    const hostile = readSignbankGlosses(body, {server: 'https://signbank.example/', word: 'ACCEPTEREN', lang: 'dse', licence: 'CC BY', licenceUrl: 'javascript:alert(1)'});
    expect(hostile.entry.videos[0]!.licenceUrl).to.equal(undefined);
    expect(entry.videos.map((v) => [v.url, v.variant])).to.deep.equal([
      ['https://signbank.example/dictionary/protected_media/glossvideo/NGT/AC/ACCEPTEREN-A-51.mp4', 'ACCEPTEREN-A'],
      ['https://signbank.example/dictionary/protected_media/glossvideo/NGT/AC/ACCEPTEREN-B-3277.mp4', 'ACCEPTEREN-B'],
    ]);
    const unlicensed = readSignbankGlosses(body, {server: 'https://signbank.example', word: 'ACCEPTEREN', lang: 'dse'});
    expect([unlicensed.entry.videos.length, unlicensed.rejected.length]).to.deep.equal([0, 2]);
    expect(() => readSignbankGlosses({Error: 'No dataset selected'}, {server: 'https://signbank.example', word: 'x', lang: 'dse'})).to.throw(/Signbank/);
  });

  it('reads a Signbank gloss\'s details: handshapes, location, handedness and English senses; a refusal is none', async () => {
    const detail = readSignbankGlossData(await fixture('signs/signbank.global-signbank.get-gloss-data.assembled.json'));
    expect(detail).to.deep.equal({
      form: {handedness: '2s', strongHand: 'B', weakHand: 'B', location: 'Neutral space'},
      senses: ['house, home', 'building'],
    });
    expect(readSignbankGlossData({error: 'The requested gloss is not public.'})).to.equal(undefined);
    expect(readSignbankGlossData({errors: ['Your token is invalid.']})).to.equal(undefined);
  });
});
