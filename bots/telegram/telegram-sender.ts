import { type Api, InputFile } from 'grammy';
import type { ChannelSender, Reply } from '../../src/conversation/types.js';
import { type OutgoingMessage, removesKeyboard, renderReply } from './telegram-render.js';

/** Sends replies to Telegram chats; `deliver` sends one turn's replies in order. */
export interface TelegramSender extends ChannelSender {
  deliver(chatId: string, replies: Reply[]): Promise<void>;
}

export interface TelegramSenderOptions {
  api: Api;
  /** The contact keyboard's texts in the chat's language; asked only when a reply needs them. */
  contactTexts(chatId: string): Promise<{ button: string; hint: string }>;
  /** How many chats with an open contact keyboard to remember (oldest forgotten first). */
  maxTrackedChats?: number;
}

/**
 * The Telegram sender. It remembers, in memory, which chats still show the "share my phone"
 * keyboard so the next reply can take it away. Losing that memory (a restart, another
 * instance answering) only leaves a stale button on screen, which is why it is not stored.
 */
export function createTelegramSender(options: TelegramSenderOptions): TelegramSender {
  const { api } = options;
  const maxTracked = options.maxTrackedChats ?? 10_000;
  const openKeyboards = new Set<string>();

  async function call(chatId: string, message: OutgoingMessage): Promise<void> {
    const chat = /^-?\d+$/.test(chatId) ? Number(chatId) : chatId;
    const common = { parse_mode: 'HTML' as const, reply_markup: message.markup };
    switch (message.method) {
      case 'sendMessage':
        await api.sendMessage(chat, message.text, common);
        return;
      case 'sendDocument':
        await api.sendDocument(chat, new InputFile(message.file.data, message.file.fileName), {
          ...common,
          caption: message.caption,
        });
        return;
      case 'sendPhoto':
        await api.sendPhoto(chat, message.url, { ...common, caption: message.caption });
        return;
    }
  }

  function remember(chatId: string): void {
    openKeyboards.delete(chatId);
    openKeyboards.add(chatId);
    if (openKeyboards.size > maxTracked) {
      openKeyboards.delete(openKeyboards.values().next().value!);
    }
  }

  async function deliver(chatId: string, replies: Reply[]): Promise<void> {
    for (const [index, reply] of replies.entries()) {
      // A retry message followed by the phone prompt again must not flash the keyboard away.
      const askedAgain = replies.slice(index + 1).some((later) => later.requestContact);
      const messages = renderReply(reply, {
        removeKeyboard: openKeyboards.has(chatId) && !askedAgain,
        contact: reply.requestContact ? await options.contactTexts(chatId) : undefined,
      });
      for (const message of messages) await call(chatId, message);

      if (reply.requestContact) remember(chatId);
      else if (removesKeyboard(messages)) openKeyboards.delete(chatId);
    }
  }

  return {
    deliver,
    send: (chatId, reply) => deliver(chatId, [reply]),
  };
}
