import {LienError} from './errors.js';

/**
 * Small readers that sources use to parse upstream payloads defensively: unknown fields are ignored, a
 * field of the wrong type is rejected with a `parse` error that names it (`results[3].geom.coordinates`).
 */
export type Json = null | boolean | number | string | Json[] | {[key: string]: Json};
export type JsonObject = {[key: string]: unknown};

function fail(field: string, expected: string): never {
  throw new LienError('parse', `Expected ${expected} at "${field}"`, {field});
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readObject(value: unknown, field: string): JsonObject {
  return isObject(value) ? value : fail(field, 'an object');
}

export function readArray(value: unknown, field: string): unknown[] {
  return Array.isArray(value) ? value : fail(field, 'a list');
}

export function readString(value: unknown, field: string): string {
  return typeof value === 'string' ? value : fail(field, 'a text');
}

/** A finite number; numeric strings are accepted because many APIs quote their numbers. */
export function readNumber(value: unknown, field: string): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : fail(field, 'a number');
}

export function optionalString(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return readString(value, field);
}

export function optionalNumber(value: unknown, field: string): number | undefined {
  return value === undefined || value === null || value === '' ? undefined : readNumber(value, field);
}

export function optionalBoolean(value: unknown, field: string): boolean | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'True' || value === 1) return true;
  if (value === 'false' || value === 'False' || value === 0) return false;
  return fail(field, 'true or false');
}

/** Latitude and longitude within the Earth's ranges, else a parse error naming the field. */
export function readLatLon(lat: unknown, lon: unknown, field: string): [number, number] {
  const la = readNumber(lat, `${field}.lat`);
  const lo = readNumber(lon, `${field}.lon`);
  if (la < -90 || la > 90) fail(`${field}.lat`, 'a latitude between -90 and 90');
  if (lo < -180 || lo > 180) fail(`${field}.lon`, 'a longitude between -180 and 180');
  return [la, lo];
}
