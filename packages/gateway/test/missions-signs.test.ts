import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {importMissionsFile} from '../src/import/missions.js';
import {readMission} from '@lien/open-data/api-engagement.js';
import {importSignsFile} from '../src/import/signs.js';
import {backends} from './helpers/backends.js';
import {jsonFileWriter} from './helpers/files.js';
import {testGateway, type TestGateway} from './helpers/gateway.js';
import {get} from './helpers/http.js';
import {sample} from './helpers/paths.js';

const writeJson = jsonFileWriter('lien-missions-');

const hostileTitle = `<script>alert(1)</script> '; DROP TABLE missions; --`;
const extraMissions = writeJson('extra.json', {
  ok: true,
  total: 3,
  limit: 25,
  skip: 0,
  data: [
    {id: 'remote-1', title: hostileTitle, domain: 'education', remote: 'full', description: 'Plain text', organizationName: '100% bénévoles'},
    {_id: 'zip-2', title: 'Spec and examples disagree', addresses: [{zip: '35000', department: '35', city: 'Rennes', location: {lat: 48.11, lon: -1.68}}]},
    {id: 'no-title'},
  ],
});

for (const backend of backends()) {
  describe(`missions on ${backend.name}`, () => {
    let gw: TestGateway;
    before(async () => {
      // Before the examples' dates: every mission is still open.
      gw = await testGateway(backend, {now: () => Date.parse('2027-05-01T10:00:00Z')});
      const summary = await importMissionsFile(gw.db, sample('api-engagement-example-missions.json'), true);
      assert.deepEqual([summary.inserted, summary.updated, summary.rejected.length], [3, 0, 0]);
      const extra = await importMissionsFile(gw.db, extraMissions);
      assert.deepEqual([extra.inserted, extra.rejected], [2, [{row: 3, reason: 'A mission without a title at "data[2]"'}]]);
    });
    after(async () => gw?.stop());

    it('lists missions in API Engagement’s envelope, sample content marked', async () => {
      const r = await get(`${gw.url}/v1/missions?limit=2`);
      assert.equal(r.status, 200);
      assert.deepEqual([r.json.ok, r.json.total, r.json.limit, r.json.skip, r.json.data.length], [true, 5, 2, 0, 2]);
      const paris = await get(`${gw.url}/v1/missions/mission-paris-001`);
      assert.equal(paris.json.data.title, 'Animer des ateliers numeriques pour des seniors');
      assert.equal(paris.json.data.descriptionHtml, "<p>Accompagner des seniors dans la prise en main d'outils numeriques du quotidien.</p>");
      assert.equal(paris.json.data.description, undefined, 'HTML is never passed off as text');
      assert.equal(paris.json.data.reducedMobilityAccessible, true);
      assert.equal(paris.json.meta.sample, true);
      const zip = await get(`${gw.url}/v1/missions/zip-2`);
      assert.deepEqual([zip.json.data.postalCode, zip.json.data.departmentCode, zip.json.data.location], ['35000', '35', {lat: 48.11, lon: -1.68}]);
    });

    it('filters by domain, remote, distance and text', async () => {
      const domain = await get(`${gw.url}/v1/missions?domain=humanitaire`);
      assert.deepEqual(domain.json.data.map((m: {id: string}) => m.id), ['mission-lyon-002']);
      const remote = await get(`${gw.url}/v1/missions?remote=full`);
      assert.deepEqual(remote.json.data.map((m: {id: string}) => m.id), ['remote-1']);
      const near = await get(`${gw.url}/v1/missions?near=48.86,2.34&distance=50km`);
      assert.deepEqual(near.json.data.map((m: {id: string}) => m.id), ['mission-paris-001']);
      assert.ok(near.json.data[0].distanceKm < 2);
      const wide = await get(`${gw.url}/v1/missions?near=45.76,4.83&distance=400`);
      assert.deepEqual(wide.json.data.map((m: {id: string}) => m.id), ['mission-lyon-002', 'mission-marseille-003', 'mission-paris-001'], 'nearest first');
      const hostile = await get(`${gw.url}/v1/missions?q=${encodeURIComponent("'; DROP TABLE missions; --")}`);
      assert.deepEqual(hostile.json.data.map((m: {title: string}) => m.title), [hostileTitle]);
      const percent = await get(`${gw.url}/v1/missions?q=${encodeURIComponent('100%')}`);
      assert.deepEqual(percent.json.data.map((m: {id: string}) => m.id), ['remote-1']);
    });

    it('answers bad queries and unknown ids with JSON errors', async () => {
      for (const query of ['near=48', 'near=a,b', 'near=91,0', 'distance=far', 'distance=-3', 'remote=sometimes', 'limit=1000', 'skip=-1']) {
        const r = await get(`${gw.url}/v1/missions?${query}`);
        assert.deepEqual([r.status, r.json.error.code], [400, 'bad_request'], query);
      }
      const missing = await get(`${gw.url}/v1/missions/${encodeURIComponent("x' OR '1'='1")}`);
      assert.deepEqual([missing.status, missing.json.error.code], [404, 'not_found']);
    });
  });

  describe(`signs on ${backend.name}`, () => {
    let gw: TestGateway;
    before(async () => {
      gw = await testGateway(backend);
    });
    after(async () => gw?.stop());

    it('imports Lingua Libre recordings and definitions, merged per word', async () => {
      const videos = await importSignsFile(gw.db, sample('lingualibre-fsl-excerpt.json'));
      assert.equal(videos.format, 'lingualibre-manifest');
      assert.deepEqual([videos.inserted, videos.updated], [5, 5], '10 recordings of 5 words');
      const again = await importSignsFile(gw.db, sample('lingualibre-fsl-excerpt.json'));
      assert.deepEqual([again.inserted, again.updated], [0, 10]);
      await importSignsFile(gw.db, sample('lsf-definitions.json'));
      const r = await get(`${gw.url}/v1/signs?word=Acheter&lang=fsl`);
      assert.equal(r.status, 200);
      assert.equal(r.json.entries.length, 1);
      const entry = r.json.entries[0];
      assert.equal(entry.videos.length, 3, 'no duplicate video after a second import');
      assert.deepEqual(entry.senses, [{definition: 'Obtenir quelque chose en payant.', source: 'Lien sample (CC0)'}]);
      const laura = entry.videos.find((v: {licence: string}) => v.licence === 'CC BY 3.0');
      assert.equal(laura.attribution, 'Jauvert Laura, CC BY 3.0, via Wikimedia Commons');
      assert.match(laura.url, /^https:\/\/upload\.wikimedia\.org\//);
      assert.equal(entry.videos.find((v: {licence: string}) => v.licence === 'CC0').attribution, undefined);
      assert.deepEqual(r.json.meta.attributions, ['Jauvert Laura, CC BY 3.0, via Wikimedia Commons']);
    });

    it('keeps hostile text as text and refuses bad entries with reasons', async () => {
      const file = writeJson('signs.json', {
        entries: [
          {word: "bonjour'; --", lang: 'fsl', senses: [{definition: '<img src=x onerror=alert(1)>'}]},
          {word: 'sans', lang: 'fsl'},
          {word: 'lien', lang: 'fsl', videos: [{url: 'javascript:alert(1)', licence: 'CC0'}]},
        ],
      });
      const summary = await importSignsFile(gw.db, file);
      assert.equal(summary.inserted, 1);
      assert.deepEqual(summary.rejected.map((r) => r.reason), ['neither a sense nor a video', 'a video without an http(s) url or a licence']);
      const r = await get(`${gw.url}/v1/signs?word=${encodeURIComponent("bonjour'; --")}`);
      assert.equal(r.json.entries[0].senses[0].definition, '<img src=x onerror=alert(1)>');
      const none = await get(`${gw.url}/v1/signs?word=inconnu`);
      assert.deepEqual(none.json.entries, []);
      const bad = await get(`${gw.url}/v1/signs?lang=${encodeURIComponent("fsl' OR 1=1")}`);
      assert.equal(bad.status, 400);
    });
  });
}

it('never lists a mission that has ended: the day after its end date, it is gone', async () => {
  let now = Date.parse('2028-07-05T20:00:00Z'); // the evening of the one-day Lyon mission
  const gw = await testGateway(backends()[0]!, {now: () => now});
  try {
    await importMissionsFile(gw.db, sample('api-engagement-example-missions.json'), true);
    const ids = async () => ((await get(`${gw.url}/v1/missions`)).json.data as {id: string}[]).map((m) => m.id).sort();
    assert.deepEqual(await ids(), ['mission-lyon-002', 'mission-marseille-003', 'mission-paris-001']);
    now = Date.parse('2028-07-05T23:59:00Z');
    assert.deepEqual(await ids(), ['mission-lyon-002', 'mission-marseille-003', 'mission-paris-001']);
    now = Date.parse('2028-07-06T00:00:01Z');
    assert.deepEqual(await ids(), ['mission-marseille-003', 'mission-paris-001']);
  } finally {
    await gw.stop();
  }
});

it('drops mission coordinates that the place importers refuse (0,0 placeholders, out of range)', () => {
  const m = readMission({id: 'm', title: 'T', location: {lat: 0, lon: 0}, addresses: [{city: 'Brest', location: {lat: 95, lon: 10}}]}, '[0]');
  assert.equal(m.location, undefined);
  assert.equal(m.addresses[0]!.location, undefined);
  const kept = readMission({id: 'k', title: 'T', location: {lat: '48.39', lon: '-4.49'}}, '[0]');
  assert.deepEqual(kept.location, {lat: 48.39, lon: -4.49});
});
