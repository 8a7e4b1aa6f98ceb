import {msg, str} from '@lit/localize';
import {LienError} from './errors.js';

/** The locale every formatter uses when none is given: the page's, through the shared locale state. */
import {currentLocale} from './localization.js';

const WHITESPACE = /[\s\u00a0\u202f]/g;

function separators(locale: string): {group: string; decimal: string} {
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  return {
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
  };
}

/**
 * Reads a number typed by a person in their locale: "7,5" in French is 7.5, "1 000,50" is 1000.5, "7.5"
 * is also 7.5 in French (a dot cannot be a group separator there). Anything else is a `validation`
 * error, never NaN.
 */
export function parseLocaleNumber(input: string, locale: string = currentLocale()): number {
  const {group, decimal} = separators(locale);
  let text = input.trim().replace(WHITESPACE, '');
  // The message is shown as is (describeError): it is written in the page's language.
  const invalid = () => new LienError('validation', msg(str`“${input.trim()}” is not a number.`), {field: 'number'});
  if (text === '') throw invalid();
  const groupIsSpace = group.replace(WHITESPACE, '') === '';
  if (!groupIsSpace && text.includes(group)) {
    // Group separators must cut the whole part into threes: "1,000" yes, "7,5" (in English) no.
    const [whole] = text.split(decimal);
    const groups = whole.replace(/^[+-]/, '').split(group);
    if (groups[0] === '' || groups.slice(1).some((g) => !/^\d{3}$/.test(g))) throw invalid();
    text = text.split(group).join('');
  }
  if (decimal !== '.' && !text.includes(decimal) && text.split('.').length === 2 && groupIsSpace) {
    text = text.replace('.', decimal);
  }
  if (decimal !== '.') {
    if (text.includes('.')) throw invalid();
    text = text.replace(decimal, '.');
  }
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)) throw invalid();
  return Number(text);
}

/** One formatter per locale and options: making one is costly (the first of a page, tens of milliseconds). */
const formatters = new Map<string, Intl.NumberFormat>();

export function formatNumber(value: number, options?: Intl.NumberFormatOptions, locale = currentLocale()) {
  // Below a thousand, a whole number is its digits in every language Lien speaks: no formatter needed.
  if (!options && Number.isInteger(value) && value >= 0 && value < 1000) return String(value);
  const key = `${locale}|${options ? JSON.stringify(options) : ''}`;
  let formatter = formatters.get(key);
  if (!formatter) formatters.set(key, (formatter = new Intl.NumberFormat(locale, options)));
  return formatter.format(value);
}

/** Money as people read it in their locale: "34,00 €" in French, "€34.00" in English. */
export function formatMoney(value: number, currency = 'EUR', locale = currentLocale()): string {
  const whole = Number.isInteger(value);
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(value);
}

export function formatDate(value: Date | string, options?: Intl.DateTimeFormatOptions, locale = currentLocale()) {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale, options ?? {dateStyle: 'long'}).format(date);
}
