import type { Channel } from '../domain/channel.js';

/** Something a person sent, in the same shape whichever channel it came from. */
export interface InboundEvent {
  channel: Channel;
  userId: string;
  chatId: string;
  displayName?: string;
  /** The language the channel reports for the user, such as Telegram's `language_code`. */
  languageCode?: string;
  text?: string;
  /** The hidden value of a pressed button. */
  payload?: string;
  /** A shared contact; `own` is true when it is the sender's own number. */
  contact?: { phone: string; own: boolean };
  attachment?: { kind: 'photo' | 'document' | 'video' | 'sticker' | 'other'; fileId?: string };
  /** What the channel says of `attachment`'s file, when it says it. */
  file?: { name?: string; mimeType?: string; size?: number };
  /** Text sent together with a photo, document or video. */
  caption?: string;
  messageId?: string;
  updateId?: string;
  at: Date;
}

/** A button: what the person sees and what comes back when it is pressed. */
export interface Choice {
  label: string;
  payload: string;
}

/** A file to send: bytes to upload, or a link the channel can fetch. */
export type Attachment =
  | { kind: 'document'; fileName: string; mimeType: string; data: Buffer; fileRef?: string }
  | { kind: 'photo'; url: string }
  | MediaAttachment;

/**
 * A stored photo or video, sent as bytes. `fileRef` (here and on documents) is the
 * recipient channel's own reference to the same file from an earlier upload, such as
 * Telegram's `file_id`: a channel that has one sends it instead of uploading the bytes again.
 */
export interface MediaAttachment {
  kind: 'media';
  media: 'photo' | 'video';
  fileName: string;
  mimeType: string;
  data: Buffer;
  fileRef?: string;
}

/**
 * One message of the assistant. `text` uses the HTML subset of the catalogues (`<b>`, `<i>`)
 * with every user value already escaped; each channel renders it in its own way.
 */
export interface Reply {
  text: string;
  /** Rows of buttons. */
  choices?: Choice[][];
  /** Offer a "share my phone number" button where the channel has one. */
  requestContact?: boolean;
  attachment?: Attachment;
}

/** Where a message goes when it is not an answer to the person who wrote. */
export interface Address {
  channel: Channel;
  chatId: string;
}

/** Sends messages on one channel; each adapter provides one. */
export interface ChannelSender {
  send(chatId: string, reply: Reply): Promise<void>;
  /**
   * Sends one reply without the adapter's own retries, so that the delivery service can pace
   * and retry itself; fails with a `SendError` saying why. Resolves with the channel's
   * reference to an uploaded file, to be cached for the next recipient.
   */
  sendPaced?(chatId: string, reply: Reply): Promise<{ fileRef?: string }>;
  /** Fetches the bytes of a file a person sent (`InboundEvent.attachment.fileId`). */
  downloadFile?(fileId: string): Promise<Buffer>;
}
