import { closeMonthJob } from '../../jobs/close-month.job.js';
import { createScheduler, type Scheduler } from '../../jobs/scheduler.js';
import { sendStatementsJob } from '../../jobs/send-statements.job.js';
import type { Core } from '../../src/app.js';
import { statementCommand, statementSendCommand } from '../../src/cli/statement.command.js';
import { SendError } from '../../src/conversation/send-error.js';
import type { ChannelSender } from '../../src/conversation/types.js';
import type { Collaborator } from '../../src/domain/collaborator.js';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LEDGER_PRODUCTS } from '../fixtures/ledger-orders.js';
import { scriptOctober } from '../fixtures/statement-october.js';
import { startTestCore } from '../support/core.js';
import { seedProducts } from '../support/orders.js';
import { activeCollaborator } from '../support/register.js';
import { Types } from 'mongoose';
import { statementDeliveryKey } from '../../src/services/statement.service.js';

let core: Core;
let scheduler: Scheduler;
let huong: Collaborator;
let minh: Collaborator;

beforeAll(async () => {
  core = await startTestCore();
  await seedProducts(core, LEDGER_PRODUCTS);
  huong = await activeCollaborator(core, 'huong', { phone: '0905 000 001' });
  minh = await activeCollaborator(core, 'minh', { phone: '0905 000 002' });
  await scriptOctober(core, huong, minh);
  scheduler = createScheduler({
    core,
    // No cron: at start Agenda would run them at once, for the real clock's last month.
    jobs: [closeMonthJob, sendStatementsJob].map((job) => ({ ...job, cron: undefined })),
    processEvery: 100,
    lockLifetimeMs: 2_000,
  });
  await scheduler.start();
}, 60_000);

afterAll(async () => {
  await scheduler.stop();
  await core.database.close();
});

async function until(check: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The statement files a web user received, by name. */
async function statementsTo(userId: string): Promise<string[]> {
  const messages = await core.store.playground.since(userId, 0);
  return messages.flatMap(({ reply }) => {
    const file = (reply as { file?: { name: string } }).file;
    return file ? [file.name] : [];
  });
}

const reportsTo = async (userId: string) =>
  (await core.store.playground.since(userId, 0))
    .map(({ reply }) => (reply as { text: string }).text)
    .filter((text) => text.startsWith('📄 Gửi bảng kê'));

const finishedRuns = async (name: string) =>
  core.database.connection
    .collection('agenda_jobs')
    .countDocuments({ name, lastFinishedAt: { $gt: new Date(0) } });

describe('the monthly sending', () => {
  it('is queued by the month close, and sends everyone with activity their statement', async () => {
    await scheduler.runNow('close-month', { period: '2026-10' });
    await until(async () => (await finishedRuns('send-statements')) === 1);
    expect(await finishedRuns('close-month')).toBe(1);

    expect(await statementsTo('huong')).toEqual([`sao-ke-${huong.code}-2026-10.pdf`]);
    expect(await statementsTo('minh')).toEqual([`sao-ke-${minh.code}-2026-10.pdf`]);
    expect(await reportsTo('admin')).toEqual([
      '📄 Gửi bảng kê tháng 10/2026: 2 CTV có phát sinh · đã gửi 2 · gửi từ trước 0 · ' +
        'lỗi 0 · không liên lạc được 0.',
    ]);
  });

  it('run twice (by the job, then by hand) sends each statement once', async () => {
    await scheduler.runNow('send-statements', { period: '2026-10' });
    await until(async () => (await finishedRuns('send-statements')) === 2);
    const again = await core.services.statements.sendAll('2026-10');

    expect(again).toMatchObject({ counts: { sent: 0, alreadySent: 2, failed: 0 } });
    expect(await statementsTo('huong')).toHaveLength(1);
    expect(await statementsTo('minh')).toHaveLength(1);
    expect((await reportsTo('admin')).at(-1)).toContain('đã gửi 0 · gửi từ trước 2');
  });

  it('a closing that is not the first queues nothing; an open month is never sent', async () => {
    const runs = await finishedRuns('send-statements');
    await core.services.monthClose.close('2026-10', 'test', new Date('2026-11-02T00:00:00Z'));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await finishedRuns('send-statements')).toBe(runs);
    expect(await core.services.statements.sendAll('2026-11')).toEqual({
      outcome: 'not-closed',
      period: '2026-11',
    });
  });
});

describe('a run that does not reach everyone', () => {
  it('leaves the one it failed to the next run, which sends only that one', async () => {
    await scheduler.stop();
    // From here on, closes queue nothing: the runs below are started by hand.
    core.services.statements.attachQueue({ enqueue: async () => undefined });
    await core.services.ledger.daily(new Date('2026-11-04T17:10:00Z'));
    await core.services.ledger.adjust({
      code: minh.code,
      amount: 250_000,
      reason: 'Thưởng thi đua tháng 11',
      actor: 'web:admin',
      at: new Date('2026-11-15T03:00:00Z'),
      id: 'contest-11',
    });
    await core.services.monthClose.close('2026-11', 'test', new Date('2026-11-30T17:30:00Z'));

    const web = core.senders.web!;
    let refusals = 1;
    const flaky: ChannelSender = {
      async send(chatId, reply) {
        if (chatId === 'minh' && refusals-- > 0) throw new SendError('rejected', 'test refusal');
        await web.send(chatId, reply);
      },
    };
    core.senders.web = flaky;
    try {
      const first = await core.services.statements.sendAll('2026-11');
      expect(first).toMatchObject({ counts: { collaborators: 2, sent: 1, failed: 1 } });
      // The daily check sees a run that finished, so it leaves the rest to an admin.
      const check = await core.services.statements.catchUp(new Date('2026-12-02T19:00:00Z'));
      expect(check).toEqual({ outcome: 'done-before', period: '2026-11' });

      const second = await core.services.statements.sendAll('2026-11');
      expect(second).toMatchObject({ counts: { sent: 1, alreadySent: 1, failed: 0 } });
    } finally {
      core.senders.web = web;
    }
    expect((await statementsTo('huong')).filter((name) => name.includes('2026-11'))).toHaveLength(
      1,
    );
    expect((await statementsTo('minh')).filter((name) => name.includes('2026-11'))).toHaveLength(1);
  });

  it('is resumed by the daily check when it never finished', async () => {
    await core.database.connection
      .collection('statement_runs')
      .updateOne(
        { period: '2026-11' },
        { $unset: { finishedAt: 1 }, $set: { startedAt: new Date('2026-12-01T00:00:00Z') } },
      );
    const check = await core.services.statements.catchUp(new Date('2026-12-02T19:00:00Z'));
    expect(check).toMatchObject({ outcome: 'sent', counts: { sent: 0, alreadySent: 2 } });
  });
});

describe('a worker that dies while sending', () => {
  it('leaves the run open; once its lease is stale the daily check sends that statement', async () => {
    await core.services.ledger.adjust({
      code: huong.code,
      amount: 300_000,
      reason: 'Thưởng Tết',
      actor: 'web:admin',
      at: new Date('2026-12-10T03:00:00Z'),
      id: 'tet',
    });
    await core.services.monthClose.close('2026-12', 'test', new Date('2026-12-31T17:30:00Z'));
    // Another worker claimed Hương's December statement just now, and died before the answer.
    const deliveries = core.database.connection.collection('deliveries');
    const key = statementDeliveryKey('2026-12', huong.code);
    await deliveries.insertOne({
      key,
      collaboratorId: new Types.ObjectId(huong.id),
      channel: 'web',
      chatId: 'huong',
      locale: 'vi',
      state: 'sending',
      attempts: 1,
      lease: { owner: 'dead-worker', at: new Date() },
    });
    const january = new Date('2027-01-01T19:00:00Z');

    const first = await core.services.statements.sendAll('2026-12', { now: january });
    expect(first).toMatchObject({ counts: { collaborators: 1, sent: 0, inProgress: 1 } });
    const run = await core.database.connection
      .collection('statement_runs')
      .findOne({ period: '2026-12' });
    expect(run?.finishedAt).toBeUndefined();
    expect(await statementsTo('huong')).not.toContain(`sao-ke-${huong.code}-2026-12.pdf`);

    // Five minutes later the lease is stale; the next day's check takes the statement over.
    await deliveries.updateOne({ key }, { $set: { 'lease.at': new Date(Date.now() - 600_000) } });
    const check = await core.services.statements.catchUp(new Date('2027-01-02T19:00:00Z'));
    expect(check).toMatchObject({ outcome: 'sent', counts: { sent: 1, inProgress: 0 } });
    const december = (await statementsTo('huong')).filter((name) => name.includes('2026-12'));
    expect(december).toEqual([`sao-ke-${huong.code}-2026-12.pdf`]);
  });
});

describe('the command line', () => {
  it('writes a statement to a file, and refuses what it cannot do', async () => {
    const lines: string[] = [];
    const out = (line: string) => lines.push(line);
    const dir = await mkdtemp(path.join(tmpdir(), 'ctv-statement-'));
    const file = path.join(dir, 'oct.pdf');

    expect(await statementCommand.run(core, [huong.code, '2026-10', '--out', file], out)).toBe(0);
    expect(lines[0]).toMatch(new RegExp(`^Wrote .*oct\\.pdf: BK-${huong.code}-2026-10 version 1`));
    expect((await readFile(file)).subarray(0, 5).toString()).toBe('%PDF-');

    expect(await statementCommand.run(core, ['CTV9999', '2026-10'], out)).toBe(2);
    expect(await statementCommand.run(core, [huong.code, 'October'], out)).toBe(2);
    expect(await statementCommand.run(core, [huong.code, '2026-09'], out)).toBe(2);
    expect(lines.at(-1)).toBe('No statement: 2026-09 has no activity for them.');
  });

  it('queues the sending by hand for a closed month only', async () => {
    const lines: string[] = [];
    const out = (line: string) => lines.push(line);
    expect(await statementSendCommand.run(core, ['2027-02'], out)).toBe(2);
    expect(lines).toEqual(['2027-02 is not closed: close it first (close-month 2027-02).']);
    const before = new Date();
    expect(await statementSendCommand.run(core, ['2026-10'], out)).toBe(0);
    const queued = await core.database.connection.collection('agenda_jobs').countDocuments({
      name: 'send-statements',
      'data.period': '2026-10',
      nextRunAt: { $gte: before },
    });
    expect(queued).toBe(1);
  });
});
