import {LienError} from './errors.js';
import {httpUrl, isoDate, num, positionProblem, text} from './fields.js';
import {isObject, type JsonObject} from './read.js';

/**
 * Volunteer missions: Lien's model, and one reader per format that publishes them. The gateway stores what these
 * readers give and serves it as `/v1/missions`; the browser reads the same formats with the same code.
 */

export type MissionSource = 'api-engagement' | 'volunteeringdata' | 'lien' | 'json';
export type RemoteWork = 'no' | 'possible' | 'full' | 'local';
export const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export const MOMENTS = ['morning', 'afternoon', 'evening'] as const;
export type Day = (typeof DAYS)[number];
export type Moment = (typeof MOMENTS)[number];

export interface MissionAddress {
  street?: string;
  city?: string;
  postalCode?: string;
  departmentCode?: string;
  departmentName?: string;
  location?: {lat: number; lon: number};
}

export interface Mission {
  id: string;
  title: string;
  /** Plain text. */
  description?: string;
  /** HTML as published: never shown unsanitized. */
  descriptionHtml?: string;
  /** Where the upstream takes applications (the element signs people up itself unless told otherwise). */
  applicationUrl?: string;
  domain?: string;
  activities: string[];
  skills: string[];
  /** How often, as the publisher wrote it ("One evening per week"). */
  schedule?: string;
  /** When the mission takes place: day and moment slots (volunteeringdata). */
  times?: {day: Day; moment: Moment}[];
  startAt?: string;
  endAt?: string;
  postedAt?: string;
  places?: number;
  remote?: RemoteWork;
  minimumAge?: number;
  openToMinors?: boolean;
  reducedMobilityAccessible?: boolean;
  organizationName?: string;
  organizationLogo?: string;
  organizationUrl?: string;
  city?: string;
  postalCode?: string;
  departmentCode?: string;
  addresses: MissionAddress[];
  location?: {lat: number; lon: number};
  /** Kilometres from the point a search was made around, when the server computed it. */
  distanceKm?: number;
  source: MissionSource;
  /** Example content shipped with the gateway, not a real mission. */
  sample?: boolean;
}

/** A list of missions read from one answer, with the ones left out and why. */
export interface MissionPage {
  missions: Mission[];
  /** How many the upstream says match, when it says. */
  total?: number;
  rejected: {at: string; reason: string}[];
}

const REMOTE: readonly RemoteWork[] = ['no', 'possible', 'full', 'local'];

/** "yes"/"no" (API Engagement's real output), a boolean (its mock's, and Lien's), else unknown. */
function yesNo(value: unknown): boolean | undefined {
  return value === true || value === 'yes' ? true : value === false || value === 'no' ? false : undefined;
}

function location(value: unknown): {lat: number; lon: number} | undefined {
  if (!isObject(value)) return undefined;
  const lat = num(value.lat ?? value.latitude);
  const lon = num(value.lon ?? value.longitude);
  return positionProblem(lat, lon) === undefined ? {lat: lat!, lon: lon!} : undefined;
}

const texts = (value: unknown, max = 100): string[] =>
  Array.isArray(value) ? value.map((v) => text(v, max)).filter((v): v is string => v !== undefined) : [];

/** HTML, as far as a reader without a DOM can tell: a tag. */
const looksHtml = (value: string) => /<[a-z][^>]*>/i.test(value);

/**
 * One mission of API Engagement's public API v0, as its real serializer writes it (betagouv/api-engagement,
 * `api/src/v0/mission/transformer.ts`; fixtures/api-engagement/README.md), which Lien's `/v1/missions` also is:
 * `activity` is one text ("arts, education, sport"; older answers and the mock server have an `activities` list);
 * `remote` is no | possible | full | local; `openToMinors` is "yes" | "no"; `description` is text and
 * `descriptionHtml` its HTML (the mock server puts HTML in both); addresses have `postalCode`, `departmentCode` (the
 * OpenAPI document's example says `zip`, `department`: both are read), and the first is also at the top level.
 */
export function readMission(raw: unknown, at: string, source: MissionSource = 'api-engagement'): Mission {
  if (!isObject(raw)) throw new LienError('parse', `Expected a mission at "${at}"`, {field: at});
  const id = text(raw.id ?? raw._id, 200);
  const title = text(raw.title, 500);
  if (!id) throw new LienError('parse', `A mission without an id at "${at}"`, {field: `${at}.id`});
  if (!title) throw new LienError('parse', `A mission without a title at "${at}"`, {field: `${at}.title`});
  const addresses: MissionAddress[] = (Array.isArray(raw.addresses) ? raw.addresses : []).filter(isObject).map((a) => ({
    street: text(a.street, 300),
    city: text(a.city, 200),
    postalCode: text(a.postalCode ?? a.zip, 20),
    departmentCode: text(a.departmentCode ?? a.department, 10),
    departmentName: text(a.departmentName, 200),
    location: location(a.location),
  }));
  const plain = text(raw.description, 20_000);
  const html = text(raw.descriptionHtml, 50_000) ?? (plain && looksHtml(plain) ? plain : undefined);
  const remote = text(raw.remote) as RemoteWork | undefined;
  const joined = typeof raw.activity === 'string' ? raw.activity.split(',').map((a) => a.trim()).filter(Boolean) : [];
  const activities = [...new Set([...joined, ...texts(raw.activities)])];
  return {
    id,
    title,
    description: plain && !looksHtml(plain) ? plain : undefined,
    descriptionHtml: html,
    applicationUrl: httpUrl(raw.applicationUrl),
    domain: text(raw.domain, 100),
    activities,
    skills: texts(raw.softSkills ?? raw.soft_skills ?? raw.skills),
    schedule: text(raw.schedule, 500),
    startAt: isoDate(raw.startAt),
    endAt: isoDate(raw.endAt),
    postedAt: isoDate(raw.postedAt),
    places: num(raw.places),
    remote: remote && REMOTE.includes(remote) ? remote : undefined,
    minimumAge: num(raw.minimumAge),
    openToMinors: yesNo(raw.openToMinors),
    reducedMobilityAccessible: yesNo(raw.reducedMobilityAccessible),
    organizationName: text(raw.organizationName, 300),
    organizationLogo: httpUrl(raw.organizationLogo),
    organizationUrl: httpUrl(raw.organizationUrl),
    city: text(raw.city, 200) ?? addresses[0]?.city,
    postalCode: text(raw.postalCode ?? raw.zip, 20) ?? addresses[0]?.postalCode,
    departmentCode: text(raw.departmentCode ?? raw.department, 10) ?? addresses[0]?.departmentCode,
    addresses,
    location: location(raw.location) ?? addresses.find((a) => a.location)?.location,
    distanceKm: num(raw.distanceKm ?? raw._distance),
    source,
    sample: raw.sample === true ? true : undefined,
  };
}

/**
 * The missions of an answer: `{ok, total, limit, skip, data: […]}` (API Engagement's list, and Lien's), `{ok, data:
 * {…}}` (one mission), `{hits: […]}` (API Engagement's search) or a bare list. A mission that cannot be read is
 * left out and said in `rejected`; an answer of another shape is a parse error.
 */
export function readMissions(body: unknown, source: MissionSource = 'api-engagement'): MissionPage {
  let list: unknown[];
  let total: number | undefined;
  let at = 'data';
  if (Array.isArray(body)) [list, at] = [body, ''];
  else if (isObject(body) && Array.isArray(body.data)) [list, total] = [body.data, num(body.total)];
  else if (isObject(body) && isObject(body.data)) list = [body.data];
  else if (isObject(body) && Array.isArray(body.hits)) [list, total, at] = [body.hits, num(body.total), 'hits'];
  else throw new LienError('parse', 'Expected missions: {data: [...]}, {hits: [...]} or a list', {field: 'data'});
  const page: MissionPage = {missions: [], total, rejected: []};
  list.forEach((raw, i) => {
    const where = at ? `${at}[${i}]` : `[${i}]`;
    try {
      page.missions.push(readMission(raw, where, source));
    } catch (error) {
      page.rejected.push({at: where, reason: error instanceof Error ? error.message : String(error)});
    }
  });
  return page;
}

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

/**
 * The oldest end date of a mission still open at `now`: a mission ending today stays open until the day is over
 * everywhere (a day after its end), so that a same-day signup is never refused on a time-zone technicality. The
 * gateway's query and the browser's list both use it.
 */
export function openMissionsEndAfter(now: number): string {
  return new Date(now - 86_400_000).toISOString();
}

/** Whether a mission is over: its end date has passed (see `openMissionsEndAfter`). No end date: never over. */
export function missionEnded(mission: Pick<Mission, 'endAt'>, now: number): boolean {
  return mission.endAt !== undefined && mission.endAt <= openMissionsEndAfter(now);
}
