import { Schema } from 'mongoose';

const commissionSchema = new Schema(
  {
    kind: { type: String, enum: ['rate', 'fixed'], required: true },
    /** Percentage as a decimal string ("4.5"); never a float, see DESIGN.md "Money". */
    rate: { type: String },
    /** Whole đồng per unit. */
    amount: { type: Number },
  },
  { _id: false },
);

/**
 * A catalog product. `sku` is the natural key every import upserts on; `nameKey` and
 * `categoryKey` are folded copies (no diacritics, lower case) so that search and category
 * pages match "my pham" and "Mỹ phẩm" alike without a `$text` index, which the emulator lacks.
 */
export const productSchema = new Schema(
  {
    sku: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    nameKey: { type: String, required: true },
    category: { type: String, required: true },
    categoryKey: { type: String, required: true },
    price: { type: Number, required: true },
    commission: { type: commissionSchema, default: undefined },
    description: { type: String, default: '' },
    photoUrl: { type: String },
    active: { type: Boolean, required: true, default: true },
    stock: { type: String, enum: ['in_stock', 'low', 'out_of_stock'], default: 'in_stock' },
  },
  { timestamps: true, collection: 'products' },
);

productSchema.index({ categoryKey: 1, active: 1, nameKey: 1 });
productSchema.index({ active: 1, nameKey: 1 });
