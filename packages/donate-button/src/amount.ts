import {msg, str} from '@lit/localize';
import {formatMoney, LienError, parseLocaleNumber} from '@lien/core';

/**
 * The amount a visitor typed, read in the page's language ("7,5" in French is 7.50 €, "1 000" is 1,000 €), within
 * `min`–`max` and with at most two decimals; otherwise a validation error that says why, in words.
 */
export function readAmount(text: string, bounds: {min: number; max: number; currency: string}): number {
  let amount: number;
  try {
    amount = parseLocaleNumber(text);
  } catch (error) {
    throw new LienError('validation', (error as Error).message, {field: 'amount'});
  }
  const {min, max, currency} = bounds;
  if (amount < min || amount > max) {
    throw new LienError('validation', msg(str`Give an amount from ${formatMoney(min, currency)} to ${formatMoney(max, currency)}.`), {field: 'amount'});
  }
  if (Math.round(amount * 100) !== amount * 100 && Math.abs(Math.round(amount * 100) - amount * 100) > 1e-6) {
    throw new LienError('validation', msg('An amount has at most two decimals.'), {field: 'amount'});
  }
  return amount;
}

/** `amounts="10 25 50"` (spaces or commas) → the positive amounts, in order, without repeats. */
export function parseAmounts(value: string | null | undefined): number[] {
  const out: number[] = [];
  for (const word of (value ?? '').split(/[\s,;]+/)) {
    const n = Number(word);
    if (word && Number.isFinite(n) && n > 0 && !out.includes(n)) out.push(n);
  }
  return out;
}
