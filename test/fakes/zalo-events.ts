/**
 * Builders for incoming Zalo updates, and the types of the fake Zalo Bot API in `zalo-api.ts`.
 *
 * Ids are strings, as Zalo's are: long decimal ids such as `2468458835291979922` that a
 * JavaScript number cannot hold. Message ids come from one counter, so they increase in the
 * order things happen.
 */
import type { ZaloUpdate } from '../../bots/zalo/zalo-types.js';

/** The person an update comes from; in a private chat the chat id is the user id. */
export interface FakeZaloUser {
  id: string;
  name?: string;
}

/** Where a message goes, if not the private chat of its sender. */
export interface MessageExtra {
  chatId?: string;
  chatType?: 'PRIVATE' | 'GROUP';
  messageId?: string;
  /** Milliseconds since the epoch (Zalo's unit). */
  date?: number;
}

let lastMessageId = 0;

/** The next message id: `zm` and a counter, unique within a test run. */
export function nextZaloMessageId(): string {
  lastMessageId += 1;
  return `zm${String(lastMessageId).padStart(8, '0')}`;
}

function message(from: FakeZaloUser, extra: MessageExtra) {
  return {
    message_id: extra.messageId ?? nextZaloMessageId(),
    date: extra.date ?? Date.now(),
    from: { id: from.id, display_name: from.name ?? `Zalo ${from.id.slice(-4)}`, is_bot: false },
    chat: { id: extra.chatId ?? from.id, chat_type: extra.chatType ?? 'PRIVATE' },
  };
}

/** A text message from `from`. */
export function textEvent(from: FakeZaloUser, text: string, extra: MessageExtra = {}): ZaloUpdate {
  return { event_name: 'message.text.received', message: { ...message(from, extra), text } };
}

/** A photo from `from` (Zalo sends its URL). */
export function imageEvent(from: FakeZaloUser, extra: MessageExtra = {}): ZaloUpdate {
  const photo_url = 'https://zalo.example/photo.jpg';
  return { event_name: 'message.image.received', message: { ...message(from, extra), photo_url } };
}

/** A sticker from `from`. */
export function stickerEvent(from: FakeZaloUser, extra: MessageExtra = {}): ZaloUpdate {
  return {
    event_name: 'message.sticker.received',
    message: { ...message(from, extra), sticker: 'sticker-1' },
  };
}

/** Any other event (voice, file, location …), which the product cannot read. */
export function otherEvent(
  from: FakeZaloUser,
  eventName = 'message.unsupported.received',
  extra: MessageExtra = {},
): ZaloUpdate {
  return { event_name: eventName, message: message(from, extra) };
}

/**
 * JSON with every string value of an id key (`id`, `…_id`) that holds only digits written as
 * a bare number, as a server that does not quote its ids would send it.
 */
export function withBareIds(json: string): string {
  return json.replace(/"(id|[a-z_]*_id)":"(-?\d+)"/g, '"$1":$2');
}

// --- What the fake server records and answers (see zalo-api.ts) ------------------------------

/** An `ok: false` answer; `httpStatus` defaults to 200. */
export interface ZaloErrorSpec {
  error_code: number;
  description: string;
  httpStatus?: number;
  /** Sent only when given: Zalo documents no `parameters`, a gateway might add them. */
  parameters?: { retry_after?: number };
}

/** Throw from a {@link ZaloMethodHandler} to answer `ok: false`. */
export class FakeZaloError extends Error {
  constructor(readonly spec: ZaloErrorSpec) {
    super(spec.description);
  }
}

export type Params = Record<string, unknown>;
export type Answer =
  | { ok: true; result: unknown }
  | { ok: false; error_code: number; description: string; parameters?: object };

/** One recorded call; `response` is unset while a long poll is pending. */
export interface ZaloRecordedCall {
  method: string;
  token: string;
  params: Params;
  at: Date;
  response?: Answer;
}

/** Something successfully sent to a chat; see `sentTo`. */
export interface ZaloSentItem {
  method: string;
  text?: string;
  photo?: string;
  caption?: string;
}

/** Answers a method instead of the built-in answer; throw {@link FakeZaloError} for `ok: false`. */
export type ZaloMethodHandler = (params: Params, call: ZaloRecordedCall) => unknown;

export interface FakeZaloApiOptions {
  /** How long `getUpdates` waits for an update before answering 408 (default 1,000 ms). */
  maxPollMs?: number;
  /** Write ids in answers and webhook bodies as bare JSON numbers (default: strings). */
  bareIds?: boolean;
  /** Longest `sendMessage` text accepted (default 2,000, Zalo's documented limit). */
  textLimit?: number;
}
