import { formatMoney } from '../domain/money.js';
import { isPeriod } from '../domain/period.js';
import type { CloseReport } from '../services/month-close.service.js';
import { type CliCommand, parseOptions } from './command.js';

const money = (amount: number) => formatMoney(amount, 'vi');

/** The report as lines for a terminal: totals only, `payouts list` has them one by one. */
export function closeReportLines(report: CloseReport): string[] {
  return [
    report.firstRun
      ? `Closed ${report.period}.`
      : `${report.period} was closed before; this run added ${report.newEntries + report.approved} ledger entries.`,
    `  approved now:     ${report.approved} commissions`,
    `  tier bonuses:     ${report.tiers.count} collaborators, ${money(report.tiers.total)}`,
    `  overrides:        ${report.overrides.count}, ${money(report.overrides.total)}`,
    `  payouts:          ${report.payouts.count} collaborators, gross ${money(report.payouts.gross)}, ` +
      `tax ${money(report.payouts.tax)}, net ${money(report.payouts.net)}`,
    `  carried forward:  ${report.carried.count} collaborators, ${money(report.carried.total)}`,
  ];
}

export const closeMonthCommand: CliCommand = {
  name: 'close-month',
  summary: 'Close a past month: approvals, tier bonuses, tax, payouts (safe to run again)',
  usage: 'close-month YYYY-MM',
  help:
    'Closes the month YYYY-MM (Asia/Ho_Chi_Minh): approves the commissions whose holding\n' +
    'period ended in it, adds the volume tier bonuses (and recruiter overrides when the rule\n' +
    'book turns them on), withholds income tax and creates one payout per collaborator whose\n' +
    'payable amount reaches the payout minimum; smaller amounts are carried forward. Running\n' +
    'it again changes nothing. The current month and later ones are refused.\n' +
    'The job close-month does the same at 00:30 on the 1st for the month that just ended.\n' +
    'Exit code: 0 closed, 2 refused.',
  async run(core, args, out) {
    const { positional } = parseOptions(args);
    const period = positional[0];
    if (!period || !isPeriod(period) || positional.length > 1) {
      out('Usage: npm run ctv -- close-month YYYY-MM   (e.g. close-month 2026-11)');
      return 2;
    }

    const result = await core.services.monthClose.close(period, 'cli:close-month', new Date());
    if (result.outcome === 'superseded') {
      out(
        `${period} cannot be closed any more: ${result.latest} is already closed and its payouts ` +
          `include everything approved up to then, ${period} too.`,
      );
      return 2;
    }
    if (result.outcome === 'not-ended') {
      out(
        `${period} has not ended yet (it is ${result.current} in Vietnam): only past months can be closed.`,
      );
      return 2;
    }
    closeReportLines(result.report).forEach((line) => out(line));
    return 0;
  },
};
