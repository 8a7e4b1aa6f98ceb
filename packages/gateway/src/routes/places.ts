import type {FastifyInstance} from 'fastify';
import {placeFeature, type DatasetLicence} from '@lien/open-data/lien.js';
import {NEEDS, PLACE_SOURCES, type Need, type Place} from '@lien/open-data/place.js';
import {compact} from '@lien/open-data/fields.js';
import type {Database} from '../db/database.js';
import {badRequest} from '../errors.js';
import {likePattern, queryInt, queryString} from './query.js';

const MAX_LIMIT = 2000;
const DEFAULT_LIMIT = 500;
/**
 * With `zoom` below this, a view holding more places than `limit` is answered as clusters: the places grouped by
 * their tile one zoom deeper (cells of 128 px on the map: cluster markers of about 40 px do not overlap), each with its count, centre and extent.
 */
export const CLUSTER_BELOW_ZOOM = 15;
/** The zoom of the tiles stored with each place (migrations/005_place_tiles.sql). */
const TILE_ZOOM = 20;

function parseBbox(value: string | undefined): number[] | undefined {
  if (value === undefined) return undefined;
  const parts = value.split(',').map((p) => Number(p.trim()));
  if (parts.length !== 4 || parts.some((p) => !Number.isFinite(p)))
    throw badRequest('bbox must be minLon,minLat,maxLon,maxLat (four numbers)', {bbox: 'four comma-separated numbers'});
  const [minLon, minLat, maxLon, maxLat] = parts as [number, number, number, number];
  if (minLon < -180 || maxLon > 180 || minLat < -90 || maxLat > 90 || minLon > maxLon || minLat > maxLat)
    throw badRequest('bbox is out of range or inverted', {bbox: 'minLon ≤ maxLon within ±180, minLat ≤ maxLat within ±90'});
  return parts;
}

function parseNeeds(value: string | undefined): Need[] {
  if (!value) return [];
  const needs = value.split(',').map((n) => n.trim()).filter(Boolean);
  const unknown = needs.filter((n) => !(NEEDS as readonly string[]).includes(n));
  if (unknown.length)
    throw badRequest(`unknown need(s): ${unknown.join(', ')}; use ${NEEDS.join(', ')}`, {needs: `one or more of ${NEEDS.join(', ')}`});
  return needs as Need[];
}

interface PlaceRow {
  id: string;
  source: string;
  name: string;
  category: string | null;
  address: string | null;
  phone: string | null;
  website: string | null;
  info_page_url: string | null;
  edit_page_url: string | null;
  lon: number;
  lat: number;
  accessibility: Place['accessibility'];
  updated_at: Date | string | null;
  licence_name: string;
  licence_url: string | null;
  attribution: string;
  is_sample: boolean;
}

/** A stored place as Lien's model: the same object the readers of `@lien/open-data` made at import. */
function placeOf(r: PlaceRow): Place {
  return compact<Place>({
    id: r.id,
    lat: r.lat,
    lon: r.lon,
    name: r.name,
    category: r.category ?? undefined,
    address: r.address ?? undefined,
    phone: r.phone ?? undefined,
    website: r.website ?? undefined,
    infoPageUrl: r.info_page_url ?? undefined,
    editPageUrl: r.edit_page_url ?? undefined,
    source: PLACE_SOURCES.find((s) => s === r.source) ?? 'geojson',
    updatedAt: r.updated_at === null ? undefined : new Date(r.updated_at).toISOString(),
    accessibility: r.accessibility,
  });
}

export function placesRoutes(app: FastifyInstance, db: Database): void {
  app.get('/v1/places', async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const bbox = parseBbox(queryString(query, 'bbox'));
    const needs = parseNeeds(queryString(query, 'needs'));
    const q = queryString(query, 'q', 200);
    const limit = queryInt(query, 'limit', {min: 1, max: MAX_LIMIT}) ?? DEFAULT_LIMIT;
    const zoom = queryInt(query, 'zoom', {min: 0, max: 22});

    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (bbox) {
      where.push(`p.lon BETWEEN ${param(bbox[0])} AND ${param(bbox[2])}`);
      where.push(`p.lat BETWEEN ${param(bbox[1])} AND ${param(bbox[3])}`);
    }
    // Column names come from the fixed NEEDS list, never from the request.
    for (const need of needs) where.push(`p.need_${need} IN ('yes', 'partial')`);
    if (q) where.push(`p.search_text LIKE ${param(likePattern(q.toLowerCase()))} ESCAPE '\\'`);
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    if (zoom !== undefined && zoom < CLUSTER_BELOW_ZOOM) {
      // The groups say how many places the view holds: more than the limit, they are the answer.
      const grouped = await clusters(db, filter, params, zoom, limit);
      if (grouped) {
        reply.type('application/geo+json; charset=utf-8');
        return grouped;
      }
    }
    const rows = (
      await db.query<PlaceRow>(
        `SELECT p.id, p.source, p.name, p.category, p.address, p.phone, p.website, p.info_page_url, p.edit_page_url,
                p.lon, p.lat, p.accessibility, p.updated_at, d.licence_name, d.licence_url, d.attribution, d.is_sample
           FROM places p JOIN datasets d ON d.id = p.dataset_id
          ${filter}
          ORDER BY p.name = '', p.name, p.id
          LIMIT ${param(limit + 1)}`,
        params
      )
    ).rows;
    const truncated = rows.length > limit;
    const shown = rows.slice(0, limit);
    reply.type('application/geo+json; charset=utf-8');
    return {type: 'FeatureCollection', features: shown.map((r) => placeFeature(placeOf(r))), meta: {count: shown.length, truncated, licenses: licencesOf(shown)}};
  });
}

type LicenceRow = Pick<PlaceRow, 'source' | 'licence_name' | 'licence_url' | 'attribution' | 'is_sample'>;

/** The licences of the datasets the rows come from, once each. */
function licencesOf(rows: LicenceRow[]): DatasetLicence[] {
  const licences = new Map<string, DatasetLicence>();
  for (const r of rows) {
    const key = `${r.source}|${r.licence_name}|${r.attribution}`;
    if (!licences.has(key))
      licences.set(key, compact({source: r.source, name: r.licence_name, url: r.licence_url ?? undefined, attribution: r.attribution, sample: r.is_sample || undefined}));
  }
  return [...licences.values()];
}

interface ClusterRow {
  n: number;
  accessible: number;
  lon: number;
  lat: number;
  min_lon: number;
  min_lat: number;
  max_lon: number;
  max_lat: number;
}

/**
 * The view's places as clusters, grouped in SQL by their tile one zoom below the view's (128 px cells): a Point at
 * the places' mean position with `cluster: true`, `count`, `accessible` (of them, accessible with a wheelchair, as a
 * map names its clusters) and `bbox` (where a click zooms to). `meta.count` is
 * how many places they hold; `meta.clustered` says the features are clusters. Undefined when the view holds no more
 * than `limit` places: they are the answer then.
 */
async function clusters(db: Database, filter: string, params: unknown[], zoom: number, limit: number) {
  const shift = Math.max(0, TILE_ZOOM - (zoom + 1));
  const rows = (
    await db.query<ClusterRow>(
      `SELECT count(*)::int AS n, (count(*) FILTER (WHERE p.need_wheelchair = 'yes'))::int AS accessible, avg(p.lon) AS lon, avg(p.lat) AS lat,
              min(p.lon) AS min_lon, min(p.lat) AS min_lat, max(p.lon) AS max_lon, max(p.lat) AS max_lat
         FROM places p ${filter}
        GROUP BY p.tile_x >> ${shift}, p.tile_y >> ${shift}`,
      params
    )
  ).rows;
  const total = rows.reduce((sum, r) => sum + r.n, 0);
  if (total <= limit) return undefined;
  const datasets = (
    await db.query<LicenceRow>(
      `SELECT d.source, d.licence_name, d.licence_url, d.attribution, d.is_sample FROM datasets d
        WHERE EXISTS (SELECT 1 FROM places p ${filter ? `${filter} AND` : 'WHERE'} p.dataset_id = d.id)`,
      params
    )
  ).rows;
  return {
    type: 'FeatureCollection',
    features: rows.map((r) => ({
      type: 'Feature',
      geometry: {type: 'Point', coordinates: [r.lon, r.lat]},
      properties: {cluster: true, count: r.n, accessible: r.accessible, bbox: [r.min_lon, r.min_lat, r.max_lon, r.max_lat]},
    })),
    meta: {count: total, truncated: false, clustered: true, licenses: licencesOf(datasets)},
  };
}
