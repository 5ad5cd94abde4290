import { orderCommissions, type LedgerEntry, type LedgerKind } from './ledger.js';
import { sumDong, type Dong } from './money.js';
import type { Period } from './period.js';
import type {
  StatementItemKind,
  StatementOrderState,
  StatementPayout,
  StatementTotals,
} from './statement.js';

/**
 * A month of the ledger as a statement shows it, read "as of the month": only entries of the
 * period or earlier count, so a closed month's statement stays the same whatever happens
 * later (a return next month is next month's clawback, not a rewrite of this one).
 *
 * The arithmetic is the month close's, so the document can be checked against it:
 *
 *   gross   = commissions approved in the period + bonuses + clawbacks + adjustments
 *             + what earlier months left (carried in)  — the payout's gross after a close
 *   tax     = the close's withholding;  net = the close's payout
 *   carried = gross − tax − net  (only once closed; an open month has paid nothing yet)
 */

/** One order row: what the order earned and where its commission stood at the period's end. */
export interface StatementOrderRow {
  orderNumber: string;
  /** What the order earned; 0 when voided (it never counted). */
  commission: Dong;
  /** Shown under the number; left out for a plain approval. */
  state?: StatementOrderState;
}

/** A bonus, clawback or adjustment before its reason is put into words. */
export interface StatementItemDraft {
  kind: StatementItemKind;
  amount: Dong;
  /** The ledger entry it stands for; absent for the balance carried in. */
  entry?: LedgerEntry;
  orderNumber?: string;
}

/** What the ledger says of one collaborator's period. */
export interface StatementLedgerInput {
  period: Period;
  /** Every entry of the collaborator counted in `period`. */
  inPeriod: readonly LedgerEntry[];
  /** Every entry naming the orders of the period, of any period (later ones are left out). */
  orderEntries: readonly LedgerEntry[];
  /** The approved balance of the periods before: what their closes left (or did not pay). */
  carriedIn: Dong;
  closed: boolean;
  /** The period's payout record, when the close created one. */
  payout?: { status: 'pending' | 'paid'; reference?: string; paidAt?: Date };
}

/** The figures of a statement; `activity` is false when the period has no entry at all. */
export interface StatementLedgerView {
  activity: boolean;
  orders: StatementOrderRow[];
  items: StatementItemDraft[];
  totals: StatementTotals;
  payout: StatementPayout;
}

const ITEM_KINDS: Partial<Record<LedgerKind, StatementItemKind>> = {
  tier: 'bonus',
  override: 'bonus',
  clawback: 'clawback',
  adjustment: 'adjustment',
};

/** The period's orders: delivered in it, or settled in it (approved, or voided on return). */
export function statementOrderNumbers(inPeriod: readonly LedgerEntry[]): string[] {
  const listed = inPeriod.filter((entry) =>
    ['commission', 'approval', 'void'].includes(entry.kind),
  );
  return [...new Set(listed.map((entry) => entry.orderNumber!))];
}

/** Reads one collaborator's period from the ledger; see the module comment for the sums. */
export function statementFromLedger(input: StatementLedgerInput): StatementLedgerView {
  const { period, inPeriod } = input;
  const sum = (kind: LedgerKind) =>
    sumDong(inPeriod.filter((entry) => entry.kind === kind).map((entry) => entry.amount));

  const listed = new Set(statementOrderNumbers(inPeriod));
  const asOfPeriod = input.orderEntries.filter((entry) => entry.period <= period);
  const orders = orderCommissions(asOfPeriod)
    .filter((order) => listed.has(order.orderNumber))
    .map((order): StatementOrderRow => {
      const row = { orderNumber: order.orderNumber, commission: order.commission };
      if (order.state === 'voided') return { ...row, commission: 0, state: 'voided' };
      return order.state === 'approved' ? row : { ...row, state: order.state };
    });

  const items: StatementItemDraft[] = [];
  for (const entry of inPeriod) {
    const kind = ITEM_KINDS[entry.kind];
    if (!kind) continue;
    items.push({
      kind,
      amount: entry.amount,
      entry,
      ...(entry.orderNumber && { orderNumber: entry.orderNumber }),
    });
  }
  // Bonuses first, then clawbacks, then adjustments; the ledger's order within each.
  const rank: Record<StatementItemKind, number> = { bonus: 0, clawback: 1, adjustment: 2 };
  items.sort((a, b) => rank[a.kind] - rank[b.kind]);
  if (input.carriedIn !== 0) items.push({ kind: 'adjustment', amount: input.carriedIn });

  const gross = sumDong([sum('approval'), ...items.map((item) => item.amount)]);
  const taxWithheld = 0 - sum('tax');
  const net = 0 - sum('payout');
  const carriedForward = input.closed ? gross - taxWithheld - net : 0;
  return {
    activity: inPeriod.length > 0,
    orders,
    items,
    totals: { gross, taxWithheld, net, carriedForward },
    payout: payoutOf(input),
  };
}

function payoutOf({ closed, payout }: StatementLedgerInput): StatementPayout {
  if (!closed) return { state: 'not-due' };
  if (!payout) return { state: 'carried-forward' };
  return {
    state: payout.status,
    ...(payout.reference && { reference: payout.reference }),
    ...(payout.paidAt && { paidAt: payout.paidAt }),
  };
}
