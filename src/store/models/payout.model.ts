import { Schema } from 'mongoose';

/**
 * What month close decided to pay one collaborator for one period: one record per
 * (collaborator, period), created with an upsert on that pair. `pending` until an admin marks
 * it paid with the bank reference of the transfer. Amounts are whole đồng.
 */
export const payoutSchema = new Schema(
  {
    collaboratorId: { type: Schema.Types.ObjectId, required: true },
    collaboratorCode: { type: String, required: true },
    period: { type: String, required: true },
    gross: { type: Number, required: true },
    tax: { type: Number, required: true },
    net: { type: Number, required: true },
    status: { type: String, enum: ['pending', 'paid'], required: true, default: 'pending' },
    createdAt: { type: Date, required: true },
    paidAt: { type: Date },
    paidBy: { type: String },
    reference: { type: String },
  },
  { collection: 'payouts', versionKey: false },
);

payoutSchema.index({ collaboratorId: 1, period: 1 }, { unique: true });
payoutSchema.index({ period: 1, status: 1, collaboratorCode: 1 });

/**
 * A month close that ran: one per period, written once (the first run's time and actor stay).
 * Its presence is what "the month is closed" means for earnings and statements.
 */
export const monthCloseSchema = new Schema(
  {
    period: { type: String, required: true, unique: true },
    closedAt: { type: Date, required: true },
    actor: { type: String, required: true },
  },
  { collection: 'month_closes', versionKey: false },
);
