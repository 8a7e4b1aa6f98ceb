import {msg, str} from '@lit/localize';
import {fetchJson, LienError} from '@lien/core';

export interface Point {
  lat: number;
  lon: number;
}

/** The French government's open geography API, which knows each postcode's towns and their centres. */
export const GEO_API = 'https://geo.api.gouv.fr';

const COORDINATES = /^\s*(-?\d{1,2}(?:\.\d+)?)\s*,\s*(-?\d{1,3}(?:\.\d+)?)\s*$/;
const POSTCODE = /^\s*(\d{2}\s?\d{3})\s*$/;

/** What `near` holds: a point (`"48.85,2.35"`), a French postcode (`"75004"`), or nothing usable. */
export function readNear(value: string | undefined): {point: Point} | {postcode: string} | undefined {
  if (!value?.trim()) return undefined;
  const coordinates = COORDINATES.exec(value);
  if (coordinates) {
    const [lat, lon] = [Number(coordinates[1]), Number(coordinates[2])];
    if (Math.abs(lat) <= 90 && Math.abs(lon) <= 180) return {point: {lat, lon}};
  }
  const postcode = POSTCODE.exec(value);
  if (postcode) return {postcode: postcode[1]!.replace(/\s/g, '')};
  throw new LienError('validation', msg('Enter a French postcode (5 digits) or a position as "latitude,longitude".'), {field: 'near'});
}

/**
 * The centre of a French postcode: the mean of the centres of its towns (a postcode may cover several), from
 * `geo.api.gouv.fr/communes?codePostal=…&fields=centre` (`[{nom, code, centre: {type: 'Point', coordinates: [lon,
 * lat]}}]`). A postcode no town has is a validation error, said in words by the element.
 */
export async function postcodeCentre(postcode: string, signal: AbortSignal, api = GEO_API): Promise<Point> {
  const url = `${api.replace(/\/+$/, '')}/communes?codePostal=${encodeURIComponent(postcode)}&fields=centre,nom&format=json`;
  const towns = await fetchJson<unknown>(url, {signal});
  const centres = (Array.isArray(towns) ? towns : [])
    .map((t) => (t as {centre?: {coordinates?: unknown}})?.centre?.coordinates)
    .filter((c): c is [number, number] => Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number');
  if (!centres.length) throw new LienError('validation', msg(str`No French town has the postcode ${postcode}.`), {field: 'near'});
  const sum = centres.reduce((a, [lon, lat]) => ({lat: a.lat + lat, lon: a.lon + lon}), {lat: 0, lon: 0});
  return {lat: sum.lat / centres.length, lon: sum.lon / centres.length};
}
