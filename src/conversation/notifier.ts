import type { Channel } from '../domain/channel.js';
import { type Collaborator, preferredIdentity } from '../domain/collaborator.js';
import type { Catalogue } from '../i18n/i18n.js';
import type { Logger } from '../logger.js';
import type { MessageBuilder, Notifier } from '../services/notifier.js';
import type { Store } from '../store/repositories.js';
import { describeError } from './engine.js';
import { withPlainLabels } from './render.js';
import type { ChannelSender } from './types.js';

export interface NotifierOptions {
  senders: Partial<Record<Channel, ChannelSender>>;
  catalogue: Catalogue;
  store: Store;
  admins: { channel: Channel; userId: string }[];
  defaultLocale: 'vi' | 'en';
  logger: Logger;
}

/**
 * Delivers notices through whichever channel adapters are running. A failed delivery is
 * logged and does not undo the decision that caused it.
 */
export function createNotifier(options: NotifierOptions): Notifier {
  async function deliver(
    channel: Channel,
    chatId: string,
    locale: 'vi' | 'en',
    build: MessageBuilder,
  ) {
    const sender = options.senders[channel];
    if (!sender) {
      options.logger.warn({ channel }, 'notice not sent: channel is not running');
      return;
    }
    try {
      await sender.send(chatId, withPlainLabels(build(options.catalogue.translator(locale))));
    } catch (error) {
      options.logger.warn(
        { channel, error: describeError(error) },
        'notice could not be delivered',
      );
    }
  }

  return {
    async toAdmins(build) {
      for (const admin of options.admins) {
        const state = await options.store.conversations.load(
          admin.channel,
          admin.userId,
          admin.userId,
        );
        await deliver(admin.channel, state.chatId, state.locale ?? options.defaultLocale, build);
      }
    },

    async toCollaborator(collaborator: Collaborator, build) {
      const identity = preferredIdentity(collaborator);
      if (!identity) return;
      await deliver(identity.channel, identity.chatId, collaborator.locale, build);
    },
  };
}
