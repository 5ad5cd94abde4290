import { provinceName } from '../flows/fields.js';
import type { Command } from '../engine.js';
import type { TurnContext } from '../flow.js';
import type { Reply } from '../types.js';

const PAGE = 10;

function actor(ctx: TurnContext): string {
  return `${ctx.event.channel}:${ctx.event.userId}`;
}

/** Registrations waiting for a decision, with approve and reject buttons for each. */
async function pending(ctx: TurnContext, args: string): Promise<Reply[]> {
  const requested = Math.max(0, Number.parseInt(args, 10) || 0);
  const service = ctx.services.collaborators;
  const total = await service.count({ status: 'pending' });
  if (total === 0) return [{ text: ctx.t('pending-none') }];
  // A page past the end (an old button, a typed number) shows the last page instead.
  const page = Math.min(requested, Math.floor((total - 1) / PAGE));
  const waiting = await service.list({ status: 'pending' }, PAGE, page * PAGE);

  const replies: Reply[] = [{ text: ctx.t('pending-header', { count: total }) }];
  for (const collaborator of waiting) {
    replies.push({
      text: ctx.t('pending-item', {
        code: collaborator.code,
        name: collaborator.fullName,
        province: provinceName(collaborator.province),
        referrer: collaborator.referrerCode ?? '—',
      }),
      choices: [
        [
          { label: ctx.t('approve-button'), payload: `/approve ${collaborator.code}` },
          { label: ctx.t('reject-button'), payload: `/reject ${collaborator.code}` },
        ],
      ],
    });
  }
  if ((page + 1) * PAGE < total) {
    replies.push({
      text: ctx.t('more-available'),
      choices: [[{ label: ctx.t('next-page-button'), payload: `/pending ${page + 1}` }]],
    });
  }
  return replies;
}

async function decide(ctx: TurnContext, args: string, approve: boolean): Promise<Reply[]> {
  const [code = '', ...reasonWords] = args.split(/\s+/);
  if (!code) return [{ text: ctx.t(approve ? 'usage-approve' : 'usage-reject') }];

  const service = ctx.services.collaborators;
  const result = approve
    ? await service.approve(code.toUpperCase(), actor(ctx), ctx.now)
    : await service.reject(
        code.toUpperCase(),
        actor(ctx),
        ctx.now,
        reasonWords.join(' ') || undefined,
      );

  if (result.outcome === 'not-found') return [{ text: ctx.t('collaborator-not-found', { code }) }];
  const { collaborator } = result;
  if (result.outcome === 'already') {
    return [
      {
        text: ctx.t('decision-already', {
          code: collaborator.code,
          status: ctx.t(`status-${collaborator.status}`),
        }),
      },
    ];
  }
  return [
    {
      text: ctx.t(approve ? 'admin-approved' : 'admin-rejected', {
        code: collaborator.code,
        name: collaborator.fullName,
      }),
    },
  ];
}

export const adminCommands: Command[] = [
  { name: 'pending', adminOnly: true, run: (ctx, args) => pending(ctx, args) },
  { name: 'approve', adminOnly: true, run: (ctx, args) => decide(ctx, args, true) },
  { name: 'reject', adminOnly: true, run: (ctx, args) => decide(ctx, args, false) },
];
