import { describeError } from '../src/conversation/engine.js';
import { MongoBackend } from '@agendajs/mongo-backend';
import { Agenda, type Job } from 'agenda';
import type { Core } from '../src/app.js';
import type { Logger } from '../src/logger.js';
import { EMULATOR_CLIENT_OPTIONS } from '../src/store/database.js';
import { approveCommissionsJob } from './approve-commissions.job.js';
import { closeMonthJob } from './close-month.job.js';
import { purgeProcessedUpdatesJob } from './purge-processed-updates.job.js';
import {
  agendaBroadcastQueue,
  queueDueBroadcastsJob,
  sendBroadcastJob,
} from './send-broadcast.job.js';
import { agendaStatementQueue, sendStatementsJob } from './send-statements.job.js';

/** A job: a name, when it recurs, and a handler that loads data and calls a service. */
export interface JobDefinition {
  name: string;
  /** Cron expression in Asia/Ho_Chi_Minh, or undefined for jobs only run on demand. */
  cron?: string;
  run(core: Core, data: Record<string, unknown>, log: Logger): Promise<Record<string, unknown>>;
}

export const JOBS: JobDefinition[] = [
  purgeProcessedUpdatesJob,
  approveCommissionsJob,
  closeMonthJob,
  sendBroadcastJob,
  queueDueBroadcastsJob,
  sendStatementsJob,
];

export interface SchedulerOptions {
  core: Core;
  jobs?: JobDefinition[];
  /** How often idle workers look for due jobs. */
  processEvery?: string | number;
  /** How long a job's lock lasts before another worker may take it over. */
  lockLifetimeMs?: number;
}

/**
 * Agenda on the product's database. Every worker process runs one; Agenda's locks in
 * MongoDB make sure a due job runs on one worker only. Each run logs its duration.
 */
export function createScheduler({
  core,
  jobs = JOBS,
  processEvery = '10 seconds',
  lockLifetimeMs = 10 * 60_000,
}: SchedulerOptions) {
  const agenda = new Agenda({
    backend: new MongoBackend({
      address: core.database.uri,
      collection: 'agenda_jobs',
      options: core.database.kind === 'emulator' ? EMULATOR_CLIENT_OPTIONS : undefined,
    }),
    processEvery,
    defaultLockLifetime: lockLifetimeMs,
    name: `worker-${process.pid}`,
  });
  let running = false;

  for (const job of jobs) {
    agenda.define(job.name, async (agendaJob: Job<Record<string, unknown>>) => {
      const log = core.logger.child({ job: job.name, jobId: String(agendaJob.attrs._id) });
      const started = Date.now();
      try {
        const result = await job.run(core, agendaJob.attrs.data ?? {}, log);
        log.info({ ms: Date.now() - started, ...result }, 'job finished');
      } catch (error) {
        log.error({ ms: Date.now() - started, error: describeError(error) }, 'job failed');
        throw error;
      }
    });
  }

  return {
    agenda,
    isRunning: () => running,

    async start(): Promise<void> {
      await agenda.start();
      // Broadcasts composed in this process are queued here, to run at their time.
      core.services.broadcasts.attachQueue(agendaBroadcastQueue(agenda));
      // Month closes made in this process queue the sending of their statements.
      core.services.statements.attachQueue(agendaStatementQueue(agenda));
      for (const job of jobs) {
        if (job.cron)
          // Agenda also runs each recurring job once when it is registered. That is kept on
          // purpose as a catch-up: every job is idempotent, and a month close missed while the
          // server was down on the 1st then still happens (skipImmediate would skip it a month).
          await agenda.every(job.cron, job.name, undefined, { timezone: 'Asia/Ho_Chi_Minh' });
      }
      running = true;
    },

    /** Runs a job now (through Agenda, so the lock rules apply) and returns once queued. */
    async runNow(name: string, data: Record<string, unknown> = {}) {
      return agenda.now(name, data);
    },

    async stop(): Promise<void> {
      running = false;
      await agenda.stop(true);
    },
  };
}

export type Scheduler = ReturnType<typeof createScheduler>;
