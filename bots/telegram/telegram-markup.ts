import type { InlineKeyboardMarkup, ReplyKeyboardMarkup, ReplyKeyboardRemove } from 'grammy/types';
import type { Choice } from '../../src/conversation/types.js';

/** Telegram refuses `callback_data` outside 1–64 bytes (UTF-8). */
export const CALLBACK_DATA_MAX_BYTES = 64;

/**
 * Raised when a button's payload does not fit in `callback_data`. Telegram would answer
 * "BUTTON_DATA_INVALID" and drop the whole message; failing here names the cause instead.
 * The payload itself is not in the message: it may hold a person's name.
 */
export class CallbackDataTooLongError extends Error {
  constructor(
    readonly bytes: number,
    readonly label: string,
  ) {
    super(
      `Button "${label}" has a ${bytes}-byte payload; Telegram allows 1-${CALLBACK_DATA_MAX_BYTES}`,
    );
    this.name = 'CallbackDataTooLongError';
  }
}

/** Rows of choices as an inline keyboard, checking every payload against the limit. */
export function inlineKeyboard(rows: Choice[][]): InlineKeyboardMarkup {
  return {
    inline_keyboard: rows.map((row) =>
      row.map((choice) => {
        const bytes = Buffer.byteLength(choice.payload, 'utf8');
        if (bytes < 1 || bytes > CALLBACK_DATA_MAX_BYTES) {
          throw new CallbackDataTooLongError(bytes, choice.label);
        }
        return { text: choice.label, callback_data: choice.payload };
      }),
    ),
  };
}

/**
 * The "share my phone number" keyboard. One-time, so Telegram hides it once pressed; resized,
 * so one button does not fill half the screen.
 */
export function contactKeyboard(label: string): ReplyKeyboardMarkup {
  return {
    keyboard: [[{ text: label, request_contact: true }]],
    one_time_keyboard: true,
    resize_keyboard: true,
  };
}

/** Takes away a reply keyboard that is still showing (e.g. when the phone was typed). */
export const REMOVE_KEYBOARD: ReplyKeyboardRemove = { remove_keyboard: true };
