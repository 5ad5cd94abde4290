import { Schema } from 'mongoose';

/** One document per inbound update or message id already handled; the key is unique. */
export const processedUpdateSchema = new Schema(
  {
    key: { type: String, required: true, unique: true },
    at: { type: Date, required: true },
  },
  { collection: 'processed_updates', versionKey: false },
);

// On a real server, old keys expire after 30 days (the emulator ignores TTL indexes).
processedUpdateSchema.index({ at: 1 }, { expireAfterSeconds: 30 * 24 * 3600 });
