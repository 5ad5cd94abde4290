import { fold } from '../../domain/text.js';
import { materialReply } from '../../services/broadcast-content.js';
import { MATERIAL_PAGE_SIZE, type TrainingMaterial } from '../../services/training.service.js';
import type { Command } from '../engine.js';
import type { TurnContext } from '../flow.js';
import { registerButton } from '../flows/profile.flow.js';
import type { Choice, Reply } from '../types.js';

/** Telegram refuses button payloads over 64 bytes; `/training t:<page>:` takes up to 18. */
const KEY_BYTES = 40;

const ICONS = { document: '📄', photo: '🖼', video: '🎬', link: '🔗' } as const;

function fitBytes(text: string, max: number): string {
  let out = '';
  for (const char of text) {
    if (Buffer.byteLength(out + char) > max) break;
    out += char;
  }
  return out;
}

const topicLink = (topic: string, page = 0) =>
  `/training t:${page}:${fitBytes(fold(topic), KEY_BYTES)}`;

/**
 * Collaborators who are active, and admins, read the library; others are told why. Pending
 * collaborators wait: materials speak of commissions and policies meant for the network.
 */
function refusal(ctx: TurnContext): Reply[] | undefined {
  if (ctx.isAdmin || ctx.collaborator?.status === 'active') return undefined;
  if (!ctx.collaborator) return [{ text: ctx.t('not-registered'), choices: registerButton(ctx) }];
  return [{ text: ctx.t('training-not-active') }];
}

async function topics(ctx: TurnContext): Promise<Reply[]> {
  const list = await ctx.services.training.topics();
  const rows: Choice[][] = list.map((item) => [
    {
      label: ctx.t('training-topic-button', { topic: item.topic, count: item.count }),
      payload: topicLink(item.topic),
    },
  ]);
  if (ctx.isAdmin) rows.push([{ label: ctx.t('training-add-button'), payload: '/material' }]);
  const text = list.length === 0 ? ctx.t('training-empty') : ctx.t('training-topics');
  return [{ text, choices: rows.length > 0 ? rows : undefined }];
}

async function topicPage(ctx: TurnContext, page: number, key: string): Promise<Reply[]> {
  const found = (await ctx.services.training.topics()).find((item) => item.key.startsWith(key));
  if (!found) return [{ text: ctx.t('training-topic-gone') }, ...(await topics(ctx))];

  const { materials, total } = await ctx.services.training.page(found.key, page);
  const rows: Choice[][] = materials.map((item) => [
    { label: `${ICONS[item.kind]} ${item.title}`, payload: `/training m:${item.number}` },
  ]);
  const paging: Choice[] = [];
  if (page > 0)
    paging.push({
      label: ctx.t('training-prev-page-button'),
      payload: topicLink(found.topic, page - 1),
    });
  if ((page + 1) * MATERIAL_PAGE_SIZE < total) {
    paging.push({ label: ctx.t('next-page-button'), payload: topicLink(found.topic, page + 1) });
  }
  if (paging.length > 0) rows.push(paging);
  rows.push([{ label: ctx.t('training-topics-button'), payload: '/training' }]);
  const pages = Math.max(1, Math.ceil(total / MATERIAL_PAGE_SIZE));
  return [
    {
      text: ctx.t('training-topic-page', { topic: found.topic, page: page + 1, pages }),
      choices: rows,
    },
  ];
}

/** Sends a material and records that this collaborator opened it. */
async function open(ctx: TurnContext, material: TrainingMaterial): Promise<Reply[]> {
  const training = ctx.services.training;
  const lines = [
    ctx.t('training-material-header', { title: material.title, topic: material.topic }),
  ];
  if (ctx.isAdmin) {
    const views = await training.viewSummary(material.id);
    lines.push(ctx.t('training-material-views', { ...views }));
  }
  const reply = await materialReply(material, training, ctx.event.channel, lines.join('\n'));
  reply.choices = [[{ label: `« ${material.topic}`, payload: topicLink(material.topic) }]];
  await training.opened(material, ctx.collaborator?.id, ctx.now);
  return [reply];
}

async function training(ctx: TurnContext, args: string): Promise<Reply[]> {
  const refused = refusal(ctx);
  if (refused) return refused;

  const one = /^m:(\d{1,9})$/.exec(args);
  if (one) {
    const material = await ctx.services.training.byNumber(Number(one[1]));
    return material
      ? open(ctx, material)
      : [{ text: ctx.t('training-material-gone') }, ...(await topics(ctx))];
  }
  const paged = /^t:(\d{1,4}):(.+)$/s.exec(args);
  if (paged) return topicPage(ctx, Number(paged[1]), paged[2]!);
  return topics(ctx);
}

/** The training library: `/training` (topics → pages → a material), `/material` to add one. */
export const trainingCommands: Command[] = [
  { name: 'training', run: (ctx, args) => training(ctx, args) },
  {
    name: 'material',
    adminOnly: true,
    run: (_ctx, _args, control) => control.startFlow('material'),
  },
];
