import type { JobDefinition } from './scheduler.js';

/** How long an update id is remembered; Telegram and Zalo never resend older updates. */
const KEEP_DAYS = 30;

/**
 * Forgets old processed-update keys every night. On a real server a TTL index does the same;
 * the embedded emulator has no TTL, so this keeps it from growing without end.
 */
export const purgeProcessedUpdatesJob: JobDefinition = {
  name: 'purge-processed-updates',
  cron: '15 3 * * *',
  async run(core) {
    const before = new Date(Date.now() - KEEP_DAYS * 86_400_000);
    const removed = await core.store.processedUpdates.purgeBefore(before);
    return { removed };
  },
};
