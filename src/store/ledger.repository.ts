import type { Connection, Model } from 'mongoose';
import type { PeriodKindSum } from '../domain/earnings.js';
import {
  APPROVED_KINDS,
  CLOSE_KINDS,
  SALES_KINDS,
  type LedgerEntry,
  type LedgerKind,
} from '../domain/ledger.js';
import type { Dong } from '../domain/money.js';
import type { Period } from '../domain/period.js';
import { ledgerEntrySchema } from './models/ledger-entry.model.js';
import { collaboratorSchema } from './models/collaborator.model.js';
import { orderSchema } from './models/order.model.js';
import { monthCloseSchema } from './models/payout.model.js';
import { isDuplicateKey } from './repositories.js';

/** One collaborator's numbers for the close of a period, summed by the database. */
export interface CloseSums {
  collaboratorId: string;
  collaboratorCode: string;
  /** Approved balance of periods up to the closed one, without that period's close entries. */
  approved: Dong;
  /** Net delivered sales counted in the closed period. */
  sales: Dong;
}

/** Reuses a model already compiled on this connection (a second `createCore` in one process). */
export function modelOn(connection: Connection, name: string, schema: unknown) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (connection.models[name] ?? connection.model(name, schema as never)) as Model<any>;
}

/**
 * The `ledger_entries` and `month_closes` collections. Entries are only ever inserted, through
 * an upsert keyed on `key` that sets fields on insert only: writing an entry again returns the
 * stored one untouched. Balances are `$group` sums, never stored.
 */
export function createLedgerRepository(connection: Connection) {
  const entries = modelOn(connection, 'LedgerEntry', ledgerEntrySchema);
  const closes = modelOn(connection, 'MonthClose', monthCloseSchema);
  let ready: Promise<unknown> | undefined;
  const init = () => (ready ??= Promise.all([entries.init(), closes.init()]));

  async function find(filter: Record<string, unknown>): Promise<LedgerEntry[]> {
    await init();
    const docs = await entries.find(filter).sort({ at: 1, key: 1 }).lean();
    return docs.map(toEntry);
  }

  return {
    init,
    model: entries,

    /** Stores the entry unless its key exists; returns the stored entry and whether it is new. */
    async append(entry: LedgerEntry): Promise<{ entry: LedgerEntry; created: boolean }> {
      await init();
      try {
        const result = await entries.findOneAndUpdate(
          { key: entry.key },
          { $setOnInsert: entry },
          { upsert: true, returnDocument: 'after', includeResultMetadata: true, lean: true },
        );
        return {
          entry: toEntry(result.value),
          created: !result.lastErrorObject?.updatedExisting,
        };
      } catch (error) {
        // On a real server the loser of two simultaneous upserts gets E11000: the entry exists.
        if (!isDuplicateKey(error)) throw error;
        const existing = await entries.findOne({ key: entry.key }).lean();
        if (!existing) throw error;
        return { entry: toEntry(existing), created: false };
      }
    },

    async byKey(key: string): Promise<LedgerEntry | undefined> {
      await init();
      const doc = await entries.findOne({ key }).lean();
      return doc ? toEntry(doc) : undefined;
    },

    /** Which of these keys are stored. */
    async existingKeys(keys: readonly string[]): Promise<Set<string>> {
      await init();
      const docs = await entries.find({ key: { $in: keys } }, { key: 1 }).lean();
      return new Set(docs.map((doc) => String(doc.key)));
    },

    forOrder: (orderNumber: string) => find({ orderNumber }),
    forOrders: (orderNumbers: readonly string[]) => find({ orderNumber: { $in: orderNumbers } }),

    /** Commission entries whose holding period ends in [from, to). */
    dueCommissions: (to: Date, from?: Date) =>
      find({ kind: 'commission', dueAt: { ...(from && { $gte: from }), $lt: to } }),

    /** A collaborator's entries of some kinds in one period. */
    of: (collaboratorId: string, period: Period, kinds: readonly LedgerKind[]) =>
      find({ collaboratorId, period, kind: { $in: kinds } }),

    /** Numbers of the orders delivered or returned (or moved after) since `since`. */
    async ordersMovedSince(since: Date): Promise<string[]> {
      const orders = modelOn(connection, 'Order', orderSchema);
      const docs = await orders
        .find(
          { state: { $in: ['delivered', 'returned'] }, updatedAt: { $gte: since } },
          { number: 1 },
        )
        .lean();
      return docs.map((doc) => String(doc.number));
    },

    /** Code and referrer of collaborators chosen by id or by code: the override's links. */
    async collaboratorLinks(
      filter: { ids: readonly string[] } | { codes: readonly string[] },
    ): Promise<{ id: string; code: string; referrerCode?: string }[]> {
      const collaborators = modelOn(connection, 'Collaborator', collaboratorSchema);
      const query =
        'ids' in filter ? { _id: { $in: filter.ids } } : { code: { $in: filter.codes } };
      const docs = await collaborators.find(query, { code: 1, referrerCode: 1 }).lean();
      return docs.map((doc) => ({
        id: String(doc._id),
        code: String(doc.code),
        ...(doc.referrerCode && { referrerCode: String(doc.referrerCode) }),
      }));
    },

    /** Every entry, oldest first: for the command line and tests. */
    all: () => find({}),

    /** A collaborator's sums per period and kind: what earnings are derived from. */
    async periodKindSums(collaboratorId: string): Promise<PeriodKindSum[]> {
      await init();
      const rows = await entries.aggregate<{
        _id: { period: Period; kind: LedgerKind };
        amount: Dong;
      }>([
        { $match: { collaboratorId: toObjectId(entries, collaboratorId) } },
        { $group: { _id: { period: '$period', kind: '$kind' }, amount: { $sum: '$amount' } } },
      ]);
      return rows.map((row) => ({
        period: row._id.period,
        kind: row._id.kind,
        amount: row.amount,
      }));
    },

    /** Per-kind sums of one collaborator over every period: the current balances. */
    async kindSums(collaboratorId: string): Promise<Partial<Record<LedgerKind, Dong>>> {
      const rows = await this.periodKindSums(collaboratorId);
      const sums: Partial<Record<LedgerKind, Dong>> = {};
      for (const row of rows) sums[row.kind] = (sums[row.kind] ?? 0) + row.amount;
      return sums;
    },

    /**
     * For the close of `period`: each collaborator with entries up to it, their approved
     * balance (leaving out the period's own close entries, so a second close sees what the
     * first saw) and the period's net delivered sales.
     */
    async closeSums(period: Period): Promise<CloseSums[]> {
      await init();
      const inPeriod = { $eq: ['$period', period] };
      const isKind = (kinds: readonly LedgerKind[]) => ({ $in: ['$kind', kinds] });
      const rows = await entries.aggregate<{
        _id: unknown;
        code: string;
        approved: Dong;
        sales: Dong;
      }>([
        { $match: { period: { $lte: period } } },
        {
          $group: {
            _id: '$collaboratorId',
            code: { $first: '$collaboratorCode' },
            approved: {
              $sum: {
                $cond: [
                  {
                    $and: [
                      isKind(APPROVED_KINDS),
                      { $not: [{ $and: [isKind(CLOSE_KINDS), inPeriod] }] },
                    ],
                  },
                  '$amount',
                  0,
                ],
              },
            },
            sales: {
              $sum: {
                $cond: [{ $and: [isKind(SALES_KINDS), inPeriod] }, { $ifNull: ['$base', 0] }, 0],
              },
            },
          },
        },
        { $sort: { code: 1 } },
      ]);
      return rows.map((row) => ({
        collaboratorId: String(row._id),
        collaboratorCode: row.code,
        approved: row.approved,
        sales: row.sales,
      }));
    },

    closes: {
      /** Records that `period` was closed; true the first time only. */
      async markOnce(period: Period, closedAt: Date, actor: string): Promise<boolean> {
        await init();
        try {
          const result = await closes.findOneAndUpdate(
            { period },
            { $setOnInsert: { period, closedAt, actor } },
            { upsert: true, includeResultMetadata: true },
          );
          return !result.lastErrorObject?.updatedExisting;
        } catch (error) {
          if (isDuplicateKey(error)) return false;
          throw error;
        }
      },

      /** The most recent month that was closed, if any. */
      async latest(): Promise<Period | undefined> {
        await init();
        const doc = await closes.findOne({}).sort({ period: -1 }).lean();
        return doc ? (doc.period as Period) : undefined;
      },

      async byPeriod(period: Period): Promise<{ closedAt: Date; actor: string } | undefined> {
        await init();
        const doc = await closes.findOne({ period }).lean();
        return doc ? { closedAt: doc.closedAt, actor: doc.actor } : undefined;
      },
    },
  };
}

export type LedgerRepository = ReturnType<typeof createLedgerRepository>;

/** Aggregations are not cast by mongoose: ids must be ObjectIds to match. */
function toObjectId(model: Model<unknown>, id: string): unknown {
  return new model.base.Types.ObjectId(id);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function toEntry(doc: any): LedgerEntry {
  return {
    key: doc.key,
    collaboratorId: String(doc.collaboratorId),
    collaboratorCode: doc.collaboratorCode,
    kind: doc.kind,
    amount: doc.amount,
    period: doc.period,
    ...(doc.orderNumber != null && { orderNumber: doc.orderNumber }),
    ...(doc.base != null && { base: doc.base }),
    ...(doc.rate != null && { rate: String(doc.rate) }),
    ...(doc.dueAt != null && { dueAt: doc.dueAt }),
    ...(doc.reason != null && { reason: doc.reason }),
    actor: doc.actor,
    at: doc.at,
  };
}
