import { Schema } from 'mongoose';

export const ORDER_STATES = [
  'submitted',
  'confirmed',
  'delivered',
  'cancelled',
  'returned',
] as const;

/** Commission terms frozen on a line: `rate` (a decimal string) or a fixed `amount` per unit. */
const termsSchema = new Schema(
  {
    kind: { type: String, enum: ['rate', 'fixed'], required: true },
    rate: { type: String },
    amount: { type: Number },
  },
  { _id: false },
);

const lineSchema = new Schema(
  {
    sku: { type: String, required: true },
    name: { type: String, required: true },
    unitPrice: { type: Number, required: true },
    quantity: { type: Number, required: true },
    commission: { type: termsSchema, required: true },
  },
  { _id: false },
);

const historySchema = new Schema(
  {
    from: { type: String, enum: ORDER_STATES },
    to: { type: String, enum: ORDER_STATES, required: true },
    at: { type: Date, required: true },
    actor: {
      role: { type: String, enum: ['admin', 'collaborator', 'system'], required: true },
      id: { type: String, required: true },
    },
    reason: { type: String },
  },
  { _id: false },
);

/**
 * A customer order. `number` (`DH-000123`) is what people see; `idempotencyKey` (one per chat
 * draft) makes submission safe to repeat; `version` is compared on every transition so that two
 * admins pressing at once produce one move. Lines carry their price and commission terms as
 * they were at submission and are never rewritten.
 */
export const orderSchema = new Schema(
  {
    number: { type: String, required: true, unique: true },
    seq: { type: Number, required: true },
    idempotencyKey: { type: String, required: true, unique: true },
    collaboratorId: { type: Schema.Types.ObjectId, required: true },
    collaboratorCode: { type: String, required: true },
    customer: {
      name: { type: String, required: true },
      phone: { type: String, required: true },
      address: { type: String, required: true },
    },
    note: { type: String },
    lines: { type: [lineSchema], required: true },
    total: { type: Number, required: true },
    expectedCommission: { type: Number, required: true },
    state: { type: String, enum: ORDER_STATES, required: true },
    submittedAt: { type: Date, required: true },
    period: { type: String, required: true },
    history: { type: [historySchema], default: [] },
    version: { type: Number, required: true, default: 0 },
  },
  { timestamps: true, collection: 'orders', versionKey: false },
);

orderSchema.index({ collaboratorId: 1, submittedAt: -1 });
orderSchema.index({ collaboratorCode: 1, submittedAt: -1 });
orderSchema.index({ state: 1, submittedAt: -1 });
orderSchema.index({ period: 1, collaboratorId: 1 });
