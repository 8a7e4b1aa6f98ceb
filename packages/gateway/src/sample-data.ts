import {join} from 'node:path';
import type {Database} from './db/database.js';
import {importMissionsFile} from './import/missions.js';
import {importPlacesFile} from './import/places.js';
import {importSignsFile} from './import/signs.js';
import {sampleDataDir} from './paths.js';

/**
 * The data a fresh gateway starts with (see sample-data/README.md for origins and licences): real open data for
 * places and signs, example missions marked as such. Loaded once per database, so that an association which
 * deletes or replaces it does not get it back at the next start, and never into a database that already holds
 * the association's own imports.
 */
export async function loadSampleDataOnce(db: Database): Promise<boolean> {
  const done = await db.query("SELECT 1 FROM settings WHERE key = 'sample_data_loaded_at'");
  if (done.rows.length) return false;
  const own = await db.query('SELECT 1 FROM places UNION ALL SELECT 1 FROM missions UNION ALL SELECT 1 FROM sign_entries LIMIT 1');
  if (own.rows.length) return false;
  await importPlacesFile(db, join(sampleDataDir, 'acceslibre-schema-example.csv'), {
    dataset: 'sample:acceslibre-schema-example',
    attribution: 'Données : acceslibre',
    isSample: true,
  });
  await importPlacesFile(db, join(sampleDataDir, 'osm-norwich-wheelchair-2019.geojson'), {
    dataset: 'sample:osm-norwich-2019',
    isSample: true,
  });
  await importMissionsFile(db, join(sampleDataDir, 'api-engagement-example-missions.json'), true);
  await importSignsFile(db, join(sampleDataDir, 'lingualibre-fsl-excerpt.json'));
  await importSignsFile(db, join(sampleDataDir, 'lsf-definitions.json'));
  await db.query(
    "INSERT INTO settings (key, value) VALUES ('sample_data_loaded_at', $1) ON CONFLICT (key) DO NOTHING",
    [new Date().toISOString()]
  );
  return true;
}
