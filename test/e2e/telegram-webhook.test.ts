import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Core } from '../../src/app.js';
import { createHttpApp } from '../../src/http/app.js';
import {
  createTelegramChannel,
  type TelegramChannel,
} from '../../bots/telegram/telegram.channel.js';
import { startFakeTelegramApi, textMessage, type FakeTelegramApi } from '../fakes/telegram-api.js';
import { nextMessageId } from '../fakes/telegram-updates.js';
import { startTestCore } from '../support/core.js';
import { silentLogger } from '../support/database.js';
import {
  telegramUser,
  textsOf,
  updateTracker,
  withUpdateId,
  type Transport,
} from '../support/telegram-chat.js';

const TOKEN = '123456:TEST-TOKEN-abcdefghijklmnopqrstuv';
const SECRET = 'webhook-secret-0123456789';
const NAM = { id: 7101, first_name: 'Nam', language_code: 'vi' };

let fake: FakeTelegramApi;
let core: Core;
let channel: TelegramChannel;
let server: Server;
let url: string;
const tracker = updateTracker();
const viaWebhook: Transport = async (update) => {
  const status = await fake.deliverWebhook(url, update, SECRET);
  if (status !== 200) throw new Error(`webhook answered ${status}`);
};
const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

beforeAll(async () => {
  fake = await startFakeTelegramApi();
  core = await startTestCore({ ADMIN_TELEGRAM_IDS: '9001' });

  // The app is built before the channel exists, because the webhook URL needs the port.
  const app = createHttpApp({
    core,
    mount: (express) =>
      express.post('/webhooks/telegram', (req, res, next) =>
        channel.webhookHandler!(req, res, next),
      ),
  });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/telegram`;

  channel = createTelegramChannel({
    core,
    token: TOKEN,
    apiRoot: fake.apiRoot,
    webhook: { url, secret: SECRET, timeoutMs: 300 },
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

describe('Telegram channel, webhook', () => {
  it('sets the webhook with the secret and the updates it reads, and does not poll', () => {
    expect(fake.callsOf('setWebhook').map((call) => call.params)).toEqual([
      { url, secret_token: SECRET, allowed_updates: ['message', 'callback_query'] },
    ]);
    expect(fake.webhook).toEqual({ url, secret_token: SECRET });
    expect(fake.callsOf('getUpdates')).toHaveLength(0);
  });

  it('drives registration steps through webhook calls', async () => {
    const nam = telegramUser(fake, tracker, viaWebhook, NAM);
    expect(textsOf(await nam.say('/start'))).toContain('Trước khi đăng ký');
    expect(textsOf(await nam.press('Tôi đồng ý'))).toContain('Họ và tên');
  });

  it('refuses a wrong or missing secret with 401 and processes nothing', async () => {
    const before = await core.store.conversations.load('telegram', '7101', '7101');
    const sentBefore = fake.sentTo(NAM.id).length;

    const wrong = withUpdateId(textMessage(NAM, 'Trần Văn Nam'));
    const missing = withUpdateId(textMessage(NAM, 'Trần Văn Nam'));
    expect(await fake.deliverWebhook(url, wrong, 'not-the-secret')).toBe(401);
    expect(await fake.deliverWebhook(url, missing)).toBe(401);
    await settle();

    expect(tracker.count(wrong.update_id) + tracker.count(missing.update_id)).toBe(0);
    expect(fake.sentTo(NAM.id)).toHaveLength(sentBefore);
    const after = await core.store.conversations.load('telegram', '7101', '7101');
    expect(after).toMatchObject({ step: 'fullName', version: before.version, data: before.data });
  });

  it('handles one update delivered twice once', async () => {
    const update = withUpdateId(textMessage({ id: 7102 }, '/help'));
    expect(await fake.deliverWebhook(url, update, SECRET)).toBe(200);
    expect(await fake.deliverWebhook(url, update, SECRET)).toBe(200);
    await tracker.wait(update.update_id, 2);
    expect(fake.sentTo(7102)).toHaveLength(1);
  });

  it('answers Telegram in time when handling is slow, and still replies', async () => {
    const slow = { id: 7103 };
    fake.handle('sendMessage', async (params) => {
      if (params.chat_id === slow.id) await new Promise((resolve) => setTimeout(resolve, 1000));
      const chat = { id: params.chat_id, type: 'private', first_name: 'x' };
      return { message_id: nextMessageId(), date: 0, chat, text: params.text };
    });

    const update = withUpdateId(textMessage(slow, '/help'));
    const started = Date.now();
    expect(await fake.deliverWebhook(url, update, SECRET)).toBe(200);
    expect(Date.now() - started).toBeLessThan(900);
    expect(tracker.count(update.update_id)).toBe(0);

    await tracker.wait(update.update_id);
    expect(textsOf(fake.sentTo(slow.id))).toContain('Các lệnh');
  });

  it('points a command in a group to the private chat and ignores other group messages', async () => {
    const group = { id: -100123, type: 'supergroup' as const, title: 'CTV Hà Nội' };
    const inGroup = (text: string) =>
      withUpdateId(textMessage({ id: 7104, language_code: 'en' }, text, { chat: group }));
    const command = inGroup('/start@ctv_test_bot');
    const chatter = inGroup('số tài khoản của mình là 0011 0023 4567');
    await viaWebhook(command);
    await viaWebhook(chatter);
    await tracker.wait(chatter.update_id);

    const sent = fake.sentTo(group.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toContain('https://t.me/ctv_test_bot');
    expect(sent[0]!.text).toContain('private chats');
    expect(await core.store.conversations.load('telegram', '7104', '-100123')).toMatchObject({
      flow: null,
      version: 0,
    });
  });
});
