import {matchesNeeds} from '@lien/open-data/place.js';
import type {Need, Place} from '@lien/open-data/place.js';
import {PlaceGrid} from './place-grid.js';
import type {Steps} from './slices.js';

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/** Slices of this many places between yields while filtering (each may fold a few strings). */
const FILTER_STRIDE = 1024;

/**
 * The places that meet every chosen need and contain the search words (in name, address or category,
 * accents and case ignored), gridded for the view. Without needs or words, the loaded array itself.
 */
export function* selectPlaces(places: Place[], needs: readonly Need[], q: string): Steps<PlaceGrid> {
  const words = fold(q.trim());
  let matching = places;
  if (needs.length || words) {
    matching = [];
    for (let i = 0; i < places.length; i++) {
      const p = places[i];
      if (matchesNeeds(p, needs) && (!words || fold(`${p.name} ${p.address ?? ''} ${p.category ?? ''}`).includes(words))) matching.push(p);
      if (i % FILTER_STRIDE === FILTER_STRIDE - 1) yield;
    }
  }
  return yield* PlaceGrid.build(matching);
}
