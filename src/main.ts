import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import { createSendOnlyTelegramSender } from '../bots/telegram/telegram-sender.js';
import { createTelegramChannel } from '../bots/telegram/telegram.channel.js';
import { createZaloChannel } from '../bots/zalo/zalo.channel.js';
import { createSendOnlyZaloSender } from '../bots/zalo/zalo-core-sender.js';
import { zaloWebhookSecret } from '../bots/zalo/zalo-webhook.js';
import { createScheduler, type Scheduler } from '../jobs/scheduler.js';
import { createCore } from './app.js';
import {
  loadEncryptionKey,
  loadSettingsOrExit,
  rootLogger,
  telegramWebhookSecret,
} from './bootstrap.js';
import { createHttpApp } from './http/app.js';
import { filesRouter } from './http/files.routes.js';
import { createPlaygroundSender } from './http/playground-sender.js';
import { playgroundRouter } from './http/playground.routes.js';
import { seedDemoCatalog } from './store/demo-catalog.js';
import {
  EMULATOR_WARNING,
  openDatabase,
  removeDatabaseAddress,
  writeDatabaseAddress,
} from './store/database.js';

/**
 * The composition root: reads the configuration, opens the database and starts the roles
 * this process has (`ROLE`): the web side (HTTP, webhooks, playground, Telegram polling) and
 * the worker side (scheduled jobs).
 */
async function main(): Promise<void> {
  const startedAt = performance.now();
  const settings = loadSettingsOrExit();
  const logger = rootLogger(settings);
  const { env } = settings;

  await mkdir(settings.dataDir, { recursive: true });
  const encryptionKey = await loadEncryptionKey(settings, logger);
  const database = await openDatabase({
    uri: env.MONGODB_URI,
    dataDir: settings.dataDir,
    embedded: env.EMBEDDED_DATABASE,
    logger,
  });
  if (database.kind !== 'external') await writeDatabaseAddress(settings.dataDir, database);

  const core = await createCore({ settings, database, encryptionKey, logger });
  if (settings.playground) {
    // Documents (statements) show in the page as signed `/files/…` download links.
    core.senders.web = createPlaygroundSender(core.store, undefined, core.fileLinks);
  }
  // A worker without the web role takes no updates but its jobs still send (broadcasts, notices).
  if (settings.telegram && !settings.runsWeb) {
    const { token, apiRoot } = settings.telegram;
    core.senders.telegram = createSendOnlyTelegramSender(token, apiRoot);
  }
  if (settings.zalo && !settings.runsWeb) {
    // Zalo takes polling or a webhook, not both: a worker only sends, the web process listens.
    core.senders.zalo = createSendOnlyZaloSender(core, settings.zalo);
  }
  if (database.kind !== 'external') {
    // An embedded database is for trying the product: give it products to browse at once.
    const seeded = await seedDemoCatalog(core.services.catalog, 'system:demo-catalog', new Date());
    if (seeded > 0) logger.info({ products: seeded }, 'demo catalog loaded into the empty catalog');
  }

  let scheduler: Scheduler | undefined;
  if (settings.runsWorker) {
    scheduler = createScheduler({ core });
    await scheduler.start();
  }

  const webhookBase = env.PUBLIC_URL;
  const telegram =
    settings.telegram && settings.runsWeb
      ? createTelegramChannel({
          core,
          token: settings.telegram.token,
          apiRoot: settings.telegram.apiRoot,
          webhook: webhookBase
            ? { url: `${webhookBase}/webhooks/telegram`, secret: telegramWebhookSecret(settings) }
            : undefined,
          logger,
        })
      : undefined;
  const zaloSettings = settings.zalo;
  const zalo =
    zaloSettings && settings.runsWeb
      ? createZaloChannel({
          core,
          token: zaloSettings.token,
          apiRoot: zaloSettings.apiRoot,
          textLimit: zaloSettings.textLimit,
          ratePerSecond: zaloSettings.ratePerSecond,
          webhook: webhookBase
            ? {
                url: `${webhookBase}/webhooks/zalo`,
                secret: zaloWebhookSecret(zaloSettings.token, zaloSettings.webhookSecret),
              }
            : undefined,
          logger,
        })
      : undefined;

  let server: Server | undefined;
  if (settings.runsWeb) {
    const app = createHttpApp({
      core,
      jobsReady: scheduler ? scheduler.isRunning : undefined,
      mount(app) {
        if (telegram?.webhookHandler) app.post('/webhooks/telegram', telegram.webhookHandler);
        if (zalo?.webhookHandler) app.post('/webhooks/zalo', zalo.webhookHandler);
        // Signed download links (documents sent on Zalo); each link proves itself.
        app.use(filesRouter({ fileLinks: core.fileLinks }));
        if (settings.playground) {
          app.use(playgroundRouter({ core, allowRemote: env.PLAYGROUND_ALLOW_REMOTE }));
        }
      },
    });
    server = await new Promise<Server>((resolve) => {
      const listening = app.listen(env.PORT, env.HOST, () => resolve(listening));
    });
  }
  await telegram?.start();
  await zalo?.start();

  const address = server?.address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  const host = env.HOST === '0.0.0.0' || env.HOST === '::' ? 'localhost' : env.HOST;
  logger.info(
    {
      role: settings.role,
      database: database.kind,
      telegram: telegram ? (webhookBase ? 'webhook' : 'polling') : 'off',
      zalo: zalo ? (webhookBase ? 'webhook' : 'polling') : 'off',
      startMs: Math.round(performance.now() - startedAt),
      rssMb: Math.round(process.memoryUsage().rss / 1_048_576),
    },
    'ctv-assistant started',
  );
  if (settings.playground && server) {
    console.log(`\n  Playground: http://${host}:${port}/\n`);
  }
  if (database.kind === 'emulator') console.warn(`\n  WARNING: ${EMULATOR_WARNING}\n`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await telegram?.stop().catch(() => undefined);
    await zalo?.stop().catch(() => undefined);
    await new Promise<void>((resolve) => {
      if (!server) return resolve();
      server.close(() => resolve());
      server.closeAllConnections();
    });
    await scheduler?.stop().catch(() => undefined);
    if (database.kind !== 'external') await removeDatabaseAddress(settings.dataDir);
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error('ctv-assistant could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
