import { sendBroadcastJob } from '../../jobs/send-broadcast.job.js';
import { createScheduler, type Scheduler } from '../../jobs/scheduler.js';
import type { Core } from '../../src/app.js';
import {
  createTelegramChannel,
  type TelegramChannel,
} from '../../bots/telegram/telegram.channel.js';
import { startFakeTelegramApi, type FakeTelegramApi } from '../fakes/telegram-api.js';
import { startTestCore } from '../support/core.js';
import { silentLogger } from '../support/database.js';
import { activeRecipients, until } from '../support/recipients.js';

const TOKEN = '123456:TEST-TOKEN-broadcast-job-abcdefgh';
const ADMIN = 9502;
const TEXT = 'Thi đua tháng 12: thưởng thêm 1%!';

let fake: FakeTelegramApi;
let core: Core;
let channel: TelegramChannel;
let scheduler: Scheduler;

beforeAll(async () => {
  fake = await startFakeTelegramApi();
  // The product's default pace: 25 messages a second, one a second per chat.
  core = await startTestCore({ ADMIN_TELEGRAM_IDS: String(ADMIN) });
  channel = createTelegramChannel({
    core,
    token: TOKEN,
    apiRoot: fake.apiRoot,
    logger: silentLogger,
  });
  await channel.start();
  scheduler = createScheduler({ core, jobs: [sendBroadcastJob], processEvery: 100 });
  await scheduler.start();
});

afterAll(async () => {
  await scheduler.stop();
  await channel.stop();
  await core.database.close();
  await fake.stop();
});

it('50 recipients, the 31st call answers 429 retry_after 2: all get it once, nobody fails', async () => {
  const chats = Array.from({ length: 50 }, (_, i) => 10_001 + i);
  const people = await activeRecipients(core, chats);
  let calls = 0;
  fake.failNext(
    'sendMessage',
    {
      error_code: 429,
      description: 'Too Many Requests: retry after 2',
      parameters: { retry_after: 2 },
    },
    1,
    () => ++calls === 31,
  );

  // Composed while the scheduler runs: the Agenda job sends it.
  const { broadcast } = await core.services.broadcasts.create({
    draftKey: 'forty-nine-and-one',
    author: { channel: 'telegram', userId: String(ADMIN), chatId: String(ADMIN), locale: 'vi' },
    text: TEXT,
    audience: { kind: 'codes', codes: people.map((person) => person.code) },
    sendAt: new Date(),
  });
  const report = () =>
    fake
      .sentTo(ADMIN)
      .filter((item) => item.text?.startsWith(`✅ Thông báo #${broadcast.number} `));
  await until(() => report().length > 0);

  const received = chats.map((id) => fake.sentTo(id).filter((item) => item.text === TEXT).length);
  expect(received).toEqual(chats.map(() => 1));
  const done = await core.services.broadcasts.byNumber(broadcast.number);
  expect(done).toMatchObject({
    state: 'done',
    counts: { total: 50, sent: 50, blocked: 0, failed: 0 },
  });
  expect(report()).toHaveLength(1);
  expect(report()[0]!.text).toContain(
    '<b>50</b> người đã nhận, 0 người đã chặn bot, 0 không gửi được',
  );

  // The 429 reached the delivery service (auto-retry did not swallow it): the whole channel
  // paused for retry_after, then the same person was sent to again.
  const limited = fake.calls.find((call) => call.response?.ok === false)!;
  expect(limited.response).toMatchObject({ error_code: 429 });
  const chat = Number(limited.params.chat_id);
  expect(chats).toContain(chat);
  const next = fake
    .callsOf('sendMessage')
    .find((call) => call.at > limited.at && chats.includes(Number(call.params.chat_id)))!;
  expect(next.at.getTime() - limited.at.getTime()).toBeGreaterThanOrEqual(1_900);
  expect(fake.sentTo(chat).filter((item) => item.text === TEXT)).toHaveLength(1);
});
