import {needStatus, type Place} from '@lien/open-data/place.js';

/** 1 for each place accessible with a wheelchair: clusters count them, and say so in their names. */
export const accessibleMarks = (places: readonly Place[]) => Uint8Array.from(places, (p) => (needStatus(p.accessibility, 'wheelchair') === 'yes' ? 1 : 0));

/** The places' positions as two columns, as the clustering takes them (it may take them away to its worker). */
export const positionsOf = (places: readonly Place[]) => ({lon: Float64Array.from(places, (p) => p.lon), lat: Float64Array.from(places, (p) => p.lat)});
