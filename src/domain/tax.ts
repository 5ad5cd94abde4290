import { applyRate, type Dong, type Rate } from './money.js';

/**
 * Personal income tax withheld from a collaborator's payment (Circular 111/2013/TT-BTC): a
 * flat rate on each payment of at least the threshold, unless the collaborator filed the
 * commitment form 08/CK-TNCN for that year. Rate and threshold live in a dated table, so a new
 * rule is new data, not new code.
 */

/** One dated version of the withholding rule. */
export interface TaxTable {
  /** The instant from which this table applies (inclusive). */
  effectiveFrom: Date;
  /** Payments of this amount or more are taxed; smaller ones are not. */
  threshold: Dong;
  /** Percentage of the whole payment, as a decimal string. */
  rate: Rate;
}

/** The rule in force before any table was stored: 10% of payments from 2,000,000 ₫. */
export const DEFAULT_TAX_TABLE: Readonly<TaxTable> = Object.freeze({
  effectiveFrom: new Date('2020-01-01T00:00:00+07:00'),
  threshold: 2_000_000,
  rate: '10',
});

/** The table in force at `at`: the latest one not after it, else {@link DEFAULT_TAX_TABLE}. */
export function taxTableAt(tables: readonly TaxTable[], at: Date): TaxTable {
  let best: TaxTable | undefined;
  for (const table of tables) {
    if (table.effectiveFrom.getTime() > at.getTime()) continue;
    if (!best || table.effectiveFrom.getTime() > best.effectiveFrom.getTime()) best = table;
  }
  return best ?? DEFAULT_TAX_TABLE;
}

/** What was withheld from one payment and why; `rate` is "0" when nothing was. */
export interface Withholding {
  tax: Dong;
  rate: Rate;
  reason: 'below-threshold' | 'commitment-filed' | 'withheld';
}

/**
 * The tax on a payment of `payment` đồng, rounded half-up once. The threshold is compared with
 * the whole payment (≥, so exactly 2,000,000 ₫ is taxed), and the rate applies to all of it.
 */
export function withholding(payment: Dong, table: TaxTable, commitmentFiled: boolean): Withholding {
  if (payment < table.threshold) return { tax: 0, rate: '0', reason: 'below-threshold' };
  if (commitmentFiled) return { tax: 0, rate: '0', reason: 'commitment-filed' };
  return { tax: applyRate(payment, table.rate), rate: table.rate, reason: 'withheld' };
}
