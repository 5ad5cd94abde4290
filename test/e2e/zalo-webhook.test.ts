import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Core } from '../../src/app.js';
import { createHttpApp } from '../../src/http/app.js';
import { createZaloChannel, type ZaloChannel } from '../../bots/zalo/zalo.channel.js';
import { zaloWebhookSecret } from '../../bots/zalo/zalo-webhook.js';
import { startFakeZaloApi, textEvent, type FakeZaloApi } from '../fakes/zalo-api.js';
import { startTestCore } from '../support/core.js';
import { silentLogger } from '../support/database.js';
import { zaloTexts, zaloTracker, zaloUser, type ZaloTransport } from '../support/zalo-chat.js';

const TOKEN = '3344556677:zalo-webhook-token-abcdef';
const SECRET = 'zalo-webhook-secret-0123456789';
const NAM = { id: '7766554433221100998', name: 'Nam' };

let fake: FakeZaloApi;
let core: Core;
let channel: ZaloChannel;
let server: Server;
let url: string;
const tracker = zaloTracker();
const viaWebhook: ZaloTransport = async (update) => {
  const status = await fake.deliverWebhook(url, update, SECRET);
  if (status !== 200) throw new Error(`webhook answered ${status}`);
};
const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

beforeAll(async () => {
  fake = await startFakeZaloApi({ bareIds: true });
  core = await startTestCore();

  // The app is built before the channel exists, because the webhook URL needs the port.
  const app = createHttpApp({
    core,
    mount: (express) =>
      express.post('/webhooks/zalo', (req, res, next) => channel.webhookHandler!(req, res, next)),
  });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/zalo`;

  channel = createZaloChannel({
    core,
    token: TOKEN,
    apiRoot: fake.apiRoot,
    webhook: { url, secret: SECRET },
    logger: silentLogger,
    onUpdateHandled: tracker.handled,
  });
  await channel.start();
});

afterAll(async () => {
  await channel.stop();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await core.database.close();
  await fake.stop();
});

describe('Zalo channel, webhook', () => {
  it('sets the webhook with its secret and does not poll', () => {
    expect(fake.callsOf('setWebhook').map((call) => call.params)).toEqual([
      { url, secret_token: SECRET },
    ]);
    expect(fake.webhook).toEqual({ url, secret_token: SECRET });
    expect(fake.callsOf('getUpdates')).toHaveLength(0);
  });

  it('drives registration through webhook calls, the ids exact', async () => {
    const nam = zaloUser(fake, tracker, viaWebhook, NAM);
    expect(zaloTexts(await nam.say('/start'))).toContain('Trước khi đăng ký');
    expect(zaloTexts(await nam.say('Tôi đồng ý'))).toContain('Họ và tên');
    const state = await core.store.conversations.load('zalo', NAM.id, NAM.id);
    expect(state).toMatchObject({ userId: NAM.id, chatId: NAM.id, step: 'fullName' });
  });

  it('refuses a wrong or missing secret with 401 and processes nothing', async () => {
    const before = await core.store.conversations.load('zalo', NAM.id, NAM.id);
    const sentBefore = fake.sentTo(NAM.id).length;

    const wrong = textEvent(NAM, 'Trần Văn Nam');
    const missing = textEvent(NAM, 'Trần Văn Nam');
    expect(await fake.deliverWebhook(url, wrong, 'not-the-secret-at-all')).toBe(401);
    expect(await fake.deliverWebhook(url, missing)).toBe(401);
    expect(await fake.deliverWebhook(url, missing, `${SECRET}x`)).toBe(401);
    await settle();

    expect(
      tracker.count(wrong.message!.message_id!) + tracker.count(missing.message!.message_id!),
    ).toBe(0);
    expect(fake.sentTo(NAM.id)).toHaveLength(sentBefore);
    const after = await core.store.conversations.load('zalo', NAM.id, NAM.id);
    expect(after).toMatchObject({ step: 'fullName', version: before.version, data: before.data });
  });

  it('handles an event Zalo sends twice (same message id) once', async () => {
    const update = textEvent({ id: '5550001' }, '/help');
    await viaWebhook(update);
    await viaWebhook(update);
    await tracker.wait(update.message!.message_id!, 2);
    expect(fake.sentTo('5550001')).toHaveLength(1);
  });

  it('reads the {ok, result} envelope as well as the bare update', async () => {
    const update = textEvent({ id: '5550002' }, '/help');
    expect(await fake.deliverWebhook(url, update, SECRET, true)).toBe(200);
    await tracker.wait(update.message!.message_id!);
    expect(zaloTexts(fake.sentTo('5550002'))).toContain('/start');
  });

  it('answers 400 to a body that is not a Zalo update, and handles nothing', async () => {
    const post = (body: string) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-bot-api-secret-token': SECRET },
        body,
      });
    expect((await post('{"hello": ')).status).toBe(400);
    expect((await post('{"hello": "world"}')).status).toBe(400);
  });

  it('answers Zalo at once when handling is slow, and still replies', async () => {
    const slow = { id: '5550003' };
    fake.handle('sendMessage', async (params) => {
      if (params.chat_id === slow.id) await new Promise((resolve) => setTimeout(resolve, 1000));
      return { message_id: 'x', date: Date.now() };
    });

    const update = textEvent(slow, '/help');
    const started = Date.now();
    expect(await fake.deliverWebhook(url, update, SECRET)).toBe(200);
    expect(Date.now() - started).toBeLessThan(900);
    expect(tracker.count(update.message!.message_id!)).toBe(0);

    await tracker.wait(update.message!.message_id!);
    expect(zaloTexts(fake.sentTo(slow.id))).toContain('/start');
  });

  it('derives a stable secret from the token when none is configured', () => {
    const derived = zaloWebhookSecret(TOKEN);
    expect(derived).toMatch(/^[0-9a-f]{48}$/);
    expect(zaloWebhookSecret(TOKEN)).toBe(derived);
    expect(zaloWebhookSecret(TOKEN, SECRET)).toBe(SECRET);
  });
});
