import { Schema } from 'mongoose';

/** Named sequences for human-readable numbers (collaborator codes, order numbers). */
export const counterSchema = new Schema(
  {
    name: { type: String, required: true, unique: true },
    value: { type: Number, required: true, default: 0 },
  },
  { collection: 'counters', versionKey: false },
);
