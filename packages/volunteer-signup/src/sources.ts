import {msg, str} from '@lit/localize';
import {LienError} from '@lien/core';
import {missionEnded, type Mission, type MissionPage, type RemoteWork} from '@lien/open-data/missions.js';

/** What a visitor (or the page) asks of the list. */
export interface MissionQuery {
  domain?: string;
  near?: {lat: number; lon: number};
  /** Kilometres around `near` (default 25). */
  distance?: number;
  remote?: RemoteWork;
  q?: string;
}

/**
 * Where missions come from. `lien` and `api-engagement` filter on the server; the others answer a whole list, which
 * the element filters itself. Any object of this shape can be given as the element's `dataSource`.
 */
export interface MissionDataSource {
  load(query: MissionQuery, signal: AbortSignal): Promise<MissionPage>;
  /** One mission by its id, for `mission="…"` (otherwise looked for in the list). */
  loadOne?(id: string, signal: AbortSignal): Promise<Mission | undefined>;
}

export type MissionSourceName = 'lien' | 'api-engagement' | 'volunteeringdata' | 'json';
export const MISSION_SOURCES: readonly MissionSourceName[] = ['lien', 'api-engagement', 'volunteeringdata', 'json'];

/** How many missions a server is asked for at once. */
export const LIMIT = 50;


/** Great-circle distance in kilometres. */
export function kilometres(a: {lat: number; lon: number}, b: {lat: number; lon: number}): number {
  const rad = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/**
 * The query applied in the browser, for sources that answer a whole list, and the rule every list keeps: ended
 * missions are never shown (an upstream may still list them). Around a point, a mission done from home is kept.
 */
export function filterMissions(page: MissionPage, query: MissionQuery, now: number, local: boolean): MissionPage {
  const words = query.q?.toLowerCase().split(/\s+/).filter(Boolean) ?? [];
  const missions = page.missions.filter((m) => {
    if (missionEnded(m, now)) return false;
    if (!local) return true;
    if (query.domain && m.domain !== query.domain) return false;
    if (query.remote && m.remote !== query.remote) return false;
    if (query.near && m.remote !== 'full') {
      if (!m.location || kilometres(query.near, m.location) > (query.distance ?? 25)) return false;
    }
    const haystack = [m.title, m.organizationName, m.city, m.description, m.domain, ...m.activities, ...m.skills].join(' ').toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
  return {...page, missions, total: local ? missions.length : page.total};
}

/**
 * The data source for a `source` name and its `src`, its reader fetched then (a page loads the one it names); a
 * missing `src` or an unknown name is a setting error. `local`: the source answers whole lists, filtered here.
 */
export async function missionSource(name: string, src: string | undefined): Promise<{source: MissionDataSource; local: boolean}> {
  const wrong = (field: string) => new LienError('validation', msg(str`The missions cannot be shown: the setting "${field}" is missing or wrong.`), {field});
  if (!src) throw wrong('src');
  switch (name) {
    case 'lien':
      return {source: (await import('./sources/lien.js')).lienSource(src), local: false};
    case 'api-engagement':
      return {source: (await import('./sources/api-engagement.js')).apiEngagementSource(src), local: false};
    case 'volunteeringdata':
      return {source: (await import('./sources/volunteeringdata.js')).volunteeringDataSource(src), local: true};
    case 'json':
      return {source: (await import('./sources/json.js')).jsonSource(src), local: true};
    default:
      throw wrong('source');
  }
}
