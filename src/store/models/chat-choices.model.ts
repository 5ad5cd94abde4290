import { Schema } from 'mongoose';

/**
 * The choices last shown in a chat on a channel without buttons (Zalo), where they are a
 * numbered list: a typed "2" or a typed label is read against them. Kept in the database, not
 * in memory, so that whichever instance receives the answer can read it. Keyed
 * `<channel>:<chatId>`; one document per chat, overwritten each time.
 */
export const chatChoicesSchema = new Schema(
  {
    key: { type: String, required: true, unique: true },
    userId: { type: String, required: true },
    choices: { type: [{ label: String, payload: String, _id: false }], default: [] },
    at: { type: Date, required: true },
  },
  { collection: 'chat_choices', versionKey: false },
);
