import type { Command } from '../engine.js';
import type { TurnContext } from '../flow.js';
import { registerButton } from '../flows/profile.flow.js';
import type { Choice, Reply } from '../types.js';

/** The main menu, which depends on who is asking. */
export function menu(ctx: TurnContext): Reply {
  const rows: Choice[][] = [];
  const collaborator = ctx.collaborator;
  if (!collaborator) {
    rows.push(...registerButton(ctx));
  } else if (collaborator.status === 'active') {
    rows.push([
      { label: ctx.t('order-button'), payload: '/order' },
      { label: ctx.t('orders-button'), payload: '/orders' },
    ]);
    rows.push([
      { label: ctx.t('products-button'), payload: '/products' },
      { label: ctx.t('profile-button'), payload: '/profile' },
    ]);
    rows.push([
      { label: ctx.t('earnings-button'), payload: '/earnings' },
      { label: ctx.t('statement-chat-button'), payload: '/statement' },
    ]);
    rows.push([{ label: ctx.t('training-button'), payload: '/training' }]);
  }
  if (!collaborator || collaborator.status !== 'active') {
    rows.push([{ label: ctx.t('products-button'), payload: '/products' }]);
  }
  if (ctx.isAdmin) {
    const adminRow = [{ label: ctx.t('pending-button'), payload: '/pending' }];
    if (collaborator?.status !== 'active') {
      adminRow.push({ label: ctx.t('orders-button'), payload: '/orders' });
    }
    adminRow.push({ label: ctx.t('broadcasts-button'), payload: '/broadcasts' });
    rows.push(adminRow);
  }
  rows.push([
    { label: ctx.t('language-button'), payload: '/language' },
    { label: ctx.t('help-button'), payload: '/help' },
  ]);

  const status = collaborator ? ctx.t(`status-${collaborator.status}`) : '';
  const text = collaborator
    ? ctx.t('menu-collaborator', { name: collaborator.fullName, code: collaborator.code, status })
    : ctx.t('menu-guest', { business: ctx.services.businessName });
  return { text, choices: rows };
}

export const generalCommands: Command[] = [
  {
    name: 'start',
    run: (_ctx, args, control) => control.startFlow('onboarding', args),
  },
  {
    name: 'menu',
    run: async (ctx) => [menu(ctx)],
  },
  {
    name: 'help',
    run: async (ctx) => [{ text: ctx.t(ctx.isAdmin ? 'help-admin' : 'help') }],
  },
  {
    name: 'language',
    async run(ctx, args, control) {
      const chosen = args.trim().toLowerCase();
      if (chosen !== 'vi' && chosen !== 'en') {
        return [
          {
            text: ctx.t('ask-language'),
            choices: [
              [
                { label: 'Tiếng Việt', payload: '/language vi' },
                { label: 'English', payload: '/language en' },
              ],
            ],
          },
        ];
      }
      const i18n = control.setLocale(chosen);
      if (ctx.collaborator) await ctx.services.collaborators.setLocale(ctx.collaborator, chosen);
      return [{ text: i18n.t('language-set') }];
    },
  },
  {
    name: 'cancel',
    run: async (ctx, _args, control) => [
      { text: ctx.t(control.cancelFlow() ? 'flow-cancelled' : 'nothing-to-cancel') },
    ],
  },
  {
    name: 'fallback',
    run: async (ctx) => [{ ...menu(ctx), text: ctx.t('not-understood') }],
  },
  {
    name: 'unknown',
    run: async (ctx) => [{ text: ctx.t('unknown-command') }],
  },
];
