import type { Logger } from '../../src/logger.js';
import type { ZaloClient } from './zalo-client.js';
import { describeZaloError } from './zalo-errors.js';
import type { ZaloUpdate } from './zalo-types.js';

export interface PollingOptions {
  client: ZaloClient;
  /** Called for each update, not awaited: one slow chat does not hold up the others. */
  dispatch(update: ZaloUpdate): void;
  logger: Logger;
  /** Seconds Zalo may hold a `getUpdates` call open (default 30). */
  timeoutSeconds?: number;
  /** Waits after a failed call: doubling from `initialMs` up to `maxMs` (default 1 s, 30 s). */
  backoff?: { initialMs: number; maxMs: number };
  /**
   * The shortest time between two calls that brought nothing (default 1 s), in case the
   * server answers "no update" at once instead of holding the call open.
   */
  minEmptyPollMs?: number;
}

/** A running poll loop; `stop` cancels the call in progress and resolves when the loop ended. */
export interface Polling {
  stop(): Promise<void>;
}

/**
 * Long polling for Zalo: one `getUpdates` after another, each bringing at most one update.
 * Errors (network, 5xx, a bad token) are logged and retried with a growing wait, so the loop
 * outlives outages and only `stop` ends it.
 */
export function startPolling(options: PollingOptions): Polling {
  const { client, logger } = options;
  const timeoutSeconds = options.timeoutSeconds ?? 30;
  const { initialMs, maxMs } = options.backoff ?? { initialMs: 1000, maxMs: 30_000 };
  const minEmptyPollMs = options.minEmptyPollMs ?? 1000;
  const abort = new AbortController();

  async function loop(): Promise<void> {
    let failures = 0;
    while (!abort.signal.aborted) {
      const started = Date.now();
      try {
        const updates = await client.getUpdates(timeoutSeconds, abort.signal);
        failures = 0;
        for (const update of updates) options.dispatch(update);
        if (updates.length === 0) await pause(minEmptyPollMs - (Date.now() - started));
      } catch (error) {
        if (abort.signal.aborted) return;
        failures += 1;
        const waitMs = Math.min(maxMs, initialMs * 2 ** Math.min(failures - 1, 20));
        logger.warn({ err: describeZaloError(error), failures, waitMs }, 'zalo polling failed');
        await pause(waitMs);
      }
    }
  }

  function pause(ms: number): Promise<void> {
    if (ms <= 0 || abort.signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      abort.signal.addEventListener('abort', done, { once: true });
      function done() {
        clearTimeout(timer);
        abort.signal.removeEventListener('abort', done);
        resolve();
      }
    });
  }

  const running = loop().catch((error: unknown) => {
    logger.error({ err: describeZaloError(error) }, 'zalo polling stopped');
  });
  return {
    async stop() {
      abort.abort();
      await running;
    },
  };
}
