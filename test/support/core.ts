import { randomBytes } from 'node:crypto';
import { createCore, type Core } from '../../src/app.js';
import { parseEnv } from '../../src/config/env.js';
import { buildSettings } from '../../src/config/settings.js';
import { createPlaygroundSender } from '../../src/http/playground-sender.js';
import { openTestDatabase, silentLogger } from './database.js';

/**
 * The product's core (store, services, engine) on a fresh test database, with the playground
 * channel registered so notices to web users can be read back.
 */
export async function startTestCore(env: Record<string, string> = {}): Promise<Core> {
  const settings = buildSettings(parseEnv({ PLAYGROUND: 'true', ...env }));
  const database = await openTestDatabase();
  const core = await createCore({
    settings,
    database,
    encryptionKey: randomBytes(32),
    logger: silentLogger,
  });
  core.senders.web = createPlaygroundSender(core.store);
  return core;
}
