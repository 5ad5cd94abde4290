import { randomBytes } from 'node:crypto';
import { sendBroadcastJob } from '../../jobs/send-broadcast.job.js';
import type { Core } from '../../src/app.js';
import { Types } from 'mongoose';
import {
  createTelegramChannel,
  type TelegramChannel,
} from '../../bots/telegram/telegram.channel.js';
import { startFakeTelegramApi, type FakeTelegramApi } from '../fakes/telegram-api.js';
import { startTestCore } from '../support/core.js';
import { silentLogger } from '../support/database.js';
import { activeRecipients } from '../support/recipients.js';

const TOKEN = '123456:TEST-TOKEN-broadcast-abcdefghijk';
const ADMIN = 9501;

let fake: FakeTelegramApi;
let core: Core;
let channel: TelegramChannel;

beforeAll(async () => {
  fake = await startFakeTelegramApi();
  core = await startTestCore({ ADMIN_TELEGRAM_IDS: String(ADMIN) });
  channel = createTelegramChannel({
    core,
    token: TOKEN,
    apiRoot: fake.apiRoot,
    logger: silentLogger,
  });
  await channel.start();
});

afterAll(async () => {
  await channel.stop();
  await core.database.close();
  await fake.stop();
});

const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

/** A broadcast from the admin to these chats' collaborators, due now. */
async function broadcastTo(chatIds: number[], text: string) {
  const people = await activeRecipients(core, chatIds);
  const { broadcast } = await core.services.broadcasts.create({
    draftKey: randomBytes(6).toString('hex'),
    author: { channel: 'telegram', userId: String(ADMIN), chatId: String(ADMIN), locale: 'vi' },
    text,
    audience: { kind: 'codes', codes: people.map((person) => person.code) },
    sendAt: new Date(),
  });
  return { broadcast, people };
}

/** How many times each chat got `text`. */
const receipts = (chatIds: number[], text: string) =>
  chatIds.map((id) => fake.sentTo(id).filter((item) => item.text === text).length);

const reportsTo = (number: number) =>
  fake.sentTo(ADMIN).filter((item) => item.text?.startsWith(`✅ Thông báo #${number} `));

const runJob = (broadcastId: string) => sendBroadcastJob.run(core, { broadcastId }, silentLogger);

/**
 * The sending job run directly, as Agenda would run it: see telegram-broadcast-job.test.ts
 * for the path through Agenda itself.
 */
describe('broadcasts over the Telegram Bot API', () => {
  it('3 recipients, the second has blocked the bot: two delivered, one marked blocked', async () => {
    const chats = [10_101, 10_102, 10_103];
    fake.failNext(
      'sendMessage',
      { error_code: 403, description: 'Forbidden: bot was blocked by the user' },
      1,
      (params) => params.chat_id === 10_102,
    );
    const { broadcast, people } = await broadcastTo(chats, 'Lịch họp tháng 12');
    expect(await runJob(broadcast.id)).toEqual({
      outcome: 'done',
      total: 3,
      sent: 2,
      blocked: 1,
      failed: 0,
    });
    expect(receipts(chats, 'Lịch họp tháng 12')).toEqual([1, 0, 1]);
    const second = await core.store.collaborators.byId(people[1]!.id);
    expect(second!.identities[0]!.blocked).toBe(true);
    expect(reportsTo(broadcast.number)[0]!.text).toContain('1 người đã chặn bot');

    // The next broadcast skips the blocked identity without calling Telegram for it.
    const calls = fake.callsOf('sendMessage').length;
    const { broadcast: next } = await core.services.broadcasts.create({
      draftKey: 'next-after-block',
      author: broadcast.author,
      text: 'Nhắc lịch họp',
      audience: broadcast.audience,
      sendAt: new Date(),
    });
    expect(await runJob(next.id)).toMatchObject({ outcome: 'done', sent: 2, blocked: 1 });
    const toSecond = fake
      .callsOf('sendMessage')
      .slice(calls)
      .filter((c) => c.params.chat_id === 10_102);
    expect(toSecond).toEqual([]);
  });

  it('the job run twice at once sends each message once and reports once', async () => {
    const chats = range(10_201, 20);
    const { broadcast } = await broadcastTo(chats, 'Chạy hai lần cùng lúc');
    const [first, second] = await Promise.all([runJob(broadcast.id), runJob(broadcast.id)]);
    expect([first.outcome, second.outcome].sort()).toEqual(['done', 'finished-elsewhere']);
    expect(receipts(chats, 'Chạy hai lần cùng lúc')).toEqual(chats.map(() => 1));
    expect(reportsTo(broadcast.number)).toHaveLength(1);
  });

  it('a run stopped midway and started again sends the rest and nothing twice', async () => {
    const chats = range(10_301, 30);
    const text = 'Dừng giữa chừng rồi chạy lại';
    const { broadcast } = await broadcastTo(chats, text);
    const delivered = () => receipts(chats, text).reduce((a, b) => a + b, 0);

    const stop = new AbortController();
    const watcher = setInterval(() => delivered() >= 10 && stop.abort(), 5);
    const stopped = await core.services.broadcasts.run(broadcast.id, { signal: stop.signal });
    clearInterval(watcher);
    expect(stopped).toEqual({ outcome: 'stopped' });
    const sentBefore = delivered();
    expect(sentBefore).toBeGreaterThanOrEqual(10);
    expect(sentBefore).toBeLessThan(30);

    // A worker killed after claiming one delivery, before sending it, left its lease behind.
    const deliveries = core.store.connection.models.Delivery!;
    await deliveries.updateOne(
      { broadcastId: new Types.ObjectId(broadcast.id), state: 'pending' },
      {
        $set: {
          state: 'sending',
          lease: { owner: 'killed-worker', at: new Date(Date.now() - 600_000) },
        },
      },
    );

    expect(await runJob(broadcast.id)).toEqual({
      outcome: 'done',
      total: 30,
      sent: 30,
      blocked: 0,
      failed: 0,
    });
    expect(receipts(chats, text)).toEqual(chats.map(() => 1));
    expect(reportsTo(broadcast.number)).toHaveLength(1);
  });
});
