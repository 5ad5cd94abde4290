import type { InlineKeyboardMarkup, ReplyKeyboardMarkup, ReplyKeyboardRemove } from 'grammy/types';
import { splitReply } from '../../src/conversation/render.js';
import type { Reply } from '../../src/conversation/types.js';
import { TEXT_LIMITS } from '../../src/domain/channel.js';
import { contactKeyboard, inlineKeyboard, REMOVE_KEYBOARD } from './telegram-markup.js';

/** Telegram's limit on a photo or document caption. */
export const CAPTION_LIMIT = 1024;

export type Markup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove;

/** Bytes to upload, or `fileRef` (a `file_id` from an earlier upload) to send instead. */
export interface UploadFile {
  data: Buffer;
  fileName: string;
  fileRef?: string;
}

/** One Bot API call that a reply turns into; texts and captions are sent as HTML. */
export type OutgoingMessage =
  | { method: 'sendMessage'; text: string; markup?: Markup }
  | {
      method: 'sendDocument';
      file: UploadFile;
      caption?: string;
      markup?: Markup;
    }
  | { method: 'sendPhoto'; url: string; caption?: string; markup?: Markup }
  | { method: 'sendPhoto' | 'sendVideo'; file: UploadFile; caption?: string; markup?: Markup };

/** What the renderer needs besides the reply. */
export interface RenderOptions {
  /**
   * Texts in the recipient's language for the contact keyboard; required when the reply
   * has `requestContact`. `hint` is only shown when the reply also has inline buttons.
   */
  contact?: { button: string; hint: string };
  /** A contact keyboard is showing and should be taken away by this reply if it can. */
  removeKeyboard?: boolean;
}

/**
 * Turns a reply into Bot API calls: long text split under 4,096 characters, buttons and
 * files on the last piece, a short text as the file's caption, else the text first.
 * Pure, so the rules can be tested without a server.
 */
export function renderReply(reply: Reply, options: RenderOptions = {}): OutgoingMessage[] {
  const pieces = splitReply(reply, TEXT_LIMITS.telegram);
  const last = pieces[pieces.length - 1]!;
  const out: OutgoingMessage[] = pieces
    .slice(0, -1)
    .map((piece) => ({ method: 'sendMessage', text: piece.text }));

  const attachment = last.attachment;
  const caption = last.text.length <= CAPTION_LIMIT ? last.text || undefined : undefined;
  if (last.text && (!attachment || caption === undefined)) {
    out.push({ method: 'sendMessage', text: last.text });
  }
  if (attachment?.kind === 'document') {
    out.push({
      method: 'sendDocument',
      file: uploadOf(attachment),
      ...(caption ? { caption } : {}),
    });
  } else if (attachment?.kind === 'photo') {
    out.push({ method: 'sendPhoto', url: attachment.url, ...(caption ? { caption } : {}) });
  } else if (attachment?.kind === 'media') {
    const method = attachment.media === 'video' ? 'sendVideo' : 'sendPhoto';
    out.push({ method, file: uploadOf(attachment), ...(caption ? { caption } : {}) });
  }
  if (out.length === 0) return out;

  const inline = last.choices?.length ? inlineKeyboard(last.choices) : undefined;
  const contact = reply.requestContact ? contactKeyboard(contactTexts(options).button) : undefined;
  // A message has one keyboard: with both kinds, the contact button gets a message of its own.
  out[out.length - 1]!.markup = inline ?? contact;
  if (inline && contact) {
    out.push({ method: 'sendMessage', text: contactTexts(options).hint, markup: contact });
  }

  if (options.removeKeyboard && !reply.requestContact) {
    const bare = out.find((message) => message.markup === undefined);
    if (bare) bare.markup = REMOVE_KEYBOARD;
  }
  return out;
}

function uploadOf(attachment: { data: Buffer; fileName: string; fileRef?: string }): UploadFile {
  const { data, fileName, fileRef } = attachment;
  return fileRef ? { data, fileName, fileRef } : { data, fileName };
}

/** True when the rendered messages take away the reply keyboard. */
export function removesKeyboard(messages: OutgoingMessage[]): boolean {
  return messages.some((message) => message.markup === REMOVE_KEYBOARD);
}

function contactTexts(options: RenderOptions) {
  if (!options.contact) throw new Error('A reply asks for a contact but no labels were given');
  return options.contact;
}
