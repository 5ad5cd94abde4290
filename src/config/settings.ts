import path from 'node:path';
import type { Channel } from '../domain/channel.js';
import type { RateLimit } from '../domain/rate-limiter.js';
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
  /** Set when `ZALO_BOT_TOKEN` is: the Zalo channel runs. */
  zalo?: {
    token: string;
    apiRoot: string;
    webhookSecret?: string;
    textLimit: number;
    ratePerSecond: number;
  };
  adminIds: { telegram: string[]; web: string[]; zalo: string[] };
  /** How long a signed file link works (`FILE_LINK_TTL_DAYS`). */
  fileLinkTtlMs: number;
  conversationTtlMs: number;
  /** Pace of broadcasts and notices per channel; the playground is not paced. */
  rateLimits: Partial<Record<Channel, RateLimit>>;
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
  const zalo = env.ZALO_BOT_TOKEN
    ? {
        token: env.ZALO_BOT_TOKEN,
        apiRoot: env.ZALO_API_ROOT,
        webhookSecret: env.ZALO_WEBHOOK_SECRET,
        textLimit: env.ZALO_TEXT_LIMIT,
        ratePerSecond: env.ZALO_RATE_PER_SECOND,
      }
    : undefined;
  const playground = env.PLAYGROUND ?? !(telegram || zalo);

  return {
    env,
    dataDir: path.resolve(env.DATA_DIR),
    role: env.ROLE,
    runsWeb: env.ROLE !== 'worker',
    runsWorker: env.ROLE !== 'web',
    playground,
    telegram,
    zalo,
    adminIds: {
      telegram: env.ADMIN_TELEGRAM_IDS,
      zalo: env.ADMIN_ZALO_IDS,
      web: playground ? [PLAYGROUND_ADMIN_ID] : [],
    },
    conversationTtlMs: env.CONVERSATION_TTL_HOURS * 3_600_000,
    rateLimits: {
      telegram: {
        perSecond: env.TELEGRAM_RATE_PER_SECOND,
        perChatPerSecond: env.TELEGRAM_RATE_PER_CHAT_PER_SECOND,
      },
      zalo: { perSecond: env.ZALO_RATE_PER_SECOND, perChatPerSecond: 1 },
    },
    fileLinkTtlMs: env.FILE_LINK_TTL_DAYS * 86_400_000,
  };
}
