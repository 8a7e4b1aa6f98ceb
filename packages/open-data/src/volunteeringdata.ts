import {LienError} from './errors.js';
import {httpUrl, isoDate, num, text} from './fields.js';
import {missionLocation as location, type Day, type MissionAddress, type MissionPage, type Moment} from './missions.js';
import {isObject, type JsonObject} from './read.js';

/** `https://ns.volunteeringdata.io/EmpathyAndCompassion` or `volunteering:X` → "Empathy and compassion". */
function termLabel(iri: unknown): string | undefined {
  const name = text(iri, 300)?.split(/[/#:]/).pop();
  if (!name) return undefined;
  const spaced = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** `…/MondayMorning`: a day and a moment of volunteeringdata's time slots (06–12h, 12–18h, 18–24h). */
function timeSlot(iri: unknown): {day: Day; moment: Moment} | undefined {
  const match = /(monday|tuesday|wednesday|thursday|friday|saturday|sunday)(morning|afternoon|evening)$/i.exec(text(iri, 300) ?? '');
  return match ? {day: match[1]!.toLowerCase() as Day, moment: match[2]!.toLowerCase() as Moment} : undefined;
}

/** One value or a list: volunteeringdata's examples write both. */
const many = (value: unknown): unknown[] => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]);

/**
 * volunteeringdata.io's JSON-LD, read as written (volunteeringdata/standard's publishing and ontology examples;
 * fixtures/volunteeringdata/README.md): a `graph` of Organisations, one Organisation, or one Activity; each activity
 * has roles (`applyLink`, `minimumAge`, `skill`, `allowsRemoteParticipation`) and sessions (a location with its
 * latitude and longitude as text, and day-and-moment time slots). Each role is a mission, known by its activity.
 */
export function readVolunteeringData(document: unknown): MissionPage {
  if (!isObject(document)) throw new LienError('parse', 'Expected a volunteeringdata.io document', {field: '(body)'});
  const roots = many(document.graph ?? document['@graph'] ?? document);
  const page: MissionPage = {missions: [], rejected: []};
  roots.filter(isObject).forEach((root, r) => {
    const organisation = root.type === 'Organisation' ? root : undefined;
    const activities = organisation ? many(organisation.activity) : [root];
    activities.filter(isObject).forEach((activity, a) => {
      const sessions = many(activity.session).filter(isObject);
      const places = sessions.flatMap((s) => many(s.location)).filter(isObject);
      const times = sessions.flatMap((s) => many(s.time)).map(timeSlot).filter((t): t is {day: Day; moment: Moment} => t !== undefined);
      const addresses: MissionAddress[] = places.map((p) => ({street: text(p.address, 300), location: location(p)}));
      const roles = many(activity.role).filter(isObject);
      (roles.length ? roles : [{}]).forEach((role: JsonObject, i) => {
        const at = `graph[${r}].activity[${a}].role[${i}]`;
        const base = text(activity.id ?? activity['@id'], 300) ?? `${text(organisation?.id, 300) ?? 'volunteeringdata'}#activity-${a}`;
        const title = text(role.title, 500) ?? text(activity.title, 500);
        if (!title) return void page.rejected.push({at, reason: 'A role without a title'});
        page.missions.push({
          id: roles.length > 1 ? `${base}#role-${i}` : base,
          title,
          description: text(role.description, 20_000) ?? text(activity.description, 20_000),
          applicationUrl: httpUrl(role.applyLink),
          activities: [],
          skills: many(role.skill).map(termLabel).filter((s): s is string => s !== undefined),
          schedule: text(role.commitment, 500),
          times: times.length ? times : undefined,
          endAt: isoDate(activity.publishEnd),
          remote: role.allowsRemoteParticipation === true ? 'possible' : role.allowsRemoteParticipation === false ? 'no' : undefined,
          minimumAge: num(role.minimumAge),
          organizationName: text(organisation?.name, 300),
          organizationLogo: httpUrl(organisation?.image),
          organizationUrl: httpUrl(organisation?.website),
          addresses,
          location: addresses.find((p) => p.location)?.location,
          source: 'volunteeringdata',
        });
      });
    });
  });
  return page;
}

