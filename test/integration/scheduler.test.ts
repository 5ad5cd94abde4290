import type { Core } from '../../src/app.js';
import { createScheduler, type JobDefinition, type Scheduler } from '../../jobs/scheduler.js';
import { startTestCore } from '../support/core.js';

let core: Core;
let scheduler: Scheduler;
const runs: string[] = [];

const probe: JobDefinition = {
  name: 'probe',
  async run(_core, data) {
    runs.push(String(data.tag));
    return {};
  },
};

beforeAll(async () => {
  core = await startTestCore();
  const { purgeProcessedUpdatesJob } = await import('../../jobs/purge-processed-updates.job.js');
  scheduler = createScheduler({
    core,
    jobs: [probe, purgeProcessedUpdatesJob],
    processEvery: 100,
    lockLifetimeMs: 2_000,
  });
  await scheduler.start();
});

afterAll(async () => {
  await scheduler.stop();
  await core.database.close();
});

async function until(check: () => Promise<boolean> | boolean, ms = 8_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

it('runs a queued job with its data through Agenda on the test database', async () => {
  await scheduler.runNow('probe', { tag: 'first' });
  await until(() => runs.includes('first'));
  expect(scheduler.isRunning()).toBe(true);
});

it('purges processed-update keys older than 30 days and keeps recent ones', async () => {
  const old = new Date(Date.now() - 31 * 86_400_000);
  const recent = new Date(Date.now() - 86_400_000);
  await core.store.processedUpdates.markOnce('test:u:old', old);
  await core.store.processedUpdates.markOnce('test:u:recent', recent);

  await scheduler.runNow('purge-processed-updates');
  await until(
    async () =>
      (await core.store.models.processedUpdates.countDocuments({ key: 'test:u:old' })) === 0,
  );

  expect(await core.store.models.processedUpdates.countDocuments({ key: 'test:u:recent' })).toBe(1);
});

it('schedules the nightly purge as a recurring job in Vietnam time', async () => {
  const jobs = await core.database.connection
    .collection('agenda_jobs')
    .find({ name: 'purge-processed-updates', type: 'single' })
    .toArray();
  expect(jobs).toHaveLength(1);
  expect(jobs[0]).toMatchObject({
    repeatInterval: '15 3 * * *',
    repeatTimezone: 'Asia/Ho_Chi_Minh',
  });
});
