/**
 * The French income-tax reduction for gifts to associations (Code général des impôts, art. 200): 66 % of the
 * gift; 75 % for bodies that help people in difficulty (free meals, housing, care: art. 200-1 ter, "loi Coluche")
 * up to a yearly ceiling, 66 % above it. The reduction is also capped at 20 % of the donor's taxable income,
 * which a web page does not know: the figures assume the gift is within it.
 */

/** The rates a `tax-rate` attribute may name, in percent; 0 shows no tax note. */
export type TaxRate = 0 | 66 | 75;

/**
 * The yearly ceiling of the 75 % rate, by the date the gift is made: €1,000 until 13 October 2025, €2,000 for gifts
 * made from 14 October 2025 (loi de finances pour 2026). The one place to change when the law does.
 */
export const COLUCHE_CEILINGS: readonly {from: string; euros: number}[] = [
  {from: '2020-01-01', euros: 1000},
  {from: '2025-10-14', euros: 2000},
];

/** The 75 % ceiling for a gift made on `date` (YYYY-MM-DD or a Date). */
export function colucheCeiling(date: string | Date): number {
  const day = typeof date === 'string' ? date.slice(0, 10) : date.toISOString().slice(0, 10);
  let ceiling = COLUCHE_CEILINGS[0]!.euros;
  for (const step of COLUCHE_CEILINGS) if (day >= step.from) ceiling = step.euros;
  return ceiling;
}

const cents = (euros: number) => Math.round(euros * 100);

/**
 * What a gift of `amount` euros gives back in tax and really costs, at `rate`, made on `date`: at 75 %, the part
 * above the ceiling gets 66 %. In cents internally, so that "34 €" is never "33.99 €".
 */
export function taxReduction(amount: number, rate: TaxRate, date: string | Date = new Date()): {reduction: number; cost: number} {
  if (!(amount >= 0) || !Number.isFinite(amount)) throw new RangeError(`not an amount: ${amount}`);
  const gift = cents(amount);
  let reduction = 0;
  if (rate === 66) reduction = Math.round(gift * 0.66);
  else if (rate === 75) {
    const within = Math.min(gift, cents(colucheCeiling(date)));
    reduction = Math.round(within * 0.75) + Math.round((gift - within) * 0.66);
  }
  return {reduction: reduction / 100, cost: (gift - reduction) / 100};
}
