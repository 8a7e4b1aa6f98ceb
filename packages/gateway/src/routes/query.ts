import {badRequest} from '../errors.js';
import {unstorable} from '../text-rules.js';

/** One query parameter as text; a repeated parameter is refused rather than guessed at. */
export function queryString(query: Record<string, unknown>, name: string, maxLength = 500): string | undefined {
  const value = query[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw badRequest(`${name} must be given once`, {[name]: 'given more than once'});
  if (value.length > maxLength) throw badRequest(`${name} is too long (at most ${maxLength} characters)`, {[name]: 'too long'});
  return storableText(value, name);
}

/** `value` when it can be stored and compared as text, else a 400 naming `name`. */
export function storableText(value: string, name: string): string {
  const problem = unstorable(value);
  if (problem) throw badRequest(`${name} ${problem}`, {[name]: problem});
  return value;
}

export function queryInt(query: Record<string, unknown>, name: string, range: {min: number; max: number}): number | undefined {
  const value = queryString(query, name);
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^-?\d+$/.test(value) || n < range.min || n > range.max)
    throw badRequest(`${name} must be a whole number from ${range.min} to ${range.max}`, {[name]: `integer ${range.min}–${range.max}`});
  return n;
}

/** A LIKE pattern matching the text anywhere, with the user's % _ and \ taken literally. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
