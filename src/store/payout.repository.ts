import type { Connection } from 'mongoose';
import type { PayoutDraft } from '../domain/month-close.js';
import type { Period } from '../domain/period.js';
import type { TaxTable } from '../domain/tax.js';
import { modelOn } from './ledger.repository.js';
import { payoutSchema } from './models/payout.model.js';
import { taxCommitmentSchema, taxTableSchema } from './models/tax-table.model.js';
import { isDuplicateKey } from './repositories.js';

/** `pending` from month close until an admin marks the transfer made: `paid`. */
export type PayoutStatus = 'pending' | 'paid';

/** A payout as stored. */
export interface Payout extends PayoutDraft {
  status: PayoutStatus;
  createdAt: Date;
  paidAt?: Date;
  paidBy?: string;
  reference?: string;
}

/** Payout records, tax tables and 08/CK-TNCN commitments. */
export function createPayoutRepository(connection: Connection) {
  const payouts = modelOn(connection, 'Payout', payoutSchema);
  const tables = modelOn(connection, 'TaxTable', taxTableSchema);
  const commitments = modelOn(connection, 'TaxCommitment', taxCommitmentSchema);
  let ready: Promise<unknown> | undefined;
  const init = () => (ready ??= Promise.all([payouts.init(), tables.init(), commitments.init()]));

  return {
    init,

    /** Creates the payout of (collaborator, period) unless it exists; the first one stays. */
    async createOnce(draft: PayoutDraft, at: Date): Promise<{ payout: Payout; created: boolean }> {
      await init();
      const filter = { collaboratorId: draft.collaboratorId, period: draft.period };
      try {
        const result = await payouts.findOneAndUpdate(
          filter,
          { $setOnInsert: { ...draft, status: 'pending', createdAt: at } },
          { upsert: true, returnDocument: 'after', includeResultMetadata: true, lean: true },
        );
        return {
          payout: toPayout(result.value),
          created: !result.lastErrorObject?.updatedExisting,
        };
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        const existing = await payouts.findOne(filter).lean();
        if (!existing) throw error;
        return { payout: toPayout(existing), created: false };
      }
    },

    async of(collaboratorId: string, period: Period): Promise<Payout | undefined> {
      await init();
      const doc = await payouts.findOne({ collaboratorId, period }).lean();
      return doc ? toPayout(doc) : undefined;
    },

    /** A period's payouts by collaborator code; `status` narrows them. */
    async list(period: Period, status?: PayoutStatus, skip = 0, limit = 0): Promise<Payout[]> {
      await init();
      const docs = await payouts
        .find({ period, ...(status && { status }) })
        .sort({ collaboratorCode: 1 })
        .skip(skip)
        .limit(limit)
        .lean();
      return docs.map(toPayout);
    },

    async count(period: Period, status?: PayoutStatus): Promise<number> {
      await init();
      return payouts.countDocuments({ period, ...(status && { status }) });
    },

    /**
     * Marks a pending payout paid, compare-and-set on its status: undefined when it was not
     * pending (already paid, or none), so a second press changes nothing and notifies nobody.
     */
    async markPaid(
      collaboratorId: string,
      period: Period,
      paid: { at: Date; by: string; reference?: string },
    ): Promise<Payout | undefined> {
      await init();
      const doc = await payouts
        .findOneAndUpdate(
          { collaboratorId, period, status: 'pending' },
          {
            $set: {
              status: 'paid',
              paidAt: paid.at,
              paidBy: paid.by,
              ...(paid.reference && { reference: paid.reference }),
            },
          },
          { returnDocument: 'after' },
        )
        .lean();
      return doc ? toPayout(doc) : undefined;
    },

    taxTables: {
      async all(): Promise<TaxTable[]> {
        await init();
        const docs = await tables.find({}).sort({ effectiveFrom: 1 }).lean();
        return docs.map((doc) => ({
          effectiveFrom: doc.effectiveFrom,
          threshold: doc.threshold,
          rate: String(doc.rate),
        }));
      },

      /** Stores a table under its `effectiveFrom`; the same date again replaces it. */
      async save(table: TaxTable): Promise<void> {
        await init();
        await tables.updateOne(
          { effectiveFrom: table.effectiveFrom },
          { $set: { threshold: table.threshold, rate: table.rate } },
          { upsert: true },
        );
      },
    },

    commitments: {
      /** Sets whether the collaborator filed the commitment for `year`; true when it changed. */
      async set(
        owner: { collaboratorId: string; collaboratorCode: string },
        year: number,
        filed: boolean,
        by: string,
        at: Date,
      ): Promise<boolean> {
        await init();
        const filter = { collaboratorId: owner.collaboratorId, year };
        const before = await commitments.findOne(filter).lean();
        if ((before?.filed ?? false) === filed) return false;
        await commitments.updateOne(
          filter,
          { $set: { ...owner, year, filed, changedAt: at, changedBy: by } },
          { upsert: true },
        );
        return true;
      },

      /** The ids, among `collaboratorIds`, of those who filed for `year`. */
      async filed(collaboratorIds: readonly string[], year: number): Promise<Set<string>> {
        await init();
        const docs = await commitments
          .find(
            { collaboratorId: { $in: collaboratorIds }, year, filed: true },
            { collaboratorId: 1 },
          )
          .lean();
        return new Set(docs.map((doc) => String(doc.collaboratorId)));
      },
    },
  };
}

export type PayoutRepository = ReturnType<typeof createPayoutRepository>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function toPayout(doc: any): Payout {
  return {
    collaboratorId: String(doc.collaboratorId),
    collaboratorCode: doc.collaboratorCode,
    period: doc.period,
    gross: doc.gross,
    tax: doc.tax,
    net: doc.net,
    status: doc.status,
    createdAt: doc.createdAt,
    ...(doc.paidAt != null && { paidAt: doc.paidAt }),
    ...(doc.paidBy != null && { paidBy: doc.paidBy }),
    ...(doc.reference != null && { reference: doc.reference }),
  };
}
