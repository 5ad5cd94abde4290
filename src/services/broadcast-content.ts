import type { Channel } from '../domain/channel.js';
import { escapeHtml } from '../domain/text.js';
import type { Reply } from '../conversation/types.js';
import type { Translator } from '../i18n/i18n.js';
import type { Broadcast } from '../store/broadcast.repository.js';
import type { DeliveryContent } from './delivery.service.js';
import { attachmentOf, type TrainingMaterial, type TrainingService } from './training.service.js';

/**
 * The text a recipient reads: the admin's words (escaped: they are shown as typed, never as
 * markup), then the training material's title and link when one is attached.
 */
export function broadcastText(text: string, material?: TrainingMaterial): string {
  const lines = [escapeHtml(text)];
  if (material) {
    lines.push('', `📚 <b>${escapeHtml(material.title)}</b>`);
    if (material.url) lines.push(escapeHtml(material.url));
  }
  return lines.join('\n');
}

/** A training material as a message: its file as an attachment, or its link in the text. */
export async function materialReply(
  material: TrainingMaterial,
  training: TrainingService,
  channel: Channel,
  header: string,
): Promise<Reply> {
  const lines = [header];
  if (material.url) lines.push(escapeHtml(material.url));
  const reply: Reply = { text: lines.join('\n') };
  if (material.file) {
    const data = await training.readFile(material.file.gridId);
    reply.attachment = attachmentOf(material.file, data, channel);
  }
  return reply;
}

interface ContentDeps {
  training: TrainingService;
  /** Stores a channel's reference to the broadcast's own file. */
  rememberBroadcastRef(channel: Channel, ref: string): Promise<void>;
}

/**
 * What a broadcast sends, for the delivery service. The file's bytes are read from GridFS
 * once per run and shared by every recipient; the first recipient on a channel without a
 * reference to the file uploads it, and the reference the channel gives back is kept (on
 * the broadcast, or on the material it came from) for everyone after.
 */
export async function broadcastContent(
  broadcast: Broadcast,
  deps: ContentDeps,
): Promise<DeliveryContent> {
  const material = broadcast.materialId
    ? await deps.training.byId(broadcast.materialId)
    : undefined;
  const file = broadcast.file ?? material?.file;
  const text = broadcastText(broadcast.text, material);
  const refs = { ...file?.refs };
  // Channels that sent once without giving a reference back (the playground) upload each time.
  const settled = new Set<Channel>();
  let bytes: Promise<Buffer> | undefined;

  return {
    async build(channel: Channel, i18n: Translator): Promise<Reply> {
      const reply: Reply = { text };
      if (material) {
        reply.choices = [[{ label: i18n.t('broadcast-training-button'), payload: '/training' }]];
      }
      if (file) {
        bytes ??= deps.training.readFile(file.gridId);
        reply.attachment = attachmentOf({ ...file, refs }, await bytes, channel);
      }
      return reply;
    },

    uploads: (channel) => file !== undefined && !refs[channel] && !settled.has(channel),

    async remember(channel, ref) {
      settled.add(channel);
      if (!ref || refs[channel] === ref) return;
      refs[channel] = ref;
      if (broadcast.file) await deps.rememberBroadcastRef(channel, ref);
      else if (material) await deps.training.rememberRef(material.id, channel, ref);
    },
  };
}
