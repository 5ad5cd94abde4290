import { Schema } from 'mongoose';

const categoryTermsSchema = new Schema(
  {
    category: { type: String, required: true },
    kind: { type: String, enum: ['rate', 'fixed'], required: true },
    rate: { type: String },
    amount: { type: Number },
  },
  { _id: false },
);

const productTermsSchema = new Schema(
  {
    sku: { type: String, required: true },
    kind: { type: String, enum: ['rate', 'fixed'], required: true },
    rate: { type: String },
    amount: { type: Number },
  },
  { _id: false },
);

const tierSchema = new Schema(
  { threshold: { type: Number, required: true }, rate: { type: String, required: true } },
  { _id: false },
);

const overrideSchema = new Schema(
  { enabled: { type: Boolean, required: true }, rate: { type: String, required: true } },
  { _id: false },
);

/**
 * A dated commission rule book (see `domain/rule-book.ts`); `effectiveFrom` is its natural
 * key. Category terms are stored as a list rather than an object keyed by category, because
 * a category name may hold dots or start with `$`, which field names should not.
 */
export const ruleBookSchema = new Schema(
  {
    effectiveFrom: { type: Date, required: true, unique: true },
    defaultRate: { type: String, required: true },
    categories: { type: [categoryTermsSchema], default: [] },
    // The parts below are optional: absent means the defaults of `domain/rule-book.ts`.
    products: { type: [productTermsSchema], default: undefined },
    tiers: { type: [tierSchema], default: undefined },
    holdingDays: { type: Number },
    payoutMinimum: { type: Number },
    override: { type: overrideSchema, default: undefined },
  },
  { timestamps: true, collection: 'rule_books' },
);
