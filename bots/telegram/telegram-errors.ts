import { BotError, GrammyError, HttpError } from 'grammy';
import { CallbackDataTooLongError } from './telegram-markup.js';

/**
 * Log fields for an error from the Telegram adapter, safe to write anywhere. Raw error objects
 * are never logged: a GrammyError carries the request (message text, phone keyboards) in
 * `payload`, and a network error wraps one whose message holds the URL with the bot token.
 * Other errors lose their message (a database error may quote the values it refused) and
 * keep their name and stack frames.
 */
export function describeTelegramError(error: unknown): Record<string, unknown> {
  if (error instanceof BotError) return describeTelegramError(error.error);
  if (error instanceof GrammyError) {
    return {
      kind: 'telegram',
      method: error.method,
      code: error.error_code,
      description: error.description,
    };
  }
  // grammY builds this message from the method name and HTTP status only.
  if (error instanceof HttpError) return { kind: 'network', message: error.message };
  if (error instanceof CallbackDataTooLongError) {
    return { kind: 'render', name: error.name, message: error.message };
  }
  if (error instanceof Error) {
    return { kind: 'code', name: error.name, stack: error.stack?.split('\n').slice(1).join('\n') };
  }
  return { kind: 'unknown', type: typeof error };
}
