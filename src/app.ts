import type { Settings } from './config/settings.js';
import { adminCommands } from './conversation/commands/admin.commands.js';
import { broadcastCommands } from './conversation/commands/broadcast.commands.js';
import { catalogCommands } from './conversation/commands/catalog.commands.js';
import { closeCommands } from './conversation/commands/close.commands.js';
import { earningsCommands } from './conversation/commands/earnings.commands.js';
import { generalCommands } from './conversation/commands/general.commands.js';
import { orderCommands } from './conversation/commands/order.commands.js';
import { payoutCommands } from './conversation/commands/payout.commands.js';
import { profileCommands } from './conversation/commands/profile.commands.js';
import { statementCommands } from './conversation/commands/statement.commands.js';
import { linkCommands } from './conversation/commands/link.commands.js';
import { trainingCommands } from './conversation/commands/training.commands.js';
import { createEngine } from './conversation/engine.js';
import { broadcastFlow } from './conversation/flows/broadcast.flow.js';
import { materialFlow } from './conversation/flows/material.flow.js';
import { onboardingFlow } from './conversation/flows/onboarding.flow.js';
import { orderReasonFlow } from './conversation/flows/order-reason.flow.js';
import { orderFlow } from './conversation/flows/order.flow.js';
import { profileFlow } from './conversation/flows/profile.flow.js';
import { linkFlow } from './conversation/flows/link.flow.js';
import { intents } from './conversation/intents.js';
import { createNotifier } from './conversation/notifier.js';
import type { ChannelSender } from './conversation/types.js';
import type { Channel } from './domain/channel.js';
import { createFieldCipher } from './domain/crypto.js';
import { deriveLinkSecret } from './domain/signed-link.js';
import { Catalogue } from './i18n/i18n.js';
import type { Logger } from './logger.js';
import { createServices } from './services/services.js';
import { createFileLinkService } from './services/file-link.service.js';
import { createLinkService } from './services/link.service.js';
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
    ...settings.adminIds.zalo.map((userId) => ({ channel: 'zalo' as const, userId })),
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
    businessAddress: settings.env.BUSINESS_ADDRESS,
    senders,
    catalogue,
    rateLimits: settings.rateLimits,
    logger,
  });

  // One person on two channels (`/link`), and documents by signed link for Zalo.
  const links = createLinkService({ store });
  await links.init();
  const fileLinks = createFileLinkService({
    store,
    secret: deriveLinkSecret(encryptionKey),
    publicUrl: settings.env.PUBLIC_URL,
    ttlMs: settings.fileLinkTtlMs,
  });

  const engine = createEngine({
    store,
    catalogue,
    services,
    flows: [
      onboardingFlow,
      profileFlow,
      orderFlow,
      orderReasonFlow,
      linkFlow(links),
      broadcastFlow,
      materialFlow,
    ],
    commands: [
      ...generalCommands,
      ...profileCommands,
      ...adminCommands,
      ...catalogCommands,
      ...orderCommands,
      ...earningsCommands,
      ...statementCommands,
      ...closeCommands,
      ...payoutCommands,
      ...linkCommands(links),
      ...broadcastCommands,
      ...trainingCommands,
    ],
    intents,
    defaultLocale: settings.env.DEFAULT_LOCALE,
    conversationTtlMs: settings.conversationTtlMs,
    isAdmin: (channel, userId) =>
      admins.some((admin) => admin.channel === channel && admin.userId === userId),
    numberedChannels: ['zalo'],
    logger,
  });

  return {
    settings,
    database,
    store,
    catalogue,
    senders,
    services,
    engine,
    logger,
    links,
    fileLinks,
  };
}

export type Core = Awaited<ReturnType<typeof createCore>>;
