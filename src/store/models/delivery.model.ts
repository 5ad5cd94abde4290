import { Schema } from 'mongoose';

export const DELIVERY_STATES = ['pending', 'sending', 'sent', 'blocked', 'failed'] as const;

/**
 * One message to one person, keyed: `broadcast:<broadcast id>:<collaborator id>` for a
 * broadcast, the caller's own key for a notice. Created by upsert before anything is sent,
 * then claimed by one worker at a time (pending → sending, with `lease.owner` and `lease.at`),
 * and closed as sent, blocked or failed. A lease older than the stale limit is claimed again.
 */
export const deliverySchema = new Schema(
  {
    key: { type: String, required: true, unique: true },
    broadcastId: { type: Schema.Types.ObjectId },
    collaboratorId: { type: Schema.Types.ObjectId },
    channel: { type: String, required: true },
    chatId: { type: String, required: true },
    /** The recipient's language when the delivery was listed. */
    locale: { type: String, enum: ['vi', 'en'], required: true, default: 'vi' },
    state: { type: String, enum: DELIVERY_STATES, required: true },
    attempts: { type: Number, required: true, default: 0 },
    lease: {
      owner: { type: String },
      at: { type: Date },
    },
    reason: { type: String },
    sentAt: { type: Date },
    finishedAt: { type: Date },
  },
  { timestamps: true, collection: 'deliveries' },
);

deliverySchema.index({ broadcastId: 1, state: 1 });
deliverySchema.index({ state: 1, 'lease.at': 1 });
