import { sumDong, type Dong, type Rate } from './money.js';
import type { Period } from './period.js';

/**
 * The commission ledger: an append-only list of entries, each under a unique natural key, so
 * that writing an entry twice (a retried job, a second month close, two workers) stores it
 * once. Nothing is ever updated or deleted; a mistake is corrected by a later entry.
 *
 * Every `amount` is signed whole đồng: its effect on what the business owes the collaborator.
 * Balances are sums of amounts, never stored:
 *
 * - pending  = Σ commission + Σ void − Σ approval. A delivered order's commission waits here
 *              for its holding period; a return before approval voids it (−, same amount).
 * - approved = Σ approval + clawback + tier + override + adjustment + tax + payout. Approval
 *              moves an order's commission from pending to approved, which is why its amount
 *              is positive here and subtracted from pending (it changes nothing in total).
 *              Month close adds bonuses, then takes tax and the payout out of it; what is left
 *              after a close is the carried-forward balance (under the payout minimum, or
 *              negative after a clawback larger than the month's earnings).
 * - paid     = the payouts marked paid. A payout entry (written at month close) moves money
 *              from the approved balance into a payout record; the record's state says whether
 *              the bank transfer was made. So "paid" is read from payout records, and "owed but
 *              not yet transferred" is the payout records still `pending`.
 *
 * `period` is the month an entry counts in: the month it was written for commissions, voids,
 * clawbacks and adjustments (always the open month); the month the holding period ended for an
 * approval; the closed month for tier, override, tax and payout entries.
 */

/** What an entry records. */
export type LedgerKind =
  | 'commission'
  | 'approval'
  | 'void'
  | 'clawback'
  | 'tier'
  | 'override'
  | 'adjustment'
  | 'tax'
  | 'payout';

/** Every kind, for the schema's enum. */
export const LEDGER_KINDS: readonly LedgerKind[] = [
  'commission',
  'approval',
  'void',
  'clawback',
  'tier',
  'override',
  'adjustment',
  'tax',
  'payout',
];

/** Kinds summed into the approved balance (see the module comment). */
export const APPROVED_KINDS: readonly LedgerKind[] = [
  'approval',
  'clawback',
  'tier',
  'override',
  'adjustment',
  'tax',
  'payout',
];

/** Kinds that month close writes for its period; a second close leaves them out of its sums. */
export const CLOSE_KINDS: readonly LedgerKind[] = ['tier', 'override', 'tax', 'payout'];

/** Kinds whose `base` is an order total: their sum is a month's net delivered sales. */
export const SALES_KINDS: readonly LedgerKind[] = ['commission', 'void', 'clawback'];

/** One ledger entry as stored. */
export interface LedgerEntry {
  key: string;
  collaboratorId: string;
  collaboratorCode: string;
  kind: LedgerKind;
  /** Signed whole đồng. */
  amount: Dong;
  period: Period;
  orderNumber?: string;
  /** What a rate applied to (an order total, a month's sales, a payment), signed like amount. */
  base?: Dong;
  rate?: Rate;
  /** Commission only: when the holding period ends and it may be approved. */
  dueAt?: Date;
  reason?: string;
  /** `system:<job>`, `collaborator:<code>` or an admin's channel identity. */
  actor: string;
  at: Date;
}

/** An entry before it is written: who writes it and when are added by the service. */
export type LedgerDraft = Omit<LedgerEntry, 'actor' | 'at'>;

/**
 * The natural keys. Approval and void of one order share the key `settle:`, because they
 * exclude each other: when the daily approval and an admin's return race, the first write wins
 * and the other sees it (and a return then claws back instead of voiding).
 */
export const ledgerKey = {
  commission: (order: string) => `commission:${order}`,
  settle: (order: string) => `settle:${order}`,
  clawback: (order: string) => `clawback:${order}`,
  tier: (code: string, period: Period) => `tier:${code}:${period}`,
  override: (code: string, recruit: string, period: Period) =>
    `override:${code}:${recruit}:${period}`,
  adjustment: (id: string) => `adjustment:${id}`,
  tax: (code: string, period: Period) => `tax:${code}:${period}`,
  payout: (code: string, period: Period) => `payout:${code}:${period}`,
};

/** A collaborator's sum of amounts per kind, as the store's `$group` returns it. */
export type KindSums = Partial<Record<LedgerKind, Dong>>;

/** The two balances of a collaborator. */
export interface Balances {
  pending: Dong;
  approved: Dong;
}

/** Balances from per-kind sums, by the rules of the module comment. */
export function balancesFrom(sums: KindSums): Balances {
  const of = (kind: LedgerKind) => sums[kind] ?? 0;
  return {
    pending: sumDong([of('commission'), of('void'), -of('approval')]),
    approved: sumDong(APPROVED_KINDS.map(of)),
  };
}

/** Per-kind sums of a list of entries: the same numbers the store's aggregation gives. */
export function kindSums(entries: readonly Pick<LedgerEntry, 'kind' | 'amount'>[]): KindSums {
  const sums: KindSums = {};
  for (const entry of entries) sums[entry.kind] = sumDong([sums[entry.kind] ?? 0, entry.amount]);
  return sums;
}

/** Where one order's commission stands, read from its entries. */
export type OrderCommissionState = 'pending' | 'approved' | 'voided' | 'clawed-back';

/** An order's commission and its state, from the entries that name the order. */
export interface OrderCommission {
  orderNumber: string;
  /** The commission entry's amount (what the order earned), whatever happened since. */
  commission: Dong;
  /** The order total the commission was computed on. */
  sales: Dong;
  deliveredAt: Date;
  period: Period;
  state: OrderCommissionState;
}

/** Groups entries by order; orders without a commission entry are left out. */
export function orderCommissions(entries: readonly LedgerEntry[]): OrderCommission[] {
  const byOrder = new Map<string, LedgerEntry[]>();
  for (const entry of entries) {
    if (!entry.orderNumber) continue;
    byOrder.set(entry.orderNumber, [...(byOrder.get(entry.orderNumber) ?? []), entry]);
  }

  const result: OrderCommission[] = [];
  for (const [orderNumber, list] of byOrder) {
    const commission = list.find((entry) => entry.kind === 'commission');
    if (!commission) continue;
    const has = (kind: LedgerKind) => list.some((entry) => entry.kind === kind);
    const state: OrderCommissionState = has('clawback')
      ? 'clawed-back'
      : has('void')
        ? 'voided'
        : has('approval')
          ? 'approved'
          : 'pending';
    result.push({
      orderNumber,
      commission: commission.amount,
      sales: commission.base ?? 0,
      deliveredAt: commission.at,
      period: commission.period,
      state,
    });
  }
  return result.sort(
    (a, b) =>
      a.deliveredAt.getTime() - b.deliveredAt.getTime() ||
      a.orderNumber.localeCompare(b.orderNumber),
  );
}

/** True when the commission still counts: not voided and not clawed back. */
export function counts(order: Pick<OrderCommission, 'state'>): boolean {
  return order.state === 'pending' || order.state === 'approved';
}
