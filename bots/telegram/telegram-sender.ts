import { readFile } from 'node:fs/promises';
import { autoRetry } from '@grammyjs/auto-retry';
import path from 'node:path';
import { Api, GrammyError, InputFile } from 'grammy';
import type { Message } from 'grammy/types';
import type { ChannelSender, Reply } from '../../src/conversation/types.js';
import { toSendError } from './telegram-errors.js';
import {
  type OutgoingMessage,
  removesKeyboard,
  renderReply,
  type UploadFile,
} from './telegram-render.js';

/** Sends replies to Telegram chats; `deliver` sends one turn's replies in order. */
export interface TelegramSender extends ChannelSender {
  deliver(chatId: string, replies: Reply[]): Promise<void>;
  sendPaced(chatId: string, reply: Reply): Promise<{ fileRef?: string }>;
  downloadFile(fileId: string): Promise<Buffer>;
}

/** The largest file the Bot API lets a bot download (`getFile`). */
export const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;

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
  // Broadcasts and notices go through an Api without the channel's auto-retry, which would
  // otherwise sit out a 429 silently while the delivery service keeps every other worker going.
  const direct = new Api(api.token, api.options);
  const maxTracked = options.maxTrackedChats ?? 10_000;
  const openKeyboards = new Set<string>();

  /** Makes one Bot API call; resolves with the `file_id` of a file it uploaded. */
  async function call(
    target: Api,
    chatId: string,
    message: OutgoingMessage,
  ): Promise<string | undefined> {
    const chat = /^-?\d+$/.test(chatId) ? Number(chatId) : chatId;
    const common = { parse_mode: 'HTML' as const, reply_markup: message.markup };
    const other = { ...common, caption: 'caption' in message ? message.caption : undefined };
    switch (message.method) {
      case 'sendMessage':
        await target.sendMessage(chat, message.text, common);
        return undefined;
      case 'sendDocument': {
        const sent = await upload(message.file, (file) => target.sendDocument(chat, file, other));
        return sent.document.file_id;
      }
      case 'sendPhoto': {
        if ('url' in message) {
          await target.sendPhoto(chat, message.url, other);
          return undefined;
        }
        const sent = await upload(message.file, (file) => target.sendPhoto(chat, file, other));
        // Telegram answers with every size it made; the largest, last, is the original.
        return sent.photo.at(-1)?.file_id;
      }
      case 'sendVideo': {
        const sent = await upload(message.file, (file) => target.sendVideo(chat, file, other));
        return sent.video.file_id;
      }
    }
  }

  function remember(chatId: string): void {
    openKeyboards.delete(chatId);
    openKeyboards.add(chatId);
    if (openKeyboards.size > maxTracked) {
      openKeyboards.delete(openKeyboards.values().next().value!);
    }
  }

  /** Sends replies in order; resolves with the `file_id` of the last file uploaded. */
  async function deliverVia(target: Api, chatId: string, replies: Reply[]) {
    let fileRef: string | undefined;
    for (const [index, reply] of replies.entries()) {
      // A retry message followed by the phone prompt again must not flash the keyboard away.
      const askedAgain = replies.slice(index + 1).some((later) => later.requestContact);
      const messages = renderReply(reply, {
        removeKeyboard: openKeyboards.has(chatId) && !askedAgain,
        contact: reply.requestContact ? await options.contactTexts(chatId) : undefined,
      });
      for (const message of messages) fileRef = (await call(target, chatId, message)) ?? fileRef;

      if (reply.requestContact) remember(chatId);
      else if (removesKeyboard(messages)) openKeyboards.delete(chatId);
    }
    return fileRef;
  }

  async function deliver(chatId: string, replies: Reply[]): Promise<void> {
    await deliverVia(api, chatId, replies);
  }

  return {
    deliver,
    send: (chatId, reply) => deliver(chatId, [reply]),

    // A reply cut into several messages is sent again whole when a later piece fails: rare
    // (only text over 4,096 characters), and a repeated piece beats a missing one.
    async sendPaced(chatId, reply) {
      try {
        return { fileRef: await deliverVia(direct, chatId, [reply]) };
      } catch (error) {
        throw toSendError(error);
      }
    },

    downloadFile: (fileId) => downloadFile(api, fileId),
  };
}

/**
 * Sends a file by its `file_id` when it has one. A `file_id` belongs to one bot: after a token
 * change Telegram answers 400, and the bytes are uploaded instead.
 */
async function upload<T extends Message>(
  file: UploadFile,
  send: (file: InputFile | string) => Promise<T>,
): Promise<T> {
  const bytes = () => new InputFile(file.data, file.fileName);
  if (!file.fileRef) return send(bytes());
  try {
    return await send(file.fileRef);
  } catch (error) {
    if (!(error instanceof GrammyError) || error.error_code !== 400) throw error;
    return send(bytes());
  }
}

/**
 * Downloads a file a person sent: `getFile`, then the file URL. Errors never quote the URL,
 * which holds the bot token. A local Bot API server run with `--local` answers with a path
 * on its own disk instead, readable when the bot runs beside it.
 */
async function downloadFile(api: Api, fileId: string): Promise<Buffer> {
  const file = await api.getFile(fileId);
  if (!file.file_path) throw new Error('Telegram gave no path for the file');
  if ((file.file_size ?? 0) > MAX_DOWNLOAD_BYTES) throw new Error('The file is over 20 MB');
  if (path.isAbsolute(file.file_path)) return readFile(file.file_path);

  const root = api.options?.apiRoot ?? 'https://api.telegram.org';
  const response = await fetch(`${root}/file/bot${api.token}/${file.file_path}`).catch(() => {
    throw new Error('Telegram file download failed: network error');
  });
  if (!response.ok) throw new Error(`Telegram file download failed: HTTP ${response.status}`);
  const data = Buffer.from(await response.arrayBuffer());
  if (data.length > MAX_DOWNLOAD_BYTES) throw new Error('The file is over 20 MB');
  return data;
}

/**
 * A sender for a process that takes no updates (`ROLE=worker`), whose jobs still send
 * broadcasts and notices. A notice never asks for a contact, so it has no keyboard texts.
 */
export function createSendOnlyTelegramSender(token: string, apiRoot?: string): TelegramSender {
  const api = new Api(token, { apiRoot });
  api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60, rethrowHttpErrors: true }));
  return createTelegramSender({
    api,
    contactTexts: () => Promise.reject(new Error('A notice cannot ask for a contact')),
  });
}
