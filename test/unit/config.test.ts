import { ConfigError, parseEnv } from '../../src/config/env.js';

const KEY = 'a'.repeat(64);

/** The problem lines of a refused environment, or a failure if it was accepted. */
function problems(source: Record<string, string>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('the environment was accepted');
}

describe('parseEnv', () => {
  it('gives the defaults for an empty environment', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      ROLE: 'all',
      HOST: '127.0.0.1',
      PORT: 3000,
      DEFAULT_LOCALE: 'vi',
      CONVERSATION_TTL_HOURS: 24,
      ADMIN_TELEGRAM_IDS: [],
      PLAYGROUND_ALLOW_REMOTE: false,
    });
    expect(env.MONGODB_URI).toBeUndefined();
    expect(env.TELEGRAM_BOT_TOKEN).toBeUndefined();
    expect(env.PLAYGROUND).toBeUndefined();
  });

  it('reads valid values', () => {
    const env = parseEnv({
      PORT: '8080',
      TELEGRAM_BOT_TOKEN: '123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11',
      ADMIN_TELEGRAM_IDS: ' 111, 222 ,',
      MONGODB_URI: 'mongodb://localhost:27017/ctv',
      DATA_ENCRYPTION_KEY: KEY,
      PLAYGROUND: 'yes',
    });
    expect(env.PORT).toBe(8080);
    expect(env.ADMIN_TELEGRAM_IDS).toEqual(['111', '222']);
    expect(env.PLAYGROUND).toBe(true);
  });

  it.each([
    ['PORT', { PORT: 'eighty' }],
    ['PORT', { PORT: '70000' }],
    ['TELEGRAM_BOT_TOKEN', { TELEGRAM_BOT_TOKEN: 'not-a-token' }],
    ['ADMIN_TELEGRAM_IDS', { ADMIN_TELEGRAM_IDS: '111,@lan' }],
    ['DATA_ENCRYPTION_KEY', { MONGODB_URI: 'mongodb://localhost/ctv' }],
    ['DATA_ENCRYPTION_KEY', { DATA_ENCRYPTION_KEY: 'short' }],
    ['MONGODB_URI', { MONGODB_URI: 'postgres://localhost/ctv', DATA_ENCRYPTION_KEY: KEY }],
    ['PLAYGROUND', { PLAYGROUND: 'maybe' }],
  ])('refuses a bad %s with one line naming it', (name, source) => {
    const lines = problems(source);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^${name}\\b`));
  });

  it('lists every problem, one line each', () => {
    const lines = problems({
      PORT: '-1',
      TELEGRAM_BOT_TOKEN: 'nope',
      ADMIN_TELEGRAM_IDS: 'x',
    });
    expect(lines).toHaveLength(3);
    expect(lines.join('\n')).toMatch(/^PORT/m);
    expect(lines.join('\n')).toMatch(/^TELEGRAM_BOT_TOKEN/m);
    expect(lines.join('\n')).toMatch(/^ADMIN_TELEGRAM_IDS/m);
  });

  it('puts the problems in the error message, so a failed start shows them', () => {
    expect(() => parseEnv({ PORT: 'x' })).toThrow(/Invalid configuration:\n {2}- PORT/);
  });

  it('treats empty and blank strings as unset', () => {
    const env = parseEnv({
      PORT: '',
      MONGODB_URI: '',
      TELEGRAM_BOT_TOKEN: '   ',
      ADMIN_TELEGRAM_IDS: '',
      DEFAULT_LOCALE: '',
    });
    expect(env.PORT).toBe(3000);
    expect(env.MONGODB_URI).toBeUndefined();
    expect(env.TELEGRAM_BOT_TOKEN).toBeUndefined();
    expect(env.ADMIN_TELEGRAM_IDS).toEqual([]);
    expect(env.DEFAULT_LOCALE).toBe('vi');
  });

  it('requires https for PUBLIC_URL in production only', () => {
    expect(problems({ NODE_ENV: 'production', PUBLIC_URL: 'http://bot.example.com' })).toEqual([
      expect.stringMatching(/^PUBLIC_URL/),
    ]);
    expect(parseEnv({ PUBLIC_URL: 'http://localhost:3000/' }).PUBLIC_URL).toBe(
      'http://localhost:3000',
    );
  });
});
