import { TEXT_LIMITS } from '../../domain/channel.js';
import { packPages } from '../../domain/earnings.js';
import { counts, type OrderCommission } from '../../domain/ledger.js';
import { formatMoney, sumDong } from '../../domain/money.js';
import {
  formatDateVN,
  formatPeriod,
  parsePeriod,
  periodOf,
  type Period,
} from '../../domain/period.js';
import { fold } from '../../domain/text.js';
import type { EarningsSummary } from '../../services/earnings.service.js';
import type { Command } from '../engine.js';
import type { TurnContext } from '../flow.js';
import { registerButton } from '../flows/profile.flow.js';
import type { Reply } from '../types.js';

/**
 * `/earnings [month]` and free text ("hoa hồng", "tôi được bao nhiêu"): this month so far,
 * last month's outcome, the carried balance, then every order of the month, packed into as
 * many messages as the channel's limit needs, with the total once at the end.
 */

const money = (ctx: TurnContext, amount: number) => formatMoney(amount, ctx.locale);

function lastMonthLines(ctx: TurnContext, summary: EarningsSummary): string[] {
  const { lastMonth } = summary;
  const args = {
    period: formatPeriod(lastMonth.period, ctx.locale),
    gross: money(ctx, lastMonth.gross),
    tax: money(ctx, lastMonth.tax),
    net: money(ctx, lastMonth.net),
  };
  switch (lastMonth.state) {
    case 'open':
      return [ctx.t('earnings-last-month-open', args)];
    case 'carried-forward':
      return [ctx.t('earnings-last-month-carried', args)];
    case 'nothing':
      return [ctx.t('earnings-last-month-nothing', args)];
    case 'pending':
      return [ctx.t('earnings-last-month-payout', args), ctx.t('earnings-payout-pending')];
    case 'paid':
      return [
        ctx.t('earnings-last-month-payout', args),
        lastMonth.reference
          ? ctx.t('earnings-payout-paid-reference', { reference: lastMonth.reference })
          : ctx.t('earnings-payout-paid'),
      ];
  }
}

/** The order list of a month as messages under the channel's limit; the total comes once. */
export function orderPages(
  ctx: TurnContext,
  period: Period,
  orders: readonly OrderCommission[],
): Reply[] {
  const month = formatPeriod(period, ctx.locale);
  if (orders.length === 0) return [{ text: ctx.t('earnings-orders-none', { period: month }) }];

  const lines = orders.map((order) =>
    ctx.t('earnings-order-line', {
      number: order.orderNumber,
      date: formatDateVN(order.deliveredAt, ctx.locale),
      sales: money(ctx, order.sales),
      commission: money(ctx, order.commission),
      state: ctx.t(`earnings-state-${order.state}`),
    }),
  );
  const counted = orders.filter(counts);
  const total = ctx.t('earnings-orders-total', {
    count: counted.length,
    total: money(ctx, sumDong(counted.map((order) => order.commission))),
  });
  const header = (page: number, pages: number) =>
    ctx.t('earnings-orders-header', { period: month, page, pages });
  return packPages(lines, TEXT_LIMITS[ctx.event.channel], header, total).map((text) => ({ text }));
}

async function earnings(ctx: TurnContext, args: string): Promise<Reply[]> {
  const collaborator = ctx.collaborator;
  if (!collaborator) return [{ text: ctx.t('not-registered'), choices: registerButton(ctx) }];
  if (collaborator.status === 'pending') return [{ text: ctx.t('earnings-not-active-pending') }];
  if (collaborator.status !== 'active') {
    return [
      { text: ctx.t('earnings-not-active', { status: ctx.t(`status-${collaborator.status}`) }) },
    ];
  }

  // A month typed after the command ("/earnings 2026-10", "hoa hồng tháng 10") shows its orders.
  const typed = args || (ctx.event.text ?? '').replace(/^\/\S+/, '');
  const asked = monthIn(typed, ctx.now);
  if (asked && asked !== periodOf(ctx.now)) {
    const orders = await ctx.services.earnings.breakdown(collaborator.id, asked);
    return orderPages(ctx, asked, orders);
  }

  const summary = await ctx.services.earnings.summary(collaborator.id, ctx.now);
  const { figures } = summary;
  const text = [
    ctx.t('earnings-title', { code: collaborator.code }),
    '',
    ctx.t('earnings-this-month', {
      period: formatPeriod(summary.period, ctx.locale),
      pending: money(ctx, figures.pending),
      approved: money(ctx, figures.approvedThisMonth),
    }),
    '',
    ...lastMonthLines(ctx, summary),
    '',
    ctx.t('earnings-carried', { carried: money(ctx, figures.carried) }),
  ].join('\n');
  return [{ text }, ...orderPages(ctx, summary.period, summary.orders)];
}

/** A month at the end of the text: "2026-10", "tháng 10", "T10/2026", "tháng trước". */
const MONTH_AT_END =
  /(\d{4}[-/]\d{1,2}|\d{1,2}[-/]\d{4}|(?:thang|t) ?\d{1,2}(?: ?[-/] ?\d{4})?|thang truoc|last month)$/;

function monthIn(text: string, now: Date): Period | undefined {
  const folded = fold(text);
  if (!folded) return undefined;
  const tail = MONTH_AT_END.exec(folded)?.[1];
  return parsePeriod(folded, now) ?? (tail === undefined ? undefined : parsePeriod(tail, now));
}

export const earningsCommands: Command[] = [
  { name: 'earnings', run: (ctx, args) => earnings(ctx, args) },
];
