import { readLinkCode, type LinkService } from '../../services/link.service.js';
import { type LinkAnswer, linkAnswerReply, toLinkAnswer } from '../commands/link.commands.js';
import type { Flow } from '../flow.js';

/**
 * Someone not yet known on this channel typed `/link`: the next message is the code they got
 * on their other channel. A wrong or expired code is asked for again; "hủy" stops.
 */
export function linkFlow(links: LinkService): Flow {
  return {
    name: 'link',

    steps: [
      {
        name: 'code',
        prompt: (ctx) => ({
          text: ctx.t('link-ask-code'),
          choices: [[{ label: ctx.t('cancel-button'), payload: 'cancel' }]],
        }),
        async parse(input, ctx) {
          if (input.kind === 'choice' && input.value === 'cancel') {
            return { ok: true, cancel: true };
          }
          const typed = input.kind === 'text' ? input.text : '';
          if (!readLinkCode(typed)) return { ok: false, retry: 'link-retry-code' };

          const result = await links.redeem(typed, ctx.event, ctx.now);
          if (result.outcome === 'invalid') return { ok: false, retry: 'link-retry-code' };
          return { ok: true, set: { answer: toLinkAnswer(result) } };
        },
      },
    ],

    async complete(ctx, data) {
      return [linkAnswerReply(ctx, data.answer as LinkAnswer)];
    },
  };
}
