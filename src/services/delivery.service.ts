import type { Channel } from '../domain/channel.js';
import type { Identity, Locale } from '../domain/collaborator.js';
import { createRateLimiter, type RateLimit, type RateLimiter } from '../domain/rate-limiter.js';
import type { ChannelSender, Reply } from '../conversation/types.js';
import type { Catalogue, Translator } from '../i18n/i18n.js';
import type { Logger } from '../logger.js';
import { createAudienceRepository } from '../store/audience.repository.js';
import { createDeliveryRepository, type Delivery } from '../store/delivery.repository.js';
import type { Store } from '../store/repositories.js';
import { attemptDelivery, type AttemptOptions } from './delivery-attempt.js';
import type { MessageBuilder } from './notifier.js';

/**
 * What one delivery came to. `duplicate`: this key was sent before (or another worker is
 * sending it right now); `unreachable`: the person has no channel that is not blocked.
 */
export type DeliveryResult =
  | { outcome: 'sent' }
  | { outcome: 'duplicate' }
  | { outcome: 'unreachable' }
  | { outcome: 'blocked' | 'failed'; reason: string };

/** Anyone a delivery can go to: a collaborator, or the part of one a broadcast loads. */
export interface Addressee {
  id: string;
  locale: Locale;
  identities: Identity[];
  lastChannel?: Channel;
}

/**
 * What a broadcast sends, built for each recipient's channel and language. A file goes up
 * once per channel: while `uploads(channel)` is true, deliveries on that channel go one at a
 * time, and `remember` keeps the channel's reference for the next recipient.
 */
export interface DeliveryContent {
  build(channel: Channel, i18n: Translator): Promise<Reply> | Reply;
  uploads?(channel: Channel): boolean;
  /** Called after each send; `fileRef` is set when the channel uploaded a file. */
  remember?(channel: Channel, fileRef: string | undefined): Promise<void>;
}

/** What the delivery service is built from; the optional parts are for tests and tuning. */
export interface DeliveryDeps {
  store: Store;
  senders: Partial<Record<Channel, ChannelSender>>;
  catalogue: Catalogue;
  /** Pace per channel; channels not named here are not paced (the web playground). */
  rateLimits: Partial<Record<Channel, RateLimit>>;
  logger: Logger;
  /** Who holds the leases this process takes; unique per process. */
  owner?: string;
  /** A lease older than this is taken to belong to a dead worker (default five minutes). */
  staleLeaseMs?: number;
  /** Deliveries one broadcast run sends at the same time (default 8). */
  concurrency?: number;
  attempt?: Partial<AttemptOptions>;
}

/** Options of one {@link DeliveryService.drain}. */
export interface DrainOptions {
  /** Stops claiming new deliveries (those in flight finish): a shutdown, or a test. */
  signal?: AbortSignal;
  /** Called after each delivery closes. */
  onDelivered?(delivery: Delivery, result: DeliveryResult): Promise<void> | void;
}

/**
 * The one sending path for everything that is not an answer: broadcasts and the job notices
 * (statements, payouts). Every message is a keyed delivery record, claimed by one worker
 * at a time, paced per channel, retried by the rules in `delivery-attempt.ts`.
 *
 * Trade-off, chosen: AT-LEAST-ONCE. A worker that dies after Telegram accepted a message but
 * before the record says `sent` leaves a `sending` lease; once stale it is sent again, so that
 * person may get it twice. The window is one API call wide; the alternative (at-most-once:
 * give stale leases up as failed) would silently miss people, which costs the business more.
 */
export function createDeliveryService(deps: DeliveryDeps) {
  const repo = createDeliveryRepository(deps.store.connection);
  const collaborators = createAudienceRepository(deps.store.connection);
  const owner = deps.owner ?? `${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const staleLeaseMs = deps.staleLeaseMs ?? 5 * 60_000;
  const concurrency = deps.concurrency ?? 8;
  const limiters = new Map<Channel, RateLimiter>();
  const gates = new Map<Channel, Promise<unknown>>();
  let leases = 0;
  // Each drain and each keyed send holds its leases under a name of its own, so that two
  // runs in one process can tell their leases apart too.
  const leaseOwner = () => `${owner}/${++leases}`;

  // TODO(#6): the pace is per process: two workers sending at once reach twice the limit
  // (a 429 then slows both). A limiter shared through MongoDB would hold the line exactly.
  function limiterFor(channel: Channel): RateLimiter | undefined {
    const limit = deps.rateLimits[channel];
    if (!limit) return undefined;
    let limiter = limiters.get(channel);
    if (!limiter) limiters.set(channel, (limiter = createRateLimiter(limit, Date.now)));
    return limiter;
  }

  const staleBefore = () => new Date(Date.now() - staleLeaseMs);

  /** Sends a claimed delivery and closes its record; marks a blocked identity. */
  async function complete(
    delivery: Delivery,
    content: DeliveryContent,
    lease: string,
  ): Promise<DeliveryResult> {
    const i18n = deps.catalogue.translator(delivery.locale);
    const result = await attemptDelivery(delivery, {
      sender: deps.senders[delivery.channel],
      limiter: limiterFor(delivery.channel),
      build: () => content.build(delivery.channel, i18n),
      renew: () => repo.renew(delivery.id, lease, new Date()),
      ...deps.attempt,
    });
    if (result.outcome === 'lost') return { outcome: 'duplicate' };

    // Closed before anything else is written, so a later failure cannot make it be sent again.
    const closed = await repo.finish(delivery.id, lease, result.outcome, new Date(), result.reason);
    if (result.outcome === 'sent') await content.remember?.(delivery.channel, result.fileRef);
    if (!closed) return { outcome: 'duplicate' };
    if (result.outcome === 'blocked' && delivery.collaboratorId) {
      await collaborators.markBlocked(delivery.collaboratorId, delivery.channel, delivery.chatId);
    }
    const log = deps.logger.child({ delivery: delivery.key, channel: delivery.channel });
    if (result.outcome !== 'sent') log.info({ outcome: result.outcome, reason: result.reason });
    return result.outcome === 'sent'
      ? { outcome: 'sent' }
      : { outcome: result.outcome, reason: result.reason ?? '?' };
  }

  /** Runs `task` alone on `channel` while the content would upload a file there. */
  async function gated<T>(channel: Channel, content: DeliveryContent, task: () => Promise<T>) {
    while (content.uploads?.(channel)) {
      const busy = gates.get(channel);
      if (!busy) {
        const run = task();
        gates.set(channel, run);
        return run.finally(() => gates.delete(channel));
      }
      await busy.catch(() => undefined);
    }
    return task();
  }

  async function keyed(
    key: string,
    target: { collaboratorId?: string; channel: Channel; chatId: string; locale: Locale },
    content: DeliveryContent,
  ): Promise<DeliveryResult> {
    await repo.ensureOne({ key, ...target }, new Date());
    const lease = leaseOwner();
    const claimed = await repo.claim({ key }, lease, new Date(), staleBefore(), true);
    if (!claimed) {
      const current = await repo.byKey(key);
      return current?.state === 'blocked'
        ? { outcome: 'blocked', reason: current.reason ?? 'blocked' }
        : { outcome: 'duplicate' };
    }
    return gated(claimed.channel, content, () => complete(claimed, content, lease));
  }

  return {
    /**
     * Sends `message` to a collaborator once per `key`, on their preferred channel that is
     * not blocked, paced like broadcasts. Never throws for a channel's refusal: the result
     * says what happened. Calling again with the same key after `sent` sends nothing;
     * after `failed` it tries again. Keys are global: start them with your feature's name.
     */
    async send(
      collaborator: Addressee,
      message: Reply | MessageBuilder,
      key: string,
    ): Promise<DeliveryResult> {
      const identity = reachableIdentity(collaborator, deps.senders);
      if (!identity) return { outcome: 'unreachable' };
      const target = { collaboratorId: collaborator.id, locale: collaborator.locale };
      return keyed(
        key,
        { ...target, channel: identity.channel, chatId: identity.chatId },
        {
          build: (_channel, i18n) => (typeof message === 'function' ? message(i18n) : message),
        },
      );
    },

    /** Like `send`, to a chat that is not a collaborator's (an admin, a broadcast's author). */
    toChat: (
      address: { channel: Channel; chatId: string; locale: Locale },
      message: Reply | MessageBuilder,
      key: string,
    ) =>
      keyed(key, address, {
        build: (_channel, i18n) => (typeof message === 'function' ? message(i18n) : message),
      }),

    /**
     * Sends every open delivery of a broadcast, `concurrency` at a time, until none can be
     * claimed. Deliveries held by another live worker are left to it.
     */
    async drain(broadcastId: string, content: DeliveryContent, options: DrainOptions = {}) {
      const lease = leaseOwner();
      const worker = async () => {
        while (!options.signal?.aborted) {
          const delivery = await repo.claim({ broadcastId }, lease, new Date(), staleBefore());
          if (!delivery) return;
          const send = () => complete(delivery, content, lease);
          const result = await gated(delivery.channel, content, send);
          await options.onDelivered?.(delivery, result);
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
    },

    /** The identity a delivery to `addressee` would use (see {@link reachableIdentity}). */
    identityOf: (addressee: Addressee) => reachableIdentity(addressee, deps.senders),
    /** Creates deliveries that do not exist yet (see `createDeliveryRepository`). */
    ensureMany: repo.ensureMany,
    counts: repo.counts,
    failureReasons: repo.failureReasons,
    byKey: repo.byKey,
    staleLeaseMs,
  };
}

export type DeliveryService = ReturnType<typeof createDeliveryService>;

/**
 * The identity to write to: not blocked, on a channel that is running here, the one used
 * last first. Undefined when every identity is blocked. An identity on a channel that is not
 * running is still returned, so that its delivery fails with a reason instead of vanishing.
 */
export function reachableIdentity(
  addressee: Addressee,
  senders: Partial<Record<Channel, ChannelSender>>,
): Identity | undefined {
  const open = addressee.identities.filter((identity) => !identity.blocked);
  const running = open.filter((identity) => senders[identity.channel] !== undefined);
  return (
    running.find((identity) => identity.channel === addressee.lastChannel) ?? running[0] ?? open[0]
  );
}
