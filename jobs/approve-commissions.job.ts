import type { JobDefinition } from './scheduler.js';

/**
 * Approves, every night, the commissions whose holding period is over, after repairing the
 * entries of orders moved in the last two days whose ledger hook failed. Everything it writes
 * is keyed, so a second run the same night adds nothing.
 */
export const approveCommissionsJob: JobDefinition = {
  name: 'approve-commissions',
  // 00:10 in Asia/Ho_Chi_Minh: before the month close at 00:30 on the 1st.
  cron: '10 0 * * *',
  async run(core, data) {
    // `asOf` (ISO) lets an operator replay a missed night; the keys keep a replay harmless.
    const at = typeof data.asOf === 'string' ? new Date(data.asOf) : new Date();
    if (Number.isNaN(at.getTime())) throw new RangeError('asOf must be an ISO date');
    const { repaired, approved, collaborators } = await core.services.ledger.daily(at);
    return { repaired, approved, collaborators };
  },
};
