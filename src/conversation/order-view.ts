import type { Collaborator } from '../domain/collaborator.js';
import { formatMoney, lineTotal, type Dong } from '../domain/money.js';
import type { OrderHistoryEntry, OrderLine, OrderState } from '../domain/order.js';
import { formatDateVN, formatPeriod } from '../domain/period.js';
import { formatPhone } from '../domain/phone.js';
import type { Quote, StoredOrder } from '../services/order.service.js';
import type { TurnContext } from './flow.js';

/** How orders look in chat: draft lines with a running total, one-line items and the detail. */

type View = Pick<TurnContext, 't' | 'locale'>;

export function money(ctx: View, amount: Dong): string {
  return formatMoney(amount, ctx.locale);
}

export function stateName(ctx: View, state: OrderState): string {
  return ctx.t(`order-state-${state}`);
}

/** `1. Kem chống nắng × 2 · 129.900 ₫ = 259.800 ₫` */
export function lineText(ctx: View, line: OrderLine, index: number): string {
  return ctx.t('order-line', {
    index: index + 1,
    name: line.name,
    quantity: line.quantity,
    price: money(ctx, line.unitPrice),
    amount: money(ctx, lineTotal(line)),
  });
}

/** The draft: its lines, products no longer sold, and the running total (or, final, the total). */
export function draftText(ctx: View, quote: Quote, final = false): string {
  const rows = quote.lines.map((line, index) => lineText(ctx, line, index));
  for (const sku of quote.unavailable) rows.push(ctx.t('order-line-unavailable', { sku }));
  const total = money(ctx, quote.total);
  rows.push(ctx.t(final ? 'order-total' : 'order-running-total', { total }));
  return rows.join('\n');
}

/** One order in a list: number, date, customer, amount, state (and collaborator for admins). */
export function orderListItem(ctx: View, order: StoredOrder, withCode = false): string {
  return ctx.t(withCode ? 'order-queue-item' : 'order-list-item', {
    number: order.number,
    date: formatDateVN(order.submittedAt, ctx.locale),
    customer: order.customer.name,
    total: money(ctx, order.total),
    state: stateName(ctx, order.state),
    code: order.collaboratorCode,
  });
}

function historyText(ctx: View, entry: OrderHistoryEntry): string {
  const when = formatDateVN(entry.at, ctx.locale, { time: true });
  const row = ctx.t('order-history-row', { at: when, state: stateName(ctx, entry.to) });
  return entry.reason ? `${row} — ${ctx.t('order-reason-line', { reason: entry.reason })}` : row;
}

/** Everything about one order; the collaborator is named for admins only. */
export function orderDetail(ctx: View, order: StoredOrder, owner?: Collaborator): string {
  const parts = [
    ctx.t('order-detail-header', { number: order.number, state: stateName(ctx, order.state) }),
  ];
  if (owner) {
    parts.push(ctx.t('order-detail-collaborator', { name: owner.fullName, code: owner.code }));
  }
  parts.push(
    ctx.t('order-detail-submitted', {
      at: formatDateVN(order.submittedAt, ctx.locale, { time: true }),
      period: formatPeriod(order.period, ctx.locale),
    }),
    ...order.lines.map((line, index) => lineText(ctx, line, index)),
    ctx.t('order-total', { total: money(ctx, order.total) }),
    ctx.t('order-commission', { commission: money(ctx, order.expectedCommission) }),
    ctx.t('order-customer', {
      name: order.customer.name,
      phone: formatPhone(order.customer.phone),
      address: order.customer.address,
    }),
  );
  if (order.note) parts.push(ctx.t('order-note', { note: order.note }));
  parts.push(ctx.t('order-history-header'), ...order.history.map((e) => historyText(ctx, e)));
  return parts.join('\n');
}
