// Loopback stand-ins for <sign-dictionary-entry>'s tests, under /mock/sign-dictionary-entry/:
// - `start`: the real gateway (packages/gateway/dist) on loopback, with its sample data (real Lingua Libre records of
//   French Sign Language, credited, and definitions) in memory, and Lingua Libre's SPARQL endpoint faked for its
//   proxy. Answers `{gateway}` (its `…/v1` address).
// - `sparql`: Lingua Libre's SPARQL endpoint, answering SignIt's query for "lapin" with the SPARQL JSON results of
//   packages/open-data/test/fixtures/signs/ (two recordings), 429 (Retry-After: 120) for "trop", and empty results
//   for any other word.
// - `wdqs`: the Wikidata Query Service, answering the P2919 query for "bonjour" with the SPARQL JSON results of
//   packages/open-data/test/fixtures/signs/, 429 (Retry-After: 120) for "trop", and for "lent" after 2 s.
// - `commons`: the Commons API's `imageinfo` for those files, in the shape of MediaWiki's own test answers: the
//   first of each word a video with its licence and HTML `Artist` (its video is `video/lapin.webm`), Lingua Libre's
//   second without a licence; of Wikidata's, B missing and C a picture.
// - `video/{name}` (POST to store, GET to read with byte ranges): the small videos the tests make.
// - `signbank/…`: a Global Signbank server's gloss search, answering its documentation's example for ACCEPTEREN, the
//   details of its first gloss (handshapes, location, senses) and a refusal for the second, and its media (the first
//   video made by the tests).
import {readFileSync} from 'node:fs';
import {loopbackGateway} from '../../../scripts/test-gateway.mjs';

const sparqlLapin = readFileSync(new URL('../../open-data/test/fixtures/signs/lingualibre.sparql.signit-sign-videos.assembled.json', import.meta.url), 'utf8');
const wdqsBonjour = readFileSync(new URL('../../open-data/test/fixtures/signs/wikidata.wdqs.p2919-sign-videos.assembled.json', import.meta.url), 'utf8');
// The search's documented example, with the `id` Global Signbank gives each gloss since 2023 (fixtures/signs/README.md).
const signbankGlosses = JSON.stringify(
  JSON.parse(readFileSync(new URL('../../open-data/test/fixtures/signs/signbank.sign-app.docs-api.gloss-api-response.json', import.meta.url), 'utf8')).map((gloss, i) => ({
    id: 12345 + i,
    ...gloss,
  }))
);
const signbankGlossData = readFileSync(new URL('../../open-data/test/fixtures/signs/signbank.global-signbank.get-gloss-data.assembled.json', import.meta.url), 'utf8');
const videos = new Map();

let started;
async function start(pageOrigin) {
  const {gateway} = await loopbackGateway({allowedOrigins: [pageOrigin], lingualibre: {sparqlUrl: `${pageOrigin}/mock/sign-dictionary-entry/sparql`}});
  return gateway;
}

const readBody = (req) =>
  new Promise((resolve) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
  });

function commonsPage(title, origin) {
  // Missing, as MediaWiki's MultimediaViewer tests give a missing file (formatversion 2).
  if (/SIGN VIDEO B/.test(title)) return {title, missing: true, imagerepository: ''};
  // A picture, not a video.
  if (/SIGN VIDEO C/.test(title))
    return {ns: 6, title, imagerepository: 'local', imageinfo: [{url: `${origin}/mock/sign-dictionary-entry/video/c.jpg`, mime: 'image/jpeg', extmetadata: {LicenseShortName: {value: 'CC0'}}}]};
  if (/SPEAKER[ _]A|SIGN VIDEO A/.test(title))
    return {
      ns: 6,
      title,
      imagerepository: 'local',
      imageinfo: [
        {
          url: `${origin}/mock/sign-dictionary-entry/video/lapin.webm`,
          descriptionurl: `https://commons.wikimedia.org/wiki/${encodeURIComponent(title.replace(/ /g, '_'))}`,
          mime: 'video/webm',
          extmetadata: {
            LicenseShortName: {value: 'CC BY-SA 4.0', source: 'commons-desc-page'},
            LicenseUrl: {value: 'https://creativecommons.org/licenses/by-sa/4.0', source: 'commons-desc-page'},
            Artist: {value: '<a href="//commons.wikimedia.org/wiki/User:SPEAKER_A" title="User:SPEAKER_A">SPEAKER_A</a>', source: 'commons-desc-page'},
            AttributionRequired: {value: 'true', source: 'commons-desc-page'},
          },
        },
      ],
    };
  return {ns: 6, title, imagerepository: 'local', imageinfo: [{url: `${origin}/mock/sign-dictionary-entry/video/other.webm`, mime: 'video/webm', extmetadata: {}}]};
}

export default async function signEntryMocks(ctx, next) {
  if (!ctx.path.startsWith('/mock/sign-dictionary-entry/')) return next();
  const path = ctx.path.slice('/mock/sign-dictionary-entry/'.length);
  if (path === 'start') {
    started ??= start(ctx.origin);
    ctx.body = {gateway: `${(await started).url}/v1`};
    return;
  }
  if (path === 'sparql') {
    if (/"trop"/.test(String(ctx.query.query))) {
      ctx.status = 429;
      ctx.set('retry-after', '120');
      return;
    }
    ctx.type = 'application/sparql-results+json';
    ctx.body = /"lapin"/.test(String(ctx.query.query)) ? sparqlLapin : JSON.stringify({head: {vars: ['word', 'filename', 'speaker']}, results: {bindings: []}});
    return;
  }
  if (path === 'wdqs') {
    const query = String(ctx.query.query);
    ctx.set('access-control-allow-origin', '*');
    if (/"trop"/.test(query)) {
      ctx.status = 429;
      ctx.set('retry-after', '120');
      ctx.body = 'Too Many Requests - Please retry in 120 seconds.';
      return;
    }
    if (/"lent"/.test(query)) await new Promise((resolve) => setTimeout(resolve, 2000));
    ctx.type = 'application/sparql-results+json';
    ctx.body = /"bonjour"/.test(query) ? wdqsBonjour : JSON.stringify({head: {vars: ['item', 'label', 'file', 'description']}, results: {bindings: []}});
    return;
  }
  if (path === 'commons') {
    ctx.set('access-control-allow-origin', '*');
    const titles = String(ctx.query.titles ?? '').split('|').filter(Boolean);
    ctx.body = {batchcomplete: true, query: {pages: titles.map((t) => commonsPage(t, ctx.origin))}};
    return;
  }
  // Global Signbank's public gloss search, answering the example of Signbank/sign-app's own API documentation.
  if (path === 'signbank/dictionary/gloss/api/') {
    if (!ctx.query.dataset) {
      ctx.status = 400;
      ctx.body = {Error: 'No dataset selected'};
      return;
    }
    ctx.type = 'json';
    ctx.body = /^ACCEPTEREN/i.test(String(ctx.query.search)) ? signbankGlosses : '[]';
    return;
  }
  // A gloss's details: the first public, the second not (Signbank's refusal).
  const detail = /^signbank\/dictionary\/get_gloss_data\/5\/(\d+)\/en\/$/.exec(path);
  if (detail) {
    ctx.type = 'json';
    if (detail[1] === '12345') ctx.body = signbankGlossData;
    else {
      ctx.status = 400;
      ctx.body = {error: 'The requested gloss is not public.'};
    }
    return;
  }
  // Its media: the video the tests made, for every gloss video.
  if (path.startsWith('signbank/dictionary/protected_media/glossvideo/')) {
    ctx.type = 'video/webm';
    ctx.body = videos.get('lapin.webm') ?? '';
    return;
  }
  const video = /^video\/([\w.-]+)$/.exec(path);
  if (video && ctx.method === 'POST') {
    videos.set(video[1], await readBody(ctx.req));
    ctx.status = 204;
    return;
  }
  if (video) {
    const bytes = videos.get(video[1]);
    if (!bytes) return void (ctx.status = 404);
    ctx.type = 'video/webm';
    ctx.set('accept-ranges', 'bytes');
    const range = /^bytes=(\d+)-(\d*)$/.exec(ctx.get('range'));
    if (range) {
      const start = Number(range[1]);
      const end = range[2] ? Math.min(Number(range[2]), bytes.length - 1) : bytes.length - 1;
      ctx.status = 206;
      ctx.set('content-range', `bytes ${start}-${end}/${bytes.length}`);
      ctx.body = bytes.subarray(start, end + 1);
    } else ctx.body = bytes;
    return;
  }
  return next();
}
