import { ledgerKey, type LedgerDraft, type LedgerEntry } from './ledger.js';
import { applyRate, orderCommission, type CommissionLine, type Dong } from './money.js';
import { periodOf } from './period.js';
import type { OverrideRule, VolumeTier } from './rule-book.js';

/**
 * The commission rules applied to events: what an order earns when it is delivered, what its
 * return takes back, and the monthly bonuses. Pure: the rule book and the time are passed in.
 */

const DAY_MS = 86_400_000;

/** What the ledger needs to know about a delivered order. */
export interface DeliveredOrder {
  number: string;
  collaboratorId: string;
  collaboratorCode: string;
  /** Frozen at submission with the terms of the rule book then in force. */
  lines: readonly CommissionLine[];
  total: Dong;
}

/**
 * The pending commission of a delivered order: its own commission, computed from its frozen
 * lines and rounded once, counted in the month of delivery, due for approval `holdingDays`
 * after it (whole days: Vietnam keeps no daylight saving, so a day is always 24 hours).
 */
export function commissionOnDelivery(
  order: DeliveredOrder,
  deliveredAt: Date,
  holdingDays: number,
): LedgerDraft {
  return {
    key: ledgerKey.commission(order.number),
    collaboratorId: order.collaboratorId,
    collaboratorCode: order.collaboratorCode,
    kind: 'commission',
    amount: orderCommission(order.lines),
    base: order.total,
    period: periodOf(deliveredAt),
    orderNumber: order.number,
    dueAt: new Date(deliveredAt.getTime() + holdingDays * DAY_MS),
  };
}

/** The approval of a commission whose holding period is over; it counts in the month it ended. */
export function approvalOf(commission: LedgerEntry): LedgerDraft {
  return {
    key: ledgerKey.settle(commission.orderNumber!),
    collaboratorId: commission.collaboratorId,
    collaboratorCode: commission.collaboratorCode,
    kind: 'approval',
    amount: commission.amount,
    period: periodOf(commission.dueAt ?? commission.at),
    orderNumber: commission.orderNumber,
  };
}

/** The void of a commission still pending when its order came back, in the open month. */
export function voidOf(commission: LedgerEntry, returnedAt: Date, reason?: string): LedgerDraft {
  return {
    key: ledgerKey.settle(commission.orderNumber!),
    collaboratorId: commission.collaboratorId,
    collaboratorCode: commission.collaboratorCode,
    kind: 'void',
    amount: -commission.amount,
    base: -(commission.base ?? 0),
    period: periodOf(returnedAt),
    orderNumber: commission.orderNumber,
    ...(reason && { reason }),
  };
}

/**
 * The clawback of a commission already approved (perhaps paid) when its order came back: a
 * negative entry in the open month, never a change to the closed one.
 */
export function clawbackOf(
  commission: LedgerEntry,
  returnedAt: Date,
  reason?: string,
): LedgerDraft {
  return {
    key: ledgerKey.clawback(commission.orderNumber!),
    collaboratorId: commission.collaboratorId,
    collaboratorCode: commission.collaboratorCode,
    kind: 'clawback',
    amount: -commission.amount,
    base: -(commission.base ?? 0),
    period: periodOf(returnedAt),
    orderNumber: commission.orderNumber,
    ...(reason && { reason }),
  };
}

/**
 * The tier reached by a month's sales: the one with the highest threshold not above them
 * (thresholds are inclusive). Undefined below the lowest threshold.
 */
export function tierReached(tiers: readonly VolumeTier[], sales: Dong): VolumeTier | undefined {
  let best: VolumeTier | undefined;
  for (const tier of tiers) {
    if (sales >= tier.threshold && (!best || tier.threshold > best.threshold)) best = tier;
  }
  return best;
}

/** The tier bonus on a month's whole delivered sales, rounded once; 0 under every threshold. */
export function tierBonus(tiers: readonly VolumeTier[], sales: Dong): Dong {
  const tier = tierReached(tiers, sales);
  return tier ? applyRate(sales, tier.rate) : 0;
}

/** The referrer's override on a recruit's month of sales; 0 while the override is off. */
export function overrideBonus(rule: OverrideRule, recruitSales: Dong): Dong {
  if (!rule.enabled || recruitSales <= 0) return 0;
  return applyRate(recruitSales, rule.rate);
}
