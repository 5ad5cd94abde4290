import type { ChannelSender, Reply } from '../../src/conversation/types.js';
import type { Locale } from '../../src/domain/collaborator.js';
import type { Catalogue } from '../../src/i18n/i18n.js';
import type { FileLinkService } from '../../src/services/file-link.service.js';
import type { ChatChoicesRepository } from '../../src/store/chat-choices.repository.js';
import type { ZaloClient } from './zalo-client.js';
import { toZaloSendError } from './zalo-errors.js';
import type { RateLimiter } from './zalo-limiter.js';
import { renderZaloReply, type ZaloOutgoing } from './zalo-render.js';

/**
 * Sends replies to Zalo chats: `deliver` one turn's answers, `send` a notice (paced by the
 * channel's limiter), `sendPaced` one message for a delivery service that paces and retries
 * itself. Zalo keeps no reusable file reference, so `sendPaced` reports none.
 */
export interface ZaloSender extends ChannelSender {
  deliver(chatId: string, userId: string, replies: Reply[]): Promise<void>;
  sendPaced(chatId: string, reply: Reply): Promise<{ fileRef?: string }>;
}

export interface ZaloSenderOptions {
  client: ZaloClient;
  catalogue: Catalogue;
  fileLinks: FileLinkService;
  choices: ChatChoicesRepository;
  /** The recipient's language: the conversation's, else the collaborator's, else the default. */
  localeOf(userId: string, chatId: string): Promise<Locale>;
  textLimit: number;
  /** Paces notices and broadcasts; answers to someone who just wrote are not held back. */
  limiter: RateLimiter;
  now?: () => Date;
}

/**
 * The Zalo sender. Zalo has no buttons and no documents: choices become a numbered list
 * (remembered per chat, so a typed number can be read back), a document becomes a signed
 * download link, and the phone prompt asks for the number to be typed.
 */
export function createZaloSender(options: ZaloSenderOptions): ZaloSender {
  const { client, catalogue, fileLinks, choices, limiter } = options;
  const now = options.now ?? (() => new Date());

  /**
   * Files go by link: the bytes are stored and signed. A stored photo is then sent as a photo
   * (Zalo fetches the link); a document or video becomes a line with its link, or, without a
   * public address, a line saying where else to get it.
   */
  async function render(reply: Reply, locale: Locale): Promise<ZaloOutgoing[]> {
    const { t } = catalogue.translator(locale);
    const attachment = reply.attachment;
    let document: string | undefined;
    let shown = reply;
    if (attachment && 'data' in attachment) {
      const link = await fileLinks.publish(attachment, now());
      const name = attachment.fileName;
      if (link && attachment.kind === 'media' && attachment.media === 'photo') {
        shown = { ...reply, attachment: { kind: 'photo', url: link.url } };
      } else {
        document = link
          ? t('zalo-document-link', { name, url: link.url, days: fileLinks.ttlDays })
          : t('zalo-document-unavailable', { name });
      }
    }
    const texts = { choiceHint: t('zalo-choice-hint'), typePhone: t('zalo-type-phone'), document };
    return renderZaloReply(shown, texts, options.textLimit);
  }

  async function call(chatId: string, message: ZaloOutgoing): Promise<void> {
    if (message.method === 'sendMessage') await client.sendMessage(chatId, message.text);
    else await client.sendPhoto(chatId, message.photo, message.caption);
  }

  /** Sends a message nobody just asked for, waiting for `pace` before each call. */
  async function notify(chatId: string, reply: Reply, pace: () => Promise<void>): Promise<void> {
    const known = await choices.recall('zalo', chatId);
    const userId = known?.userId ?? chatId;
    const messages = await render(reply, await options.localeOf(userId, chatId));
    for (const message of messages) {
      await pace();
      await call(chatId, message);
    }
    // A notice without a list leaves the chat's list as it was: it is still on screen.
    const listed = reply.choices?.flat() ?? [];
    if (listed.length > 0) await choices.remember('zalo', chatId, userId, listed, now());
  }

  return {
    async deliver(chatId, userId, replies) {
      // A repeated event has no replies: what the chat shows, and so its choices, is unchanged.
      if (replies.length === 0) return;
      const locale = await options.localeOf(userId, chatId);
      for (const reply of replies) {
        for (const message of await render(reply, locale)) await call(chatId, message);
      }

      // A typed number refers to the last list shown; a turn without one forgets the old list.
      const listed = replies.findLast((reply) => reply.choices?.some((row) => row.length > 0));
      await choices.remember('zalo', chatId, userId, listed?.choices?.flat() ?? [], now());
    },

    send: (chatId, reply) => notify(chatId, reply, () => limiter.take()),

    async sendPaced(chatId, reply) {
      try {
        await notify(chatId, reply, async () => undefined);
      } catch (error) {
        throw toZaloSendError(error);
      }
      return {};
    },
  };
}
