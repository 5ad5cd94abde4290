import type { Collaborator } from '../domain/collaborator.js';
import { formatMoney } from '../domain/money.js';
import { formatPeriod, type Period } from '../domain/period.js';
import type { TaxTable } from '../domain/tax.js';
import { cleanText } from '../domain/text.js';
import {
  createPayoutRepository,
  type Payout,
  type PayoutStatus,
} from '../store/payout.repository.js';
import type { Store } from '../store/repositories.js';
import type { DeliveryService } from './delivery.service.js';

export type { Payout, PayoutStatus } from '../store/payout.repository.js';

/** How many payouts one chat page lists. */
export const PAYOUT_PAGE_SIZE = 10;

/** A payout with the collaborator it belongs to, for lists shown to admins. */
export interface PayoutRow {
  payout: Payout;
  collaborator?: Collaborator;
}

/** Which payouts to mark paid, by whom, when, with which transfer reference. */
export interface MarkPaidInput {
  period: Period;
  /** One collaborator's payout; every pending payout of the period when absent. */
  code?: string;
  /** The bank transfer's reference, kept on the payout and told to the collaborator. */
  reference?: string;
  actor: string;
  at: Date;
}

/** What marking paid changed. */
export interface MarkPaidResult {
  /** Payouts this call moved to `paid` (each collaborator was notified once). */
  marked: Payout[];
  /** Payouts asked for that were already paid: nothing changed for them. */
  alreadyPaid: number;
  /** A code that has no payout for the period. */
  notFound?: string;
}

interface Deps {
  store: Store;
  /** Payout notices go the way of every job notice: paced, once per key. */
  deliveries: Pick<DeliveryService, 'send'>;
}

/** Payout records after month close: lists for admins, "paid" with a bank reference. */
export function createPayoutService({ store, deliveries }: Deps) {
  const repo = createPayoutRepository(store.connection);

  async function markOne(payout: Payout, input: MarkPaidInput): Promise<Payout | undefined> {
    const reference = cleanText(input.reference ?? '').slice(0, 100) || undefined;
    const paid = await repo.markPaid(payout.collaboratorId, payout.period, {
      at: input.at,
      by: input.actor,
      ...(reference && { reference }),
    });
    if (!paid) return undefined;

    await store.audit.record({
      at: input.at,
      actor: input.actor,
      action: 'payout.paid',
      subject: `collaborator:${paid.collaboratorCode}`,
      details: { period: paid.period, ...(reference && { reference }) },
    });
    const collaborator = await store.collaborators.byId(paid.collaboratorId);
    if (collaborator) {
      const key = `payout-paid:${paid.collaboratorCode}:${paid.period}`;
      await deliveries.send(
        collaborator,
        (i18n) => ({
          text: [
            i18n.t('earnings-notice-paid', {
              period: formatPeriod(paid.period, i18n.locale),
              net: formatMoney(paid.net, i18n.locale),
              tax: formatMoney(paid.tax, i18n.locale),
            }),
            ...(reference ? [i18n.t('earnings-notice-reference', { reference })] : []),
          ].join(' '),
          choices: [[{ label: i18n.t('earnings-button'), payload: '/earnings' }]],
        }),
        key,
      );
    }
    return paid;
  }

  return {
    /** One page (from 0) of a period's payouts with their collaborators, by code. */
    async page(period: Period, page: number, status?: PayoutStatus): Promise<PayoutRow[]> {
      const payouts = await repo.list(period, status, page * PAYOUT_PAGE_SIZE, PAYOUT_PAGE_SIZE);
      return Promise.all(
        payouts.map(async (payout) => ({
          payout,
          collaborator: await store.collaborators.byId(payout.collaboratorId),
        })),
      );
    },

    /** Every payout of a period, by code: for the command line. */
    list: (period: Period, status?: PayoutStatus) => repo.list(period, status),
    count: (period: Period, status?: PayoutStatus) => repo.count(period, status),
    of: (collaboratorId: string, period: Period) => repo.of(collaboratorId, period),

    /**
     * Marks one payout, or all pending payouts of the period, paid. Each is a compare-and-set
     * from `pending`, so a second press or a re-run marks nothing and notifies nobody again.
     */
    async markPaid(input: MarkPaidInput): Promise<MarkPaidResult> {
      if (input.code !== undefined) {
        const collaborator = await store.collaborators.byCode(input.code);
        const payout = collaborator && (await repo.of(collaborator.id, input.period));
        if (!payout) return { marked: [], alreadyPaid: 0, notFound: input.code.toUpperCase() };
        const paid = await markOne(payout, input);
        return { marked: paid ? [paid] : [], alreadyPaid: paid ? 0 : 1 };
      }

      const marked: Payout[] = [];
      for (const payout of await repo.list(input.period, 'pending')) {
        const paid = await markOne(payout, input);
        if (paid) marked.push(paid);
      }
      return { marked, alreadyPaid: (await repo.count(input.period, 'paid')) - marked.length };
    },

    /** The dated withholding tables, oldest first. */
    taxTables: () => repo.taxTables.all(),

    /** Stores a withholding table under its `effectiveFrom` and records who did it. */
    async saveTaxTable(table: TaxTable, actor: string, at: Date): Promise<void> {
      await repo.taxTables.save(table);
      await store.audit.record({
        at,
        actor,
        action: 'tax-table.saved',
        subject: `tax-table:${table.effectiveFrom.toISOString()}`,
        details: { threshold: table.threshold, rate: table.rate },
      });
    },

    /**
     * Records whether a collaborator filed the 08/CK-TNCN commitment for `year` (no tax is
     * withheld from that year's payouts when filed). Undefined when the code is unknown.
     */
    async setCommitment(code: string, year: number, filed: boolean, actor: string, at: Date) {
      const collaborator = await store.collaborators.byCode(code);
      if (!collaborator) return undefined;
      const owner = { collaboratorId: collaborator.id, collaboratorCode: collaborator.code };
      const changed = await repo.commitments.set(owner, year, filed, actor, at);
      if (changed) {
        await store.audit.record({
          at,
          actor,
          action: filed ? 'tax-commitment.filed' : 'tax-commitment.withdrawn',
          subject: `collaborator:${collaborator.code}`,
          details: { year },
        });
      }
      return { collaborator, changed };
    },
  };
}

export type PayoutService = ReturnType<typeof createPayoutService>;
