import type { Agenda } from 'agenda';
import type { BroadcastQueue } from '../src/services/broadcast.service.js';
import type { JobDefinition } from './scheduler.js';

/**
 * Sends one broadcast (`{ broadcastId }`). Any number of runs may overlap (a repeated job, a
 * second worker, a run after a crash): the broadcast service makes each person get it once.
 */
export const sendBroadcastJob: JobDefinition = {
  name: 'send-broadcast',
  async run(core, data, log) {
    const summary = await core.services.broadcasts.run(String(data.broadcastId ?? ''), { log });
    return { outcome: summary.outcome, ...summary.counts };
  },
};

/**
 * Every minute: queues broadcasts that are due but were never queued (composed on a web-only
 * instance, which has no job queue) and resumes those whose sender stopped without finishing.
 */
export const queueDueBroadcastsJob: JobDefinition = {
  name: 'queue-due-broadcasts',
  cron: '* * * * *',
  async run(core) {
    return { queued: await core.services.broadcasts.requeueDue() };
  },
};

/**
 * The broadcast queue on Agenda: one job per broadcast (unique on its id), so queueing the
 * same broadcast again moves its one job rather than adding another.
 */
export function agendaBroadcastQueue(agenda: Agenda): BroadcastQueue {
  return {
    async enqueue(broadcastId, at) {
      await agenda
        .create(sendBroadcastJob.name, { broadcastId })
        .unique({ 'data.broadcastId': broadcastId })
        .schedule(at)
        .save();
    },
  };
}
