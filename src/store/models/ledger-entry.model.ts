import { Schema } from 'mongoose';
import { LEDGER_KINDS } from '../../domain/ledger.js';

/**
 * One ledger entry (see `domain/ledger.ts`). Append-only: entries are written with an upsert
 * on `key` that only sets fields on insert, and never updated or deleted afterwards. The
 * unique index on `key` is the safety net on a real server; the upsert is what keeps the
 * emulator, which enforces no unique index, from storing an entry twice.
 */
export const ledgerEntrySchema = new Schema(
  {
    key: { type: String, required: true, unique: true },
    collaboratorId: { type: Schema.Types.ObjectId, required: true },
    collaboratorCode: { type: String, required: true },
    kind: { type: String, enum: LEDGER_KINDS, required: true },
    /** Signed whole đồng. */
    amount: { type: Number, required: true },
    period: { type: String, required: true },
    orderNumber: { type: String },
    base: { type: Number },
    /** Percentage as a decimal string, never a float. */
    rate: { type: String },
    dueAt: { type: Date },
    reason: { type: String },
    actor: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'ledger_entries', versionKey: false },
);

ledgerEntrySchema.index({ collaboratorId: 1, period: 1, kind: 1 });
ledgerEntrySchema.index({ period: 1, kind: 1 });
ledgerEntrySchema.index({ orderNumber: 1 });
ledgerEntrySchema.index({ kind: 1, dueAt: 1 });
