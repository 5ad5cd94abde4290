import { randomBytes } from 'node:crypto';
import { cleanText, escapeHtml, fold } from '../../domain/text.js';
import { MAX_MEDIA_BYTES, type IncomingFile } from '../../services/training.service.js';
import { fileText, incomingFile } from '../broadcast-view.js';
import {
  column,
  type Flow,
  type FlowData,
  parseSummary,
  summaryChoices,
  type TurnContext,
} from '../flow.js';

const EDITABLE = ['content', 'title', 'topic'] as const;
const LINK = /^https?:\/\/[^\s<>"]{3,2000}$/i;

/** Telegram refuses button payloads over 64 bytes; a topic button carries `~<run>:t:<key>`. */
const TOPIC_KEY_BYTES = 40;

function topicKey(topic: string): string {
  let key = '';
  for (const char of fold(topic)) {
    if (Buffer.byteLength(key + char) > TOPIC_KEY_BYTES) break;
    key += char;
  }
  return key;
}

function contentText(ctx: TurnContext, data: FlowData): string {
  const file = data.file as IncomingFile | undefined;
  if (file) return `${ctx.t(`material-kind-${file.kind}`)}: ${fileText(ctx, file)}`;
  return `${ctx.t('material-kind-link')}: ${escapeHtml(String(data.link))}`;
}

/**
 * An admin adds a training material: a file (document, photo, video) or a link, its title
 * and its topic (an existing one by button, or a new one typed), then confirms. The file is
 * fetched from the chat and kept in the database when the admin confirms.
 */
export const materialFlow: Flow = {
  name: 'material',
  summaryStep: 'summary',

  start: () => ({ data: { draftId: randomBytes(8).toString('hex') } }),

  steps: [
    {
      name: 'content',
      prompt: (ctx) => ({ text: ctx.t('material-ask-content') }),
      parse(input, ctx) {
        if (input.kind === 'text') {
          const link = input.text.trim();
          if (!LINK.test(link)) return { ok: false, retry: 'material-retry-content' };
          return { ok: true, set: { link, file: undefined } };
        }
        const file = input.kind === 'attachment' ? incomingFile(ctx.event) : undefined;
        if (!file) return { ok: false, retry: 'material-retry-content' };
        if ((file.size ?? 0) > MAX_MEDIA_BYTES) return { ok: false, retry: 'material-too-large' };
        return { ok: true, set: { file, link: undefined } };
      },
    },
    {
      name: 'title',
      prompt: (ctx) => ({ text: ctx.t('material-ask-title') }),
      parse(input) {
        const title = input.kind === 'text' ? cleanText(input.text) : '';
        if (title.length < 2 || title.length > 120) {
          return { ok: false, retry: 'material-retry-title' };
        }
        return { ok: true, set: { title } };
      },
    },
    {
      name: 'topic',
      async prompt(ctx) {
        const topics = await ctx.services.training.topics();
        return {
          text: ctx.t('material-ask-topic'),
          choices: topics.length
            ? column(topics.slice(0, 20).map((item) => [`t:${topicKey(item.topic)}`, item.topic]))
            : undefined,
        };
      },
      async parse(input, ctx) {
        const topics = await ctx.services.training.topics();
        if (input.kind === 'choice') {
          const key = input.value.replace(/^t:/, '');
          const found = topics.find((item) => topicKey(item.topic) === key);
          return found
            ? { ok: true, set: { topic: found.topic } }
            : { ok: false, retry: 'retry-use-buttons' };
        }
        const typed = input.kind === 'text' ? cleanText(input.text) : '';
        if (typed.length < 2 || typed.length > 60)
          return { ok: false, retry: 'material-retry-topic' };
        // "chinh sach" typed for the existing "Chính sách" joins it rather than making a twin.
        const same = topics.find((item) => item.key === fold(typed));
        return { ok: true, set: { topic: same?.topic ?? typed } };
      },
    },
    {
      name: 'summary',
      prompt: (ctx, data) => ({
        text: [
          ctx.t('material-summary-header'),
          contentText(ctx, data),
          ctx.t('material-summary-title', { title: String(data.title) }),
          ctx.t('material-summary-topic', { topic: String(data.topic) }),
        ].join('\n'),
        choices: summaryChoices(ctx, ctx.t('material-save-button')),
      }),
      parse: parseSummary,
    },
    {
      name: 'editField',
      skip: () => true,
      prompt: (ctx) => ({
        text: ctx.t('material-ask-edit-field'),
        choices: column(EDITABLE.map((field) => [field, ctx.t(`material-field-${field}`)])),
      }),
      parse(input) {
        const field = EDITABLE.find((item) => input.kind === 'choice' && input.value === item);
        return field ? { ok: true, edit: field } : { ok: false, retry: 'retry-use-buttons' };
      },
    },
  ],

  async complete(ctx, data) {
    const { event } = ctx;
    const { material } = await ctx.services.training.add({
      sourceKey: `chat:${event.channel}:${event.userId}:${String(data.draftId)}`,
      title: String(data.title),
      topic: String(data.topic),
      link: typeof data.link === 'string' ? data.link : undefined,
      file: data.file as IncomingFile | undefined,
      createdBy: `${event.channel}:${event.userId}`,
    });
    return [
      {
        text: ctx.t('material-saved', { title: material.title, topic: material.topic }),
        choices: [
          [
            { label: ctx.t('training-open-button'), payload: `/training m:${material.number}` },
            { label: ctx.t('training-add-button'), payload: '/material' },
          ],
        ],
      },
    ];
  },

  cancelled: (ctx) => [{ text: ctx.t('material-draft-cancelled') }],
};
