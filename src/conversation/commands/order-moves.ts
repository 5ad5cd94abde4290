import type { OrderActor, OrderState } from '../../domain/order.js';
import { orderActions } from '../../services/order-notices.js';
import type { MoveResult } from '../../services/order.service.js';
import type { TurnContext } from '../flow.js';
import { stateName } from '../order-view.js';
import type { Reply } from '../types.js';

/** Admins act under their channel identity, the same name the audit log uses for them. */
export function adminActor(ctx: TurnContext): OrderActor {
  return { role: 'admin', id: `${ctx.event.channel}:${ctx.event.userId}` };
}

/** A refused move, naming the state the order is in now. */
export function refusalReply(
  ctx: TurnContext,
  result: Extract<MoveResult, { outcome: 'refused' }>,
): Reply {
  const { refusal, order } = result;
  return {
    text: ctx.t(`order-${refusal.code}`, {
      number: order.number,
      state: stateName(ctx, refusal.from),
      to: stateName(ctx, refusal.to),
    }),
  };
}

/** Moves an order for an admin and says what happened, offering the moves that follow. */
export async function moveReply(
  ctx: TurnContext,
  number: string,
  to: OrderState,
  reason?: string,
): Promise<Reply> {
  const result = await ctx.services.orders.move(number, to, adminActor(ctx), ctx.now, reason);
  if (result.outcome === 'not-found') return { text: ctx.t('order-not-found', { number }) };
  if (result.outcome === 'refused') return refusalReply(ctx, result);

  const choices = orderActions(result.order, ctx.i18n, true);
  return {
    text: ctx.t('order-moved', { number, state: stateName(ctx, result.order.state) }),
    ...(choices.length > 0 && { choices }),
  };
}
