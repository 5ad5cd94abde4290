import { Schema } from 'mongoose';

/**
 * One-time codes that join a second channel identity to a collaborator. `key` is
 * `collaborator:<id>`: asking again replaces the previous code (a keyed upsert), so a
 * collaborator has at most one live code. Only the code's SHA-256 is stored.
 */
export const linkCodeSchema = new Schema(
  {
    key: { type: String, required: true, unique: true },
    collaboratorId: { type: String, required: true },
    codeHash: { type: String, required: true, index: true },
    fromChannel: { type: String, required: true },
    issuedAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    usedAt: { type: Date, default: null },
    usedBy: { type: String, default: null },
  },
  { collection: 'link_codes', versionKey: false },
);

// On a real server, codes disappear a day after they expire (the emulator ignores TTL).
linkCodeSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 86_400 });
