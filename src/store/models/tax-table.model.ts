import { Schema } from 'mongoose';

/** A dated withholding rule (see `domain/tax.ts`); `effectiveFrom` is its natural key. */
export const taxTableSchema = new Schema(
  {
    effectiveFrom: { type: Date, required: true, unique: true },
    threshold: { type: Number, required: true },
    /** Percentage as a decimal string. */
    rate: { type: String, required: true },
  },
  { timestamps: true, collection: 'tax_tables' },
);

/**
 * The 08/CK-TNCN commitment of a collaborator for one year: filed, no tax is withheld from
 * that year's payments. Kept per year because the form is, and changed by an admin with the
 * CLI; the last change wins and the audit log keeps the history.
 */
export const taxCommitmentSchema = new Schema(
  {
    collaboratorId: { type: Schema.Types.ObjectId, required: true },
    collaboratorCode: { type: String, required: true },
    year: { type: Number, required: true },
    filed: { type: Boolean, required: true },
    changedAt: { type: Date, required: true },
    changedBy: { type: String, required: true },
  },
  { collection: 'tax_commitments', versionKey: false },
);

taxCommitmentSchema.index({ collaboratorId: 1, year: 1 }, { unique: true });
