import { z } from 'zod';

/** Comma-separated list → array of trimmed, non-empty strings. */
const idList = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().regex(/^\d+$/, 'each id must be a number')));

/** Comma-separated list of opaque ids (Zalo's are long digit strings, kept as strings). */
const opaqueIdList = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().regex(/^[\w-]{1,64}$/, 'each id must be letters, digits, _ or -')));

const flag = z
  .enum(['true', 'false', '1', '0', 'on', 'off', 'yes', 'no'], {
    message: 'must be true or false',
  })
  .transform((value) => ['true', '1', 'on', 'yes'].includes(value));

const optionalUrl = z
  .string()
  .url('must be a URL such as https://bot.example.com')
  .transform((value) => value.replace(/\/+$/, ''))
  .optional();

/**
 * Every environment variable the product reads. Parsed once at start; anything wrong stops
 * the start with one line per problem. Keep README's configuration table in step with this.
 */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ROLE: z.enum(['all', 'web', 'worker']).default('all'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce
    .number({ message: 'must be a port number (0-65535)' })
    .int('must be a whole number')
    .min(0)
    .max(65535, 'must be at most 65535')
    .default(3000),
  PUBLIC_URL: optionalUrl,
  DATA_DIR: z.string().min(1).default('./data'),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
    .optional(),
  EMBEDDED_DATABASE: z.enum(['auto', 'mongod', 'emulator']).default('auto'),
  DATA_ENCRYPTION_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hexadecimal characters (32 bytes)')
    .optional(),
  BUSINESS_NAME: z.string().min(1).default('Cửa hàng CTV'),
  /** Printed under the name on statements. */
  BUSINESS_ADDRESS: z.string().max(300).default(''),
  DEFAULT_LOCALE: z.enum(['vi', 'en']).default('vi'),
  CONVERSATION_TTL_HOURS: z.coerce.number().positive().default(24),
  TELEGRAM_BOT_TOKEN: z
    .string()
    .regex(/^\d+:[\w-]{20,}$/, 'must look like 123456:ABC-DEF… (from @BotFather)')
    .optional(),
  TELEGRAM_API_ROOT: optionalUrl,
  TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .regex(/^[\w-]{8,256}$/, 'must be 8-256 letters, digits, _ or -')
    .optional(),
  ADMIN_TELEGRAM_IDS: idList,
  TELEGRAM_RATE_PER_SECOND: z.coerce
    .number({ message: 'must be a number' })
    .positive('must be above 0')
    .max(1000, 'must be at most 1000')
    .default(25),
  TELEGRAM_RATE_PER_CHAT_PER_SECOND: z.coerce
    .number({ message: 'must be a number' })
    .positive('must be above 0')
    .max(100, 'must be at most 100')
    .default(1),
  ZALO_BOT_TOKEN: z
    .string()
    .regex(/^[^\s/?#]{10,}$/, 'must be the token from Zalo Bot Manager (no spaces, / ? or #)')
    .optional(),
  ZALO_API_ROOT: optionalUrl.default('https://bot-api.zaloplatforms.com'),
  ZALO_WEBHOOK_SECRET: z
    .string()
    .regex(/^[\w-]{8,256}$/, 'must be 8-256 letters, digits, _ or -')
    .optional(),
  ZALO_TEXT_LIMIT: z.coerce
    .number({ message: 'must be a number of characters' })
    .int('must be a whole number')
    .min(100, 'must be at least 100')
    .default(2000),
  ZALO_RATE_PER_SECOND: z.coerce
    .number({ message: 'must be a number' })
    .positive('must be above 0')
    .default(10),
  FILE_LINK_TTL_DAYS: z.coerce
    .number({ message: 'must be a number of days' })
    .positive('must be above 0')
    .max(366, 'must be at most 366')
    .default(7),
  ADMIN_ZALO_IDS: opaqueIdList,
  PLAYGROUND: flag.optional(),
  PLAYGROUND_ALLOW_REMOTE: flag.default(false),
});

export type Env = z.infer<typeof envSchema>;

/** Raised when the environment is unusable; `problems` has one line per variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((line) => `  - ${line}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; empty strings count as unset, as they do in most `.env` files. */
export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const result = envSchema.safeParse(cleaned);
  const problems = result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`);

  // Cross-checks run on the raw values too, so that every problem is listed at once.
  if (cleaned.MONGODB_URI && !cleaned.DATA_ENCRYPTION_KEY) {
    problems.push(
      'DATA_ENCRYPTION_KEY: required when MONGODB_URI is set (generate one with `openssl rand -hex 32`)',
    );
  }
  if (
    cleaned.PUBLIC_URL?.startsWith('http://') &&
    (cleaned.NODE_ENV ?? 'development') === 'production'
  ) {
    problems.push(
      'PUBLIC_URL: must use https:// in production (Telegram only calls https webhooks)',
    );
  }
  if (problems.length > 0 || !result.success) throw new ConfigError(problems);

  const env = result.data;
  return env;
}
