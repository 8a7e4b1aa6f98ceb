import {fetchJson} from '@lien/core';
import {readVolunteeringData} from '@lien/open-data/volunteeringdata.js';
import type {MissionDataSource} from '../sources.js';

/** A volunteeringdata.io document at `src`, filtered in the browser. */
export function volunteeringDataSource(src: string): MissionDataSource {
  return {load: async (_query, signal) => readVolunteeringData(await fetchJson(src, {signal}))};
}
