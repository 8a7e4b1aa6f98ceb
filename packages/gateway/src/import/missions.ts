import {readFileSync} from 'node:fs';
import {basename} from 'node:path';
import type {Database} from '../db/database.js';
import {emptySummary, type ImportSummary} from './summary.js';
import {readMissions} from '@lien/open-data/api-engagement.js';
import type {MissionPage} from '@lien/open-data/missions.js';
import {readVolunteeringData} from '@lien/open-data/volunteeringdata.js';

export type {Mission} from '@lien/open-data/missions.js';

/** What missions are imported from: an API Engagement answer or export, or a volunteeringdata.io document. */
function readMissionFile(data: unknown): MissionPage {
  const isJsonLd = data !== null && typeof data === 'object' && !Array.isArray(data) && ('@context' in data || 'graph' in data);
  return isJsonLd ? readVolunteeringData(data) : readMissions(data, 'api-engagement');
}

async function importMissions(db: Database, page: MissionPage, summary: ImportSummary, isSample = false) {
  // `data[3]` is the 4th mission of the file; a document's path is kept as it is.
  for (const {at, reason} of page.rejected) summary.rejected.push({row: /^(?:data|hits)?\[(\d+)\]$/.test(at) ? Number(/\d+/.exec(at)![0]) + 1 : at, reason});
  await db.transaction(async (tx) => {
    for (const m of page.missions) {
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
  const summary = emptySummary('missions', basename(file), 'missions-json');
  await importMissions(db, readMissionFile(JSON.parse(readFileSync(file, 'utf8'))), summary, isSample);
  return summary;
}
