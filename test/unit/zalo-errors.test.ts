import {
  describeZaloError,
  toZaloSendError,
  ZaloApiError,
  ZaloNetworkError,
} from '../../bots/zalo/zalo-errors.js';
import { SendError } from '../../src/conversation/send-error.js';

describe('Zalo errors', () => {
  it('map to the delivery outcomes every channel shares', () => {
    const api = (code: number) =>
      toZaloSendError(new ZaloApiError('sendMessage', code, `d${code}`));
    expect(api(429)).toMatchObject({ kind: 'rate-limited', reason: 'd429', retryAfterMs: 1000 });
    expect(api(403)).toMatchObject({ kind: 'blocked', reason: 'd403' });
    expect(api(400)).toMatchObject({ kind: 'rejected', reason: 'd400' });
    expect(api(502)).toMatchObject({ kind: 'transient', reason: 'd502' });
    expect(toZaloSendError(new ZaloNetworkError('sendMessage', 'timed out'))).toMatchObject({
      kind: 'transient',
      reason: 'timed out',
    });
    expect(toZaloSendError(new RangeError('text too long'))).toMatchObject({ kind: 'rejected' });
    const already = new SendError('blocked', 'x');
    expect(toZaloSendError(already)).toBe(already);
  });

  it('read a block or a rate limit from the description when the code does not say it', () => {
    const api = (code: number, description: string, retryAfter?: number) =>
      toZaloSendError(new ZaloApiError('sendMessage', code, description, retryAfter));
    expect(api(400, 'User has blocked the bot')).toMatchObject({ kind: 'blocked' });
    expect(api(400, 'The user unfollowed the bot')).toMatchObject({ kind: 'blocked' });
    expect(api(-201, 'User has not followed the bot')).toMatchObject({ kind: 'blocked' });
    expect(api(400, 'Người dùng đã chặn bot')).toMatchObject({ kind: 'blocked' });
    expect(api(400, 'Rate limit exceeded')).toMatchObject({
      kind: 'rate-limited',
      retryAfterMs: 1000,
    });
    expect(api(429, 'Too Many Requests', 5)).toMatchObject({
      kind: 'rate-limited',
      reason: 'Too Many Requests',
      retryAfterMs: 5000,
    });
    // Words that merely look alike are refused for good, with Zalo's own description.
    expect(api(400, 'text length exceeds the limit')).toMatchObject({
      kind: 'rejected',
      reason: 'text length exceeds the limit',
    });
    expect(api(404, 'Invalid chat_id')).toMatchObject({ kind: 'rejected' });
    // The bot itself refused is not a person who blocked it: nobody gets marked blocked.
    expect(api(400, 'Bot is blocked')).toMatchObject({ kind: 'rejected' });
  });

  it('describe themselves for logs without any message text', () => {
    expect(describeZaloError(new ZaloApiError('sendPhoto', 400, 'Bad photo'))).toEqual({
      kind: 'zalo',
      method: 'sendPhoto',
      code: 400,
      description: 'Bad photo',
    });
    const other = describeZaloError(new Error('phone +84912345678 refused'));
    expect(JSON.stringify(other)).not.toContain('+84912345678');
    expect(other).toMatchObject({ kind: 'code', name: 'Error' });
  });
});
