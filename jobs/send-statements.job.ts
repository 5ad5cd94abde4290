import type { Agenda } from 'agenda';
import { isPeriod } from '../src/domain/period.js';
import type { StatementQueue } from '../src/services/statement-sending.js';
import type { JobDefinition } from './scheduler.js';

/**
 * Sends a closed month's statements (`{ period: 'YYYY-MM' }`), queued by month close or run by
 * hand (`npm run ctv -- statement send YYYY-MM`). Without a period it is the daily check, at
 * 02:00 after the close at 00:30: last month, once closed, is sent unless a run finished it.
 * Runs may repeat or overlap: each statement goes out once per (collaborator, period).
 */
export const sendStatementsJob: JobDefinition = {
  name: 'send-statements',
  cron: '0 2 * * *',
  async run(core, data, log) {
    const { statements } = core.services;
    const period = data.period;
    if (period !== undefined && (typeof period !== 'string' || !isPeriod(period))) {
      throw new RangeError('period must be YYYY-MM');
    }
    const result = period
      ? await statements.sendAll(period, { log })
      : await statements.catchUp(new Date(), log);
    return result.outcome === 'sent'
      ? { period: result.period, ...result.counts }
      : { period: result.period, outcome: result.outcome };
  },
};

/**
 * The statement queue on Agenda: one job per period (unique on it), so queueing a period
 * again runs its one job again rather than adding a second.
 */
export function agendaStatementQueue(agenda: Agenda): StatementQueue {
  return {
    async enqueue(period) {
      await agenda
        .create(sendStatementsJob.name, { period })
        .unique({ 'data.period': period })
        .schedule(new Date())
        .save();
    },
  };
}
