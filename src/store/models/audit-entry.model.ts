import { Schema } from 'mongoose';

/** Append-only record of who decided what; never updated, never deleted. */
export const auditEntrySchema = new Schema(
  {
    at: { type: Date, required: true },
    actor: { type: String, required: true },
    action: { type: String, required: true },
    subject: { type: String, required: true },
    details: { type: Schema.Types.Mixed, default: {} },
  },
  { collection: 'audit_log', versionKey: false },
);

auditEntrySchema.index({ subject: 1, at: -1 });
auditEntrySchema.index({ at: -1 });
