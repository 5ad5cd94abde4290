import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Field names that may hold message text, secrets, phone numbers or bank data. They are
 * removed from every log line as a second line of defence: the code should not log them.
 */
const REDACT = [
  'text',
  'token',
  'phone',
  'password',
  'secret',
  'nationalId',
  'accountNumber',
  '*.text',
  '*.token',
  '*.phone',
  '*.secret',
  '*.nationalId',
  '*.accountNumber',
  'req.headers.authorization',
  'req.headers["x-telegram-bot-api-secret-token"]',
];

/** The root logger; use `logger.child({...ids})` per update and per job. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACT, remove: true }, base: undefined }, destination);
}
