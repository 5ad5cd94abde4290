import { formatMoney, parseMoney } from '../../domain/money.js';
import { formatPeriod, parsePeriod, type Period } from '../../domain/period.js';
import { PAYOUT_PAGE_SIZE } from '../../services/payout.service.js';
import type { Command } from '../engine.js';
import type { TurnContext } from '../flow.js';
import type { Choice, Reply } from '../types.js';

/**
 * Admins' payout commands: `/payouts YYYY-MM [page]` lists a closed month's payouts with a
 * "paid" button each, `/payout_paid CODE|all YYYY-MM [reference]` marks them paid (the
 * collaborator is told), and `/adjust CODE AMOUNT reason` writes a manual correction.
 */

const actor = (ctx: TurnContext) => `${ctx.event.channel}:${ctx.event.userId}`;
const money = (ctx: TurnContext, amount: number) => formatMoney(amount, ctx.locale);

async function payouts(ctx: TurnContext, args: string): Promise<Reply[]> {
  const [typed = '', pageText = '0'] = args.trim().split(/\s+/);
  const period = parsePeriod(typed, ctx.now);
  if (!period) return [{ text: ctx.t('payouts-usage') }];
  const month = formatPeriod(period, ctx.locale);

  const service = ctx.services.payouts;
  const [total, pending] = await Promise.all([
    service.count(period),
    service.count(period, 'pending'),
  ]);
  if (total === 0) return [{ text: ctx.t('payouts-none', { period: month }) }];

  const last = Math.floor((total - 1) / PAYOUT_PAGE_SIZE);
  const page = Math.min(Math.max(0, Number.parseInt(pageText, 10) || 0), last);
  const rows = await service.page(period, page);
  const lines = [ctx.t('payouts-header', { period: month, count: total, pending })];
  const choices: Choice[][] = [];
  for (const { payout, collaborator } of rows) {
    const status =
      payout.status === 'pending'
        ? ctx.t('payouts-status-pending')
        : payout.reference
          ? ctx.t('payouts-status-paid-reference', { reference: payout.reference })
          : ctx.t('payouts-status-paid');
    lines.push(
      ctx.t('payouts-item', {
        code: payout.collaboratorCode,
        name: collaborator?.fullName ?? '—',
        net: money(ctx, payout.net),
        status,
      }),
    );
    if (payout.status === 'pending') {
      const label = ctx.t('payouts-paid-button', { code: payout.collaboratorCode });
      choices.push([{ label, payload: `/payout_paid ${payout.collaboratorCode} ${period}` }]);
    }
  }
  if (page < last) {
    choices.push([{ label: ctx.t('next-page-button'), payload: `/payouts ${period} ${page + 1}` }]);
  }
  if (pending > 0) lines.push('', ctx.t('payouts-all-hint', { period }));
  return [{ text: lines.join('\n'), ...(choices.length > 0 && { choices }) }];
}

async function markPaid(ctx: TurnContext, args: string): Promise<Reply[]> {
  const [who = '', typed = '', ...words] = args.trim().split(/\s+/);
  const period: Period | undefined = parsePeriod(typed, ctx.now);
  const all = who.toLowerCase() === 'all';
  const reference = words.join(' ').trim();
  // Marking a whole month needs the transfer reference; one payout from a button may go without.
  if (!who || !period || (all && !reference)) return [{ text: ctx.t('payout-paid-usage') }];

  const month = formatPeriod(period, ctx.locale);
  const result = await ctx.services.payouts.markPaid({
    period,
    ...(!all && { code: who.toUpperCase() }),
    ...(reference && { reference }),
    actor: actor(ctx),
    at: ctx.now,
  });
  if (result.notFound) {
    return [{ text: ctx.t('payout-not-found', { code: result.notFound, period: month }) }];
  }
  if (result.marked.length > 0) {
    return [{ text: ctx.t('payout-paid-done', { count: result.marked.length, period: month }) }];
  }
  return [
    {
      text: all
        ? ctx.t('payout-paid-none', { period: month })
        : ctx.t('payout-paid-already', { code: who.toUpperCase(), period: month }),
    },
  ];
}

async function adjust(ctx: TurnContext, args: string): Promise<Reply[]> {
  const match = /^(\S+)\s+([-+−]?)\s*(\S+)\s*(.*)$/s.exec(args.trim());
  if (!match) return [{ text: ctx.t('adjust-usage') }];
  const [, code = '', sign = '', amountText = '', reason = ''] = match;
  const parsed = parseMoney(amountText);
  if (!parsed.ok) return [{ text: ctx.t('adjust-bad-amount') }];

  const amount = sign === '-' || sign === '−' ? -parsed.amount : parsed.amount;
  // The update id makes the key: a redelivered update or a double tap writes one entry.
  const id = `${ctx.event.channel}:${ctx.event.updateId ?? ctx.event.messageId ?? ctx.now.getTime()}`;
  const { entry } = await ctx.services.ledger.adjust({
    code: code.toUpperCase(),
    amount,
    reason,
    actor: actor(ctx),
    at: ctx.now,
    id,
  });
  return [
    {
      text: ctx.t('adjust-done', {
        amount: money(ctx, entry.amount),
        code: entry.collaboratorCode,
        period: formatPeriod(entry.period, ctx.locale),
        reason: entry.reason ?? '',
      }),
    },
  ];
}

export const payoutCommands: Command[] = [
  { name: 'payouts', adminOnly: true, run: (ctx, args) => payouts(ctx, args) },
  { name: 'payout_paid', adminOnly: true, run: (ctx, args) => markPaid(ctx, args) },
  { name: 'adjust', adminOnly: true, run: (ctx, args) => adjust(ctx, args) },
];
