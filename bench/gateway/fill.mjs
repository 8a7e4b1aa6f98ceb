// The bench's places (bench/map/data.mjs, seeded) stored in a gateway's database, as its importer would store them:
// used by bench/gateway/places.mjs and by the gateway path of bench/map.
import {generatePositions} from '../map/data.mjs';

const BATCH = 1000;

/** `count` places in batches of multi-row INSERTs through the gateway's own connection; resolves with the time taken. */
export async function fillPlaces(db, count, seed) {
  await db.query("INSERT INTO datasets (id, source, licence_name, attribution) VALUES ('bench', 'geojson', 'CC0', 'bench') ON CONFLICT DO NOTHING");
  const positions = generatePositions(count, seed);
  const started = performance.now();
  for (let from = 0; from < count; from += BATCH) {
    const rows = [];
    const params = [];
    for (let i = from; i < Math.min(count, from + BATCH); i++) {
      const n = params.length;
      rows.push(`($${n + 1}, 'geojson', $${n + 2}, 'bench', $${n + 3}, $${n + 4}, $${n + 5}, $${n + 6}, $${n + 7})`);
      params.push(`geojson:${i}`, String(i), `place ${i}`, positions[2 * i], positions[2 * i + 1], i % 3 ? null : 'yes', `place ${i}`);
    }
    await db.query(`INSERT INTO places (id, source, source_id, dataset_id, name, lon, lat, need_wheelchair, search_text) VALUES ${rows.join(',')}`, params);
  }
  await db.query('ANALYZE places');
  return performance.now() - started;
}
