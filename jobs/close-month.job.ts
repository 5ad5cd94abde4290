import { isPeriod, periodOf, previousPeriod } from '../src/domain/period.js';
import type { JobDefinition } from './scheduler.js';

/**
 * Closes the month that just ended, at 00:30 on the 1st in Asia/Ho_Chi_Minh. Run by hand
 * with `{ period: 'YYYY-MM' }` it closes that month instead. Closing twice changes nothing.
 * The log gets counts only: amounts are tied to collaborators in the ledger, not in logs.
 */
export const closeMonthJob: JobDefinition = {
  name: 'close-month',
  cron: '30 0 1 * *',
  async run(core, data) {
    const now = new Date();
    const period =
      typeof data.period === 'string' && isPeriod(data.period)
        ? data.period
        : previousPeriod(periodOf(now));
    const result = await core.services.monthClose.close(period, 'system:close-month', now);
    if (result.outcome !== 'closed') return { period, outcome: result.outcome };

    const { report } = result;
    return {
      period,
      firstRun: report.firstRun,
      approved: report.approved,
      newEntries: report.newEntries,
      payouts: report.payouts.count,
      carried: report.carried.count,
    };
  },
};
