import type { Audience } from '../domain/audience.js';
import { formatDuration } from '../domain/send-time.js';
import type { Logger } from '../logger.js';
import { createAudienceRepository } from '../store/audience.repository.js';
import {
  type Broadcast,
  type BroadcastAuthor,
  type BroadcastCounts,
  createBroadcastRepository,
} from '../store/broadcast.repository.js';
import type { NewDelivery } from '../store/delivery.repository.js';
import type { Store } from '../store/repositories.js';
import { broadcastContent } from './broadcast-content.js';
import type { DeliveryService } from './delivery.service.js';
import type { IncomingFile, TrainingService } from './training.service.js';

export type { Broadcast, BroadcastCounts } from '../store/broadcast.repository.js';

/** Puts a broadcast's sending job on the job queue, to run at `at` (Agenda, in production). */
export interface BroadcastQueue {
  enqueue(broadcastId: string, at: Date): Promise<void>;
}

/** What the admin composed in chat. */
export interface BroadcastDraft {
  /** One per chat draft: confirming it twice creates one broadcast. */
  draftKey: string;
  author: BroadcastAuthor;
  text: string;
  audience: Audience;
  sendAt: Date;
  file?: IncomingFile;
  materialNumber?: number;
}

/** `too-late`: it started (or ended) before the cancel came. */
export type CancelResult =
  | { outcome: 'cancelled'; broadcast: Broadcast }
  | { outcome: 'not-found' }
  | { outcome: 'too-late'; broadcast: Broadcast };

/** What one run of the sending job did. */
export interface RunSummary {
  outcome: 'done' | 'stopped' | 'not-due' | 'cancelled' | 'missing' | 'finished-elsewhere';
  counts?: BroadcastCounts;
}

/** Options of one {@link BroadcastService.run}. */
export interface RunOptions {
  /** Stops claiming new deliveries; the next run goes on from there. */
  signal?: AbortSignal;
  log?: Logger;
}

interface Deps {
  store: Store;
  deliveries: DeliveryService;
  training: TrainingService;
  /** How often the author hears how far a long broadcast has got (default 30 s). */
  progressEveryMs?: number;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
}

/** Audience pages listed as delivery records per write. */
const LIST_PAGE = 500;

/**
 * Broadcasts: created from a chat draft, sent by a job that any number of workers may run at
 * once (see `run`), reported to their author. Sending itself is the delivery service's.
 */
export function createBroadcastService(deps: Deps) {
  const repo = createBroadcastRepository(deps.store.connection);
  const audiences = createAudienceRepository(deps.store.connection);
  const now = deps.now ?? (() => new Date());
  const sleep = deps.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  const progressEveryMs = deps.progressEveryMs ?? 30_000;
  let queue: BroadcastQueue | undefined;

  const toAuthor = (broadcast: Broadcast, key: string, text: (t: TFn) => string) =>
    deps.deliveries.toChat(broadcast.author, (i18n) => ({ text: text(i18n.t) }), key);

  /** Creates a delivery record for each recipient; those blocked everywhere start as blocked. */
  async function list(broadcast: Broadcast): Promise<number> {
    let total = 0;
    for await (const page of audiences.recipients(broadcast.audience, LIST_PAGE)) {
      const items: NewDelivery[] = page.map((recipient) => {
        const identity = deps.deliveries.identityOf(recipient);
        const key = `broadcast:${broadcast.id}:${recipient.id}`;
        const common = { key, broadcastId: broadcast.id, collaboratorId: recipient.id };
        return identity
          ? {
              ...common,
              channel: identity.channel,
              chatId: identity.chatId,
              locale: recipient.locale,
            }
          : {
              ...common,
              channel: recipient.identities[0]?.channel ?? 'telegram',
              chatId: '-',
              locale: recipient.locale,
              state: 'blocked',
              reason: 'blocked on every channel',
            };
      });
      await deps.deliveries.ensureMany(items, now());
      total += items.length;
    }
    return total;
  }

  async function liveCounts(broadcast: Broadcast): Promise<BroadcastCounts & { open: number }> {
    const counts = await deps.deliveries.counts(broadcast.id);
    const open = counts.pending + counts.sending;
    const total = open + counts.sent + counts.blocked + counts.failed;
    return { total, sent: counts.sent, blocked: counts.blocked, failed: counts.failed, open };
  }

  async function report(broadcast: Broadcast, counts: BroadcastCounts): Promise<void> {
    const reasons = await deps.deliveries.failureReasons(broadcast.id);
    const tookMs =
      (broadcast.finishedAt ?? now()).getTime() - (broadcast.startedAt ?? now()).getTime();
    await toAuthor(broadcast, `broadcast:${broadcast.id}:report`, (t) =>
      [
        t('broadcast-report', {
          number: broadcast.number,
          ...counts,
          took: formatDuration(tookMs, broadcast.author.locale),
        }),
        ...reasons.map((item) => t('broadcast-report-reason', { ...item })),
      ].join('\n'),
    );
  }

  return {
    countAudience: (audience: Audience) => audiences.countAudience(audience),
    byNumber: (number: number) => repo.byNumber(number),
    recent: (limit = 10) => repo.recent(limit),
    liveCounts,

    /** Lets this service put sending jobs on the queue (the scheduler calls it at start). */
    attachQueue(attached: BroadcastQueue) {
      queue = attached;
    },

    /**
     * Stores a composed broadcast (its file kept in the database) and queues its sending at
     * `sendAt`. Without a queue in this process (a web-only instance), a worker's
     * `queue-due-broadcasts` job finds it within a minute.
     */
    async create(draft: BroadcastDraft): Promise<{ broadcast: Broadcast; created: boolean }> {
      // A repeated confirmation must not download and store the file a second time.
      const existing = await repo.byDraftKey(draft.draftKey);
      if (existing) return { broadcast: existing, created: false };
      const material = draft.materialNumber
        ? await deps.training.byNumber(draft.materialNumber)
        : undefined;
      const file = draft.file ? await deps.training.storeFile(draft.file) : undefined;
      const { reachable } = await audiences.countAudience(draft.audience);
      const result = await repo.insertOnce({
        number: await deps.store.counters.next('broadcast'),
        draftKey: draft.draftKey,
        author: draft.author,
        text: draft.text,
        file,
        materialId: material?.id,
        audience: draft.audience,
        audienceSize: reachable,
        sendAt: draft.sendAt,
      });
      if (result.created) await queue?.enqueue(result.broadcast.id, draft.sendAt);
      return result;
    },

    /** Cancels a broadcast that has not started. */
    async cancel(number: number, actor: string): Promise<CancelResult> {
      const broadcast = await repo.byNumber(number);
      if (!broadcast) return { outcome: 'not-found' };
      const cancelled = await repo.cancel(broadcast.id, actor, now());
      if (cancelled) return { outcome: 'cancelled', broadcast: cancelled };
      return { outcome: 'too-late', broadcast: (await repo.byNumber(number)) ?? broadcast };
    },

    /** Queues again what is due and not started, or started and no longer beating. */
    async requeueDue(): Promise<number> {
      const stale = new Date(now().getTime() - deps.deliveries.staleLeaseMs);
      const due = await repo.due(now(), stale);
      for (const broadcast of due) await queue?.enqueue(broadcast.id, now());
      return queue ? due.length : 0;
    },

    /**
     * Sends a broadcast. Safe to run twice at once, on two workers, or again after a crash:
     * the first run to start it tells the author; delivery records are upserts; each delivery
     * is claimed by one run; whichever run sees the last one close reports, once.
     */
    async run(broadcastId: string, options: RunOptions = {}): Promise<RunSummary> {
      let broadcast = await repo.byId(broadcastId);
      if (!broadcast) return { outcome: 'missing' };
      if (broadcast.state === 'cancelled') return { outcome: 'cancelled' };
      if (broadcast.state === 'done') return { outcome: 'finished-elsewhere' };
      if (broadcast.state === 'scheduled') {
        if (broadcast.sendAt.getTime() > now().getTime()) return { outcome: 'not-due' };
        const started = await repo.start(broadcast.id, now());
        // "Send now" was already answered with "being sent": a start notice only helps when
        // the broadcast was scheduled for later.
        const scheduled =
          started && started.sendAt.getTime() - started.createdAt.getTime() > 60_000;
        if (started && scheduled) {
          await toAuthor(started, `broadcast:${started.id}:started`, (t) =>
            t('broadcast-started', { number: started.number, count: started.audienceSize }),
          );
        }
        broadcast = started ?? (await repo.byId(broadcastId))!;
        if (broadcast.state !== 'sending') return { outcome: 'cancelled' };
      }

      const current = broadcast;
      if (!current.listedAt) await repo.markListed(current.id, now(), await list(current));
      const content = await broadcastContent(current, {
        training: deps.training,
        rememberBroadcastRef: (channel, ref) => repo.setFileRef(broadcastId, channel, ref),
      });

      let lastBeat = Date.now();
      const onDelivered = async () => {
        if (Date.now() - lastBeat < Math.min(progressEveryMs, 10_000)) return;
        lastBeat = Date.now();
        await repo.heartbeat(broadcastId, now());
        const elapsed = now().getTime() - (current.startedAt ?? now()).getTime();
        const step = Math.floor(elapsed / progressEveryMs);
        if (step < 1) return;
        const counts = await liveCounts(current);
        await toAuthor(current, `broadcast:${broadcastId}:progress:${step}`, (t) =>
          t('broadcast-progress', {
            number: current.number,
            done: counts.total - counts.open,
            ...counts,
          }),
        );
      };

      for (;;) {
        await deps.deliveries.drain(broadcastId, content, { signal: options.signal, onDelivered });
        if (options.signal?.aborted) return { outcome: 'stopped' };
        const counts = await liveCounts(current);
        if (counts.open === 0) break;
        // Another worker holds the rest: wait for it to finish them, or for its leases to go
        // stale (it died), when the next drain takes them over.
        await repo.heartbeat(broadcastId, now());
        await sleep(1_000);
      }

      const { total, sent, blocked, failed } = await liveCounts(current);
      const counts = { total, sent, blocked, failed };
      const finished = await repo.finish(broadcastId, now(), counts);
      if (!finished) return { outcome: 'finished-elsewhere', counts };
      options.log?.info({ broadcast: finished.number, ...counts }, 'broadcast finished');
      await report(finished, counts);
      return { outcome: 'done', counts };
    },
  };
}

type TFn = (key: string, args?: Record<string, string | number>) => string;

export type BroadcastService = ReturnType<typeof createBroadcastService>;
