import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createZaloClient } from '../../bots/zalo/zalo-client.js';
import { ZaloApiError, ZaloNetworkError } from '../../bots/zalo/zalo-errors.js';
import { startFakeZaloApi, textEvent, type FakeZaloApi } from '../fakes/zalo-api.js';

const TOKEN = '3344556677:zalo-test-token-abcdefghij';
const LONG = '2468458835291979922';

let fake: FakeZaloApi;
beforeEach(async () => {
  fake = await startFakeZaloApi({ maxPollMs: 100, bareIds: true });
});
afterEach(async () => {
  await fake.stop();
});

const client = () => createZaloClient({ token: TOKEN, apiRoot: fake.apiRoot, textLimit: 50 });

describe('Zalo client', () => {
  it('POSTs JSON to <root>/bot<token>/<method> and returns the result', async () => {
    const sent = await client().sendMessage(LONG, 'Xin chào');
    expect(sent.message_id).toMatch(/^zm/);
    const [call] = fake.callsOf('sendMessage');
    expect(call).toMatchObject({ token: TOKEN, params: { chat_id: LONG, text: 'Xin chào' } });
    expect((await client().getMe()).id).toBe('1122334455667788990');
  });

  it('surfaces ok:false answered with HTTP 200 as a ZaloApiError with its code and description', async () => {
    fake.failNext('sendMessage', { error_code: 400, description: 'Invalid chat_id' });
    const error = await client()
      .sendMessage('nobody', 'x')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZaloApiError);
    expect(error).toMatchObject({
      method: 'sendMessage',
      errorCode: 400,
      description: 'Invalid chat_id',
    });
    expect(String((error as Error).message)).not.toContain(TOKEN);
  });

  it('treats ok:false with an HTTP error status the same way', async () => {
    fake.failNext('setWebhook', { error_code: 401, description: 'Unauthorized', httpStatus: 401 });
    await expect(
      client().setWebhook('https://x.example/webhooks/zalo', 'secret-123'),
    ).rejects.toMatchObject({ name: 'ZaloApiError', errorCode: 401, description: 'Unauthorized' });
  });

  it('reads "408 Request timeout" from getUpdates as no update, and one update otherwise', async () => {
    expect(await client().getUpdates(1)).toEqual([]);
    fake.pushUpdate(textEvent({ id: LONG }, '/start'));
    const [update] = await client().getUpdates(1);
    // The fake wrote the ids as bare numbers: they still arrive exact.
    expect(update!.message!.from.id).toBe(LONG);
    expect(update!.message!.chat.id).toBe(LONG);
    expect(fake.callsOf('getUpdates').at(-1)!.params).toEqual({ timeout: '1' });
  });

  it('does not take a 408 from another method for "no update"', async () => {
    fake.failNext('sendMessage', { error_code: 408, description: 'Request timeout' });
    await expect(client().sendMessage(LONG, 'x')).rejects.toBeInstanceOf(ZaloApiError);
  });

  it('refuses text over the configured limit without sending it or quoting it', async () => {
    const error = (await client()
      .sendMessage(LONG, `Số tài khoản 0011002345678 ${'x'.repeat(60)}`)
      .catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(RangeError);
    expect(error.message).not.toContain('0011002345678');
    expect(fake.callsOf('sendMessage')).toHaveLength(0);
  });

  it('reports a refused connection and a non-JSON answer as ZaloNetworkError, without the token', async () => {
    const closed = createZaloClient({ token: TOKEN, apiRoot: 'http://127.0.0.1:9' });
    const refused = (await closed.getMe().catch((e: unknown) => e)) as ZaloNetworkError;
    expect(refused).toBeInstanceOf(ZaloNetworkError);
    expect(refused.message).toMatch(/connection failed/);
    expect(refused.message).not.toContain(TOKEN);

    const html = http.createServer((_req, res) =>
      res.writeHead(502).end('<html>Bad gateway</html>'),
    );
    await new Promise<void>((resolve) => html.listen(0, '127.0.0.1', resolve));
    const port = (html.address() as AddressInfo).port;
    const proxy = createZaloClient({ token: TOKEN, apiRoot: `http://127.0.0.1:${port}` });
    await expect(proxy.getMe()).rejects.toMatchObject({
      name: 'ZaloNetworkError',
      reason: 'HTTP 502 with a body that is not JSON',
    });
    await new Promise((resolve) => html.close(resolve));
  });

  it('keeps a wait Zalo or a gateway asks for, from the answer or a Retry-After header', async () => {
    fake.failNext('sendMessage', {
      error_code: 429,
      description: 'Too Many Requests',
      parameters: { retry_after: 3 },
    });
    await expect(client().sendMessage(LONG, 'x')).rejects.toMatchObject({
      errorCode: 429,
      retryAfterSeconds: 3,
    });

    const gateway = http.createServer((_req, res) =>
      res.writeHead(429, { 'retry-after': '7' }).end('<html>Slow down</html>'),
    );
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    const port = (gateway.address() as AddressInfo).port;
    const behind = createZaloClient({ token: TOKEN, apiRoot: `http://127.0.0.1:${port}` });
    await expect(behind.sendMessage(LONG, 'x')).rejects.toMatchObject({
      name: 'ZaloApiError',
      errorCode: 429,
      retryAfterSeconds: 7,
    });
    await new Promise((resolve) => gateway.close(resolve));
  });

  it('gives up on a call that takes longer than its timeout', async () => {
    fake.handle(
      'getMe',
      () => new Promise((resolve) => setTimeout(() => resolve({ id: '1' }), 500)),
    );
    const slow = createZaloClient({ token: TOKEN, apiRoot: fake.apiRoot, timeoutMs: 50 });
    await expect(slow.getMe()).rejects.toMatchObject({
      name: 'ZaloNetworkError',
      reason: 'timed out',
    });
  });

  it('is cancelled by its signal (a stopping poll loop)', async () => {
    const abort = new AbortController();
    const poll = client().getUpdates(5, abort.signal);
    setTimeout(() => abort.abort(), 20);
    await expect(poll).rejects.toMatchObject({ name: 'ZaloNetworkError', reason: 'cancelled' });
  });
});
