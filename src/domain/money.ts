import { Decimal as BaseDecimal } from 'decimal.js';
import type { Locale } from './collaborator.js';

/**
 * Money rules. Amounts are whole đồng held as safe integers (VND has no minor unit); rates are
 * percentages written as decimal strings ("4.5" means 4.5%). Arithmetic runs through decimal.js
 * built from strings and integers only, so no float product ever reaches a rounding step, and
 * rounding happens once: per order, per bonus, per tax amount.
 */

/** An amount in whole đồng; always a safe integer, possibly negative (clawbacks). */
export type Dong = number;

/** A percentage as a canonical decimal string: "4.5", "10", "0.25". */
export type Rate = string;

/** How commission is earned on a line: a percentage of its value, or a fixed amount per unit. */
export type CommissionTerms = { kind: 'rate'; rate: Rate } | { kind: 'fixed'; amount: Dong };

/** What commission and totals need to know about an order line. */
export interface CommissionLine {
  unitPrice: Dong;
  quantity: number;
  commission: CommissionTerms;
}

/**
 * A private Decimal with room for any product of safe integers and rates (the library's
 * default of 20 significant digits is not) and half-up rounding: .5 goes away from zero.
 */
const Decimal = BaseDecimal.clone({ precision: 60, rounding: BaseDecimal.ROUND_HALF_UP });

/** The Decimal type returned by exact (unrounded) calculations. */
export type ExactAmount = BaseDecimal;

/** True when `value` is a usable amount: a safe integer. */
export function isDong(value: unknown): value is Dong {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** Returns `value` unchanged, or throws a RangeError naming `what` when it is not whole đồng. */
export function assertDong(value: number, what = 'amount'): Dong {
  if (!isDong(value)) throw new RangeError(`${what} must be a whole number of đồng, got ${value}`);
  return value;
}

const RATE = /^(\d{1,3})(?:[.,](\d{1,6}))?\s*%?$/;

/**
 * Reads a percentage typed by an admin or found in a file: "4.5", "4,5", "4.5%" → "4.5";
 * "04.50" → "4.5". Undefined unless it is between 0 and 100 with at most six decimals.
 */
export function parseRate(text: string): Rate | undefined {
  const match = RATE.exec(text.trim());
  if (!match) return undefined;

  const rate = new Decimal(`${match[1]}.${match[2] ?? '0'}`);
  if (rate.gt(100)) return undefined;
  return rate.toFixed();
}

/** Rounds an exact amount half-up to whole đồng, refusing results beyond the safe range. */
export function roundDong(exact: ExactAmount): Dong {
  return assertDong(exact.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber(), 'rounded amount');
}

/** `amount × rate%` rounded half-up once: for a bonus or a tax amount. */
export function applyRate(amount: Dong, rate: Rate): Dong {
  return roundDong(new Decimal(assertDong(amount)).times(new Decimal(rate)).dividedBy(100));
}

/** A line's value, `unitPrice × quantity`, checked to stay a safe integer. */
export function lineTotal(line: Pick<CommissionLine, 'unitPrice' | 'quantity'>): Dong {
  return assertDong(assertDong(line.unitPrice, 'unit price') * line.quantity, 'line total');
}

/**
 * The exact, unrounded commission of one line. Never round this on its own: rounding belongs
 * to the order, on the sum of its lines (see {@link orderCommission}).
 */
export function lineCommission(line: CommissionLine): ExactAmount {
  const quantity = new Decimal(assertDong(line.quantity, 'quantity'));
  if (line.commission.kind === 'fixed') {
    return new Decimal(assertDong(line.commission.amount, 'fixed commission')).times(quantity);
  }
  return new Decimal(assertDong(line.unitPrice, 'unit price'))
    .times(quantity)
    .times(new Decimal(line.commission.rate))
    .dividedBy(100);
}

/** The commission of an order: the exact sum of its lines, rounded half-up once. */
export function orderCommission(lines: readonly CommissionLine[]): Dong {
  const exact = lines.reduce((sum, line) => sum.plus(lineCommission(line)), new Decimal(0));
  return roundDong(exact);
}

/** Adds amounts, refusing a sum that leaves the safe integer range. */
export function sumDong(amounts: readonly Dong[]): Dong {
  return amounts.reduce((sum, amount) => assertDong(sum + assertDong(amount), 'sum'), 0);
}

/** Groups digits by three with `separator`: 1250000 → "1.250.000". */
function groupDigits(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/**
 * Shows an amount the way each locale writes it: vi `1.250.000 ₫`, en `₫1,250,000`;
 * negatives `-52.610 ₫` and `-₫52,610`. Built by hand so the output does not depend on the
 * ICU data Node was built with.
 */
export function formatMoney(amount: Dong, locale: Locale): string {
  assertDong(amount);
  const sign = amount < 0 ? '-' : '';
  const digits = String(Math.abs(amount));

  return locale === 'vi'
    ? `${sign}${groupDigits(digits, '.')} ₫`
    : `${sign}₫${groupDigits(digits, ',')}`;
}

/** Why a typed amount was refused; catalogue-key-like codes. */
export type MoneyRefusal =
  | 'money-empty'
  | 'money-not-a-number'
  | 'money-negative'
  | 'money-has-decimals'
  | 'money-too-large';

export type MoneyResult = { ok: true; amount: Dong } | { ok: false; reason: MoneyRefusal };

/** Currency marks accepted before or after the number, compared in lower case. */
const CURRENCY = /^(?:₫|đ|d|vnd|vnđ|đồng|dong)$/;

/**
 * Reads a whole-đồng amount typed by an admin or found in a CSV cell: "129900", "129.900",
 * "129,900", "129 900", "129.900đ", "129900 VND", "₫129,900" → 129900. A dot or comma is a
 * thousands separator only before groups of exactly three digits, so "129.9" and "12,50" are
 * refused as decimals rather than guessed at.
 */
export function parseMoney(text: string): MoneyResult {
  // Spreadsheets may group digits with a no-break space.
  let body = text
    .normalize('NFC')
    .replace(/[\u00a0\u202f]/g, ' ')
    .trim()
    .toLowerCase();
  if (body === '') return { ok: false, reason: 'money-empty' };

  const prefix = /^(₫)\s*/.exec(body);
  if (prefix) body = body.slice(prefix[0].length);
  const suffix = /\s*([^\d\s.,]+)$/.exec(body);
  if (suffix && CURRENCY.test(suffix[1] ?? '')) body = body.slice(0, suffix.index);

  if (/^[-−]/.test(body) && /\d/.test(body)) return { ok: false, reason: 'money-negative' };
  if (!/^\d[\d., ]*$/.test(body)) {
    return { ok: false, reason: 'money-not-a-number' };
  }

  const separators = new Set(body.match(/[., ]/g) ?? []);
  const [head = '', ...groups] = body.split(/[., ]/);
  const grouped =
    groups.length === 0 ||
    (separators.size === 1 && head.length <= 3 && groups.every((group) => group.length === 3));
  if (!grouped) {
    const decimal = /^\d+(?:[., ]\d{3})*[.,]\d+$/.test(body);
    return { ok: false, reason: decimal ? 'money-has-decimals' : 'money-not-a-number' };
  }

  const amount = Number(head + groups.join(''));
  if (!Number.isSafeInteger(amount)) return { ok: false, reason: 'money-too-large' };
  return { ok: true, amount };
}
