import type { Core } from '../../src/app.js';
import type { Locale } from '../../src/domain/collaborator.js';
import type { ChatChoicesRepository } from '../../src/store/chat-choices.repository.js';
import { createChatChoicesRepository } from '../../src/store/chat-choices.repository.js';
import { createZaloClient, DEFAULT_ZALO_TEXT_LIMIT, type ZaloClient } from './zalo-client.js';
import { createTokenBucket } from './zalo-limiter.js';
import { createZaloSender, type ZaloSender } from './zalo-sender.js';

/** The default pace of Zalo notices and broadcasts, in messages a second. */
export const DEFAULT_ZALO_RATE_PER_SECOND = 10;

/** How a Zalo sender is tuned: `ZALO_TEXT_LIMIT` and `ZALO_RATE_PER_SECOND`. */
export interface ZaloSenderTuning {
  textLimit?: number;
  ratePerSecond?: number;
  now?: () => Date;
}

/**
 * The language to write to a Zalo chat in: the conversation's, else the collaborator's, else
 * the product's default. Shared by the channel and a send-only worker, so both agree.
 */
export function zaloLocaleOf(core: Core) {
  return async (userId: string, chatId: string): Promise<Locale> => {
    const state = await core.store.conversations.load('zalo', userId, chatId);
    if (state.locale) return state.locale;
    const collaborator = await core.services.collaborators.byIdentity('zalo', userId);
    return collaborator?.locale ?? core.settings.env.DEFAULT_LOCALE;
  };
}

/**
 * A Zalo sender wired to the product's core: its catalogue, its signed file links, the chat
 * choices kept in the database. Pass `choices` to share the channel's repository.
 */
export function createCoreZaloSender(
  core: Core,
  client: ZaloClient,
  tuning: ZaloSenderTuning = {},
  choices: ChatChoicesRepository = createChatChoicesRepository(core.store.connection),
): ZaloSender {
  return createZaloSender({
    client,
    catalogue: core.catalogue,
    fileLinks: core.fileLinks,
    choices,
    localeOf: zaloLocaleOf(core),
    textLimit: tuning.textLimit ?? DEFAULT_ZALO_TEXT_LIMIT,
    limiter: createTokenBucket({
      ratePerSecond: tuning.ratePerSecond ?? DEFAULT_ZALO_RATE_PER_SECOND,
    }),
    now: tuning.now,
  });
}

/**
 * A sender for a process that takes no Zalo updates (`ROLE=worker`), whose jobs still send
 * broadcasts and notices to Zalo collaborators. It neither polls nor sets a webhook: that
 * stays with the web process, and Zalo allows only one of the two per bot.
 */
export function createSendOnlyZaloSender(
  core: Core,
  options: ZaloSenderTuning & { token: string; apiRoot?: string },
): ZaloSender {
  const client = createZaloClient({
    token: options.token,
    apiRoot: options.apiRoot,
    textLimit: options.textLimit,
  });
  return createCoreZaloSender(core, client, options);
}
