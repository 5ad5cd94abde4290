import type { Audience } from '../domain/audience.js';
import { formatDateVN, formatPeriod } from '../domain/period.js';
import { provinceName } from '../domain/provinces.js';
import { cleanText } from '../domain/text.js';
import type { Broadcast } from '../services/broadcast.service.js';
import type { IncomingFile } from '../services/training.service.js';
import type { TurnContext } from './flow.js';
import type { InboundEvent } from './types.js';

/** Longest broadcast text; with a file, over 1,024 characters goes before it, not as caption. */
export const MAX_BROADCAST_TEXT = 3_500;

/** Who an audience is, in words: "CTV ở Hà Nội", "CTV tham gia từ tháng 9/2026 …". */
export function audienceText(ctx: TurnContext, audience: Audience): string {
  switch (audience.kind) {
    case 'all':
      return ctx.t('broadcast-audience-all');
    case 'province':
      return ctx.t('broadcast-audience-province', { province: provinceName(audience.province) });
    case 'joined':
      return ctx.t('broadcast-audience-joined', {
        from: formatPeriod(audience.from, ctx.locale),
        to: formatPeriod(audience.to, ctx.locale),
      });
    case 'codes':
      return ctx.t('broadcast-audience-codes', { count: audience.codes.length });
  }
}

/** A date and time on the Vietnamese clock in the reader's style. */
export function whenText(ctx: TurnContext, at: Date): string {
  return formatDateVN(at, ctx.locale, { time: true });
}

/** One line of `/broadcasts`: number, state, time and counts. */
export function broadcastLine(
  ctx: TurnContext,
  broadcast: Broadcast,
  counts: { total: number; sent: number; blocked: number; failed: number },
): string {
  const at = broadcast.finishedAt ?? broadcast.startedAt ?? broadcast.sendAt;
  const state = ctx.t(`broadcast-state-${broadcast.state}`);
  return [
    `<b>#${broadcast.number}</b> · ${state} · ${whenText(ctx, at)}`,
    `   👥 ${audienceText(ctx, broadcast.audience)}`,
    `   ${ctx.t('broadcasts-counts', { ...counts })}`,
  ].join('\n');
}

/**
 * Text an admin typed for a broadcast, kept as written: line breaks stay, control and
 * invisible characters go, each line is cleaned, and runs of empty lines shrink to one.
 */
export function readBroadcastText(text: string): string | undefined {
  const lines = text.split(/\r?\n/).map((line) => cleanText(line));
  const joined = lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return joined.length >= 1 && joined.length <= MAX_BROADCAST_TEXT ? joined : undefined;
}

/** The file of a message, if it is one a broadcast or material can carry. */
export function incomingFile(event: InboundEvent): IncomingFile | undefined {
  const attachment = event.attachment;
  if (!attachment?.fileId) return undefined;
  if (
    attachment.kind !== 'document' &&
    attachment.kind !== 'photo' &&
    attachment.kind !== 'video'
  ) {
    return undefined;
  }
  return {
    channel: event.channel,
    fileId: attachment.fileId,
    kind: attachment.kind,
    ...(event.file?.name && { fileName: event.file.name }),
    ...(event.file?.mimeType && { mimeType: event.file.mimeType }),
    ...(event.file?.size !== undefined && { size: event.file.size }),
  };
}

/** "bao-cao.pdf (1,2 MB)", "ảnh", "video" for a summary. */
export function fileText(ctx: TurnContext, file: IncomingFile): string {
  const size = file.size === undefined ? '' : ` (${sizeText(file.size, ctx.locale)})`;
  if (file.kind === 'photo') return ctx.t('broadcast-attachment-photo') + size;
  return ctx.t('broadcast-attachment-file', { name: file.fileName ?? file.kind }) + size;
}

function sizeText(bytes: number, locale: 'vi' | 'en'): string {
  const [value, unit] =
    bytes >= 1_048_576 ? [bytes / 1_048_576, 'MB'] : [Math.max(1, bytes / 1024), 'KB'];
  const text = value.toFixed(value < 10 ? 1 : 0);
  return `${locale === 'vi' ? text.replace('.', ',') : text} ${unit}`;
}
