import { broadcastLine } from '../broadcast-view.js';
import type { Command } from '../engine.js';
import type { TurnContext } from '../flow.js';
import type { Choice, Reply } from '../types.js';

/** How many broadcasts `/broadcasts` shows. */
const RECENT = 10;

/** The latest broadcasts with their counts, and a cancel button for those not started. */
async function recent(ctx: TurnContext): Promise<Reply[]> {
  const service = ctx.services.broadcasts;
  const list = await service.recent(RECENT);
  if (list.length === 0) {
    return [
      {
        text: ctx.t('broadcasts-none'),
        choices: [[{ label: ctx.t('broadcast-new-button'), payload: '/broadcast' }]],
      },
    ];
  }

  const lines = [ctx.t('broadcasts-header')];
  const choices: Choice[][] = [];
  for (const broadcast of list) {
    // A finished broadcast keeps its final counts; one being sent is counted now.
    const counts =
      broadcast.state === 'sending'
        ? await service.liveCounts(broadcast)
        : broadcast.state === 'done'
          ? broadcast.counts
          : { total: broadcast.audienceSize, sent: 0, blocked: 0, failed: 0 };
    lines.push(broadcastLine(ctx, broadcast, counts));
    if (broadcast.state === 'scheduled') {
      choices.push([
        {
          label: ctx.t('broadcast-cancel-button', { number: broadcast.number }),
          payload: `/broadcast_cancel ${broadcast.number}`,
        },
      ]);
    }
  }
  choices.push([{ label: ctx.t('broadcast-new-button'), payload: '/broadcast' }]);
  return [{ text: lines.join('\n'), choices }];
}

async function cancel(ctx: TurnContext, args: string): Promise<Reply[]> {
  const number = Number(/^#?(\d{1,9})$/.exec(args.trim())?.[1]);
  if (!number) return [{ text: ctx.t('broadcast-usage-cancel') }];

  const actor = `${ctx.event.channel}:${ctx.event.userId}`;
  const result = await ctx.services.broadcasts.cancel(number, actor);
  if (result.outcome === 'not-found') return [{ text: ctx.t('broadcast-not-found', { number }) }];
  if (result.outcome === 'cancelled') return [{ text: ctx.t('broadcast-cancelled', { number }) }];
  const state = ctx.t(`broadcast-state-${result.broadcast.state}`);
  return [{ text: ctx.t('broadcast-too-late', { number, state }) }];
}

/** Admins' broadcasts: compose (`/broadcast`), list (`/broadcasts`), cancel before start. */
export const broadcastCommands: Command[] = [
  {
    name: 'broadcast',
    adminOnly: true,
    run: (_ctx, _args, control) => control.startFlow('broadcast'),
  },
  { name: 'broadcasts', adminOnly: true, run: (ctx) => recent(ctx) },
  { name: 'broadcast_cancel', adminOnly: true, run: (ctx, args) => cancel(ctx, args) },
];
