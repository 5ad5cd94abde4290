import { earningsFigures, type EarningsFigures } from '../domain/earnings.js';
import { APPROVED_KINDS, orderCommissions, type OrderCommission } from '../domain/ledger.js';
import { sumDong, type Dong } from '../domain/money.js';
import { periodOf, previousPeriod, type Period } from '../domain/period.js';
import { createLedgerRepository } from '../store/ledger.repository.js';
import { createPayoutRepository } from '../store/payout.repository.js';
import type { Store } from '../store/repositories.js';

/**
 * Where last month stands: `open` until month close ran, then `pending` or `paid` when it
 * created a payout, `carried-forward` when the amount stayed under the minimum (or negative),
 * `nothing` when there was nothing to pay.
 */
export type LastMonthState = 'open' | 'pending' | 'paid' | 'carried-forward' | 'nothing';

/** Last month as `/earnings` tells it. */
export interface LastMonth {
  period: Period;
  state: LastMonthState;
  /** The payout's gross, else what the month earned (approved, bonuses, clawbacks). */
  gross: Dong;
  tax: Dong;
  net: Dong;
  reference?: string;
}

/** What `/earnings` shows. */
export interface EarningsSummary {
  period: Period;
  figures: EarningsFigures;
  lastMonth: LastMonth;
  /** Orders delivered in `period`, oldest first, with their commission's state. */
  orders: OrderCommission[];
}

interface Deps {
  store: Store;
}

/** A collaborator's earnings as read from the ledger and the payouts. */
export function createEarningsService({ store }: Deps) {
  const ledger = createLedgerRepository(store.connection);
  const payouts = createPayoutRepository(store.connection);

  /** Orders whose commission counts in `period`, with every entry that names them. */
  async function breakdown(collaboratorId: string, period: Period): Promise<OrderCommission[]> {
    const commissions = await ledger.of(collaboratorId, period, ['commission']);
    if (commissions.length === 0) return [];
    const related = await ledger.forOrders(commissions.map((entry) => entry.orderNumber!));
    return orderCommissions(related);
  }

  return {
    breakdown,

    /** This month so far, last month's outcome, the carried balance and this month's orders. */
    async summary(collaboratorId: string, now: Date): Promise<EarningsSummary> {
      const period = periodOf(now);
      const previous = previousPeriod(period);
      const sums = await ledger.periodKindSums(collaboratorId);
      const [payout, closed, orders] = await Promise.all([
        payouts.of(collaboratorId, previous),
        ledger.closes.byPeriod(previous),
        breakdown(collaboratorId, period),
      ]);

      // What the month earned: its approved entries and bonuses, before tax and payout.
      const earned = sumDong(
        sums
          .filter((row) => row.period === previous && APPROVED_KINDS.includes(row.kind))
          .filter((row) => row.kind !== 'tax' && row.kind !== 'payout')
          .map((row) => row.amount),
      );
      const figures = earningsFigures(sums, period);
      let lastMonth: LastMonth;
      if (payout) {
        lastMonth = {
          period: previous,
          state: payout.status,
          gross: payout.gross,
          tax: payout.tax,
          net: payout.net,
          ...(payout.reference && { reference: payout.reference }),
        };
      } else {
        const state = !closed ? 'open' : figures.carried !== 0 ? 'carried-forward' : 'nothing';
        lastMonth = { period: previous, state, gross: earned, tax: 0, net: 0 };
      }
      return { period, figures, lastMonth, orders };
    },
  };
}

export type EarningsService = ReturnType<typeof createEarningsService>;
