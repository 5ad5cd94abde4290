import { createHash } from 'node:crypto';
import { isDate } from 'node:util/types';
import type { Locale } from './collaborator.js';
import { isDong, type Dong } from './money.js';
import { isPeriod, type Period } from './period.js';

/**
 * The monthly commission statement as pure data: everything the PDF shows, and nothing it
 * computes. The ledger builds it; the renderer only lays it out; the digest proves which data a
 * document was made from. Amounts arrive final (rounded once, by the ledger), so the document
 * can never disagree with the books.
 */

/** What a line under "bonuses, clawbacks and adjustments" is. */
export type StatementItemKind = 'bonus' | 'clawback' | 'adjustment';

/**
 * Where an order's commission stands, in the ledger's words: `pending` until the holding period
 * ends, then `approved`; `voided` when the order came back before approval, `clawed-back` when
 * it came back after (the clawback itself is an item).
 */
export type StatementOrderState = 'pending' | 'approved' | 'voided' | 'clawed-back';

/** Every order state, for catalogue checks. */
export const STATEMENT_ORDER_STATES: readonly StatementOrderState[] = [
  'pending',
  'approved',
  'voided',
  'clawed-back',
];

/**
 * Where the month's payout stands: `not-due` while the month is open (a provisional statement),
 * `pending` once month close created the payout, `paid` when the transfer went out, and
 * `carried-forward` when the net stayed below the payout minimum.
 */
export type PayoutState = 'not-due' | 'pending' | 'paid' | 'carried-forward';

/** Every payout state, for catalogue checks. */
export const PAYOUT_STATES: readonly PayoutState[] = [
  'not-due',
  'pending',
  'paid',
  'carried-forward',
];

/** One product line of an order as the statement shows it. */
export interface StatementOrderLine {
  name: string;
  quantity: number;
}

/** One order of the period with the commission it earned. */
export interface StatementOrder {
  /** `DH-000123`. */
  number: string;
  submittedAt: Date;
  lines: readonly StatementOrderLine[];
  /** What the customer paid. */
  amount: Dong;
  commission: Dong;
  /** Shown under the number when it explains the commission (left out for plain approved ones). */
  state?: StatementOrderState;
}

/** A bonus (tier), clawback (negative, a returned order) or manual adjustment, with its reason. */
export interface StatementItem {
  kind: StatementItemKind;
  reason: string;
  amount: Dong;
  orderNumber?: string;
}

/**
 * The month's sums as the ledger closed them: `gross` is what was earned, `taxWithheld` the
 * personal income tax kept back, `net` what is paid out now and `carriedForward` what moves to
 * next month because it stayed under the payout minimum.
 */
export interface StatementTotals {
  gross: Dong;
  taxWithheld: Dong;
  net: Dong;
  carriedForward: Dong;
}

/** The payout of the period, with the bank reference once paid. */
export interface StatementPayout {
  state: PayoutState;
  reference?: string;
  paidAt?: Date;
}

/** Everything one statement document shows. Strings are expected in NFC. */
export interface StatementModel {
  business: { name: string; address: string };
  collaborator: {
    code: string;
    fullName: string;
    bankName: string;
    /** Already masked (`••••••6789`): the full account number never reaches a document. */
    maskedAccount: string;
  };
  period: Period;
  /** The collaborator's language: labels, dates and amounts follow it. */
  locale: Locale;
  /** True while the month is not closed: the document is then marked on every page. */
  provisional: boolean;
  /** In the order they are shown (the ledger sorts them by submission). */
  orders: readonly StatementOrder[];
  items: readonly StatementItem[];
  totals: StatementTotals;
  payout: StatementPayout;
  statementId: string;
  /** 1 for the first document of a (collaborator, period); +1 each time the ledger changed. */
  version: number;
  /** When the document was made. Left out of the digest: the same data made twice has one. */
  generatedAt: Date;
}

/**
 * Serialises data the same way every time: object keys sorted by code unit, `undefined` fields
 * left out (absent and undefined mean the same), dates as ISO 8601 UTC, strings in NFC (so that
 * a name typed in decomposed form still digests the same) and only finite numbers.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  // isDate, not instanceof: a Date made in another realm (a worker, a VM context) is still one.
  if (isDate(value)) {
    if (Number.isNaN(value.getTime())) throw new RangeError('Invalid date in canonical JSON');
    return JSON.stringify(value.toISOString());
  }

  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.normalize('NFC'));
    case 'boolean':
      return String(value);
    case 'number':
      if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
      const fields = Object.entries(value as Record<string, unknown>)
        .filter(([, field]) => field !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, field]) => `${JSON.stringify(key)}:${canonicalJson(field)}`);
      return `{${fields.join(',')}}`;
    }
    default:
      throw new TypeError(`Cannot put a ${typeof value} in canonical JSON`);
  }
}

/**
 * The SHA-256 (hex) of the statement's data: its canonical JSON without `generatedAt`. Statement
 * id and version are part of it, so a digest names one document; to ask "did the ledger change?"
 * build the new model with the stored id and version and compare digests.
 */
export function statementDigest(model: StatementModel): string {
  // Undefined fields are left out of canonical JSON, so this drops the generation time.
  const data = canonicalJson({ ...model, generatedAt: undefined });
  return createHash('sha256').update(data, 'utf8').digest('hex');
}

/** Every problem that would make a statement wrong on paper; empty when it is sound. */
export function statementProblems(model: StatementModel): string[] {
  const problems: string[] = [];
  const amount = (value: Dong, what: string) => {
    if (!isDong(value)) problems.push(`${what} is not whole đồng: ${value}`);
  };
  const date = (value: Date | undefined, what: string) => {
    if (value && Number.isNaN(value.getTime())) problems.push(`${what} is not a valid date`);
  };

  if (!isPeriod(model.period)) problems.push(`period is not YYYY-MM: ${model.period}`);
  if (!Number.isSafeInteger(model.version) || model.version < 1) {
    problems.push(`version must be a whole number ≥ 1: ${model.version}`);
  }
  if (model.statementId.trim() === '') problems.push('statementId is empty');
  date(model.generatedAt, 'generatedAt');

  const seen = new Set<string>();
  for (const order of model.orders) {
    if (seen.has(order.number)) problems.push(`order ${order.number} is listed twice`);
    seen.add(order.number);
    amount(order.amount, `order ${order.number} amount`);
    amount(order.commission, `order ${order.number} commission`);
    date(order.submittedAt, `order ${order.number} submittedAt`);
    for (const line of order.lines) {
      if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) {
        problems.push(`order ${order.number}: quantity of ${line.name} is ${line.quantity}`);
      }
    }
  }

  model.items.forEach((item, index) => amount(item.amount, `item ${index + 1} amount`));
  for (const [name, value] of Object.entries(model.totals)) amount(value, `totals.${name}`);
  date(model.payout.paidAt, 'payout.paidAt');
  return problems;
}
