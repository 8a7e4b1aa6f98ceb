import type {FastifyInstance} from 'fastify';
import type {Database} from '../db/database.js';
import {ApiError, badRequest} from '../errors.js';
import type {Mission} from '../import/missions.js';
import {openMissionsEndAfter} from '@lien/open-data/missions.js';
import {likePattern, queryInt, queryString, storableText} from './query.js';

const SAMPLE_NOTE = 'Example missions in API Engagement’s shape (fictional content), shipped to show the element working.';

function parseNear(value: string | undefined): [number, number] | undefined {
  if (value === undefined) return undefined;
  const parts = value.split(',').map((p) => Number(p.trim()));
  const [lat, lon] = parts;
  if (parts.length !== 2 || lat === undefined || lon === undefined || !Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180)
    throw badRequest('near must be lat,lon', {near: 'two numbers: latitude,longitude'});
  return [lat, lon];
}

/** "25km", "25 km" or "25": kilometres. */
function parseDistance(value: string | undefined): number {
  if (value === undefined) return 25;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(km)?\s*$/i.exec(value);
  const km = match ? Number(match[1]) : NaN;
  if (!(km > 0 && km <= 1000)) throw badRequest('distance must be a number of kilometres, e.g. 25km', {distance: '0–1000 km, e.g. 25km'});
  return km;
}

export function missionRoutes(app: FastifyInstance, db: Database, now: () => number = Date.now): void {
  app.get('/v1/missions', async (request) => {
    const query = request.query as Record<string, unknown>;
    const domain = queryString(query, 'domain', 100);
    const near = parseNear(queryString(query, 'near'));
    const distance = parseDistance(queryString(query, 'distance'));
    const remote = queryString(query, 'remote');
    if (remote !== undefined && !['no', 'possible', 'full', 'local'].includes(remote))
      throw badRequest('remote must be no, possible, full or local', {remote: 'no | possible | full | local'});
    const q = queryString(query, 'q', 200);
    const limit = queryInt(query, 'limit', {min: 1, max: 100}) ?? 25;
    const skip = queryInt(query, 'skip', {min: 0, max: 100_000}) ?? 0;

    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    // Ended missions are never listed.
    const where: string[] = [`(end_at IS NULL OR end_at > ${param(openMissionsEndAfter(now()))}::timestamptz)`];
    if (domain) where.push(`domain = ${param(domain)}`);
    if (remote) where.push(`remote = ${param(remote)}`);
    if (q) where.push(`search_text LIKE ${param(likePattern(q.toLowerCase()))} ESCAPE '\\'`);
    let distanceSql = 'NULL::double precision';
    if (near) {
      // Great-circle distance in km (haversine), plain SQL so that it runs without PostGIS, PGlite included.
      const lat = param(near[0]);
      const lon = param(near[1]);
      distanceSql = `(6371 * 2 * asin(sqrt(power(sin(radians(lat - ${lat}) / 2), 2) + cos(radians(${lat})) * cos(radians(lat)) * power(sin(radians(lon - ${lon}) / 2), 2))))`;
      where.push(`lat IS NOT NULL AND ${distanceSql} <= ${param(distance)}`);
    }
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (await db.query<{n: number}>(`SELECT count(*)::int AS n FROM missions ${whereSql}`, params)).rows[0]?.n ?? 0;
    const rows = (
      await db.query<{data: Mission; distance: number | null; is_sample: boolean}>(
        `SELECT data, ${distanceSql} AS distance, is_sample FROM missions ${whereSql}
          ORDER BY ${near ? 'distance,' : ''} start_at NULLS LAST, id LIMIT ${param(limit)} OFFSET ${param(skip)}`,
        params
      )
    ).rows;
    const sample = rows.some((r) => r.is_sample);
    return {
      ok: true,
      total,
      limit,
      skip,
      data: rows.map((r) => (r.distance === null ? r.data : {...r.data, distanceKm: Math.round(r.distance * 10) / 10})),
      meta: sample ? {sample: true, note: SAMPLE_NOTE} : {},
    };
  });

  app.get('/v1/missions/:id', async (request) => {
    const id = storableText((request.params as {id: string}).id, 'id');
    const row = (await db.query<{data: Mission; is_sample: boolean}>('SELECT data, is_sample FROM missions WHERE id = $1', [id])).rows[0];
    if (!row) throw new ApiError(404, 'not_found', 'No mission with this id');
    return {ok: true, data: row.data, meta: row.is_sample ? {sample: true, note: SAMPLE_NOTE} : {}};
  });
}
