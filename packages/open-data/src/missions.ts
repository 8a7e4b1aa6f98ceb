import {num, positionProblem, text} from './fields.js';
import {isObject} from './read.js';

/**
 * Volunteer missions: Lien's model and its rules. One reader per format that publishes them sits beside it
 * (`api-engagement.ts`, `volunteeringdata.ts`); the gateway stores what they give and serves it as `/v1/missions`,
 * and the browser reads the same formats with the same code.
 */

export type MissionSource = 'api-engagement' | 'volunteeringdata' | 'lien' | 'json';
export type RemoteWork = 'no' | 'possible' | 'full' | 'local';
export const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export const MOMENTS = ['morning', 'afternoon', 'evening'] as const;
export type Day = (typeof DAYS)[number];
export type Moment = (typeof MOMENTS)[number];

export interface MissionAddress {
  street?: string;
  city?: string;
  postalCode?: string;
  departmentCode?: string;
  departmentName?: string;
  location?: {lat: number; lon: number};
}

export interface Mission {
  id: string;
  title: string;
  /** Plain text. */
  description?: string;
  /** HTML as published: never shown unsanitized. */
  descriptionHtml?: string;
  /** Where the upstream takes applications (the element signs people up itself unless told otherwise). */
  applicationUrl?: string;
  domain?: string;
  activities: string[];
  skills: string[];
  /** How often, as the publisher wrote it ("One evening per week"). */
  schedule?: string;
  /** When the mission takes place: day and moment slots (volunteeringdata). */
  times?: {day: Day; moment: Moment}[];
  startAt?: string;
  endAt?: string;
  postedAt?: string;
  places?: number;
  remote?: RemoteWork;
  minimumAge?: number;
  openToMinors?: boolean;
  reducedMobilityAccessible?: boolean;
  organizationName?: string;
  organizationLogo?: string;
  organizationUrl?: string;
  city?: string;
  postalCode?: string;
  departmentCode?: string;
  addresses: MissionAddress[];
  location?: {lat: number; lon: number};
  /** Kilometres from the point a search was made around, when the server computed it. */
  distanceKm?: number;
  source: MissionSource;
  /** Example content shipped with the gateway, not a real mission. */
  sample?: boolean;
}

/** A list of missions read from one answer, with the ones left out and why. */
export interface MissionPage {
  missions: Mission[];
  /** How many the upstream says match, when it says. */
  total?: number;
  rejected: {at: string; reason: string}[];
}


/** A position `{lat, lon}` (or `{latitude, longitude}`, numbers or text) that the place readers would keep. */
export function missionLocation(value: unknown): {lat: number; lon: number} | undefined {
  if (!isObject(value)) return undefined;
  const lat = num(value.lat ?? value.latitude);
  const lon = num(value.lon ?? value.longitude);
  return positionProblem(lat, lon) === undefined ? {lat: lat!, lon: lon!} : undefined;
}

/** The texts of a list (at most `max` characters each). */
export const texts = (value: unknown, max = 100): string[] =>
  Array.isArray(value) ? value.map((v) => text(v, max)).filter((v): v is string => v !== undefined) : [];

/**
 * The oldest end date of a mission still open at `now`: a mission ending today stays open until the day is over
 * everywhere (a day after its end), so that a same-day signup is never refused on a time-zone technicality. The
 * gateway's query and the browser's list both use it.
 */
export function openMissionsEndAfter(now: number): string {
  return new Date(now - 86_400_000).toISOString();
}

/** Whether a mission is over: its end date has passed (see `openMissionsEndAfter`). No end date: never over. */
export function missionEnded(mission: Pick<Mission, 'endAt'>, now: number): boolean {
  return mission.endAt !== undefined && mission.endAt <= openMissionsEndAfter(now);
}
