import { autoRetry } from '@grammyjs/auto-retry';
import { run, type RunnerHandle, sequentialize } from '@grammyjs/runner';
import express, { type RequestHandler } from 'express';
import { Bot, type BotError, type Context, webhookCallback } from 'grammy';
import type { Core } from '../../src/app.js';
import type { Locale } from '../../src/domain/collaborator.js';
import type { Logger } from '../../src/logger.js';
import { setCommandMenu } from './telegram-commands.js';
import { describeTelegramError } from './telegram-errors.js';
import { chatTypeOf, toInboundEvent } from './telegram-event.js';
import { createTelegramSender, type TelegramSender } from './telegram-sender.js';

/** The only updates the product reads; Telegram then does not send (or queue) the rest. */
export const ALLOWED_UPDATES = ['message', 'callback_query'] as const;

export interface TelegramChannelOptions {
  core: Core;
  token: string;
  /** Bot API server, e.g. a local `telegram-bot-api` or a test fake. */
  apiRoot?: string;
  /**
   * Webhook mode. `timeoutMs` (default 5,000) is how long a request may wait for its update
   * to be handled before Telegram gets its 200; the handling then goes on in the background.
   */
  webhook?: { url: string; secret: string; timeoutMs?: number };
  logger: Logger;
  /** Called once an update is done with (replies sent, ignored or failed): metrics, tests. */
  onUpdateHandled?: (updateId: number) => void;
  /** The clock for button presses, which carry no date. */
  now?: () => Date;
}

/** A running Telegram channel; see {@link createTelegramChannel}. */
export interface TelegramChannel {
  bot: Bot;
  sender: TelegramSender;
  /** Fetches the bot's identity, sets the command menu, then polls or sets the webhook. */
  start(): Promise<void>;
  /** Stops polling and waits for updates in progress; deletes no webhook. */
  stop(): Promise<void>;
  /** In webhook mode: mount with `app.post('/webhooks/telegram', webhookHandler)`. */
  webhookHandler?: RequestHandler;
}

/**
 * The grammY adapter: maps updates from private chats to inbound events, hands them to the
 * conversation engine and sends the replies. Updates of one chat are handled one at a time,
 * in order; chats run in parallel.
 */
export function createTelegramChannel(options: TelegramChannelOptions): TelegramChannel {
  const { core, logger } = options;
  const now = options.now ?? (() => new Date());
  const bot = new Bot(options.token, { client: { apiRoot: options.apiRoot } });
  // Network errors are rethrown rather than retried: auto-retry would retry them forever,
  // holding a chat's queue; long polling has its own retry for them.
  bot.api.config.use(
    autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60, rethrowHttpErrors: true }),
  );

  const sender = createTelegramSender({ api: bot.api, contactTexts });
  const inFlight = new Set<Promise<void>>();
  let runner: RunnerHandle | undefined;

  async function localeOf(chatId: string): Promise<Locale> {
    // The engine's rule; in a private chat the chat id is the user id.
    const state = await core.store.conversations.load('telegram', chatId, chatId);
    if (state.locale) return state.locale;
    const collaborator = await core.services.collaborators.byIdentity('telegram', chatId);
    return collaborator?.locale ?? core.settings.env.DEFAULT_LOCALE;
  }

  async function contactTexts(chatId: string) {
    const { t } = core.catalogue.translator(await localeOf(chatId));
    return { button: t('telegram-share-phone'), hint: t('telegram-share-phone-hint') };
  }

  function report(error: BotError<Context>): void {
    logger.error(
      { update: error.ctx.update.update_id, err: describeTelegramError(error.error) },
      'telegram update failed',
    );
  }

  bot.use(async (ctx, next) => {
    const task = next();
    inFlight.add(task);
    try {
      await task;
    } finally {
      inFlight.delete(task);
      options.onUpdateHandled?.(ctx.update.update_id);
    }
  });
  bot.catch(report);

  const safe = bot.errorBoundary(report);
  safe.on('callback_query', async (ctx, next) => {
    // Answered before waiting for the chat's turn, so the button's spinner stops at once.
    await ctx.answerCallbackQuery().catch((error: unknown) => {
      logger.warn({ update: ctx.update.update_id, err: describeTelegramError(error) }, 'callback');
    });
    await next();
  });
  safe.use(sequentialize((ctx: Context) => ctx.chat?.id.toString()));
  safe.use(async (ctx) => {
    const log = logger.child({ update: ctx.update.update_id, chat: ctx.chat?.id });
    if (chatTypeOf(ctx.update) !== 'private') return outsidePrivateChat(ctx, log);

    const event = toInboundEvent(ctx.update, now());
    if (!event) return log.debug('telegram update ignored');
    const replies = await core.engine.handle(event);
    await sender.deliver(event.chatId, replies);
    log.debug({ replies: replies.length }, 'telegram update answered');
  });

  /**
   * Groups are not served: registration asks for phone and bank details, which must not be
   * typed where others read. A command meant for this bot gets one line pointing to the
   * private chat; anything else is ignored silently, so the bot never chatters in a group.
   */
  async function outsidePrivateChat(ctx: Context, log: Logger): Promise<void> {
    const command = /^\/\w+(?:@(\w+))?/.exec(ctx.message?.text ?? '');
    const addressed =
      command && (!command[1] || command[1].toLowerCase() === ctx.me.username.toLowerCase());
    if (!addressed || !ctx.chat || ctx.chat.type === 'channel') return;

    const locale = ctx.from?.language_code?.startsWith('en') ? 'en' : 'vi';
    const link = `https://t.me/${ctx.me.username}`;
    await ctx.reply(core.catalogue.translator(locale).t('telegram-private-only', { link }));
    log.debug({ chatType: ctx.chat.type }, 'command outside a private chat');
  }

  const webhook = options.webhook;
  const webhookHandler = webhook ? createWebhookHandler(bot, webhook) : undefined;

  return {
    bot,
    sender,
    webhookHandler,

    async start() {
      await bot.init();
      await setCommandMenu(bot.api, core.catalogue, logger);
      core.senders.telegram = sender;

      if (webhook) {
        await bot.api.setWebhook(webhook.url, {
          secret_token: webhook.secret,
          allowed_updates: [...ALLOWED_UPDATES],
        });
        logger.info('telegram webhook set');
        return;
      }

      // getUpdates answers 409 while a webhook is set, e.g. after switching modes.
      await bot.api.deleteWebhook();
      runner = run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } } });
      runner.task()?.catch((error: unknown) => {
        logger.error({ err: describeTelegramError(error) }, 'telegram polling stopped');
      });
      logger.info('telegram long polling started');
    },

    async stop() {
      await runner?.stop();
      runner = undefined;
      await Promise.allSettled([...inFlight]);
      if (core.senders.telegram === sender) delete core.senders.telegram;
    },
  };
}

/**
 * The webhook endpoint. A wrong or missing secret header gets 401 and nothing is handled
 * (grammY compares it in constant time). An update still being handled after `timeoutMs` is answered 200 anyway and finishes in the
 * background: Telegram would otherwise time out and send it again (the engine would drop the
 * repeat, but the resend would hold up the chat's next updates).
 */
function createWebhookHandler(
  bot: Bot,
  webhook: NonNullable<TelegramChannelOptions['webhook']>,
): RequestHandler {
  const callback = webhookCallback(bot, 'express', {
    secretToken: webhook.secret,
    onTimeout: 'return',
    timeoutMilliseconds: webhook.timeoutMs ?? 5_000,
  });
  const json = express.json({ limit: '1mb' });
  return (req, res, next) => {
    const handle = () => void callback(req, res).catch(next);
    if (req.body !== undefined) return handle();
    json(req, res, (error?: unknown) => (error ? next(error) : handle()));
  };
}
