import { randomBytes } from 'node:crypto';
import {
  createTelegramChannel,
  type TelegramChannel,
} from '../../bots/telegram/telegram.channel.js';
import { createSendOnlyTelegramSender } from '../../bots/telegram/telegram-sender.js';
import { createSendOnlyZaloSender } from '../../bots/zalo/zalo-core-sender.js';
import { createZaloChannel, type ZaloChannel } from '../../bots/zalo/zalo.channel.js';
import { sendBroadcastJob } from '../../jobs/send-broadcast.job.js';
import { createScheduler, type Scheduler } from '../../jobs/scheduler.js';
import type { Core } from '../../src/app.js';
import type { Channel } from '../../src/domain/channel.js';
import type { Collaborator } from '../../src/domain/collaborator.js';
import { startFakeTelegramApi, type FakeTelegramApi } from '../fakes/telegram-api.js';
import { startFakeZaloApi, type FakeZaloApi } from '../fakes/zalo-api.js';
import { startTestCore } from '../support/core.js';
import { silentLogger } from '../support/database.js';
import { activeRecipients, until } from '../support/recipients.js';

const TELEGRAM_TOKEN = '123456:TEST-TOKEN-zalo-broadcast-abcdef';
const ZALO_TOKEN = '3344556677:zalo-broadcast-token-abcdefgh';
const ADMIN = 9601;
/** Zalo's pace in this file: one message every 500 ms, far above the timing noise. */
const ZALO_RATE = 2;
/** The error the fake gives for a person who blocked the bot; Zalo documents none. */
const ZALO_BLOCKED = { error_code: 403, description: 'User has blocked the bot' };

let telegramApi: FakeTelegramApi;
let zaloApi: FakeZaloApi;
let core: Core;
let telegram: TelegramChannel;
let zalo: ZaloChannel;
let scheduler: Scheduler;
let jobRuns = 0;

beforeAll(async () => {
  telegramApi = await startFakeTelegramApi();
  zaloApi = await startFakeZaloApi({ maxPollMs: 200 });
  core = await startTestCore({
    ADMIN_TELEGRAM_IDS: String(ADMIN),
    ZALO_RATE_PER_SECOND: String(ZALO_RATE),
  });
  telegram = createTelegramChannel({
    core,
    token: TELEGRAM_TOKEN,
    apiRoot: telegramApi.apiRoot,
    logger: silentLogger,
  });
  zalo = createZaloChannel({
    core,
    token: ZALO_TOKEN,
    apiRoot: zaloApi.apiRoot,
    ratePerSecond: ZALO_RATE,
    logger: silentLogger,
    polling: { timeoutSeconds: 1, minEmptyPollMs: 50 },
  });
  await telegram.start();
  await zalo.start();
  scheduler = createScheduler({ core, jobs: [sendBroadcastJob], processEvery: 100 });
  scheduler.agenda.on(`complete:${sendBroadcastJob.name}`, () => (jobRuns += 1));
  await scheduler.start();
});

afterAll(async () => {
  await scheduler.stop();
  await telegram.stop();
  await zalo.stop();
  await core.database.close();
  await telegramApi.stop();
  await zaloApi.stop();
});

/** Gives `person` a second identity on `channel` and makes `preferred` the one used last. */
async function link(person: Collaborator, channel: Channel, chatId: number, preferred: Channel) {
  const identity = {
    channel,
    userId: String(chatId),
    chatId: String(chatId),
    blocked: false,
    linkedAt: new Date('2026-11-02T03:00:00Z'),
  };
  await core.store.collaborators.update(person.id, {
    identities: [...person.identities, identity],
    lastChannel: preferred,
  });
}

/** How many times `chatId` got `text` on each channel. */
function received(chatId: number, text: string) {
  return {
    telegram: telegramApi.sentTo(chatId).filter((item) => item.text === text).length,
    zalo: zaloApi.sentTo(String(chatId)).filter((item) => item.text === text).length,
  };
}

const reportsOf = (number: number) =>
  telegramApi.sentTo(ADMIN).filter((item) => item.text?.startsWith(`✅ Thông báo #${number} `));

/** Composes a broadcast from the admin to `people`, due now: the scheduler queues its job. */
async function broadcast(people: Collaborator[], text: string) {
  const { broadcast } = await core.services.broadcasts.create({
    draftKey: randomBytes(6).toString('hex'),
    author: { channel: 'telegram', userId: String(ADMIN), chatId: String(ADMIN), locale: 'vi' },
    text,
    audience: { kind: 'codes', codes: people.map((person) => person.code) },
    sendAt: new Date(),
  });
  return broadcast;
}

/** Sends a broadcast through Agenda and waits for its report and for `runs` job runs. */
async function sendAndWait(people: Collaborator[], text: string, runs = 1) {
  const before = jobRuns;
  const sent = await broadcast(people, text);
  for (let extra = 1; extra < runs; extra += 1) {
    await scheduler.runNow(sendBroadcastJob.name, { broadcastId: sent.id });
  }
  await until(() => reportsOf(sent.number).length > 0 && jobRuns >= before + runs);
  return sent;
}

describe('a broadcast to Telegram and Zalo collaborators', () => {
  let everyone: Collaborator[];
  let blocked: Collaborator;
  let firstId: string;

  beforeAll(async () => {
    const onTelegram = await activeRecipients(core, [20_001, 20_002, 20_003]);
    const onZalo = await activeRecipients(core, [30_001, 30_002, 30_003], { channel: 'zalo' });
    // Two people on both channels: one wrote on Zalo last, the other on Telegram.
    await link(onTelegram[2]!, 'zalo', 30_103, 'zalo');
    await link(onZalo[2]!, 'telegram', 20_103, 'telegram');
    blocked = (await activeRecipients(core, [30_009], { channel: 'zalo' }))[0]!;
    everyone = [...onTelegram, ...onZalo, blocked];
    zaloApi.failNext('sendMessage', ZALO_BLOCKED, Infinity, (p) => p.chat_id === '30009');
  });

  it('reaches each person once, on the channel they used last, with the job run twice', async () => {
    const text = 'Thi đua tháng 12 trên cả hai kênh';
    // One "slow down" from Zalo: the channel pauses and the same person gets it afterwards.
    zaloApi.failNext(
      'sendMessage',
      { error_code: 429, description: 'Too Many Requests' },
      1,
      (p) => p.chat_id === '30002' && p.text === text,
    );
    const sent = await sendAndWait(everyone, text, 2);
    firstId = sent.id;

    expect(received(20_001, text)).toEqual({ telegram: 1, zalo: 0 });
    expect(received(20_002, text)).toEqual({ telegram: 1, zalo: 0 });
    expect(received(30_001, text)).toEqual({ telegram: 0, zalo: 1 });
    expect(received(30_002, text)).toEqual({ telegram: 0, zalo: 1 });
    // The linked two: only on the channel each used last.
    expect(received(20_003, text)).toEqual({ telegram: 0, zalo: 0 });
    expect(received(30_103, text)).toEqual({ telegram: 0, zalo: 1 });
    expect(received(30_003, text)).toEqual({ telegram: 0, zalo: 0 });
    expect(received(20_103, text)).toEqual({ telegram: 1, zalo: 0 });

    // The person who blocked the bot was tried once, then marked blocked.
    expect(received(30_009, text)).toEqual({ telegram: 0, zalo: 0 });
    expect(zaloApi.callsOf('sendMessage').filter((c) => c.params.chat_id === '30009')).toHaveLength(
      1,
    );
    const stored = await core.store.collaborators.byId(blocked.id);
    expect(stored!.identities[0]).toMatchObject({ channel: 'zalo', blocked: true });

    const done = await core.services.broadcasts.byNumber(sent.number);
    expect(done).toMatchObject({
      state: 'done',
      counts: { total: 7, sent: 6, blocked: 1, failed: 0 },
    });
    expect(reportsOf(sent.number)).toHaveLength(1);
    expect(reportsOf(sent.number)[0]!.text).toContain(
      '<b>6</b> người đã nhận, 1 người đã chặn bot, 0 không gửi được (tổng 7)',
    );

    // Paced by the Zalo limiter: over the whole broadcast, one send per step on average (three
    // quarters of it, since a loaded machine shifts single arrivals both ways; without the
    // limiter the sends come milliseconds apart), and the 429 held the channel for a second
    // before the same person was tried again.
    const calls = zaloApi
      .callsOf('sendMessage')
      .filter((c) => c.params.text === text)
      .map((c) => ({ chat: c.params.chat_id, at: c.at.getTime(), ok: c.response?.ok }));
    const span = calls.at(-1)!.at - calls[0]!.at;
    expect(span).toBeGreaterThanOrEqual((calls.length - 1) * (1000 / ZALO_RATE) * 0.75);
    const [limited, retried] = calls.filter((call) => call.chat === '30002');
    expect([limited!.ok, retried!.ok]).toEqual([false, true]);
    expect(retried!.at - limited!.at).toBeGreaterThanOrEqual(900);
  });

  it('a run after the end sends nothing; the next broadcast skips the blocked identity', async () => {
    // Polls go on meanwhile: only sends count.
    const sends = () =>
      zaloApi.callsOf('sendMessage').length + telegramApi.callsOf('sendMessage').length;
    const before = { runs: jobRuns, sends: sends() };
    await scheduler.runNow(sendBroadcastJob.name, { broadcastId: firstId });
    await until(() => jobRuns > before.runs);
    expect(sends()).toBe(before.sends);

    const zaloCalls = zaloApi.callsOf('sendMessage').length;
    const next = await sendAndWait(everyone, 'Nhắc lịch họp tháng 12');
    expect(await core.services.broadcasts.byNumber(next.number)).toMatchObject({
      counts: { total: 7, sent: 6, blocked: 1, failed: 0 },
    });
    const toBlocked = zaloApi
      .callsOf('sendMessage')
      .slice(zaloCalls)
      .filter((c) => c.params.chat_id === '30009');
    expect(toBlocked).toEqual([]);
  });

  it('reaches Zalo from a worker-only process, through its send-only senders', async () => {
    // As `ROLE=worker` starts: no channel takes updates, the jobs still send on both.
    await zalo.stop();
    await telegram.stop();
    core.senders.telegram = createSendOnlyTelegramSender(TELEGRAM_TOKEN, telegramApi.apiRoot);
    core.senders.zalo = createSendOnlyZaloSender(core, {
      token: ZALO_TOKEN,
      apiRoot: zaloApi.apiRoot,
      ratePerSecond: ZALO_RATE,
    });
    const polls = zaloApi.callsOf('getUpdates').length;

    const text = 'Gửi từ tiến trình worker';
    const sent = await sendAndWait(everyone, text);
    expect(received(30_001, text)).toEqual({ telegram: 0, zalo: 1 });
    expect(received(30_103, text)).toEqual({ telegram: 0, zalo: 1 });
    expect(received(20_001, text)).toEqual({ telegram: 1, zalo: 0 });
    expect(await core.services.broadcasts.byNumber(sent.number)).toMatchObject({
      counts: { total: 7, sent: 6, blocked: 1, failed: 0 },
    });
    // A send-only sender never polls: the web process keeps the one poll (or webhook) Zalo allows.
    expect(zaloApi.callsOf('getUpdates').length).toBe(polls);
  });
});
