import { pino, type Logger } from 'pino';

/**
 * A logger that keeps its lines in memory, without the product's redaction, so a test can
 * prove that code logs no message text or personal data in the first place.
 */
export function captureLogs(level = 'debug') {
  const lines: string[] = [];
  const logger: Logger = pino({ level, base: undefined }, { write: (line) => lines.push(line) });
  return {
    logger,
    lines,
    /** The lines parsed as JSON objects. */
    entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
