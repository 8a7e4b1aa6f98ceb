import {readFileSync} from 'node:fs';
import {basename} from 'node:path';
import type {Database} from '../db/database.js';
import {emptySummary, type ImportSummary} from './summary.js';
import {httpUrl, isoDate, num, positionProblem, text} from '@lien/open-data/fields.js';

type Raw = Record<string, unknown>;

/** A mission as /v1/missions answers it: API Engagement's field names, cleaned. */
export interface Mission {
  id: string;
  title: string;
  description?: string;
  descriptionIsHtml: boolean;
  applicationUrl?: string;
  domain?: string;
  activities: string[];
  schedule?: string;
  startAt?: string;
  endAt?: string;
  places?: number;
  remote?: 'no' | 'possible' | 'full';
  openToMinors?: boolean;
  reducedMobilityAccessible?: boolean;
  organizationName?: string;
  organizationLogo?: string;
  organizationUrl?: string;
  city?: string;
  postalCode?: string;
  departmentCode?: string;
  addresses: {street?: string; city?: string; postalCode?: string; departmentCode?: string; location?: {lat: number; lon: number}}[];
  location?: {lat: number; lon: number};
  sample?: boolean;
}

const yesNo = (value: unknown) => (value === true || value === 'yes' ? true : value === false || value === 'no' ? false : undefined);
function location(value: unknown) {
  const l = (value ?? {}) as Raw;
  const lat = num(l.lat);
  const lon = num(l.lon);
  return positionProblem(lat, lon) === undefined ? {lat: lat!, lon: lon!} : undefined;
}

/** The spec says postalCode/departmentCode, its own examples say zip/department: read both. */
export function normalizeMission(raw: Raw): Mission | string {
  const id = text(raw.id ?? raw._id, 200);
  const title = text(raw.title, 500);
  if (!id) return 'no id';
  if (!title) return 'no title';
  const remote = text(raw.remote);
  const addresses = (Array.isArray(raw.addresses) ? (raw.addresses as Raw[]) : []).map((a) => ({
    street: text(a?.street, 300),
    city: text(a?.city, 200),
    postalCode: text(a?.postalCode ?? a?.zip, 20),
    departmentCode: text(a?.departmentCode ?? a?.department, 10),
    location: location(a?.location),
  }));
  const description = text(raw.descriptionHtml ?? raw.description, 20_000);
  return {
    id,
    title,
    description,
    descriptionIsHtml: Boolean(description && /<[a-z][\s\S]*>/i.test(description)),
    applicationUrl: httpUrl(raw.applicationUrl),
    domain: text(raw.domain, 100),
    activities: Array.isArray(raw.activities) ? raw.activities.map((a) => text(a, 100)).filter((a): a is string => !!a) : [],
    schedule: text(raw.schedule, 500),
    startAt: isoDate(raw.startAt),
    endAt: isoDate(raw.endAt),
    places: num(raw.places),
    remote: remote === 'no' || remote === 'possible' || remote === 'full' ? remote : undefined,
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
  };
}

/** `{ok,total,limit,skip,data:[…]}`, `{ok,data:{…}}`, `{hits:[…]}` or a plain array of missions. */
function missionList(data: unknown): Raw[] {
  if (Array.isArray(data)) return data as Raw[];
  const d = data as Raw;
  if (Array.isArray(d?.data)) return d.data as Raw[];
  if (d?.data && typeof d.data === 'object') return [d.data as Raw];
  if (Array.isArray(d?.hits)) return d.hits as Raw[];
  throw new Error('not an API Engagement answer: expected {data: [...]}, {hits: [...]} or an array');
}

async function importMissions(db: Database, missions: Raw[], summary: ImportSummary, isSample = false) {
  await db.transaction(async (tx) => {
    for (const [index, raw] of missions.entries()) {
      const m = normalizeMission((raw ?? {}) as Raw);
      if (typeof m === 'string') {
        summary.rejected.push({row: index + 1, id: text((raw as Raw)?.id), reason: m});
        continue;
      }
      if (isSample) m.sample = true;
      const search = [m.title, m.organizationName, m.city, m.domain, ...m.activities].filter(Boolean).join(' ').toLowerCase();
      const result = await tx.query<{inserted: boolean}>(
        `INSERT INTO missions (id, title, description, domain, remote, organization_name, city, lat, lon, start_at, end_at, is_sample, data, search_text)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::text::jsonb, $14)
         ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, description = EXCLUDED.description, domain = EXCLUDED.domain,
           remote = EXCLUDED.remote, organization_name = EXCLUDED.organization_name, city = EXCLUDED.city, lat = EXCLUDED.lat,
           lon = EXCLUDED.lon, start_at = EXCLUDED.start_at, end_at = EXCLUDED.end_at, is_sample = EXCLUDED.is_sample,
           data = EXCLUDED.data, search_text = EXCLUDED.search_text, imported_at = now()
         RETURNING (xmax = 0) AS inserted`,
        [
          m.id,
          m.title,
          m.description ?? null,
          m.domain ?? null,
          m.remote ?? null,
          m.organizationName ?? null,
          m.city ?? null,
          m.location?.lat ?? null,
          m.location?.lon ?? null,
          m.startAt ?? null,
          m.endAt ?? null,
          isSample,
          JSON.stringify(m),
          search,
        ]
      );
      if (result.rows[0]?.inserted) summary.inserted++;
      else summary.updated++;
    }
  });
}

export async function importMissionsFile(db: Database, file: string, isSample = false): Promise<ImportSummary> {
  const summary = emptySummary('missions', basename(file), 'api-engagement-json');
  await importMissions(db, missionList(JSON.parse(readFileSync(file, 'utf8'))), summary, isSample);
  return summary;
}
