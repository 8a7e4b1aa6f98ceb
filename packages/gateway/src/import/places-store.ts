import {NEEDS, needStatus, type Place, type PlaceSourceName} from '@lien/open-data/place.js';
import {compact} from '@lien/open-data/fields.js';
import type {Database} from '../db/database.js';
import type {ImportSummary} from './summary.js';

export interface Dataset {
  id: string;
  source: PlaceSourceName | string;
  licenceName: string;
  licenceUrl?: string;
  attribution: string;
  isSample?: boolean;
}

async function saveDataset(db: Database, d: Dataset): Promise<void> {
  await db.query(
    `INSERT INTO datasets (id, source, licence_name, licence_url, attribution, is_sample) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (id) DO UPDATE SET source = EXCLUDED.source, licence_name = EXCLUDED.licence_name,
       licence_url = EXCLUDED.licence_url, attribution = EXCLUDED.attribution, is_sample = EXCLUDED.is_sample,
       imported_at = now()`,
    [d.id, d.source, d.licenceName, d.licenceUrl ?? null, d.attribution, d.isSample ?? false]
  );
}

/** Upserts by id ("<source>:<id at the source>"), in one transaction, counting inserts and updates. */
export async function upsertPlaces(db: Database, dataset: Dataset, places: Place[], summary: ImportSummary): Promise<void> {
  await saveDataset(db, dataset);
  await db.transaction(async (tx) => {
    for (const p of places) {
      const accessibility = compact(p.accessibility);
      const needs = NEEDS.map((need) => {
        const status = needStatus(accessibility, need);
        return status === 'unknown' ? null : status;
      });
      const search = [p.name, p.category, p.address].filter(Boolean).join(' ').toLowerCase();
      const result = await tx.query<{inserted: boolean}>(
        `INSERT INTO places (id, source, source_id, dataset_id, name, category, address, phone, website, info_page_url,
           edit_page_url, lon, lat, accessibility, need_wheelchair, need_walking, need_vision, need_hearing,
           need_cognitive, search_text, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::text::jsonb, $15, $16, $17, $18, $19, $20, $21)
         ON CONFLICT (id) DO UPDATE SET dataset_id = EXCLUDED.dataset_id, name = EXCLUDED.name,
           category = EXCLUDED.category, address = EXCLUDED.address, phone = EXCLUDED.phone,
           website = EXCLUDED.website, info_page_url = EXCLUDED.info_page_url, edit_page_url = EXCLUDED.edit_page_url,
           lon = EXCLUDED.lon, lat = EXCLUDED.lat, accessibility = EXCLUDED.accessibility,
           need_wheelchair = EXCLUDED.need_wheelchair, need_walking = EXCLUDED.need_walking,
           need_vision = EXCLUDED.need_vision, need_hearing = EXCLUDED.need_hearing,
           need_cognitive = EXCLUDED.need_cognitive, search_text = EXCLUDED.search_text,
           updated_at = EXCLUDED.updated_at, imported_at = now()
         RETURNING (xmax = 0) AS inserted`,
        [
          p.id,
          p.source,
          p.id.slice(p.id.indexOf(':') + 1),
          dataset.id,
          p.name,
          p.category ?? null,
          p.address ?? null,
          p.phone ?? null,
          p.website ?? null,
          p.infoPageUrl ?? null,
          p.editPageUrl ?? null,
          p.lon,
          p.lat,
          JSON.stringify(accessibility),
          ...needs,
          search,
          p.updatedAt ?? null,
        ]
      );
      if (result.rows[0]?.inserted) summary.inserted++;
      else summary.updated++;
    }
  });
}
