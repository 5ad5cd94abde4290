import {
  needsReason,
  ORDER_TRANSITIONS,
  parseOrderNumber,
  type OrderState,
} from '../../domain/order.js';
import { orderActions } from '../../services/order-notices.js';
import { ORDER_PAGE_SIZE } from '../../services/order.service.js';
import type { Command } from '../engine.js';
import type { TurnContext } from '../flow.js';
import { registerButton } from '../flows/profile.flow.js';
import { orderDetail, orderListItem, stateName } from '../order-view.js';
import type { Choice, Reply } from '../types.js';
import { moveReply } from './order-moves.js';

const STATES = Object.keys(ORDER_TRANSITIONS) as OrderState[];
const MAX_PAGE = 10_000;

function pageOf(text: string | undefined): number {
  // Capped so a typed or forged page number never becomes an absurd database skip.
  return Math.min(MAX_PAGE, Math.max(0, Number.parseInt(text ?? '', 10) || 0));
}

/** "Previous" and "next" buttons around page `page` of `total` items. */
function pager(ctx: TurnContext, command: string, page: number, total: number): Choice[] {
  const row: Choice[] = [];
  if (page > 0)
    row.push({ label: ctx.t('order-prev-page-button'), payload: `${command} ${page - 1}` });
  if ((page + 1) * ORDER_PAGE_SIZE < total) {
    row.push({ label: ctx.t('next-page-button'), payload: `${command} ${page + 1}` });
  }
  return row;
}

/** One order: admins see any with its moves; a collaborator only their own, else "not found". */
async function showOrder(ctx: TurnContext, number: string): Promise<Reply[]> {
  const orders = ctx.services.orders;
  const viewer = { isAdmin: ctx.isAdmin, collaboratorId: ctx.collaborator?.id };
  const order = await orders.find(number, viewer);
  if (!order) return [{ text: ctx.t('order-not-found', { number }) }];

  if (ctx.isAdmin) {
    const owner = await orders.collaboratorOf(order);
    const choices = orderActions(order, ctx.i18n);
    return [{ text: orderDetail(ctx, order, owner), ...(choices.length > 0 && { choices }) }];
  }
  return [
    {
      text: orderDetail(ctx, order),
      choices: [[{ label: ctx.t('order-mine-button'), payload: '/orders' }]],
    },
  ];
}

/** The admins' queue: a button per state with its count, then one state's orders, paged. */
async function queue(ctx: TurnContext, args: string): Promise<Reply[]> {
  const [first, second] = args.split(/\s+/);
  const state = STATES.find((item) => item === first);
  if (!state) {
    const counts = await ctx.services.orders.countByState();
    const buttons = STATES.map((item) => ({
      label: `${stateName(ctx, item)} (${counts[item] ?? 0})`,
      payload: `/orders ${item}`,
    }));
    return [{ text: ctx.t('order-queue-pick'), choices: [buttons.slice(0, 3), buttons.slice(3)] }];
  }

  const page = pageOf(second);
  const { orders, total } = await ctx.services.orders.queue(state, page);
  if (total === 0) return [{ text: ctx.t('order-queue-empty', { state: stateName(ctx, state) }) }];

  const replies: Reply[] = [
    { text: ctx.t('order-queue-header', { state: stateName(ctx, state), count: total }) },
    ...orders.map((order) => ({
      text: orderListItem(ctx, order, true),
      choices: orderActions(order, ctx.i18n, true),
    })),
  ];
  const more = pager(ctx, `/orders ${state}`, page, total);
  if (more.length > 0) replies.push({ text: ctx.t('more-available'), choices: [more] });
  return replies;
}

/** A collaborator's own orders, newest first, with a button per order for its detail. */
async function mine(ctx: TurnContext, args: string): Promise<Reply[]> {
  const collaborator = ctx.collaborator;
  if (!collaborator) return [{ text: ctx.t('not-registered'), choices: registerButton(ctx) }];

  const page = pageOf(args.replace(/^mine\s*/, ''));
  const { orders, total } = await ctx.services.orders.mine(collaborator, page);
  if (total === 0) {
    return [
      {
        text: ctx.t('order-mine-empty'),
        choices: [[{ label: ctx.t('order-new-button'), payload: '/order' }]],
      },
    ];
  }

  const pages = Math.ceil(total / ORDER_PAGE_SIZE);
  const text = [
    ctx.t('order-mine-header', { count: total, page: page + 1, pages }),
    ...orders.map((order) => orderListItem(ctx, order)),
  ].join('\n');
  const choices: Choice[][] = orders.map((order) => [
    {
      label: `${order.number} · ${stateName(ctx, order.state)}`,
      payload: `/order ${order.number}`,
    },
  ]);
  const more = pager(ctx, ctx.isAdmin ? '/orders mine' : '/orders', page, total);
  if (more.length > 0) choices.push(more);
  return [{ text, choices }];
}

/** `/order_set DH-000123 confirmed`, or `cancelled`/`returned` with a reason typed or asked for. */
async function setState(
  ctx: TurnContext,
  args: string,
  startFlow: (name: string, args?: string) => Promise<Reply[]>,
): Promise<Reply[]> {
  const [typed = '', to = '', ...words] = args.split(/\s+/);
  const number = parseOrderNumber(typed);
  const state = STATES.find((item) => item === to.toLowerCase());
  if (!number || !state) return [{ text: ctx.t('order-usage-set') }];

  const reason = words.join(' ').trim();
  if (needsReason(state) && reason === '') return startFlow('order-reason', `${number} ${state}`);
  // A reason typed with the command follows the same rule as one given in the reason prompt.
  if (reason && (reason.length < 2 || reason.length > 500)) {
    return [{ text: ctx.t('order-retry-reason') }];
  }
  return [await moveReply(ctx, number, state, reason || undefined)];
}

export const orderCommands: Command[] = [
  {
    name: 'order',
    async run(ctx, args, control) {
      // A product's SKU wins over the order-number reading: a SKU such as "DH-2" is valid.
      const product = args.trim() ? await ctx.services.catalog.bySku(args) : undefined;
      const number = product ? undefined : parseOrderNumber(args);
      return number ? showOrder(ctx, number) : control.startFlow('order', args);
    },
  },
  {
    name: 'orders',
    run: (ctx, args) =>
      ctx.isAdmin && !args.startsWith('mine') ? queue(ctx, args) : mine(ctx, args),
  },
  {
    name: 'order_set',
    adminOnly: true,
    run: (ctx, args, control) => setState(ctx, args, control.startFlow),
  },
];
