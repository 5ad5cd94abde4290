import type { Message, Update, User } from 'grammy/types';
import type { InboundEvent } from '../../src/conversation/types.js';

type AttachmentKind = NonNullable<InboundEvent['attachment']>['kind'];

/** Message contents a person can send that we answer, other than text and contacts. */
const MEDIA: [keyof Message, AttachmentKind][] = [
  ['photo', 'photo'],
  ['document', 'document'],
  ['video', 'video'],
  ['sticker', 'sticker'],
  ['animation', 'other'],
  ['voice', 'other'],
  ['audio', 'other'],
  ['video_note', 'other'],
  ['location', 'other'],
  ['venue', 'other'],
  ['poll', 'other'],
  ['dice', 'other'],
];

/**
 * Maps a Telegram update from a private chat to the channel-neutral event. Anything the
 * conversation has no use for (service messages, edits, updates without a sender) gives
 * `undefined`, so that a pinned message or a join notice never triggers a "not understood".
 */
export function toInboundEvent(update: Update, now: Date): InboundEvent | undefined {
  if (update.callback_query) {
    const query = update.callback_query;
    const chatId = query.message?.chat.id ?? query.from.id;
    // Only private chats are served, where the chat is the person: a press whose message
    // sits in another chat is not theirs to answer into.
    if (query.data === undefined || chatId !== query.from.id) return undefined;
    return {
      ...person(query.from),
      chatId: String(chatId),
      payload: query.data,
      messageId: query.message ? String(query.message.message_id) : undefined,
      updateId: String(update.update_id),
      // A button press carries no date of its own: it happens when it arrives.
      at: now,
    };
  }

  const message = update.message;
  if (!message?.from) return undefined;
  const content = messageContent(message);
  if (!content) return undefined;
  return {
    ...person(message.from),
    chatId: String(message.chat.id),
    ...content,
    messageId: String(message.message_id),
    updateId: String(update.update_id),
    at: new Date(message.date * 1000),
  };
}

/** The chat type of an update, to serve private chats only. */
export function chatTypeOf(update: Update): string | undefined {
  return (update.message ?? update.callback_query?.message)?.chat.type;
}

function person(from: User) {
  const displayName = [from.first_name, from.last_name].filter(Boolean).join(' ');
  return {
    channel: 'telegram' as const,
    userId: String(from.id),
    displayName: displayName || undefined,
    languageCode: from.language_code,
  };
}

function messageContent(message: Message): Partial<InboundEvent> | undefined {
  if (message.text !== undefined) return { text: message.text };
  if (message.contact) {
    return {
      contact: {
        phone: message.contact.phone_number,
        // A contact card forwarded from someone else must not register their number.
        own: message.contact.user_id === message.from?.id,
      },
    };
  }
  for (const [field, kind] of MEDIA) {
    const value = message[field];
    if (value === undefined) continue;
    const file = fileDetails(value);
    return {
      attachment: { kind, fileId: fileIdOf(value) },
      ...(file && { file }),
      ...(message.caption !== undefined && { caption: message.caption }),
    };
  }
  return undefined;
}

/** Photos come as an array of sizes; the largest is last. */
function largest(value: unknown): unknown {
  return Array.isArray(value) ? value[value.length - 1] : value;
}

function fileIdOf(value: unknown): string | undefined {
  const item = largest(value);
  if (typeof item === 'object' && item !== null && 'file_id' in item) {
    return String((item as { file_id: unknown }).file_id);
  }
  return undefined;
}

/** Name, type and size of a document or video (a photo has only a size), when Telegram gives them. */
function fileDetails(value: unknown): InboundEvent['file'] {
  const item = largest(value) as { file_name?: string; mime_type?: string; file_size?: number };
  if (typeof item !== 'object' || item === null) return undefined;
  const file: NonNullable<InboundEvent['file']> = {};
  if (typeof item.file_name === 'string') file.name = item.file_name;
  if (typeof item.mime_type === 'string') file.mimeType = item.mime_type;
  if (typeof item.file_size === 'number') file.size = item.file_size;
  return Object.keys(file).length > 0 ? file : undefined;
}
