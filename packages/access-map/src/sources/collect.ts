import {LienError, isObject} from '@lien/core';
import type {LocalizedText, Place} from '../place.js';

/** The most places one answer may bring; beyond it the rest is left out and the result says truncated. */
export const MAX_PLACES = 50_000;

/**
 * Gathers parsed places, leaving out (and counting) the records without a usable position, so that one
 * bad record never hides the good ones.
 */
export class PlaceCollector {
  readonly places: Place[] = [];
  dropped = 0;
  truncated = false;

  /** Adds the place built by `build`, or counts it as dropped when its position is unusable. */
  add(build: () => Place | undefined): void {
    if (this.places.length >= MAX_PLACES) {
      this.truncated = true;
      return;
    }
    let place: Place | undefined;
    try {
      place = build();
    } catch (error) {
      if (error instanceof LienError && error.kind === 'parse') {
        this.dropped++;
        return;
      }
      throw error;
    }
    if (place) this.places.push(place);
  }
}

/**
 * A position in range, else a parse error (which the collector counts as a dropped place). 0,0 — a point
 * in the Gulf of Guinea — is the placeholder of exports that had no position: dropped too.
 */
export function position(lat: unknown, lon: unknown, field: string): {lat: number; lon: number} {
  const ok = (v: unknown) => typeof v === 'number' || (typeof v === 'string' && v.trim() !== '');
  const la = ok(lat) ? Number(lat) : NaN;
  const lo = ok(lon) ? Number(lon) : NaN;
  if (!(la >= -90 && la <= 90 && lo >= -180 && lo <= 180) || (la === 0 && lo === 0)) {
    throw new LienError('parse', `No valid position at "${field}"`, {field});
  }
  return {lat: la, lon: lo};
}

/** Plain text from a value that may be a string or an `{en, fr}` object; anything else is ignored. */
export function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  if (isObject(value)) {
    const first = Object.values(value).find((v) => typeof v === 'string' && v.trim());
    return first as string | undefined;
  }
  return undefined;
}

/** `{en: …, fr: …}` from a string (language unknown: stored under "und") or an object of strings. */
export function localized(value: unknown): LocalizedText | undefined {
  if (typeof value === 'string') return value.trim() ? {und: value.trim()} : undefined;
  if (!isObject(value)) return undefined;
  const out: LocalizedText = {};
  for (const [lang, v] of Object.entries(value)) if (typeof v === 'string' && v.trim()) out[lang] = v.trim();
  return Object.keys(out).length ? out : undefined;
}

/** The value when it is a boolean (or a "true"/"false" text), else undefined: wrong types are unknown. */
export function bool(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'True') return true;
  if (value === 'false' || value === 'False') return false;
  return undefined;
}

/** A finite number (or numeric text), else undefined. */
export function num(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/** An http(s) URL, else undefined: a `javascript:` link from upstream never reaches an `href`. */
export function httpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Drops undefined members so that "absent = unknown" holds in the model. */
export function compact<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
}
