/**
 * Lien's place: what `<access-map>` shows and what the gateway stores and serves as `/v1/places`. Accessibility is
 * A11yJSON-shaped (https://sozialhelden.github.io/a11yjson/), with a few fields A11yJSON lacks and French data has
 * (marked "Lien"). Every accessibility field is optional: absent means nobody said, which is shown as "unknown" and
 * never as "no".
 */

/** The five needs a person can filter by. */
export type Need = 'wheelchair' | 'walking' | 'vision' | 'hearing' | 'cognitive';
export const NEEDS: readonly Need[] = ['wheelchair', 'walking', 'vision', 'hearing', 'cognitive'];

/** How well a place suits a need. */
export type NeedStatus = 'yes' | 'partial' | 'no' | 'unknown';

/** Where a place's data comes from. */
export type PlaceSourceName = 'acceslibre' | 'osm' | 'a11yjson' | 'geojson' | 'sample';
export const PLACE_SOURCES: readonly PlaceSourceName[] = ['acceslibre', 'osm', 'a11yjson', 'geojson', 'sample'];

/** Text per language (`{en: …, fr: …}`; "und" when the language is not known). */
export type LocalizedText = Record<string, string>;

/** The A11yJSON keys the needs read, in `accessibleWith` and `partiallyAccessibleWith`. */
export interface AccessibleWith {
  wheelchair?: boolean;
  mobilityImpairment?: boolean;
  visualImpairment?: boolean;
  blindness?: boolean;
  hearingImpairment?: boolean;
  learningImpairment?: boolean;
}
export const ACCESSIBLE_WITH_KEYS: readonly (keyof AccessibleWith)[] = [
  'wheelchair',
  'mobilityImpairment',
  'visualImpairment',
  'blindness',
  'hearingImpairment',
  'learningImpairment',
];

/** A way in: the entrance, or (Lien) the path that leads to it. */
export interface Entrance {
  isLevel?: boolean;
  hasFixedRamp?: boolean;
  hasRemovableRamp?: boolean;
  hasElevator?: boolean;
  stairs?: {count?: number};
  /** Clear width of the door, in centimetres (the smallest width when the source gives a range). */
  door?: {width?: number};
  hasSoundBeacon?: boolean;
  needsHelp?: boolean;
}

export interface Accessibility {
  accessibleWith?: AccessibleWith;
  partiallyAccessibleWith?: AccessibleWith;
  entrances?: Entrance[];
  parking?: {
    forWheelchairUsers?: {
      isAvailable?: boolean;
      /** Lien: a space on the place's own grounds (Acceslibre `stationnement_pmr`). */
      onSite?: boolean;
      /** Lien: a space nearby, in the street or a car park (Acceslibre `stationnement_ext_pmr`). */
      nearby?: boolean;
    };
  };
  /** An empty list means the place has no toilets; absent means unknown. */
  restrooms?: {isAccessibleWithWheelchair?: boolean}[];
  staff?: {
    /** Lien: false when there is nobody to welcome visitors at all (Acceslibre `accueil_personnels: "aucun"`). */
    isPresent?: boolean;
    isTrainedForDisabilities?: boolean;
    isTrainedInSigning?: boolean;
    /** Languages the staff speak or sign (A11yJSON `staff.languages`, IETF tags: `fr`, `fsl`, `sgn-DE`…). */
    languages?: string[];
  };
  /** Lien: Acceslibre's codes: bim (induction loop), bmp (portable loop), lsf, lpc, sts (subtitles), autres. */
  hearingEquipment?: string[];
  hasInductionLoop?: boolean;
  hasTactileGuideStrips?: boolean;
  hasAudioDescription?: boolean;
  hasBrailleSignage?: boolean;
  description?: LocalizedText;
}

export interface Place {
  /** `<source>:<id at the source>`, unique across sources. */
  id: string;
  lat: number;
  lon: number;
  /** Always plain text (rendered as text, whatever it holds). May be empty for unnamed OSM objects. */
  name: string;
  category?: string;
  address?: string;
  phone?: string;
  website?: string;
  /** The place's page at its source. */
  infoPageUrl?: string;
  /** Where the place can be corrected at its source. */
  editPageUrl?: string;
  source: PlaceSourceName;
  /** ISO 8601, UTC. */
  updatedAt?: string;
  accessibility: Accessibility;
}

/** Who the data belongs to and under which licence; shown beside the map whenever its data is. */
export interface Attribution {
  /** e.g. "© OpenStreetMap contributors", "Données : acceslibre". */
  text: string;
  url?: string;
  license?: string;
  licenseUrl?: string;
}

/** A record a reader left out, and why ("no coordinates", "way without a centre"…). */
export interface Dropped {
  /** Where it was in the payload: `results[3]`, `elements[12]`, `features[0]`, or a CSV row number. */
  at: string;
  id?: string;
  reason: string;
}

/** What a reader makes of one payload. */
export interface PlacesRead {
  places: Place[];
  dropped: Dropped[];
  attribution: Attribution[];
}

/**
 * Needs derive from `accessibleWith` / `partiallyAccessibleWith`: yes → true in accessibleWith; partial → true in
 * partiallyAccessibleWith; no → false in accessibleWith; anything else is unknown. Vision reads blindness too.
 */
const NEED_KEYS: Record<Need, (keyof AccessibleWith)[]> = {
  wheelchair: ['wheelchair'],
  walking: ['mobilityImpairment'],
  vision: ['visualImpairment', 'blindness'],
  hearing: ['hearingImpairment'],
  cognitive: ['learningImpairment'],
};

export function needStatus(accessibility: Accessibility, need: Need): NeedStatus {
  const keys = NEED_KEYS[need];
  const full = accessibility.accessibleWith ?? {};
  const partial = accessibility.partiallyAccessibleWith ?? {};
  if (keys.some((k) => full[k] === true)) return 'yes';
  if (keys.some((k) => partial[k] === true)) return 'partial';
  if (keys.some((k) => full[k] === false)) return 'no';
  return 'unknown';
}

/** A place matches when every chosen need is met fully or partly. */
export function matchesNeeds(place: Place, needs: readonly Need[]): boolean {
  return needs.every((need) => {
    const status = needStatus(place.accessibility, need);
    return status === 'yes' || status === 'partial';
  });
}

/** Writes a need status into the A11yJSON pair (used by the readers that derive needs from facts). */
export function setStatus(accessibility: Accessibility, key: keyof AccessibleWith, status: NeedStatus): void {
  if (status === 'yes') (accessibility.accessibleWith ??= {})[key] = true;
  else if (status === 'no') (accessibility.accessibleWith ??= {})[key] = false;
  else if (status === 'partial') (accessibility.partiallyAccessibleWith ??= {})[key] = true;
}
