import {ACCESSIBLE_WITH_KEYS, type Accessibility, type AccessibleWith, type Entrance} from './place.js';
import {bool, compact, localized, num, text, words} from './fields.js';
import {isObject} from './read.js';

/**
 * Reads an A11yJSON-shaped `accessibility` object (A11yJSON's own, or Lien's, which adds a few fields), keeping the
 * fields Lien shows, each type-checked: a field of the wrong type is unknown. Nothing is derived here.
 */
export function readAccessibility(value: unknown): Accessibility {
  if (!isObject(value)) return {};
  const parking = isObject(value.parking) && isObject(value.parking.forWheelchairUsers) ? value.parking.forWheelchairUsers : undefined;
  const staff = isObject(value.staff) ? value.staff : undefined;
  const equipment = words(value.hearingEquipment);
  // `languages` in current A11yJSON; `spokenLanguages` (deprecated, with the sign languages too) in older documents.
  const languages = staff ? words(staff.languages ?? staff.spokenLanguages) : [];
  return compact<Accessibility>({
    accessibleWith: statusSet(value.accessibleWith),
    partiallyAccessibleWith: statusSet(value.partiallyAccessibleWith),
    entrances: Array.isArray(value.entrances) ? nonEmpty(value.entrances.map(readEntrance).filter((e): e is Entrance => !!e)) : undefined,
    parking: parking && {
      // A11yJSON gives a `count` of spaces; its documents (and Lien's) also say `isAvailable`.
      forWheelchairUsers: {isAvailable: bool(parking.isAvailable) ?? (num(parking.count) !== undefined ? num(parking.count)! > 0 : undefined), onSite: bool(parking.onSite), nearby: bool(parking.nearby)},
    },
    restrooms: Array.isArray(value.restrooms) ? value.restrooms.map(feature).filter(isObject).map((r) => compact({isAccessibleWithWheelchair: bool(r.isAccessibleWithWheelchair)})) : undefined,
    staff: staff && {
      isPresent: bool(staff.isPresent),
      isTrainedForDisabilities: bool(staff.isTrainedForDisabilities),
      isTrainedInSigning: bool(staff.isTrainedInSigning),
      languages: nonEmpty(languages),
    },
    hearingEquipment: nonEmpty(equipment),
    hasInductionLoop: bool(value.hasInductionLoop),
    hasTactileGuideStrips: bool(value.hasTactileGuideStrips),
    hasAudioDescription: bool(value.hasAudioDescription),
    hasBrailleSignage: bool(value.hasBrailleSignage),
    description: localized(value.description),
  });
}

function nonEmpty<T>(list: T[]): T[] | undefined {
  return list.length ? list : undefined;
}

function statusSet(value: unknown): AccessibleWith | undefined {
  if (!isObject(value)) return undefined;
  const out: AccessibleWith = {};
  for (const key of ACCESSIBLE_WITH_KEYS) if (typeof value[key] === 'boolean') out[key] = value[key] as boolean;
  return out;
}

/**
 * A11yJSON's objects come flat (`{isLevel: true}`, the spec's examples) or as GeoJSON features with the facts
 * under `properties` (`{type: "Feature", properties: {isLevel: true}}`, accessibility.cloud's answers).
 */
function feature(value: unknown): unknown {
  return isObject(value) && isObject(value.properties) ? value.properties : value;
}

function readEntrance(value: unknown): Entrance | undefined {
  const e = feature(value);
  if (!isObject(e)) return undefined;
  const stairs = isObject(e.stairs) ? num(e.stairs.count ?? e.stairs.stepCount) : undefined;
  const width = isObject(e.door) ? centimetres(e.door.width) : undefined;
  const out = compact<Entrance>({
    isLevel: bool(e.isLevel),
    hasFixedRamp: bool(e.hasFixedRamp),
    hasRemovableRamp: bool(e.hasRemovableRamp),
    hasElevator: bool(e.hasElevator),
    stairs: stairs !== undefined ? {count: stairs} : undefined,
    door: width !== undefined ? {width} : undefined,
    hasSoundBeacon: bool(e.hasSoundBeacon),
    needsHelp: bool(e.needsHelp),
  });
  return Object.keys(out).length ? out : undefined;
}

const UNIT_CM: Record<string, number> = {cm: 1, mm: 0.1, m: 100, in: 2.54, inch: 2.54, '"': 2.54, ft: 30.48};

/**
 * An A11yJSON length in centimetres: a number (taken as cm), `{value, unit}`, or a quantity text — "90cm",
 * "0.9 m", ">250cm" (at least 250), "100 .. 120cm" (a range: its smallest value, the width a wheelchair can
 * count on). Anything else is unknown.
 */
export function centimetres(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? Math.round(value) : undefined;
  if (isObject(value)) {
    const n = num(value.value ?? value.min);
    const unit = text(value.unit)?.toLowerCase() ?? 'cm';
    return n !== undefined && UNIT_CM[unit] ? Math.round(n * UNIT_CM[unit]!) : undefined;
  }
  const t = text(value)?.toLowerCase().replace(/\s+/g, '');
  const match = t?.match(/^(?:>=?|≥)?(\d+(?:[.,]\d+)?)(?:\.\.\.?(?:\d+(?:[.,]\d+)?))?(cm|mm|m|in|inch|"|ft)?$/);
  if (!match) return undefined;
  const n = Number(match[1]!.replace(',', '.'));
  return Math.round(n * UNIT_CM[match[2] ?? 'cm']!);
}
