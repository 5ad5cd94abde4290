import { type Connection, type Model, Types } from 'mongoose';
import type { Channel } from '../domain/channel.js';
import type { Locale } from '../domain/collaborator.js';
import { DELIVERY_STATES, deliverySchema } from './models/delivery.model.js';
import { isDuplicateKey } from './repositories.js';

export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** How a claimed delivery ended. */
export type DeliveryOutcome = 'sent' | 'blocked' | 'failed';

/** One message to one person, as stored. */
export interface Delivery {
  id: string;
  key: string;
  broadcastId?: string;
  collaboratorId?: string;
  channel: Channel;
  chatId: string;
  locale: Locale;
  state: DeliveryState;
  attempts: number;
  reason?: string;
  sentAt?: Date;
}

/** A delivery to create: `pending`, or already closed (`blocked`: nobody can be reached). */
export interface NewDelivery {
  key: string;
  broadcastId?: string;
  collaboratorId?: string;
  channel: Channel;
  chatId: string;
  locale: Locale;
  state?: 'pending' | 'blocked';
  reason?: string;
}

/** What a claim may take: by broadcast (any of its deliveries) or one delivery by key. */
export type ClaimScope = { broadcastId: string } | { key: string };

/**
 * The `deliveries` collection. Every write is keyed or filtered on the state it expects,
 * so it stays right on the emulator (no unique index there) and under concurrent workers.
 */
export function createDeliveryRepository(connection: Connection) {
  const compiled = connection.models.Delivery ?? connection.model('Delivery', deliverySchema);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const model = compiled as Model<any>;
  let ready: Promise<unknown> | undefined;
  const init = () => (ready ??= model.init());

  const insertFields = (item: NewDelivery, at: Date) => ({
    key: item.key,
    ...(item.broadcastId && { broadcastId: new Types.ObjectId(item.broadcastId) }),
    ...(item.collaboratorId && { collaboratorId: new Types.ObjectId(item.collaboratorId) }),
    channel: item.channel,
    chatId: item.chatId,
    locale: item.locale,
    state: item.state ?? 'pending',
    attempts: 0,
    ...(item.state === 'blocked' && { finishedAt: at }),
    ...(item.reason && { reason: item.reason }),
  });

  return {
    init,

    /** Creates the deliveries that do not exist yet; existing ones are left as they are. */
    async ensureMany(items: NewDelivery[], at: Date): Promise<void> {
      if (items.length === 0) return;
      await init();
      const operations = items.map((item) => ({
        updateOne: {
          filter: { key: item.key },
          update: { $setOnInsert: insertFields(item, at) },
          upsert: true,
        },
      }));
      try {
        await model.bulkWrite(operations, { ordered: false });
      } catch (error) {
        // Two workers listing the same audience: the loser's inserts are already there.
        if (!isDuplicateKey(error)) throw error;
      }
    },

    /** The delivery with this key, created as `pending` if there is none. */
    async ensureOne(item: NewDelivery, at: Date): Promise<Delivery> {
      await init();
      try {
        const doc = await model
          .findOneAndUpdate(
            { key: item.key },
            { $setOnInsert: insertFields(item, at) },
            { upsert: true, returnDocument: 'after' },
          )
          .lean();
        return toDelivery(doc);
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        return toDelivery(await model.findOne({ key: item.key }).lean());
      }
    },

    /**
     * Takes one delivery for `owner`: a pending one, or one whose lease went stale (its
     * worker died), or with `retryFailed` one that failed before. Atomic, so two workers
     * never hold the same delivery.
     */
    async claim(
      scope: ClaimScope,
      owner: string,
      at: Date,
      staleBefore: Date,
      retryFailed = false,
    ): Promise<Delivery | undefined> {
      const filter =
        'key' in scope
          ? { key: scope.key }
          : { broadcastId: new Types.ObjectId(scope.broadcastId) };
      const open: Record<string, unknown>[] = [
        { state: 'pending' },
        { state: 'sending', 'lease.at': { $lt: staleBefore } },
      ];
      if (retryFailed) open.push({ state: 'failed' });
      const doc = await model
        .findOneAndUpdate(
          { ...filter, $or: open },
          { $set: { state: 'sending', lease: { owner, at } }, $inc: { attempts: 1 } },
          { sort: { _id: 1 }, returnDocument: 'after' },
        )
        .lean();
      return doc ? toDelivery(doc) : undefined;
    },

    /** Extends `owner`'s lease; false when the delivery is no longer theirs. */
    async renew(id: string, owner: string, at: Date): Promise<boolean> {
      const result = await model.updateOne(
        { _id: id, state: 'sending', 'lease.owner': owner },
        { $set: { 'lease.at': at } },
      );
      return result.matchedCount === 1;
    },

    /** Closes a delivery `owner` holds; false when the lease was lost meanwhile. */
    async finish(
      id: string,
      owner: string,
      outcome: DeliveryOutcome,
      at: Date,
      reason?: string,
    ): Promise<boolean> {
      const result = await model.updateOne(
        { _id: id, state: 'sending', 'lease.owner': owner },
        {
          $set: {
            state: outcome,
            finishedAt: at,
            ...(outcome === 'sent' ? { sentAt: at } : {}),
            ...(reason ? { reason } : {}),
          },
          $unset: { lease: 1, ...(outcome === 'sent' ? { reason: 1 } : {}) },
        },
      );
      return result.matchedCount === 1;
    },

    async byKey(key: string): Promise<Delivery | undefined> {
      const doc = await model.findOne({ key }).lean();
      return doc ? toDelivery(doc) : undefined;
    },

    /** How many deliveries of a broadcast are in each state. */
    async counts(broadcastId: string): Promise<Record<DeliveryState, number>> {
      const rows = await model.aggregate<{ _id: DeliveryState; n: number }>([
        { $match: { broadcastId: new Types.ObjectId(broadcastId) } },
        { $group: { _id: '$state', n: { $sum: 1 } } },
      ]);
      const counts = Object.fromEntries(DELIVERY_STATES.map((state) => [state, 0]));
      for (const row of rows) counts[row._id] = row.n;
      return counts as Record<DeliveryState, number>;
    },

    /** The most frequent reasons of a broadcast's failures, most frequent first. */
    async failureReasons(broadcastId: string, limit = 3) {
      const rows = await model.aggregate<{ _id: string | null; n: number }>([
        { $match: { broadcastId: new Types.ObjectId(broadcastId), state: 'failed' } },
        { $group: { _id: '$reason', n: { $sum: 1 } } },
      ]);
      return rows
        .map((row) => ({ reason: row._id ?? '?', count: row.n }))
        .sort((a, b) => b.count - a.count)
        .slice(0, limit);
    },
  };
}

export type DeliveryRepository = ReturnType<typeof createDeliveryRepository>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function toDelivery(doc: any): Delivery {
  return {
    id: String(doc._id),
    key: doc.key,
    broadcastId: doc.broadcastId ? String(doc.broadcastId) : undefined,
    collaboratorId: doc.collaboratorId ? String(doc.collaboratorId) : undefined,
    channel: doc.channel,
    chatId: doc.chatId,
    locale: doc.locale ?? 'vi',
    state: doc.state,
    attempts: doc.attempts ?? 0,
    reason: doc.reason ?? undefined,
    sentAt: doc.sentAt ?? undefined,
  };
}
