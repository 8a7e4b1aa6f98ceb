/**
 * The one place model every source normalizes to: the `properties` of the gateway's `/v1/places`
 * features (A11yJSON-shaped) plus the position. Every accessibility field is optional: absent means
 * nobody said, which is shown as "unknown" and never as "no".
 */

/** The five needs a person can filter by. */
export type Need = 'wheelchair' | 'walking' | 'vision' | 'hearing' | 'cognitive';
export const NEEDS: readonly Need[] = ['wheelchair', 'walking', 'vision', 'hearing', 'cognitive'];

/** How well a place suits a need, derived from its accessibility data. */
export type NeedStatus = 'yes' | 'partial' | 'no' | 'unknown';

/** Where a place's data comes from. */
export type PlaceSourceName = 'acceslibre' | 'osm' | 'a11yjson' | 'geojson' | 'sample';

/** Text per language (`{en: …, fr: …}`), as A11yJSON and OSM `*:description:<lang>` give it. */
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

export interface Entrance {
  isLevel?: boolean;
  hasFixedRamp?: boolean;
  hasRemovableRamp?: boolean;
  hasElevator?: boolean;
  stairs?: {count?: number};
  /** Clear width of the door, in centimetres. */
  door?: {width?: number};
  hasSoundBeacon?: boolean;
  needsHelp?: boolean;
}

export interface Accessibility {
  accessibleWith?: AccessibleWith;
  partiallyAccessibleWith?: AccessibleWith;
  entrances?: Entrance[];
  parking?: {forWheelchairUsers?: {isAvailable?: boolean}};
  /** An empty list means the place has no toilets; absent means unknown. */
  restrooms?: {isAccessibleWithWheelchair?: boolean}[];
  staff?: {isTrainedForDisabilities?: boolean; isTrainedInSigning?: boolean};
  /** Acceslibre's codes: bim (induction loop), bmp (portable loop), lsf, lpc, sts (subtitles). */
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
  /** ISO 8601. */
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
