import { randomBytes } from 'node:crypto';
import { readAudience } from '../../domain/audience.js';
import { parseSendTime } from '../../domain/send-time.js';
import { escapeHtml } from '../../domain/text.js';
import type { IncomingFile } from '../../services/training.service.js';
import {
  audienceText,
  fileText,
  incomingFile,
  readBroadcastText,
  whenText,
} from '../broadcast-view.js';
import {
  column,
  type Flow,
  type FlowData,
  parseSummary,
  summaryChoices,
  type TurnContext,
} from '../flow.js';
import type { Choice } from '../types.js';
import { audienceSteps } from './broadcast-audience.js';

const EDITABLE = ['text', 'attachment', 'audience', 'time'] as const;
const MATERIALS_PER_PAGE = 8;

const fileOf = (data: FlowData) => data.file as IncomingFile | undefined;
const shorten = (text: string, max: number) =>
  [...text].length <= max ? text : `${[...text].slice(0, max - 1).join('')}…`;
const only = () => true;

async function summaryText(ctx: TurnContext, data: FlowData): Promise<string> {
  const audience = readAudience(data.audience)!;
  const { matched, reachable } = await ctx.services.broadcasts.countAudience(audience);
  const file = fileOf(data);
  const material =
    typeof data.material === 'number'
      ? await ctx.services.training.byNumber(data.material)
      : undefined;
  const attachment = file
    ? fileText(ctx, file)
    : material
      ? ctx.t('broadcast-attachment-material', { title: material.title })
      : ctx.t('broadcast-attachment-none');
  const blocked = matched - reachable;
  const count = ctx.t('broadcast-summary-count', { count: reachable });
  const note = blocked > 0 ? ` ${ctx.t('broadcast-blocked-note', { count: blocked })}` : '';
  const when =
    typeof data.sendAt === 'string'
      ? ctx.t('broadcast-when-at', { at: whenText(ctx, new Date(data.sendAt)) })
      : ctx.t('broadcast-when-now');
  // Pieces are joined, not nested as arguments, so that nothing is escaped twice.
  return [
    ctx.t('broadcast-summary-header'),
    escapeHtml(String(data.text)),
    '──────────',
    `📎 ${attachment}`,
    `👥 ${audienceText(ctx, audience)}: ${count}${note}`,
    `🕒 ${when}`,
  ].join('\n');
}

/**
 * An admin composes a broadcast: text (or a file with a caption), an optional file or
 * training material, the audience with its head count, the time, then a preview to send,
 * edit or drop. Sub-steps (material, province, period, codes) are entered only by their
 * button, hence `skip` on them.
 */
export const broadcastFlow: Flow = {
  name: 'broadcast',
  summaryStep: 'summary',

  start: () => ({ data: { draftId: randomBytes(8).toString('hex') } }),

  steps: [
    {
      name: 'text',
      prompt: (ctx) => ({ text: ctx.t('broadcast-ask-text') }),
      parse(input, ctx) {
        const file = input.kind === 'attachment' ? incomingFile(ctx.event) : undefined;
        const typed = input.kind === 'text' ? input.text : file ? (ctx.event.caption ?? '') : '';
        const text = readBroadcastText(typed);
        if (!text) return { ok: false, retry: 'broadcast-retry-text' };
        return { ok: true, set: file ? { text, file, material: undefined } : { text } };
      },
    },
    {
      name: 'attachment',
      skip: (data) => fileOf(data) !== undefined,
      prompt: (ctx) => ({
        text: ctx.t('broadcast-ask-attachment'),
        choices: [
          [{ label: ctx.t('broadcast-material-button'), payload: 'material' }],
          [{ label: ctx.t('broadcast-no-attachment-button'), payload: 'none' }],
        ],
      }),
      parse(input, ctx) {
        if (input.kind === 'choice' && input.value === 'material') {
          return { ok: true, set: { materialPage: 0 }, next: 'material' };
        }
        if (input.kind === 'choice' && input.value === 'none') {
          return { ok: true, set: { file: undefined, material: undefined } };
        }
        const file = input.kind === 'attachment' ? incomingFile(ctx.event) : undefined;
        if (!file) return { ok: false, retry: 'broadcast-retry-attachment' };
        if ((file.size ?? 0) > 20 * 1024 * 1024) return { ok: false, retry: 'material-too-large' };
        return { ok: true, set: { file, material: undefined } };
      },
    },
    {
      name: 'material',
      skip: only,
      async prompt(ctx, data) {
        const page = Number(data.materialPage ?? 0);
        const { materials, total } = await ctx.services.training.page(undefined, page);
        if (total === 0) {
          return {
            text: ctx.t('broadcast-no-materials'),
            choices: [[{ label: ctx.t('broadcast-no-attachment-button'), payload: 'none' }]],
          };
        }
        const rows: Choice[][] = materials.map((item) => [
          { label: shorten(`${item.title} · ${item.topic}`, 60), payload: `m:${item.number}` },
        ]);
        const paging: Choice[] = [];
        if (page > 0) paging.push({ label: '‹', payload: `page:${page - 1}` });
        if ((page + 1) * MATERIALS_PER_PAGE < total)
          paging.push({ label: '›', payload: `page:${page + 1}` });
        if (paging.length > 0) rows.push(paging);
        return { text: ctx.t('broadcast-ask-material'), choices: rows };
      },
      async parse(input, ctx) {
        if (input.kind !== 'choice') return { ok: false, retry: 'retry-use-buttons' };
        const page = /^page:(\d{1,4})$/.exec(input.value);
        if (page) return { ok: true, set: { materialPage: Number(page[1]) }, next: 'material' };
        if (input.value === 'none')
          return { ok: true, set: { file: undefined, material: undefined } };
        const number = Number(/^m:(\d{1,9})$/.exec(input.value)?.[1]);
        const material = number ? await ctx.services.training.byNumber(number) : undefined;
        if (!material) return { ok: false, retry: 'training-material-gone' };
        return { ok: true, set: { material: material.number, file: undefined } };
      },
    },
    ...audienceSteps,
    {
      name: 'time',
      async prompt(ctx, data) {
        const audience = readAudience(data.audience)!;
        const { reachable } = await ctx.services.broadcasts.countAudience(audience);
        return {
          text: ctx.t('broadcast-ask-time', { count: reachable }),
          choices: [[{ label: ctx.t('broadcast-send-now-button'), payload: 'now' }]],
        };
      },
      parse(input, ctx) {
        if (input.kind === 'choice' && input.value === 'now')
          return { ok: true, set: { sendAt: undefined } };
        if (input.kind !== 'text') return { ok: false, retry: 'broadcast-retry-time' };
        const time = parseSendTime(input.text, ctx.now);
        if (!time.ok) return { ok: false, retry: `broadcast-retry-time-${time.reason}` };
        return { ok: true, set: { sendAt: time.at.toISOString() } };
      },
    },
    {
      name: 'summary',
      prompt: async (ctx, data) => ({
        text: await summaryText(ctx, data),
        choices: summaryChoices(
          ctx,
          ctx.t(data.sendAt ? 'broadcast-schedule-button' : 'broadcast-send-button'),
        ),
      }),
      parse: parseSummary,
    },
    {
      name: 'editField',
      skip: only,
      prompt: (ctx) => ({
        text: ctx.t('broadcast-ask-edit-field'),
        choices: column(EDITABLE.map((field) => [field, ctx.t(`broadcast-field-${field}`)])),
      }),
      parse(input) {
        const field = EDITABLE.find((item) => input.kind === 'choice' && input.value === item);
        return field ? { ok: true, edit: field } : { ok: false, retry: 'retry-use-buttons' };
      },
    },
  ],

  async complete(ctx, data) {
    const { event } = ctx;
    // A time that passed while the preview was open means "now".
    const at = typeof data.sendAt === 'string' ? new Date(data.sendAt) : ctx.now;
    const sendAt = at.getTime() > ctx.now.getTime() ? at : ctx.now;
    const { broadcast } = await ctx.services.broadcasts.create({
      draftKey: `chat:${event.channel}:${event.userId}:${String(data.draftId)}`,
      author: {
        channel: event.channel,
        userId: event.userId,
        chatId: event.chatId,
        locale: ctx.locale,
      },
      text: String(data.text),
      audience: readAudience(data.audience)!,
      sendAt,
      file: fileOf(data),
      materialNumber: typeof data.material === 'number' ? data.material : undefined,
    });
    const args = { number: broadcast.number, count: broadcast.audienceSize };
    if (sendAt === ctx.now) return [{ text: ctx.t('broadcast-queued-now', args) }];
    return [
      {
        text: ctx.t('broadcast-queued-at', { ...args, at: whenText(ctx, sendAt) }),
        choices: [
          [
            {
              label: ctx.t('broadcast-cancel-button', { number: broadcast.number }),
              payload: `/broadcast_cancel ${broadcast.number}`,
            },
          ],
        ],
      },
    ];
  },

  cancelled: (ctx) => [{ text: ctx.t('broadcast-draft-cancelled') }],
};
