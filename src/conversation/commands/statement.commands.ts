import { collaboratorCode, type Collaborator } from '../../domain/collaborator.js';
import { formatPeriod, parsePeriod, type Period } from '../../domain/period.js';
import { fold } from '../../domain/text.js';
import { statementReply } from '../../services/statement.service.js';
import type { Command } from '../engine.js';
import type { TurnContext } from '../flow.js';
import { registerButton } from '../flows/profile.flow.js';
import type { Reply } from '../types.js';

/**
 * `/statement [CODE] [month]` and free text ("sao kê tháng 11", "bảng kê thang 11/2026",
 * "statement for November"): the month's statement as a PDF. A collaborator gets only their
 * own; an admin anyone's. Without a month: the last closed one.
 */

/** Words around the month in a request, left out before the month is read. */
const FILLER = new Set(
  [
    'sao ke bang hoa hong cua toi minh em cho xem gui lay file pdf nhe voi oi a giup dum xin',
    'statement statements commission my me the for of please send get show pdf',
  ]
    .join(' ')
    .split(' '),
);

const CODE = /^ctv-?0*(\d{1,8})$/;

/** What a request names: a collaborator's code, a month, or text that is not a month. */
interface StatementRequest {
  code?: string;
  period?: Period;
  unreadable?: string;
}

/** Reads the code and month out of the words after the command (or of the whole free text). */
export function readRequest(text: string, now: Date): StatementRequest {
  const words = fold(text).split(/\s+/).filter(Boolean);
  const codeWord = words.find((word) => CODE.test(word));
  const code = codeWord && collaboratorCode(Number(CODE.exec(codeWord)![1]));
  const rest = words.filter((word) => word !== codeWord && !FILLER.has(word)).join(' ');
  if (rest === '') return { code };

  const period = parsePeriod(rest, now) ?? monthName(rest, now);
  return period ? { code, period } : { code, unreadable: text.trim() };
}

/** "November", "nov": the latest such month not after `now` (parsePeriod wants a year). */
function monthName(word: string, now: Date): Period | undefined {
  const month = /^[a-z]{3,9}$/.test(word) ? parsePeriod(`${word} 2000`)?.slice(5) : undefined;
  return month ? parsePeriod(`thang ${Number(month)}`, now) : undefined;
}

/** Whose statement this asker may have: their own, or anyone's for an admin. */
async function subject(ctx: TurnContext, code?: string): Promise<Collaborator | Reply> {
  const own = ctx.collaborator;
  if (!code || code === own?.code) {
    if (own) return own;
    if (ctx.isAdmin) return { text: ctx.t('statement-chat-usage') };
    return { text: ctx.t('not-registered'), choices: registerButton(ctx) };
  }
  if (!ctx.isAdmin) return { text: ctx.t('statement-chat-not-yours') };
  const other = await ctx.services.collaborators.byCode(code);
  return other ?? { text: ctx.t('collaborator-not-found', { code }) };
}

async function statement(ctx: TurnContext, args: string): Promise<Reply[]> {
  // Free text arrives without arguments: the month is read from the whole message.
  const typed = args || (ctx.event.text ?? '').replace(/^\/\S+/, '');
  const request = readRequest(typed, ctx.now);
  const who = await subject(ctx, request.code);
  if ('text' in who) return [who];
  if (request.unreadable !== undefined) {
    return [{ text: ctx.t('statement-chat-bad-month', { text: request.unreadable }) }];
  }

  const { statements } = ctx.services;
  const period = request.period ?? (await statements.defaultPeriod(ctx.now));
  const result = await statements.get(who, period, ctx.now);
  const month = formatPeriod(period, ctx.locale);
  switch (result.outcome) {
    case 'ready':
      return [statementReply(ctx.i18n, result)];
    case 'future':
      return [{ text: ctx.t('statement-chat-future', { period: month }) }];
    case 'no-activity': {
      // A collaborator asking about themselves is answered as "you", an admin by the code.
      const own = who.id === ctx.collaborator?.id;
      const key = own ? 'statement-chat-no-activity-own' : 'statement-chat-no-activity';
      return [{ text: ctx.t(key, { period: month, code: who.code }) }];
    }
  }
}

export const statementCommands: Command[] = [
  { name: 'statement', run: (ctx, args) => statement(ctx, args) },
];
