import type {Accessibility, AccessibleWith, Need, NeedStatus, Place} from './place.js';
import {NEEDS} from './place.js';

/**
 * Needs derive from A11yJSON's `accessibleWith` / `partiallyAccessibleWith` the same way as the gateway:
 * yes → true in accessibleWith; partial → true in partiallyAccessibleWith; no → false in accessibleWith;
 * anything else is unknown. Vision reads blindness too.
 */
const KEYS: Record<Need, (keyof AccessibleWith)[]> = {
  wheelchair: ['wheelchair'],
  walking: ['mobilityImpairment'],
  vision: ['visualImpairment', 'blindness'],
  hearing: ['hearingImpairment'],
  cognitive: ['learningImpairment'],
};

export function needStatus(accessibility: Accessibility, need: Need): NeedStatus {
  const keys = KEYS[need];
  const full = accessibility.accessibleWith ?? {};
  const partial = accessibility.partiallyAccessibleWith ?? {};
  if (keys.some((k) => full[k] === true)) return 'yes';
  if (keys.some((k) => partial[k] === true)) return 'partial';
  if (keys.some((k) => full[k] === false)) return 'no';
  return 'unknown';
}

/** A place matches when every chosen need is met fully or partly (as `needs=` on the gateway). */
export function matchesNeeds(place: Place, needs: readonly Need[]): boolean {
  return needs.every((need) => {
    const status = needStatus(place.accessibility, need);
    return status === 'yes' || status === 'partial';
  });
}

/** `needs="wheelchair hearing"` (spaces or commas) → the known needs, in canonical order. */
export function parseNeeds(value: string | null | undefined): Need[] {
  const words = new Set((value ?? '').toLowerCase().split(/[\s,]+/));
  return NEEDS.filter((need) => words.has(need));
}

/** Sets one key of an A11yJSON status pair from a need status (used by the source mappings). */
export function setStatus(accessibility: Accessibility, key: keyof AccessibleWith, status: NeedStatus): void {
  if (status === 'yes') (accessibility.accessibleWith ??= {})[key] = true;
  else if (status === 'no') (accessibility.accessibleWith ??= {})[key] = false;
  else if (status === 'partial') (accessibility.partiallyAccessibleWith ??= {})[key] = true;
}
