import { BotError, GrammyError, HttpError } from 'grammy';
import { SendError } from '../../src/conversation/send-error.js';
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

/**
 * What a failed send means for a delivery (see `SendError`). 429 carries Telegram's
 * `retry_after`; every 403 (blocked, deactivated, never started the bot) means the chat cannot
 * be written to; other 4xx refuse this message for good; 5xx and network faults may pass later.
 */
export function toSendError(error: unknown): SendError {
  if (error instanceof SendError) return error;
  if (error instanceof GrammyError) {
    const reason = error.description;
    if (error.error_code === 429) {
      const seconds = error.parameters.retry_after ?? 1;
      return new SendError('rate-limited', reason, seconds * 1000);
    }
    if (error.error_code === 403) return new SendError('blocked', reason);
    if (error.error_code >= 500) return new SendError('transient', reason);
    return new SendError('rejected', reason);
  }
  if (error instanceof HttpError) return new SendError('transient', error.message);
  if (error instanceof CallbackDataTooLongError) return new SendError('rejected', error.name);
  return new SendError('transient', error instanceof Error ? error.name : typeof error);
}
