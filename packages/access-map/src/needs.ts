import {NEEDS, type Need} from '@lien/open-data/place.js';

/** `needs="wheelchair hearing"` (spaces or commas) → the known needs, in canonical order. */
export function parseNeeds(value: string | null | undefined): Need[] {
  const words = new Set((value ?? '').toLowerCase().split(/[\s,]+/));
  return NEEDS.filter((need) => words.has(need));
}
