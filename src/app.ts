import type { Settings } from './config/settings.js';
import { adminCommands } from './conversation/commands/admin.commands.js';
import { catalogCommands } from './conversation/commands/catalog.commands.js';
import { generalCommands } from './conversation/commands/general.commands.js';
import { orderCommands } from './conversation/commands/order.commands.js';
import { profileCommands } from './conversation/commands/profile.commands.js';
import { createEngine } from './conversation/engine.js';
import { onboardingFlow } from './conversation/flows/onboarding.flow.js';
import { orderReasonFlow } from './conversation/flows/order-reason.flow.js';
import { orderFlow } from './conversation/flows/order.flow.js';
import { profileFlow } from './conversation/flows/profile.flow.js';
import { intents } from './conversation/intents.js';
import { createNotifier } from './conversation/notifier.js';
import type { ChannelSender } from './conversation/types.js';
import type { Channel } from './domain/channel.js';
import { createFieldCipher } from './domain/crypto.js';
import { Catalogue } from './i18n/i18n.js';
import type { Logger } from './logger.js';
import { createServices } from './services/services.js';
import { createStore } from './store/repositories.js';
import type { Database } from './store/database.js';

export interface CoreOptions {
  settings: Settings;
  database: Database;
  encryptionKey: Buffer;
  logger: Logger;
}

/**
 * Builds everything that does not depend on how messages arrive: store, services, the
 * conversation engine. Channel adapters register their senders in `senders` when they start.
 */
export async function createCore({ settings, database, encryptionKey, logger }: CoreOptions) {
  const store = createStore(database.connection);
  await store.init();

  const catalogue = new Catalogue();
  const senders: Partial<Record<Channel, ChannelSender>> = {};
  const admins = [
    ...settings.adminIds.telegram.map((userId) => ({ channel: 'telegram' as const, userId })),
    ...settings.adminIds.web.map((userId) => ({ channel: 'web' as const, userId })),
  ];
  const notifier = createNotifier({
    senders,
    catalogue,
    store,
    admins,
    defaultLocale: settings.env.DEFAULT_LOCALE,
    logger,
  });
  const services = createServices({
    store,
    cipher: createFieldCipher(encryptionKey),
    notifier,
    businessName: settings.env.BUSINESS_NAME,
  });

  const engine = createEngine({
    store,
    catalogue,
    services,
    flows: [onboardingFlow, profileFlow, orderFlow, orderReasonFlow],
    commands: [
      ...generalCommands,
      ...profileCommands,
      ...adminCommands,
      ...catalogCommands,
      ...orderCommands,
    ],
    intents,
    defaultLocale: settings.env.DEFAULT_LOCALE,
    conversationTtlMs: settings.conversationTtlMs,
    isAdmin: (channel, userId) =>
      admins.some((admin) => admin.channel === channel && admin.userId === userId),
    numberedChannels: ['zalo'],
    logger,
  });

  return { settings, database, store, catalogue, senders, services, engine, logger };
}

export type Core = Awaited<ReturnType<typeof createCore>>;
