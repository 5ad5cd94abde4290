import path from 'node:path';
import type { Env } from './env.js';

/** The settings the rest of the product reads, derived once from the environment. */
export interface Settings {
  env: Env;
  dataDir: string;
  role: Env['ROLE'];
  runsWeb: boolean;
  runsWorker: boolean;
  playground: boolean;
  telegram?: { token: string; apiRoot?: string; webhookSecret?: string };
  adminIds: { telegram: string[]; web: string[] };
  conversationTtlMs: number;
}

/** The playground's admin switch acts as this web user id. */
export const PLAYGROUND_ADMIN_ID = 'admin';

export function buildSettings(env: Env): Settings {
  const telegram = env.TELEGRAM_BOT_TOKEN
    ? {
        token: env.TELEGRAM_BOT_TOKEN,
        apiRoot: env.TELEGRAM_API_ROOT,
        webhookSecret: env.TELEGRAM_WEBHOOK_SECRET,
      }
    : undefined;
  const playground = env.PLAYGROUND ?? !telegram;

  return {
    env,
    dataDir: path.resolve(env.DATA_DIR),
    role: env.ROLE,
    runsWeb: env.ROLE !== 'worker',
    runsWorker: env.ROLE !== 'web',
    playground,
    telegram,
    adminIds: {
      telegram: env.ADMIN_TELEGRAM_IDS,
      web: playground ? [PLAYGROUND_ADMIN_ID] : [],
    },
    conversationTtlMs: env.CONVERSATION_TTL_HOURS * 3_600_000,
  };
}
