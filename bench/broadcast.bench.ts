import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { createTelegramChannel } from '../bots/telegram/telegram.channel.js';
import { sendBroadcastJob } from '../jobs/send-broadcast.job.js';
import type { Core } from '../src/app.js';
import { startFakeTelegramApi, type FakeTelegramApi } from '../test/fakes/telegram-api.js';
import { startTestCore } from '../test/support/core.js';
import { silentLogger } from '../test/support/database.js';
import { activeRecipients } from '../test/support/recipients.js';
import type { Benchmark } from './run.js';

/**
 * The pace a broadcast achieves against the configured limit: 300 recipients through the
 * product's sending job, to the fake Bot API on loopback, at the default limit (25 messages
 * a second overall, one a second per chat). Measured at the Bot API side, from the first
 * message to the last: (n - 1) / (last - first). Run twice: with an instant Bot API, and
 * with 150 ms per call, about what a bot hosted far from Telegram's servers sees.
 *
 * Run alone: `npx tsx bench/broadcast.bench.ts`; or with the others: `npm run bench`.
 */

const RECIPIENTS = 300;
const TOKEN = '123456:BENCH-TOKEN-broadcast-abcdefghij';

interface Setup {
  core: Core;
  fake: FakeTelegramApi;
  stop(): Promise<void>;
}

let next = 20_000;

async function setup(latencyMs: number): Promise<Setup> {
  const fake = await startFakeTelegramApi();
  if (latencyMs > 0) {
    let messageId = 0;
    fake.handle('sendMessage', async (params) => {
      await new Promise((resolve) => setTimeout(resolve, latencyMs));
      const chat = { id: Number(params.chat_id), type: 'private', first_name: 'CTV' };
      return {
        message_id: ++messageId,
        date: Math.floor(Date.now() / 1000),
        chat,
        text: params.text,
      };
    });
  }
  const core = await startTestCore();
  const channel = createTelegramChannel({
    core,
    token: TOKEN,
    apiRoot: fake.apiRoot,
    logger: silentLogger,
  });
  await channel.start();
  return {
    core,
    fake,
    async stop() {
      await channel.stop();
      await core.database.close();
      await fake.stop();
    },
  };
}

/** Sends one broadcast to 300 new recipients; returns the achieved rate and the job's time. */
async function measure({ core, fake }: Setup) {
  const chats = Array.from({ length: RECIPIENTS }, () => ++next);
  const people = await activeRecipients(core, chats);
  const { broadcast } = await core.services.broadcasts.create({
    draftKey: randomBytes(6).toString('hex'),
    author: { channel: 'web', userId: 'bench', chatId: 'bench', locale: 'vi' },
    text: 'Thông báo thử tốc độ',
    audience: { kind: 'codes', codes: people.map((person) => person.code) },
    sendAt: new Date(),
  });

  const started = performance.now();
  const result = await sendBroadcastJob.run(core, { broadcastId: broadcast.id }, silentLogger);
  const jobMs = performance.now() - started;

  const wanted = new Set(chats);
  const times = fake
    .callsOf('sendMessage')
    .filter((call) => call.response?.ok && wanted.has(Number(call.params.chat_id)))
    .map((call) => call.at.getTime())
    .sort((a, b) => a - b);
  const spanMs = times[times.length - 1]! - times[0]!;
  return { sent: Number(result.sent), perSecond: ((times.length - 1) / spanMs) * 1000, jobMs };
}

function benchmark(name: string, latencyMs: number): Benchmark {
  return {
    name,
    runs: 1,
    warmup: 0,
    async run() {
      const context = await setup(latencyMs);
      try {
        const { sent, perSecond, jobMs } = await measure(context);
        return { sent, per_minute: perSecond * 60, job_ms: jobMs };
      } finally {
        await context.stop();
      }
    },
  };
}

export const benchmarks: Benchmark[] = [
  benchmark(`broadcast to ${RECIPIENTS}, limit 25/s, instant Bot API`, 0),
  benchmark(`broadcast to ${RECIPIENTS}, limit 25/s, Bot API 150 ms per call`, 150),
];

async function main(): Promise<void> {
  for (const [name, latencyMs] of [
    ['instant Bot API', 0],
    ['Bot API answering in 150 ms', 150],
  ] as const) {
    const context = await setup(latencyMs);
    try {
      const { sent, perSecond, jobMs } = await measure(context);
      console.log(
        `${RECIPIENTS} recipients, ${name}: ${sent} sent, achieved ${perSecond.toFixed(2)} msg/s ` +
          `against a limit of 25/s (${((perSecond / 25) * 100).toFixed(1)}%), ` +
          `job ${(jobMs / 1000).toFixed(2)} s`,
      );
    } finally {
      await context.stop();
    }
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
