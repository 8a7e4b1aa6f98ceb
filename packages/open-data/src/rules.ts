import type {Entrance, NeedStatus} from './place.js';

/**
 * The rules that turn facts about a place into a need status. Each is written once, here, with where it comes
 * from; every reader that derives a status (Acceslibre, A11yJSON without `accessibleWith`, OSM) calls them.
 */

/**
 * The narrowest door a wheelchair is taken to pass: 80 cm, as Acceslibre decides it (MTES-MCT/acceslibre
 * `erp/models.py` `entrance_has_min_width`, `erp/schema.py` "Largeur d'au moins 80 cm", and its widget's "entrée
 * … mais étroite" below 80), which is also the French minimum door width for buildings open to the public
 * (arrêté du 8 décembre 2014, art. 10).
 */
export const MIN_DOOR_WIDTH_CM = 80;

/**
 * Whether a passage (an entrance, or the path to it) can be crossed without climbing a step: level, a ramp (fixed,
 * or removable and set up on request: Acceslibre's `entrance_has_ramp` counts both) or a lift.
 */
export function isStepFree(way: Entrance): boolean | undefined {
  if (way.isLevel === true || way.hasFixedRamp === true || way.hasRemovableRamp === true || way.hasElevator === true) return true;
  if (way.isLevel === false) return false;
  return undefined;
}

/**
 * A wheelchair at one passage:
 * - step-free and wide enough (or width not known): yes; step-free but narrower than the minimum: partial
 *   (Acceslibre's "accessible … mais étroite");
 * - steps and, said explicitly, no ramp of either kind and no lift: no;
 * - anything else (steps, but nobody said whether there is a ramp): unknown — a wrong "no" keeps people away.
 */
export function wheelchairAt(way: Entrance): NeedStatus {
  const stepFree = isStepFree(way);
  const narrow = way.door?.width !== undefined && way.door.width < MIN_DOOR_WIDTH_CM;
  if (stepFree === true) return narrow ? 'partial' : 'yes';
  if (stepFree === false && way.hasFixedRamp === false && way.hasRemovableRamp === false && way.hasElevator !== true) return 'no';
  return 'unknown';
}

/**
 * Difficulty walking at one passage: step-free is yes; a single step, or steps with a handrail, is partial
 * (`handrail`: Acceslibre's `entree_marches_main_courante`). Steps are never "no": many people who walk with
 * difficulty climb a few.
 */
export function walkingAt(way: Entrance, handrail?: boolean): NeedStatus {
  if (isStepFree(way) === true) return 'yes';
  const steps = way.stairs?.count;
  if (way.isLevel === false && ((steps !== undefined && steps <= 1) || handrail === true)) return 'partial';
  return 'unknown';
}

const ORDER: NeedStatus[] = ['no', 'partial', 'yes'];

/**
 * The status of a route made of passages, taken in turn (the path outside, then the door): the worst known one
 * decides, since a wheelchair stopped at the first never reaches the second; when one is unknown, the route can at
 * best be unknown, unless another already says no.
 */
export function worstOf(statuses: NeedStatus[]): NeedStatus {
  if (statuses.includes('no')) return 'no';
  if (statuses.includes('unknown')) return 'unknown';
  return statuses.reduce<NeedStatus>((worst, s) => (ORDER.indexOf(s) < ORDER.indexOf(worst) ? s : worst), 'yes');
}

/**
 * OSM's `wheelchair=*` (https://wiki.openstreetmap.org/wiki/Key:wheelchair): yes and designated are yes; limited
 * (a step of up to 7 cm, or partly usable) is partial; no is no; a missing or unknown value is unknown, never no.
 */
export function osmWheelchair(value: string | undefined): NeedStatus {
  switch (value?.trim().toLowerCase()) {
    case 'yes':
    case 'designated':
      return 'yes';
    case 'limited':
      return 'partial';
    case 'no':
      return 'no';
    default:
      return 'unknown';
  }
}
