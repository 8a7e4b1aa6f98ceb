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

export function optionalString(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value === 'string' ? value : fail(field, 'a text');
}

