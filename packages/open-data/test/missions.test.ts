import {expect} from '@open-wc/testing';
import {LienError} from '@lien/open-data/errors.js';
import {readMissions} from '@lien/open-data/api-engagement.js';
import {missionEnded, openMissionsEndAfter} from '@lien/open-data/missions.js';
import {readVolunteeringData} from '@lien/open-data/volunteeringdata.js';
import {fixture} from './fixture.js';

// API Engagement's real serializer applied to its own integration-test missions, its mock server's answers, and
// volunteeringdata.io's own examples (fixtures/api-engagement/README.md, fixtures/volunteeringdata/README.md).

describe('API Engagement v0 missions', () => {
  it('reads the list the real serializer writes: one activity text, yes/no as words, text and HTML apart, the first address at the top', async () => {
    const page = readMissions(await fixture('api-engagement/v0-mission-list.assembled.json'));
    expect(page.total).to.equal(3);
    expect(page.rejected).to.deep.equal([]);
    const paris = page.missions.find((m) => m.title === 'Mission in Paris')!;
    expect(paris).to.deep.include({
      id: '{mission1.id}',
      activities: ['arts'],
      remote: 'no',
      openToMinors: false,
      reducedMobilityAccessible: true,
      description: 'Test Mission Description',
      descriptionHtml: 'Test Mission Description<br/>Html',
      city: 'Paris',
      postalCode: '75004',
      departmentCode: '75',
      location: {lat: 48.8566, lon: 2.3522},
      places: 10,
      skills: ['Travail en équipe', 'Communication'],
      startAt: '2024-01-10T00:00:00.000Z',
      endAt: '2024-02-10T00:00:00.000Z',
      source: 'api-engagement',
    });
    expect(paris.organizationName, 'null is unknown').to.equal(undefined);
    expect(paris.addresses[0]).to.deep.include({street: "1 Place de l'Hôtel de Ville", departmentName: 'Paris'});
  });

  it('reads the mock server’s older shape too: an activities list, HTML in the description', async () => {
    const page = readMissions(await fixture('api-engagement/mockoon.v0-mission-list-response.json'));
    expect(page.missions).to.have.length(3);
    for (const mission of page.missions) {
      expect(mission.activities.length, mission.id).to.be.greaterThan(0);
      // HTML is never passed off as text.
      if (mission.descriptionHtml) expect(/<[a-z]/i.test(mission.description ?? ''), mission.id).to.equal(false);
    }
    const one = readMissions(await fixture('api-engagement/mockoon.v0-mission-paris-001-response.json'));
    expect(one.missions.map((m) => m.id)).to.deep.equal(['mission-paris-001']);
    const search = readMissions(await fixture('api-engagement/mockoon.v0-mission-search-response.json'));
    expect(search.missions.length).to.be.greaterThan(0);
  });

  it('leaves out what is not a mission, saying where, and refuses an answer of another shape', async () => {
    const page = readMissions({ok: true, total: 3, data: [{id: 'a', title: 'A'}, {id: 'b'}, 'x']});
    expect(page.missions.map((m) => m.id)).to.deep.equal(['a']);
    expect(page.rejected.map((r) => r.at)).to.deep.equal(['data[1]', 'data[2]']);
    for (const body of [await fixture('api-engagement/v0-error-429.assembled.json'), await fixture('api-engagement/mockoon.v0-error-401.json'), null]) {
      try {
        readMissions(body);
        expect.fail('read');
      } catch (error) {
        expect(error).to.be.instanceOf(LienError);
        expect((error as LienError).kind).to.equal('parse');
      }
    }
  });

  it('keeps remote "local", and drops a value it does not know rather than guess', () => {
    const {missions} = readMissions([
      {id: 'l', title: 'L', remote: 'local'},
      {id: 'x', title: 'X', remote: 'sometimes', openToMinors: 'maybe'},
    ]);
    expect(missions.map((m) => m.remote)).to.deep.equal(['local', undefined]);
    expect(missions[1]!.openToMinors).to.equal(undefined);
  });
});

describe('volunteeringdata.io missions', () => {
  it('reads each role of each activity of a graph of organisations: skills, time slots, age, place', async () => {
    const page = readVolunteeringData(await fixture('volunteeringdata/publishing.example-1.organisations-graph.jsonld'));
    expect(page.rejected).to.deep.equal([]);
    expect(page.missions.map((m) => m.title)).to.deep.equal(['Outreach Volunteer', 'Shop Floor Volunteer']);
    const outreach = page.missions[0]!;
    expect(outreach).to.deep.include({
      id: 'https://id.volunteeringdata.io/686e542f7734eb69b0ec1516',
      organizationName: 'Under One Sky',
      applicationUrl: 'https://underoneskytogether.com/get-involved/join-us',
      schedule: 'One evening per week, 3-hour shift',
      minimumAge: 18,
      remote: 'no',
      skills: ['Communication', 'Empathy and compassion'],
      location: {lat: 51.5005014, lon: -0.1136474},
      source: 'volunteeringdata',
    });
    expect(outreach.times).to.deep.equal([
      {day: 'monday', moment: 'afternoon'},
      {day: 'tuesday', moment: 'afternoon'},
      {day: 'saturday', moment: 'morning'},
      {day: 'saturday', moment: 'afternoon'},
    ]);
    expect(outreach.addresses[0]!.street).to.equal('127-128 Lower Marsh, London SE1 7AE, UK');
    // The Oxfam activity has no id of its own: known by its organisation's.
    expect(page.missions[1]!.id).to.equal('https://id.volunteeringdata.io/64103c352a0eedb6aef42d3d#activity-0');
  });

  it('reads one organisation, and one activity whose role and session are single values', async () => {
    const single = readVolunteeringData(await fixture('volunteeringdata/publishing.example-2.single-organisation.jsonld'));
    expect(single.missions.map((m) => [m.title, m.minimumAge, m.remote])).to.deep.equal([
      ['Shop Floor Volunteer', 14, 'no'],
      ['Online Listings Volunteer', 16, 'possible'],
    ]);
    const activity = readVolunteeringData(await fixture('volunteeringdata/ontology.example-2.activity.jsonld'));
    // The role has no title: the activity's.
    expect(activity.missions.map((m) => [m.title, m.minimumAge, m.endAt])).to.deep.equal([['Volunteer Skywalker', 16, '2026-08-28T00:00:00.000Z']]);
  });
});

describe('Ended missions', () => {
  it('are over the day after their end date, and a mission without one never is', () => {
    const now = Date.parse('2026-12-01T12:00:00Z');
    expect(openMissionsEndAfter(now)).to.equal('2026-11-30T12:00:00.000Z');
    expect(missionEnded({endAt: '2026-12-01T00:00:00.000Z'}, now)).to.equal(false);
    expect(missionEnded({endAt: '2026-11-30T00:00:00.000Z'}, now)).to.equal(true);
    expect(missionEnded({}, now)).to.equal(false);
  });
});
