import { type Connection, type Model, Types } from 'mongoose';
import { type Audience, readAudience } from '../domain/audience.js';
import type { Channel } from '../domain/channel.js';
import type { Locale } from '../domain/collaborator.js';
import { BROADCAST_STATES, broadcastSchema } from './models/broadcast.model.js';
import { isDuplicateKey } from './repositories.js';
import { type MediaFile, toMediaFile } from './training.repository.js';

export type BroadcastState = (typeof BROADCAST_STATES)[number];

/** Counts of a broadcast's deliveries by outcome. */
export interface BroadcastCounts {
  total: number;
  sent: number;
  blocked: number;
  failed: number;
}

/** Where a broadcast's progress and report go: the admin who wrote it. */
export interface BroadcastAuthor {
  channel: Channel;
  userId: string;
  chatId: string;
  locale: Locale;
}

/** A broadcast as stored, with its counts as of its end (live counts come from deliveries). */
export interface Broadcast {
  id: string;
  number: number;
  draftKey: string;
  author: BroadcastAuthor;
  text: string;
  file?: MediaFile;
  materialId?: string;
  audience: Audience;
  audienceSize: number;
  state: BroadcastState;
  sendAt: Date;
  startedAt?: Date;
  listedAt?: Date;
  finishedAt?: Date;
  counts: BroadcastCounts;
  createdAt: Date;
}

/** What creating a broadcast stores; state, counts and times come later. */
export type NewBroadcast = Omit<
  Broadcast,
  'id' | 'state' | 'startedAt' | 'listedAt' | 'finishedAt' | 'counts' | 'createdAt'
>;

/** Reuses a model already compiled on this connection (a second core in one process). */
function modelOf(connection: Connection, name: string, schema: unknown) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (connection.models[name] ?? connection.model(name, schema as never)) as Model<any>;
}

/** Broadcasts: created once per draft, moved between states by compare-and-set. */
export function createBroadcastRepository(connection: Connection) {
  const broadcasts = modelOf(connection, 'Broadcast', broadcastSchema);
  let ready: Promise<unknown> | undefined;
  const init = () => (ready ??= broadcasts.init());

  const moved = async (filter: object, set: object) => {
    const doc = await broadcasts
      .findOneAndUpdate(filter, { $set: set }, { returnDocument: 'after' })
      .lean();
    return doc ? toBroadcast(doc) : undefined;
  };

  return {
    /** Stores the broadcast unless its draft was stored already; returns the stored one. */
    async insertOnce(input: NewBroadcast): Promise<{ broadcast: Broadcast; created: boolean }> {
      await init();
      const given = Object.entries(input).filter(([, value]) => value !== undefined);
      const fields = { ...Object.fromEntries(given), state: 'scheduled', counts: {} };
      try {
        const result = await broadcasts.findOneAndUpdate(
          { draftKey: input.draftKey },
          { $setOnInsert: fields },
          { upsert: true, returnDocument: 'after', includeResultMetadata: true, lean: true },
        );
        return {
          broadcast: toBroadcast(result.value),
          created: !result.lastErrorObject?.updatedExisting,
        };
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        const existing = await broadcasts.findOne({ draftKey: input.draftKey }).lean();
        if (!existing) throw error;
        return { broadcast: toBroadcast(existing), created: false };
      }
    },

    async byId(id: string): Promise<Broadcast | undefined> {
      if (!Types.ObjectId.isValid(id)) return undefined;
      const doc = await broadcasts.findById(id).lean();
      return doc ? toBroadcast(doc) : undefined;
    },

    async byDraftKey(draftKey: string): Promise<Broadcast | undefined> {
      const doc = await broadcasts.findOne({ draftKey }).lean();
      return doc ? toBroadcast(doc) : undefined;
    },

    async byNumber(number: number): Promise<Broadcast | undefined> {
      const doc = await broadcasts.findOne({ number }).lean();
      return doc ? toBroadcast(doc) : undefined;
    },

    async recent(limit: number): Promise<Broadcast[]> {
      const docs = await broadcasts.find({}).sort({ createdAt: -1 }).limit(limit).lean();
      return docs.map(toBroadcast);
    },

    /** scheduled → cancelled; undefined when it was not scheduled any more. */
    cancel: (id: string, by: string, at: Date) =>
      moved(
        { _id: id, state: 'scheduled' },
        { state: 'cancelled', cancelledAt: at, cancelledBy: by },
      ),

    /** scheduled → sending; undefined for every caller but the one that moved it. */
    start: (id: string, at: Date) =>
      moved({ _id: id, state: 'scheduled' }, { state: 'sending', startedAt: at, heartbeatAt: at }),

    /** Records that every delivery record exists, with how many there are. */
    async markListed(id: string, at: Date, total: number): Promise<void> {
      await broadcasts.updateOne({ _id: id }, { $set: { listedAt: at, 'counts.total': total } });
    },

    async heartbeat(id: string, at: Date): Promise<void> {
      await broadcasts.updateOne({ _id: id, state: 'sending' }, { $set: { heartbeatAt: at } });
    },

    /** sending → done with the final counts; undefined for every caller but the first. */
    finish: (id: string, at: Date, counts: BroadcastCounts) =>
      moved({ _id: id, state: 'sending' }, { state: 'done', finishedAt: at, counts }),

    /** Due broadcasts not started, and started ones whose sender stopped beating. */
    async due(now: Date, staleBefore: Date): Promise<Broadcast[]> {
      const docs = await broadcasts
        .find({
          $or: [
            { state: 'scheduled', sendAt: { $lte: now } },
            { state: 'sending', heartbeatAt: { $lt: staleBefore } },
          ],
        })
        .sort({ sendAt: 1 })
        .limit(100)
        .lean();
      return docs.map(toBroadcast);
    },

    async setFileRef(id: string, channel: Channel, ref: string): Promise<void> {
      await broadcasts.updateOne({ _id: id }, { $set: { [`file.refs.${channel}`]: ref } });
    },
  };
}

export type BroadcastRepository = ReturnType<typeof createBroadcastRepository>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function toBroadcast(doc: any): Broadcast {
  return {
    id: String(doc._id),
    number: doc.number,
    draftKey: doc.draftKey,
    author: { ...doc.author },
    text: doc.text,
    file: doc.file ? toMediaFile(doc.file) : undefined,
    materialId: doc.materialId ? String(doc.materialId) : undefined,
    // A record that fails the check reaches nobody rather than everybody.
    audience: readAudience(doc.audience) ?? { kind: 'codes', codes: [] },
    audienceSize: doc.audienceSize,
    state: doc.state,
    sendAt: doc.sendAt,
    startedAt: doc.startedAt ?? undefined,
    listedAt: doc.listedAt ?? undefined,
    finishedAt: doc.finishedAt ?? undefined,
    counts: {
      total: doc.counts?.total ?? 0,
      sent: doc.counts?.sent ?? 0,
      blocked: doc.counts?.blocked ?? 0,
      failed: doc.counts?.failed ?? 0,
    },
    createdAt: doc.createdAt,
  };
}
