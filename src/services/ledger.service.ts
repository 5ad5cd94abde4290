import { randomBytes } from 'node:crypto';
import {
  approvalOf,
  clawbackOf,
  commissionOnDelivery,
  voidOf,
} from '../domain/commission-rules.js';
import {
  balancesFrom,
  ledgerKey,
  type Balances,
  type LedgerDraft,
  type LedgerEntry,
} from '../domain/ledger.js';
import { formatMoney, isDong, type Dong } from '../domain/money.js';
import type { OrderHistoryEntry } from '../domain/order.js';
import { periodOf } from '../domain/period.js';
import { ruleSettings, type RuleBook } from '../domain/rule-book.js';
import { createLedgerRepository } from '../store/ledger.repository.js';
import { createOrderRepository, type StoredOrder } from '../store/order.repository.js';
import type { Store } from '../store/repositories.js';
import { UserError } from './errors.js';
import type { DeliveryService } from './delivery.service.js';

/** The actor of everything the daily approval writes. */
/** The largest manual adjustment, in đồng, either way: one billion. */
export const MAX_ADJUSTMENT = 1_000_000_000;

export const APPROVAL_ACTOR = 'system:approve-commissions';

/** How many keys one "already settled?" query asks about. */
const BATCH = 500;

/**
 * The daily sweep looks this far back for commissions to approve. Older ones were approved by
 * the month close of their month, which sweeps without a window, so the daily job never
 * has to read the whole history.
 */
const DAILY_WINDOW_MS = 45 * 86_400_000;

/** Orders moved this recently are checked for missing entries by the daily job. */
const REPAIR_WINDOW_MS = 2 * 86_400_000;

interface Deps {
  store: Store;
  /** The payable notice goes the way of every job notice: paced, once per key. */
  deliveries: Pick<DeliveryService, 'send'>;
  catalog: { ruleBookAt(at: Date): Promise<RuleBook> };
}

/**
 * Writes the ledger as orders live: the pending commission on delivery, its void or clawback on
 * return, the approval after the holding period, and admins' adjustments. Every write is a
 * keyed upsert, so each of these can run again (a retried job, a repaired hook) harmlessly.
 */
export function createLedgerService({ store, deliveries, catalog }: Deps) {
  const repo = createLedgerRepository(store.connection);
  const orders = createOrderRepository(store.connection);

  const write = (draft: LedgerDraft, actor: string, at: Date) =>
    repo.append({ ...draft, actor, at });

  /** The pending commission of a delivered order, under the rules of its submission day. */
  async function recordDelivery(order: StoredOrder, deliveredAt: Date, actor: string) {
    const rules = ruleSettings(await catalog.ruleBookAt(order.submittedAt));
    return write(commissionOnDelivery(order, deliveredAt, rules.holdingDays), actor, deliveredAt);
  }

  /**
   * A returned order: the void of its pending commission, or, when the approval got there
   * first (they share one key), a clawback in the open month. Writes the commission first if
   * the delivery was never recorded, so that a missed hook is repaired rather than lost.
   */
  async function recordReturn(order: StoredOrder, returned: OrderHistoryEntry, actor: string) {
    const delivered = order.history.find((entry) => entry.to === 'delivered');
    if (!delivered) return undefined;
    const { entry: commission } = await recordDelivery(order, delivered.at, actor);

    const settled = await write(
      voidOf(commission, returned.at, returned.reason),
      actor,
      returned.at,
    );
    if (settled.entry.kind === 'void') return settled;
    return write(clawbackOf(commission, returned.at, returned.reason), actor, returned.at);
  }

  /**
   * Approves commissions whose holding period ended before `asOf` and that were neither
   * approved nor voided yet. `from` limits how far back it looks (the daily job's window).
   */
  async function approveDue(asOf: Date, from?: Date, actor = APPROVAL_ACTOR) {
    const due = await repo.dueCommissions(asOf, from);
    let approved = 0;
    const touched = new Map<string, string>();
    for (let i = 0; i < due.length; i += BATCH) {
      const batch = due.slice(i, i + BATCH);
      const settled = await repo.existingKeys(batch.map((c) => ledgerKey.settle(c.orderNumber!)));
      for (const commission of batch) {
        if (settled.has(ledgerKey.settle(commission.orderNumber!))) continue;
        const { created } = await write(approvalOf(commission), actor, asOf);
        if (!created) continue;
        approved += 1;
        touched.set(commission.collaboratorId, commission.collaboratorCode);
      }
    }
    for (const [collaboratorId, code] of touched) await noticeIfPayable(collaboratorId, code, asOf);
    return { approved, collaborators: touched.size };
  }

  /**
   * Tells a collaborator once that their approved balance reached the payout minimum. Only
   * sweeps that approved something for them ask, and the notice key names what was paid out
   * so far: each payout starts a new cycle, so a later crossing is told again, while a re-run
   * of the same sweep is not. The key is a delivery key, so the notice is also paced and
   * retried like every other job notice.
   */
  async function noticeIfPayable(collaboratorId: string, code: string, at: Date) {
    const sums = await repo.kindSums(collaboratorId);
    const { approved } = balancesFrom(sums);
    const minimum = ruleSettings(await catalog.ruleBookAt(at)).payoutMinimum;
    if (approved < minimum) return;

    const cycle = -(sums.payout ?? 0);
    const collaborator = await store.collaborators.byId(collaboratorId);
    if (!collaborator) return;
    const key = `notice:payable:${code}:${cycle}`;
    await deliveries.send(
      collaborator,
      (i18n) => ({
        text: i18n.t('earnings-notice-payable', {
          balance: formatMoney(approved, i18n.locale),
          minimum: formatMoney(minimum, i18n.locale),
        }),
        choices: [[{ label: i18n.t('earnings-button'), payload: '/earnings' }]],
      }),
      key,
    );
  }

  return {
    recordDelivery,
    recordReturn,
    approveDue,

    /** The order service's hook: called after each move, with the step just taken. */
    async onOrderMoved(order: StoredOrder, step: OrderHistoryEntry, actor: string) {
      if (step.to === 'delivered') await recordDelivery(order, step.at, actor);
      if (step.to === 'returned') await recordReturn(order, step, actor);
    },

    /**
     * The daily job: first repair the entries of orders delivered or returned in the last two
     * days whose hook failed after the move (a crash, a database hiccup), then approve what is
     * due within the window.
     */
    async daily(asOf: Date) {
      let repaired = 0;
      const since = new Date(asOf.getTime() - REPAIR_WINDOW_MS);
      for (const number of await repo.ordersMovedSince(since)) {
        const order = await orders.byNumber(number);
        const step = order?.history.findLast((entry) => entry.to === order.state);
        if (!order || !step) continue;
        const result =
          order.state === 'delivered'
            ? await recordDelivery(order, step.at, APPROVAL_ACTOR)
            : await recordReturn(order, step, APPROVAL_ACTOR);
        if (result?.created) repaired += 1;
      }
      const from = new Date(asOf.getTime() - DAILY_WINDOW_MS);
      return { repaired, ...(await approveDue(asOf, from)) };
    },

    /**
     * An admin's manual correction with a reason, counted in the open month. `id` makes the
     * entry's key: the same id twice adds one entry (a retried command); without one a fresh
     * id is drawn.
     */
    async adjust(input: {
      code: string;
      amount: Dong;
      reason: string;
      actor: string;
      at: Date;
      id?: string;
    }): Promise<{ entry: LedgerEntry; created: boolean }> {
      const collaborator = await store.collaborators.byCode(input.code);
      if (!collaborator) throw new UserError('collaborator-not-found', { code: input.code });
      if (!isDong(input.amount) || input.amount === 0) throw new UserError('adjust-bad-amount');
      // A slip of extra digits must not reach the ledger: sums of such entries would stop
      // every later month close.
      if (Math.abs(input.amount) > MAX_ADJUSTMENT) {
        throw new UserError('adjust-too-large', { max: MAX_ADJUSTMENT.toLocaleString('vi-VN') });
      }
      const reason = input.reason.trim();
      if (reason.length < 3) throw new UserError('adjust-needs-reason');

      const id = input.id ?? randomBytes(6).toString('hex');
      const result = await write(
        {
          key: ledgerKey.adjustment(id),
          collaboratorId: collaborator.id,
          collaboratorCode: collaborator.code,
          kind: 'adjustment',
          amount: input.amount,
          period: periodOf(input.at),
          reason,
        },
        input.actor,
        input.at,
      );
      if (result.created) {
        await store.audit.record({
          at: input.at,
          actor: input.actor,
          action: 'ledger.adjusted',
          subject: `collaborator:${collaborator.code}`,
          details: {
            key: result.entry.key,
            amount: result.entry.amount,
            period: result.entry.period,
            reason,
          },
        });
      }
      return result;
    },

    /** Pending and approved balances of a collaborator right now. */
    async balances(collaboratorId: string): Promise<Balances> {
      return balancesFrom(await repo.kindSums(collaboratorId));
    },

    forOrder: (orderNumber: string) => repo.forOrder(orderNumber),
    all: () => repo.all(),
    repository: repo,
  };
}

export type LedgerService = ReturnType<typeof createLedgerService>;
