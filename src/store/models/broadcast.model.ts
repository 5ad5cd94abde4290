import { Schema } from 'mongoose';
import { mediaFileSchema } from './training-material.model.js';

export const BROADCAST_STATES = ['scheduled', 'sending', 'done', 'cancelled'] as const;

/**
 * A broadcast: an admin's message to an audience, now or at `sendAt`. `draftKey` (the
 * admin's chat draft) makes creating it safe to repeat. It moves scheduled → sending → done,
 * or scheduled → cancelled; each move is a compare-and-set on the state. `audience` is
 * checked by `readAudience` whenever it is read back.
 */
export const broadcastSchema = new Schema(
  {
    number: { type: Number, required: true, unique: true },
    draftKey: { type: String, required: true, unique: true },
    author: {
      channel: { type: String, required: true },
      userId: { type: String, required: true },
      chatId: { type: String, required: true },
      locale: { type: String, enum: ['vi', 'en'], required: true },
    },
    text: { type: String, required: true },
    file: { type: mediaFileSchema },
    materialId: { type: Schema.Types.ObjectId },
    audience: { type: Schema.Types.Mixed, required: true },
    audienceSize: { type: Number, required: true },
    state: { type: String, enum: BROADCAST_STATES, required: true },
    sendAt: { type: Date, required: true },
    startedAt: { type: Date },
    /** Set once every delivery record exists; a run that finds it unset creates them. */
    listedAt: { type: Date },
    /** Touched by the run that is sending, so a stalled broadcast can be found and resumed. */
    heartbeatAt: { type: Date },
    finishedAt: { type: Date },
    cancelledAt: { type: Date },
    cancelledBy: { type: String },
    counts: {
      total: { type: Number, default: 0 },
      sent: { type: Number, default: 0 },
      blocked: { type: Number, default: 0 },
      failed: { type: Number, default: 0 },
    },
  },
  { timestamps: true, collection: 'broadcasts', minimize: false },
);

broadcastSchema.index({ state: 1, sendAt: 1 });
broadcastSchema.index({ createdAt: -1 });
