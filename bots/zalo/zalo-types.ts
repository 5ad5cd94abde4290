/**
 * The parts of the Zalo Bot Platform API the product uses. Every id is a string: the client
 * quotes numeric ids before parsing (see `zalo-json.ts`), so none is ever rounded.
 */

/** The events the adapter reads; any other name is answered with "text only, please". */
export const ZALO_EVENTS = {
  text: 'message.text.received',
  image: 'message.image.received',
  sticker: 'message.sticker.received',
} as const;

/** The person who sent a message. */
export interface ZaloUser {
  id: string;
  display_name?: string;
  is_bot?: boolean;
}

/** Where a message was sent: a private chat with the bot, or a group it is in. */
export interface ZaloChat {
  id: string;
  chat_type?: 'PRIVATE' | 'GROUP' | string;
}

/** An incoming message; which content fields are set depends on the event. */
export interface ZaloMessage {
  message_id?: string;
  /** Unix time; Zalo sends milliseconds, older examples seconds (see `eventTime`). */
  date?: number;
  from: ZaloUser;
  chat: ZaloChat;
  text?: string;
  photo_url?: string;
  caption?: string;
  sticker?: string;
}

/** One update, from `getUpdates` (at most one per call) or posted to the webhook. */
export interface ZaloUpdate {
  event_name: string;
  message?: ZaloMessage;
}

/** What `getMe` answers. */
export interface ZaloBotInfo {
  id: string;
  account_name?: string;
  account_type?: string;
  can_join_groups?: boolean;
}

/** What `getWebhookInfo` answers. */
export interface ZaloWebhookInfo {
  url?: string;
  updated_at?: number;
}

/** What the send methods answer. */
export interface ZaloSentMessage {
  message_id?: string;
  date?: number;
}

/**
 * An answer of the API: `{ok: true, result}` or `{ok: false, error_code, description}`.
 * `parameters.retry_after` is not documented by Zalo; it is read when present, as on Telegram.
 */
export type ZaloAnswer<T> =
  | { ok: true; result: T }
  | {
      ok: false;
      error_code?: number;
      description?: string;
      parameters?: { retry_after?: unknown };
    };
