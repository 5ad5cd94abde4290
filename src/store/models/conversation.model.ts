import { Schema, type InferSchemaType } from 'mongoose';

/**
 * Conversation state per (channel, user): the running flow, its step and data, and the
 * user's language. `version` is compared on every save so two updates handled at once by
 * two processes cannot both win.
 */
export const conversationSchema = new Schema(
  {
    key: { type: String, required: true, unique: true },
    channel: { type: String, required: true },
    userId: { type: String, required: true },
    chatId: { type: String, required: true },
    locale: { type: String, enum: ['vi', 'en'] },
    flow: { type: String, default: null },
    runId: { type: String, default: null },
    step: { type: String, default: null },
    data: { type: Schema.Types.Mixed, default: {} },
    choices: { type: [{ label: String, payload: String, _id: false }], default: [] },
    expiresAt: { type: Date, default: null },
    version: { type: Number, required: true, default: 0 },
  },
  { timestamps: true, collection: 'conversations', minimize: false },
);

export type ConversationDoc = InferSchemaType<typeof conversationSchema>;
