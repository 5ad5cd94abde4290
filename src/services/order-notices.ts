import type { Collaborator } from '../domain/collaborator.js';
import { formatMoney } from '../domain/money.js';
import { allowedTransitions, type OrderHistoryEntry, type OrderState } from '../domain/order.js';
import type { Translator } from '../i18n/i18n.js';
import type { Choice, Reply } from '../conversation/types.js';
import type { StoredOrder } from '../store/order.repository.js';

/** The payload that asks for a transition; cancel and return get their reason afterwards. */
export function transitionPayload(number: string, to: OrderState): string {
  return `/order_set ${number} ${to}`;
}

/**
 * Buttons for the moves an order can make next (what an admin is offered), optionally with a
 * "details" button for lists where the order is shown in one line.
 */
export function orderActions(order: StoredOrder, i18n: Translator, withDetail = false): Choice[][] {
  const rows: Choice[][] = [];
  const moves = allowedTransitions(order.state).map((to) => ({
    label: i18n.t(`order-action-${to}`),
    payload: transitionPayload(order.number, to),
  }));
  if (moves.length > 0) rows.push(moves);
  if (withDetail) {
    rows.push([{ label: i18n.t('order-detail-button'), payload: `/order ${order.number}` }]);
  }
  return rows;
}

/** What the admins are told when an order comes in; they can act on it from the message. */
export function newOrderNotice(order: StoredOrder, collaborator: Collaborator) {
  return (i18n: Translator): Reply => ({
    text: i18n.t('order-admin-new', {
      number: order.number,
      name: collaborator.fullName,
      code: collaborator.code,
      count: order.lines.length,
      total: formatMoney(order.total, i18n.locale),
    }),
    choices: orderActions(order, i18n, true),
  });
}

/** What the collaborator is told when an order of theirs moves, with the reason if any. */
export function transitionNotice(order: StoredOrder, entry: OrderHistoryEntry) {
  return (i18n: Translator): Reply => {
    const text = i18n.t(`order-notice-${entry.to}`, {
      number: order.number,
      customer: order.customer.name,
      total: formatMoney(order.total, i18n.locale),
    });
    const reason = entry.reason ? `\n${i18n.t('order-reason-line', { reason: entry.reason })}` : '';
    return {
      text: text + reason,
      choices: [[{ label: i18n.t('order-detail-button'), payload: `/order ${order.number}` }]],
    };
  };
}
