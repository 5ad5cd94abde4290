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
  },
  { timestamps: true, collection: 'rule_books' },
);
