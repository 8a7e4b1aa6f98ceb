import {LienError} from './errors.js';
import {httpUrl, isoDate, num, text} from './fields.js';
import {missionLocation as location, texts, type Mission, type MissionAddress, type MissionPage, type MissionSource, type RemoteWork} from './missions.js';
import {isObject} from './read.js';

const REMOTE: readonly RemoteWork[] = ['no', 'possible', 'full', 'local'];

/** "yes"/"no" (API Engagement's real output), a boolean (its mock's, and Lien's), else unknown. */
function yesNo(value: unknown): boolean | undefined {
  return value === true || value === 'yes' ? true : value === false || value === 'no' ? false : undefined;
}

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

