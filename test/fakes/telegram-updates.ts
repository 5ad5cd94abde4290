/**
 * Builders for incoming Telegram updates, used with the fake Bot API in `telegram-api.ts`.
 *
 * The builders return updates without an `update_id`; `FakeTelegramApi.pushUpdate` and
 * `FakeTelegramApi.deliverWebhook` assign one. Message ids come from one counter shared with
 * the messages the fake "sends", so ids increase in the order things happen, as in a real chat.
 */
import type { IncomingMessage } from 'node:http';
import type { Chat, Message, Update, User, UserFromGetMe } from 'grammy/types';

/** An update before the fake gives it an `update_id`. */
export type NewUpdate = Omit<Update, 'update_id'> & { update_id?: number };

/** The user an update comes from: only `id` is required. */
export interface FakeUser {
  id: number;
  first_name?: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

/** The bot user the builders put in `callback_query.message.from` (the fake's `getMe` may differ). */
export const DEFAULT_BOT_USER: User = {
  id: 1000000001,
  is_bot: true,
  first_name: 'CTV Test Bot',
  username: 'ctv_test_bot',
};

let lastMessageId = 0;
let lastCallbackId = 0;
let lastFileId = 0;

/** Returns the next message id (shared by incoming and outgoing messages). */
export function nextMessageId(): number {
  return ++lastMessageId;
}

/** Returns a fresh `[file_id, file_unique_id]` pair. */
export function nextFileIds(): [string, string] {
  lastFileId += 1;
  return [`fake-file-${lastFileId}`, `fake-unique-${lastFileId}`];
}

/** Current Unix time in seconds, as Telegram's `date` fields. */
export function unixNow(): number {
  return Math.floor(Date.now() / 1000);
}

/** Turns a {@link FakeUser} into a full Telegram `User` (a human, not a bot). */
export function toUser(from: FakeUser): User {
  return { is_bot: false, first_name: from.first_name ?? `User ${from.id}`, ...from };
}

/** The private chat between the bot and `from`. */
export function privateChat(from: FakeUser): Chat.PrivateChat {
  const user = toUser(from);
  const chat: Chat.PrivateChat = { id: user.id, type: 'private', first_name: user.first_name };
  if (user.last_name !== undefined) chat.last_name = user.last_name;
  if (user.username !== undefined) chat.username = user.username;
  return chat;
}

/** The bot user `getMe` answers with. */
export function botUserFromGetMe(id: number, username = 'ctv_test_bot'): UserFromGetMe {
  return {
    id,
    is_bot: true,
    first_name: 'CTV Test Bot',
    username,
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
    can_manage_bots: false,
    supports_join_request_queries: false,
  };
}

/** The chat a send method's `chat_id` names: private (> 0), supergroup (< 0) or `@channel`. */
export function chatForId(chatId: unknown): Chat {
  if (typeof chatId === 'number') {
    return chatId > 0
      ? { id: chatId, type: 'private', first_name: `User ${chatId}` }
      : { id: chatId, type: 'supergroup', title: `Group ${chatId}` };
  }
  const username = String(chatId).replace(/^@/, '');
  return { id: -1000000000001, type: 'channel', title: username, username };
}

function baseMessage(from: FakeUser) {
  return {
    message_id: nextMessageId(),
    date: unixNow(),
    chat: privateChat(from),
    from: toUser(from),
  };
}

/**
 * A private text message from `from`. A leading `/command` gets its `bot_command` entity, so
 * grammY's `bot.command()` matches it. `extra` is merged into the message (e.g. `entities`).
 */
export function textMessage(from: FakeUser, text: string, extra: Partial<Message> = {}): NewUpdate {
  const command = /^\/[^\s]+/.exec(text)?.[0];
  const entities = command
    ? [{ type: 'bot_command' as const, offset: 0, length: command.length }]
    : [];
  const message = {
    ...baseMessage(from),
    text,
    ...(entities.length ? { entities } : {}),
    ...extra,
  };
  return { message: message as NonNullable<Update['message']> };
}

/**
 * A callback query (inline-button press) from `from` with `data`, attached to a bot message in
 * the private chat; `messageId` is that message's id (a new one when omitted).
 */
export function callbackQuery(from: FakeUser, data: string, messageId?: number): NewUpdate {
  lastCallbackId += 1;
  const message: Message = {
    message_id: messageId ?? nextMessageId(),
    date: unixNow(),
    chat: privateChat(from),
    from: DEFAULT_BOT_USER,
    text: '…',
  };
  return {
    callback_query: {
      id: `fake-cbq-${lastCallbackId}`,
      from: toUser(from),
      chat_instance: `fake-instance-${from.id}`,
      data,
      message,
    },
  };
}

/** A private message in which `from` shares their own contact (the "share phone" button). */
export function contactMessage(from: FakeUser, phone_number: string): NewUpdate {
  const user = toUser(from);
  const contact = { phone_number, first_name: user.first_name, user_id: user.id };
  return { message: { ...baseMessage(from), contact } };
}

/** A private message in which `from` sends a document (fetch it with `getFile`). */
export function documentMessage(from: FakeUser, fileName: string, mimeType: string): NewUpdate {
  const [file_id, file_unique_id] = nextFileIds();
  const document = { file_id, file_unique_id, file_name: fileName, mime_type: mimeType };
  return { message: { ...baseMessage(from), document: { ...document, file_size: 1024 } } };
}

// --- Request decoding, used by the fake server -------------------------------------------------

/** A file part of a multipart upload. */
export interface UploadedFile {
  fileName: string;
  contentType?: string;
  bytes: Buffer;
}

const NUMERIC_KEYS = ['chat_id', 'from_chat_id', 'message_id', 'offset', 'limit', 'timeout'];

/** Reads a whole request body. */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Decodes a form value: JSON objects/arrays are parsed, numeric ids become numbers. */
export function decodeFormValue(key: string, value: string): unknown {
  if (NUMERIC_KEYS.includes(key) && /^-?\d+$/.test(value)) return Number(value);
  if (/^\s*[[{]/.test(value)) {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }
  return value;
}

/** Decodes a JSON, urlencoded or multipart/form-data body into params and uploaded files. */
export function parseParams(contentType: string, body: Buffer) {
  const params: Record<string, unknown> = {};
  const files: Record<string, UploadedFile> = {};
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json' && body.length > 0) {
    Object.assign(params, JSON.parse(body.toString('utf8')));
  } else if (type === 'application/x-www-form-urlencoded') {
    for (const [k, v] of new URLSearchParams(body.toString('utf8')))
      params[k] = decodeFormValue(k, v);
  } else if (type === 'multipart/form-data') {
    const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
    const delimiter = Buffer.from(`\r\n--${(match?.[1] ?? match?.[2] ?? '').trim()}`);
    const data = Buffer.concat([Buffer.from('\r\n'), body]);
    let at = data.indexOf(delimiter);
    while (at !== -1) {
      const start = at + delimiter.length;
      const next = data.indexOf(delimiter, start);
      if (next === -1 || data.subarray(start, start + 2).toString() === '--') break;
      const part = data.subarray(data.indexOf('\r\n', start) + 2, next);
      const headerEnd = part.indexOf('\r\n\r\n');
      const headers = part.subarray(0, headerEnd).toString('utf8');
      const content = part.subarray(headerEnd + 4);
      const disposition = /content-disposition:([^\r\n]*)/i.exec(headers)?.[1] ?? '';
      const name = /(?:^|;)\s*name="([^"]*)"/i.exec(disposition)?.[1] ?? '';
      const fileName = /;\s*filename=(?:"([^"]*)"|([^;\r\n]*))/i.exec(disposition);
      if (fileName) {
        const ct = /content-type:\s*([^\r\n]*)/i.exec(headers)?.[1]?.trim();
        files[name] = {
          fileName: (fileName[1] ?? fileName[2] ?? '').trim(),
          bytes: Buffer.from(content),
        };
        if (ct) files[name].contentType = ct;
      } else {
        params[name] = decodeFormValue(name, content.toString('utf8'));
      }
      at = next;
    }
  }
  return { params, files };
}
