import { needsReason, parseOrderNumber, type OrderState } from '../../domain/order.js';
import { cleanText } from '../../domain/text.js';
import { moveReply, refusalReply } from '../commands/order-moves.js';
import type { Flow } from '../flow.js';

const STATES: readonly OrderState[] = ['cancelled', 'returned'];

/**
 * An admin gives the reason for cancelling or returning an order, after pressing its button.
 * Started only by `/order_set` (admins only) with `DH-000123 cancelled`; the move is checked
 * first, so nobody is asked for a reason for a move that would be refused anyway.
 */
export const orderReasonFlow: Flow = {
  name: 'order-reason',

  async start(ctx, args) {
    const [typed = '', to = ''] = args.split(/\s+/);
    const number = parseOrderNumber(typed);
    const state = STATES.find((item) => item === to);
    if (!number || !state || !needsReason(state)) {
      return { refuse: [{ text: ctx.t('order-usage-set') }] };
    }

    const check = await ctx.services.orders.check(number, state, ctx.now);
    if (check.outcome === 'not-found') {
      return { refuse: [{ text: ctx.t('order-not-found', { number }) }] };
    }
    if (check.outcome === 'refused') return { refuse: [refusalReply(ctx, check)] };
    return { data: { number, to: state } };
  },

  steps: [
    {
      name: 'reason',
      prompt: (ctx, data) => ({
        text: ctx.t(`order-ask-reason-${String(data.to)}`, { number: String(data.number) }),
        choices: [[{ label: ctx.t('cancel-button'), payload: 'cancel' }]],
      }),
      parse(input) {
        if (input.kind === 'choice' && input.value === 'cancel') return { ok: true, cancel: true };
        const reason = input.kind === 'text' ? cleanText(input.text) : '';
        if (reason.length < 2 || reason.length > 500) {
          return { ok: false, retry: 'order-retry-reason' };
        }
        return { ok: true, set: { reason } };
      },
    },
  ],

  async complete(ctx, data) {
    const number = String(data.number);
    const to = data.to as OrderState;
    return [await moveReply(ctx, number, to, String(data.reason))];
  },

  cancelled: (ctx) => [{ text: ctx.t('order-reason-cancelled') }],
};
