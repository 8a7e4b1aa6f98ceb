import {fetchJson} from '@lien/core';
import {readMissions} from '@lien/open-data/api-engagement.js';
import type {MissionDataSource} from '../sources.js';

/** A list of missions in API Engagement's (or Lien's) shape at `src`, filtered in the browser. */
export function jsonSource(src: string): MissionDataSource {
  return {load: async (_query, signal) => readMissions(await fetchJson(src, {signal}), 'json')};
}
