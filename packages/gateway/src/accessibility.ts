/** A11yJSON-shaped accessibility, as the contract with <access-map> describes it. Every field optional. */
export interface Accessibility {
  accessibleWith?: Partial<Record<Impairment, boolean>>;
  partiallyAccessibleWith?: Partial<Record<Impairment, boolean>>;
  entrances?: Entrance[];
  parking?: {forWheelchairUsers?: {isAvailable?: boolean}};
  restrooms?: {isAccessibleWithWheelchair?: boolean}[];
  staff?: {isTrainedForDisabilities?: boolean; isTrainedInSigning?: boolean};
  hearingEquipment?: string[];
  hasInductionLoop?: boolean;
  hasTactileGuideStrips?: boolean;
  hasAudioDescription?: boolean;
  hasBrailleSignage?: boolean;
  description?: Record<string, string>;
}

export interface Entrance {
  isLevel?: boolean;
  hasFixedRamp?: boolean;
  hasRemovableRamp?: boolean;
  stairs?: {count?: number};
  door?: {width?: number};
  hasSoundBeacon?: boolean;
  needsHelp?: boolean;
}

type Impairment =
  | 'wheelchair'
  | 'mobilityImpairment'
  | 'visualImpairment'
  | 'blindness'
  | 'hearingImpairment'
  | 'learningImpairment';

export const NEEDS = ['wheelchair', 'walking', 'vision', 'hearing', 'cognitive'] as const;
export type Need = (typeof NEEDS)[number];
export type NeedStatus = 'yes' | 'partial' | 'no';

const needKeys: Record<Need, Impairment[]> = {
  wheelchair: ['wheelchair'],
  walking: ['mobilityImpairment'],
  vision: ['visualImpairment', 'blindness'],
  hearing: ['hearingImpairment'],
  cognitive: ['learningImpairment'],
};

/** The same derivation as the browser side: yes, partial, no, or undefined for unknown. */
export function needStatus(a: Accessibility, need: Need): NeedStatus | undefined {
  const keys = needKeys[need];
  if (keys.some((k) => a.accessibleWith?.[k] === true)) return 'yes';
  if (keys.some((k) => a.partiallyAccessibleWith?.[k] === true)) return 'partial';
  if (keys.some((k) => a.accessibleWith?.[k] === false)) return 'no';
  return undefined;
}

/** Drops empty objects and lists so that "absent" keeps meaning "unknown". */
export function pruneEmpty<T>(value: T): T | undefined {
  if (Array.isArray(value)) {
    const items = value.map((v) => pruneEmpty(v)).filter((v) => v !== undefined);
    return (items.length ? items : undefined) as T | undefined;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .map(([k, v]) => [k, pruneEmpty(v)] as const)
      .filter(([, v]) => v !== undefined);
    return (entries.length ? Object.fromEntries(entries) : undefined) as T | undefined;
  }
  return value === null ? undefined : value;
}
