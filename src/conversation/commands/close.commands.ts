import { formatMoney } from '../../domain/money.js';
import { formatPeriod, parsePeriod } from '../../domain/period.js';
import type { CloseReport } from '../../services/month-close.service.js';
import type { Command } from '../engine.js';
import type { TurnContext } from '../flow.js';
import type { Reply } from '../types.js';

/** `/close YYYY-MM`: an admin closes a past month and gets the report, with the payout list. */

/** The report an admin reads after a close; totals only, per collaborator is `/payouts`. */
export function closeReportText(ctx: Pick<TurnContext, 't' | 'locale'>, report: CloseReport) {
  const money = (amount: number) => formatMoney(amount, ctx.locale);
  const lines = [ctx.t('close-report-title', { period: formatPeriod(report.period, ctx.locale) })];
  if (!report.firstRun) {
    lines.push(
      report.newEntries === 0 && report.approved === 0
        ? ctx.t('close-report-again')
        : ctx.t('close-report-again-changed', { entries: report.newEntries + report.approved }),
    );
  }
  lines.push(
    ctx.t('close-report-approved', { count: report.approved }),
    ctx.t('close-report-tiers', { count: report.tiers.count, total: money(report.tiers.total) }),
  );
  if (report.overrides.count > 0) {
    lines.push(
      ctx.t('close-report-overrides', {
        count: report.overrides.count,
        total: money(report.overrides.total),
      }),
    );
  }
  lines.push(
    ctx.t('close-report-payouts', {
      count: report.payouts.count,
      gross: money(report.payouts.gross),
      tax: money(report.payouts.tax),
      net: money(report.payouts.net),
    }),
    ctx.t('close-report-carried', {
      count: report.carried.count,
      total: money(report.carried.total),
    }),
  );
  return lines.join('\n');
}

async function close(ctx: TurnContext, args: string): Promise<Reply[]> {
  const period = parsePeriod(args.trim(), ctx.now);
  if (!period) return [{ text: ctx.t('close-usage') }];

  const actor = `${ctx.event.channel}:${ctx.event.userId}`;
  const result = await ctx.services.monthClose.close(period, actor, ctx.now);
  if (result.outcome === 'superseded') {
    return [
      {
        text: ctx.t('close-superseded', {
          period: formatPeriod(period, ctx.locale),
          latest: formatPeriod(result.latest, ctx.locale),
        }),
      },
    ];
  }
  if (result.outcome === 'not-ended') {
    return [
      {
        text: ctx.t('close-not-ended', {
          period: formatPeriod(period, ctx.locale),
          current: formatPeriod(result.current, ctx.locale),
        }),
      },
    ];
  }
  const choices =
    result.report.payouts.count > 0
      ? [[{ label: ctx.t('close-payouts-button'), payload: `/payouts ${period}` }]]
      : undefined;
  return [{ text: closeReportText(ctx, result.report), ...(choices && { choices }) }];
}

export const closeCommands: Command[] = [
  { name: 'close', adminOnly: true, run: (ctx, args) => close(ctx, args) },
];
