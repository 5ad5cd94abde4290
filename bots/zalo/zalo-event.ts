import type { InboundEvent } from '../../src/conversation/types.js';
import { ZALO_EVENTS, type ZaloMessage, type ZaloUpdate } from './zalo-types.js';

/** Who wrote and where, for the replies the adapter gives without the engine. */
export interface ZaloWriter {
  userId: string;
  chatId: string;
  messageId?: string;
  at: Date;
}

/**
 * What an update means to the adapter:
 * - `event`: hand it to the conversation engine;
 * - `unsupported`: a private message the product cannot read (voice, file …): answer politely;
 * - `group`: a message in a group, which is not served (`command` when it starts with `/`);
 * - `ignored`: nothing to answer (no message, sent by a bot, no sender).
 */
export type ZaloInbound =
  | { kind: 'event'; event: InboundEvent }
  | ({ kind: 'unsupported' } & ZaloWriter)
  | ({ kind: 'group'; command: boolean } & ZaloWriter)
  | { kind: 'ignored' };

/** Maps a Zalo update to what the adapter should do with it; `now` dates undated messages. */
export function readZaloUpdate(update: ZaloUpdate, now: Date): ZaloInbound {
  const message = update.message;
  if (!message?.from?.id || !message.chat?.id || message.from.is_bot) return { kind: 'ignored' };

  const writer: ZaloWriter = {
    userId: String(message.from.id),
    chatId: String(message.chat.id),
    messageId: message.message_id === undefined ? undefined : String(message.message_id),
    at: eventTime(message.date, now),
  };
  if (message.chat.chat_type === 'GROUP') {
    return { kind: 'group', command: /^\s*\//.test(message.text ?? ''), ...writer };
  }

  const content = contentOf(update.event_name, message);
  if (!content) return { kind: 'unsupported', ...writer };
  return {
    kind: 'event',
    event: {
      channel: 'zalo',
      userId: writer.userId,
      chatId: writer.chatId,
      displayName: message.from.display_name || undefined,
      ...content,
      // No update id on Zalo: the engine dedupes a resent event by its message id.
      messageId: writer.messageId,
      at: writer.at,
    },
  };
}

/**
 * The time of a message. Zalo sends milliseconds; a value small enough to be seconds (as in
 * some older examples) is read as seconds. No date at all means "now".
 */
export function eventTime(date: number | undefined, now: Date): Date {
  if (typeof date !== 'number' || !Number.isFinite(date) || date <= 0) return now;
  return new Date(date < 1e12 ? date * 1000 : date);
}

/**
 * The update in a webhook body. Zalo's examples show both the bare update and the same
 * `{ok, result}` envelope that `getUpdates` answers with; either is accepted.
 */
export function updateFromWebhookBody(body: unknown): ZaloUpdate | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const outer = body as Record<string, unknown>;
  const inner = (
    typeof outer.result === 'object' && outer.result !== null ? outer.result : outer
  ) as Record<string, unknown>;
  const eventName = inner.event_name ?? outer.event_name;
  const message = inner.message ?? outer.message;
  if (typeof eventName !== 'string') return undefined;
  return { event_name: eventName, message: message as ZaloMessage | undefined };
}

function contentOf(eventName: string, message: ZaloMessage): Partial<InboundEvent> | undefined {
  switch (eventName) {
    case ZALO_EVENTS.text:
      return typeof message.text === 'string' ? { text: message.text } : undefined;
    case ZALO_EVENTS.image:
      // A caption is kept out of `text`: a photo is not a typed answer to a question.
      return { attachment: { kind: 'photo', fileId: message.photo_url } };
    case ZALO_EVENTS.sticker:
      return { attachment: { kind: 'sticker', fileId: message.sticker } };
    default:
      return undefined;
  }
}
