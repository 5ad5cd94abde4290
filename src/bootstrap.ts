import { createHmac, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, parseEnv } from './config/env.js';
import { buildSettings, type Settings } from './config/settings.js';
import { createLogger, type Logger } from './logger.js';
import {
  EMULATOR_CLIENT_OPTIONS,
  openDatabase,
  readDatabaseAddress,
  type Database,
} from './store/database.js';
import mongoose from 'mongoose';

/** Reads the environment, or prints every problem on its own line and exits. */
export function loadSettingsOrExit(): Settings {
  try {
    return buildSettings(parseEnv(process.env));
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      console.error('See README.md, "Configuration", or .env.example.');
      process.exit(1);
    }
    throw error;
  }
}

export function rootLogger(settings: Settings): Logger {
  return createLogger(settings.env.LOG_LEVEL);
}

/**
 * The key that seals national IDs and bank accounts. From `DATA_ENCRYPTION_KEY` when set;
 * otherwise (embedded database only) from `<data>/encryption.key`, created on first start.
 */
export async function loadEncryptionKey(settings: Settings, logger: Logger): Promise<Buffer> {
  if (settings.env.DATA_ENCRYPTION_KEY) return Buffer.from(settings.env.DATA_ENCRYPTION_KEY, 'hex');

  const file = path.join(settings.dataDir, 'encryption.key');
  try {
    return Buffer.from((await readFile(file, 'utf8')).trim(), 'hex');
  } catch {
    const key = randomBytes(32);
    await mkdir(settings.dataDir, { recursive: true });
    await writeFile(file, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    logger.warn(
      { file },
      'created a data encryption key in the data folder; back it up, or set DATA_ENCRYPTION_KEY',
    );
    return key;
  }
}

/** The secret Telegram sends back on every webhook call: configured, or derived from the token. */
export function telegramWebhookSecret(settings: Settings): string {
  const telegram = settings.telegram!;
  return (
    telegram.webhookSecret ??
    createHmac('sha256', telegram.token).update('telegram-webhook').digest('hex').slice(0, 48)
  );
}

/**
 * The database for a command-line tool: `MONGODB_URI`, else the embedded database of a
 * running `npm start` (its address is in the data folder), else an embedded one of its own.
 */
export async function openCliDatabase(
  settings: Settings,
  logger: Logger,
): Promise<{ database: Database; source: 'configured' | 'running' | 'own' }> {
  const running = settings.env.MONGODB_URI
    ? undefined
    : await readDatabaseAddress(settings.dataDir);
  if (running) {
    const connection = await mongoose
      .createConnection(running.uri, {
        serverSelectionTimeoutMS: 5_000,
        ...(running.kind === 'emulator' ? EMULATOR_CLIENT_OPTIONS : {}),
      })
      .asPromise();
    const database = {
      kind: running.kind,
      uri: running.uri,
      connection,
      close: () => connection.close(),
    };
    return { database, source: 'running' };
  }

  await mkdir(settings.dataDir, { recursive: true });
  const database = await openDatabase({
    uri: settings.env.MONGODB_URI,
    dataDir: settings.dataDir,
    embedded: settings.env.EMBEDDED_DATABASE,
    logger,
  });
  return { database, source: settings.env.MONGODB_URI ? 'configured' : 'own' };
}
