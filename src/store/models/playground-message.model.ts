import { Schema } from 'mongoose';

/** Messages the assistant sent to a playground user, kept so the web page can poll them. */
export const playgroundMessageSchema = new Schema(
  {
    userId: { type: String, required: true },
    seq: { type: Number, required: true },
    reply: { type: Schema.Types.Mixed, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'playground_messages', versionKey: false },
);

playgroundMessageSchema.index({ userId: 1, seq: 1 }, { unique: true });
