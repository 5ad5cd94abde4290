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
  | { kind: 'document'; fileName: string; mimeType: string; data: Buffer }
  | { kind: 'photo'; url: string };

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
}
