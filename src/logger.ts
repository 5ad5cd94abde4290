import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';

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

/**
 * The root logger; use `logger.child({...ids})` per update and per job. JSON lines, or
 * readable colour lines when a person watches the terminal (not in production).
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options = { level, redact: { paths: REDACT, remove: true }, base: undefined };
  if (destination) return pino(options, destination);
  if (process.stdout.isTTY && process.env.NODE_ENV !== 'production') {
    return pino(options, pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss', sync: true }));
  }
  return pino(options);
}
