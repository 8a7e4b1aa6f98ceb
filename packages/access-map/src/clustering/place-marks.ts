import {needStatus, type Place} from '@lien/open-data/place.js';

/** 1 for each place accessible with a wheelchair: clusters count them, and say so in their names. */
export const accessibleMarks = (places: readonly Place[]) => Uint8Array.from(places, (p) => (needStatus(p.accessibility, 'wheelchair') === 'yes' ? 1 : 0));
