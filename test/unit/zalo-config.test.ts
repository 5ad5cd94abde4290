import { ConfigError, parseEnv } from '../../src/config/env.js';
import { buildSettings } from '../../src/config/settings.js';

function problems(source: Record<string, string>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('the environment was accepted');
}

describe('Zalo configuration', () => {
  it('is off by default, with the documented defaults', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      ZALO_API_ROOT: 'https://bot-api.zaloplatforms.com',
      ZALO_TEXT_LIMIT: 2000,
      ZALO_RATE_PER_SECOND: 10,
      FILE_LINK_TTL_DAYS: 7,
      ADMIN_ZALO_IDS: [],
    });
    const settings = buildSettings(env);
    expect(settings.zalo).toBeUndefined();
    expect(settings.fileLinkTtlMs).toBe(7 * 86_400_000);
    expect(settings.playground).toBe(true);
  });

  it('turns on with a token, keeps long ids as strings and turns the playground off', () => {
    const settings = buildSettings(
      parseEnv({
        ZALO_BOT_TOKEN: '3344556677:abcdefghijKLMNOP',
        ZALO_API_ROOT: 'http://127.0.0.1:9999/',
        ZALO_TEXT_LIMIT: '1500',
        ZALO_RATE_PER_SECOND: '2.5',
        ADMIN_ZALO_IDS: '2468458835291979922, 1234',
        FILE_LINK_TTL_DAYS: '3',
      }),
    );
    expect(settings.zalo).toEqual({
      token: '3344556677:abcdefghijKLMNOP',
      apiRoot: 'http://127.0.0.1:9999',
      webhookSecret: undefined,
      textLimit: 1500,
      ratePerSecond: 2.5,
    });
    expect(settings.adminIds.zalo).toEqual(['2468458835291979922', '1234']);
    expect(settings.fileLinkTtlMs).toBe(3 * 86_400_000);
    expect(settings.playground).toBe(false);
  });

  it.each([
    ['ZALO_BOT_TOKEN', { ZALO_BOT_TOKEN: 'has a space in it' }],
    ['ZALO_BOT_TOKEN', { ZALO_BOT_TOKEN: 'abc/def/ghijkl' }],
    ['ZALO_API_ROOT', { ZALO_API_ROOT: 'not a url' }],
    ['ZALO_WEBHOOK_SECRET', { ZALO_WEBHOOK_SECRET: 'short' }],
    ['ZALO_TEXT_LIMIT', { ZALO_TEXT_LIMIT: 'lots' }],
    ['ZALO_RATE_PER_SECOND', { ZALO_RATE_PER_SECOND: '0' }],
    ['FILE_LINK_TTL_DAYS', { FILE_LINK_TTL_DAYS: '-1' }],
    ['ADMIN_ZALO_IDS', { ADMIN_ZALO_IDS: '123,@lan' }],
  ])('refuses a bad %s with one line naming it', (name, source) => {
    const lines = problems(source);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^${name}\\b`));
  });
});
