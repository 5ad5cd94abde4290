import {
  type Audience,
  MAX_AUDIENCE_CODES,
  parseCodes,
  parseJoinedRange,
} from '../../domain/audience.js';
import { column, type Step, type StepResult, type TurnContext } from '../flow.js';
import { provinceChoices, readProvince } from './fields.js';

const only = () => true;

/** Stores the audience if it reaches someone; otherwise asks again. */
async function chooseAudience(ctx: TurnContext, audience: Audience): Promise<StepResult> {
  const { reachable } = await ctx.services.broadcasts.countAudience(audience);
  if (reachable === 0) return { ok: false, retry: 'broadcast-retry-audience-empty' };
  return { ok: true, set: { audience } };
}

/**
 * The broadcast flow's audience steps: a kind by button, then, for three of them, a
 * sub-step entered only by its button (hence `skip`): a province, months of registration,
 * or a list of codes. Every choice is counted, and one that reaches nobody is asked again.
 */
export const audienceSteps: Step[] = [
  {
    name: 'audience',
    prompt: (ctx) => ({
      text: ctx.t('broadcast-ask-audience'),
      choices: column([
        ['all', ctx.t('broadcast-audience-all-button')],
        ['province', ctx.t('broadcast-audience-province-button')],
        ['joined', ctx.t('broadcast-audience-joined-button')],
        ['codes', ctx.t('broadcast-audience-codes-button')],
      ]),
    }),
    async parse(input, ctx) {
      if (input.kind !== 'choice') return { ok: false, retry: 'retry-use-buttons' };
      if (input.value === 'all') return chooseAudience(ctx, { kind: 'all' });
      if (input.value === 'province' || input.value === 'joined' || input.value === 'codes') {
        return { ok: true, next: input.value };
      }
      return { ok: false, retry: 'retry-use-buttons' };
    },
  },
  {
    name: 'province',
    skip: only,
    prompt: (ctx) => ({ text: ctx.t('broadcast-ask-province'), choices: provinceChoices() }),
    async parse(input, ctx) {
      const province = readProvince(input);
      if (!province.ok) return province;
      return chooseAudience(ctx, { kind: 'province', province: province.value });
    },
  },
  {
    name: 'joined',
    skip: only,
    prompt: (ctx) => ({ text: ctx.t('broadcast-ask-joined') }),
    async parse(input, ctx) {
      const range = input.kind === 'text' ? parseJoinedRange(input.text, ctx.now) : undefined;
      if (!range) return { ok: false, retry: 'broadcast-retry-joined' };
      return chooseAudience(ctx, { kind: 'joined', ...range });
    },
  },
  {
    name: 'codes',
    skip: only,
    prompt: (ctx) => ({ text: ctx.t('broadcast-ask-codes') }),
    async parse(input, ctx) {
      const { codes } = parseCodes(input.kind === 'text' ? input.text : '');
      if (codes.length === 0) return { ok: false, retry: 'broadcast-retry-codes' };
      if (codes.length > MAX_AUDIENCE_CODES)
        return { ok: false, retry: 'broadcast-retry-codes-many' };
      return chooseAudience(ctx, { kind: 'codes', codes });
    },
  },
];
