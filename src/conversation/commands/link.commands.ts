import { formatLinkCode, type LinkOutcome, type LinkService } from '../../services/link.service.js';
import type { Command } from '../engine.js';
import type { TurnContext } from '../flow.js';
import type { Reply } from '../types.js';

/** What the answer to a sent code needs: plain data, so a flow can keep it in its state. */
export interface LinkAnswer {
  outcome: LinkOutcome['outcome'];
  code?: string;
  name?: string;
}

/** The plain data of an outcome. */
export function toLinkAnswer(result: LinkOutcome): LinkAnswer {
  if (!('collaborator' in result)) return { outcome: result.outcome };
  const { code, fullName } = result.collaborator;
  return { outcome: result.outcome, code, name: fullName };
}

/** The answer to a code someone sent, in their language. */
export function linkAnswerReply(ctx: TurnContext, answer: LinkAnswer): Reply {
  const code = answer.code ?? '';
  switch (answer.outcome) {
    case 'linked':
      return {
        text: ctx.t('link-done', { name: answer.name ?? '', code }),
        choices: [[{ label: ctx.t('menu-button'), payload: '/menu' }]],
      };
    case 'already-linked':
      return { text: ctx.t('link-already', { code }) };
    case 'channel-taken':
      return { text: ctx.t('link-channel-taken', { code }) };
    case 'identity-taken':
      return { text: ctx.t('link-identity-taken') };
    case 'invalid':
      return { text: ctx.t('link-invalid') };
  }
}

/**
 * `/link`: a registered collaborator gets a one-time code for their other channel; anyone
 * else is asked for such a code (the `link` flow). `/link CODE` sends the code at once.
 */
export function linkCommands(links: LinkService): Command[] {
  return [
    {
      name: 'link',
      async run(ctx, args, control) {
        const { event, collaborator } = ctx;
        if (args) {
          const result = await links.redeem(args, event, ctx.now);
          // A half-done registration on this channel is moot once the identity is joined.
          if (result.outcome === 'linked') control.cancelFlow();
          return [linkAnswerReply(ctx, toLinkAnswer(result))];
        }
        if (!collaborator) return control.startFlow('link');
        if (collaborator.status === 'rejected' || collaborator.status === 'suspended') {
          return [{ text: ctx.t('link-not-allowed') }];
        }

        const { code } = await links.issue(collaborator, event.channel, ctx.now);
        const shown = formatLinkCode(code);
        return [{ text: ctx.t('link-code-issued', { code: shown, minutes: links.ttlMinutes }) }];
      },
    },
  ];
}
