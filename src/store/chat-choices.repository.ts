import type { Connection, Model } from 'mongoose';
import type { Channel } from '../domain/channel.js';
import { chatChoicesSchema } from './models/chat-choices.model.js';

/** A choice as remembered: what was shown and what choosing it sends. */
export interface RememberedChoice {
  label: string;
  payload: string;
}

/** The choices last shown in a chat, and who the chat belongs to. */
export interface ChatChoices {
  userId: string;
  choices: RememberedChoice[];
}

/** Reads and writes of the `chat_choices` collection; see its model. */
export function createChatChoicesRepository(connection: Connection) {
  const model = ((connection.models.ChatChoices as Model<unknown> | undefined) ??
    connection.model('ChatChoices', chatChoicesSchema)) as Model<Record<string, unknown>>;

  return {
    init: () => model.init(),

    /** Replaces the chat's choices (an empty list forgets them). */
    async remember(
      channel: Channel,
      chatId: string,
      userId: string,
      choices: RememberedChoice[],
      at: Date,
    ): Promise<void> {
      const plain = choices.map(({ label, payload }) => ({ label, payload }));
      await model.updateOne(
        { key: `${channel}:${chatId}` },
        { $set: { userId, choices: plain, at } },
        { upsert: true },
      );
    },

    async recall(channel: Channel, chatId: string): Promise<ChatChoices | undefined> {
      const doc = await model
        .findOne({ key: `${channel}:${chatId}` })
        .lean<{ userId: string; choices?: RememberedChoice[] }>();
      if (!doc) return undefined;
      const choices = (doc.choices ?? []).map(({ label, payload }) => ({ label, payload }));
      return { userId: doc.userId, choices };
    },
  };
}

export type ChatChoicesRepository = ReturnType<typeof createChatChoicesRepository>;
