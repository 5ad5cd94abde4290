import type { RequestHandler } from 'express';
import type { Core } from '../../src/app.js';
import { KeyedQueue } from '../../src/conversation/keyed-queue.js';
import { toPlainText } from '../../src/conversation/render.js';
import type { InboundEvent } from '../../src/conversation/types.js';
import type { Logger } from '../../src/logger.js';
import { createChatChoicesRepository } from '../../src/store/chat-choices.repository.js';
import { createZaloClient, type ZaloClient } from './zalo-client.js';
import { createCoreZaloSender, zaloLocaleOf } from './zalo-core-sender.js';
import { describeZaloError } from './zalo-errors.js';
import { readZaloUpdate, type ZaloWriter } from './zalo-event.js';
import { type Polling, startPolling, type PollingOptions } from './zalo-polling.js';
import { choiceFromTyped } from './zalo-render.js';
import type { ZaloSender } from './zalo-sender.js';
import type { ZaloUpdate } from './zalo-types.js';
import { createZaloWebhookHandler } from './zalo-webhook.js';

export interface ZaloChannelOptions {
  core: Core;
  token: string;
  /** `ZALO_API_ROOT`: Zalo's server by default, a test fake in tests. */
  apiRoot?: string;
  /** `ZALO_TEXT_LIMIT` (default 2,000). */
  textLimit?: number;
  /**
   * `ZALO_RATE_PER_SECOND` (default 10): the pace of `send`. Broadcasts and job notices go
   * through the delivery service, which paces them by the same setting itself.
   */
  ratePerSecond?: number;
  /** Webhook mode; long polling when absent. */
  webhook?: { url: string; secret: string };
  /** Long-poll tuning (tests shorten the waits). */
  polling?: Pick<PollingOptions, 'timeoutSeconds' | 'backoff' | 'minEmptyPollMs'>;
  logger: Logger;
  /** Called once an update is done with (answered, ignored or failed): metrics, tests. */
  onUpdateHandled?: (messageId: string | undefined) => void;
  now?: () => Date;
}

/** A running Zalo channel; see {@link createZaloChannel}. */
export interface ZaloChannel {
  client: ZaloClient;
  sender: ZaloSender;
  /** Checks the token (`getMe`), registers the sender, then polls or sets the webhook. */
  start(): Promise<void>;
  /** Stops polling and waits for updates in progress; deletes no webhook. */
  stop(): Promise<void>;
  /** In webhook mode: mount with `app.post('/webhooks/zalo', webhookHandler)`. */
  webhookHandler?: RequestHandler;
  /** Handles one update as if it had just arrived; resolves when it is done with. */
  handleUpdate(update: ZaloUpdate): Promise<void>;
}

/**
 * The Zalo adapter: maps events from private chats to inbound events, hands them to the
 * conversation engine and sends the replies. Events of one chat are handled one at a time, in
 * order; chats run in parallel. Errors are logged as codes and descriptions, never with text.
 */
export function createZaloChannel(options: ZaloChannelOptions): ZaloChannel {
  const { core, logger } = options;
  const now = options.now ?? (() => new Date());
  const client = createZaloClient({
    token: options.token,
    apiRoot: options.apiRoot,
    textLimit: options.textLimit,
  });
  const choices = createChatChoicesRepository(core.store.connection);
  const tuning = { textLimit: options.textLimit, ratePerSecond: options.ratePerSecond, now };
  const sender = createCoreZaloSender(core, client, tuning, choices);
  const localeOf = zaloLocaleOf(core);
  const queue = new KeyedQueue();
  const inFlight = new Set<Promise<void>>();
  let polling: Polling | undefined;

  async function handleUpdate(update: ZaloUpdate): Promise<void> {
    const inbound = readZaloUpdate(update, now());
    if (inbound.kind === 'ignored') {
      logger.debug({ event: update.event_name }, 'zalo update ignored');
      options.onUpdateHandled?.(undefined);
      return;
    }
    const who = inbound.kind === 'event' ? inbound.event : inbound;
    const { chatId, messageId } = who;
    // Ids only: they let an operator find a chat (or an admin's own id), and say nothing else.
    const log = logger.child({
      event: update.event_name,
      message: messageId,
      chat: chatId,
      user: who.userId,
    });
    try {
      await queue.run(chatId, async () => {
        if (inbound.kind === 'event') return converse(inbound.event, log);
        // In a group only a command is answered, pointing to the private chat.
        if (inbound.kind === 'group' && !inbound.command) return;
        const key = inbound.kind === 'group' ? 'zalo-private-only' : 'zalo-text-only';
        await answerDirectly(inbound, key, inbound.kind === 'unsupported');
      });
    } catch (error) {
      log.error({ err: describeZaloError(error) }, 'zalo update failed');
    } finally {
      options.onUpdateHandled?.(messageId);
    }
  }

  async function converse(event: InboundEvent, log: Logger): Promise<void> {
    const typing = client.sendChatAction(event.chatId).catch((error: unknown) => {
      log.debug({ err: describeZaloError(error) }, 'zalo typing indicator not shown');
    });
    const replies = await core.engine.handle(await withChosenCommand(event));
    await sender.deliver(event.chatId, event.userId, replies);
    await typing;
    log.debug({ replies: replies.length }, 'zalo update answered');
  }

  /**
   * A typed number or label that picks a command from the last list shown (the main menu, a
   * notice's "Xem đơn") becomes that command. Inside a running flow the engine reads typed
   * answers against the step's own choices, so the text is passed on unchanged.
   */
  async function withChosenCommand(event: InboundEvent): Promise<InboundEvent> {
    if (event.text === undefined || event.text.length > 100) return event;
    const known = await choices.recall('zalo', event.chatId);
    const picked = known ? choiceFromTyped(event.text, known.choices) : undefined;
    if (!picked?.payload.startsWith('/')) return event;

    const state = await core.store.conversations.load('zalo', event.userId, event.chatId);
    const inFlow = state.flow !== null && (!state.expiresAt || state.expiresAt >= event.at);
    if (inFlow) return event;
    // As if the person had pressed the button: the payload, and no typed text.
    return { ...event, text: undefined, payload: picked.payload };
  }

  /** Answers what the engine is not given (unreadable content, groups), once per message. */
  async function answerDirectly(who: ZaloWriter, key: string, personal: boolean): Promise<void> {
    const dedupeKey = who.messageId ? `zalo:m:${who.chatId}:${who.messageId}` : undefined;
    if (dedupeKey && !(await core.store.processedUpdates.markOnce(dedupeKey, who.at))) return;
    // A group is nobody's conversation: its language is the default one.
    const locale = personal
      ? await localeOf(who.userId, who.chatId)
      : core.settings.env.DEFAULT_LOCALE;
    await client.sendMessage(who.chatId, toPlainText(core.catalogue.translator(locale).t(key)));
  }

  function track(update: ZaloUpdate): void {
    const task = handleUpdate(update);
    inFlight.add(task);
    void task.finally(() => inFlight.delete(task));
  }

  const webhook = options.webhook;
  return {
    client,
    sender,
    webhookHandler: webhook ? createZaloWebhookHandler(webhook.secret, track) : undefined,
    handleUpdate,

    async start() {
      await client.getMe();
      core.senders.zalo = sender;

      if (webhook) {
        await client.setWebhook(webhook.url, webhook.secret);
        logger.info('zalo webhook set');
        return;
      }
      // Polling and a webhook exclude each other, e.g. after switching modes.
      await client.deleteWebhook().catch((error: unknown) => {
        logger.warn({ err: describeZaloError(error) }, 'zalo webhook not deleted');
      });
      polling = startPolling({ client, dispatch: track, logger, ...options.polling });
      logger.info('zalo long polling started');
    },

    async stop() {
      await polling?.stop();
      polling = undefined;
      await Promise.allSettled([...inFlight]);
      if (core.senders.zalo === sender) delete core.senders.zalo;
    },
  };
}
