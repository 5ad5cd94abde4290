import type { Connection, Model } from 'mongoose';
import type { Channel } from '../domain/channel.js';
import type { Collaborator, CollaboratorStatus, Identity, Locale } from '../domain/collaborator.js';
import { auditEntrySchema } from './models/audit-entry.model.js';
import { collaboratorSchema } from './models/collaborator.model.js';
import { conversationSchema } from './models/conversation.model.js';
import { counterSchema } from './models/counter.model.js';
import { playgroundMessageSchema } from './models/playground-message.model.js';
import { processedUpdateSchema } from './models/processed-update.model.js';

/** What a conversation remembers between two messages. */
export interface ConversationState {
  key: string;
  channel: Channel;
  userId: string;
  chatId: string;
  locale?: Locale;
  flow: string | null;
  runId: string | null;
  step: string | null;
  data: Record<string, unknown>;
  choices: { label: string; payload: string }[];
  expiresAt: Date | null;
  version: number;
}

export interface NewCollaborator {
  originKey: string;
  fullName: string;
  nameKey: string;
  phone: string;
  province: string;
  bank: Collaborator['bank'];
  nationalIdSealed?: string;
  referrerCode?: string;
  locale: Locale;
  identity: Identity;
  consent: Collaborator['consent'];
}

export interface AuditInput {
  at: Date;
  actor: string;
  action: string;
  subject: string;
  details?: Record<string, unknown>;
}

/** Is this a duplicate-key error from a unique index? */
export function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: number }).code === 11000;
}

/**
 * Every read and write the services need, as plain functions over plain objects. This is the
 * only module (with the models) that knows mongoose.
 */
export function createStore(connection: Connection) {
  const models = {
    collaborators: connection.model('Collaborator', collaboratorSchema),
    conversations: connection.model('Conversation', conversationSchema),
    processedUpdates: connection.model('ProcessedUpdate', processedUpdateSchema),
    audit: connection.model('AuditEntry', auditEntrySchema),
    counters: connection.model('Counter', counterSchema),
    playground: connection.model('PlaygroundMessage', playgroundMessageSchema),
  };

  return {
    models,
    connection,

    /** Builds every index; safe to run on each start. */
    async init(): Promise<void> {
      await Promise.all(Object.values(models).map((model) => (model as Model<unknown>).init()));
    },

    async ping(): Promise<boolean> {
      try {
        await connection.db?.admin().ping();
        return true;
      } catch {
        return false;
      }
    },

    counters: {
      /** The next number of a named sequence, starting at 1. */
      async next(name: string): Promise<number> {
        const doc = await models.counters
          .findOneAndUpdate(
            { name },
            { $inc: { value: 1 } },
            { upsert: true, returnDocument: 'after' },
          )
          .lean();
        return doc!.value;
      },
    },

    processedUpdates: {
      /** Records a key; true the first time it is seen, false for every repeat. */
      async markOnce(key: string, at: Date): Promise<boolean> {
        try {
          const result = await models.processedUpdates.findOneAndUpdate(
            { key },
            { $setOnInsert: { key, at } },
            { upsert: true, includeResultMetadata: true },
          );
          return !result.lastErrorObject?.updatedExisting;
        } catch (error) {
          if (isDuplicateKey(error)) return false;
          throw error;
        }
      },

      /** Forgets keys older than `before`; real servers also expire them by TTL index. */
      async purgeBefore(before: Date): Promise<number> {
        const result = await models.processedUpdates.deleteMany({ at: { $lt: before } });
        return result.deletedCount;
      },
    },

    audit: {
      async record(entry: AuditInput): Promise<void> {
        await models.audit.create({ ...entry, details: entry.details ?? {} });
      },
      async forSubject(subject: string) {
        return models.audit.find({ subject }).sort({ at: 1 }).lean();
      },
    },

    conversations: {
      /** Loads the state for a channel user, creating an empty one on first contact. */
      async load(channel: Channel, userId: string, chatId: string): Promise<ConversationState> {
        const key = `${channel}:${userId}`;
        const doc = await models.conversations
          .findOneAndUpdate(
            { key },
            {
              $setOnInsert: {
                key,
                channel,
                userId,
                chatId,
                flow: null,
                runId: null,
                step: null,
                data: {},
                choices: [],
                expiresAt: null,
                version: 0,
              },
            },
            { upsert: true, returnDocument: 'after' },
          )
          .lean();
        return toConversation(doc!);
      },

      /** Saves if nobody saved since `state` was loaded; false means "load again". */
      async save(state: ConversationState): Promise<boolean> {
        const result = await models.conversations.updateOne(
          { key: state.key, version: state.version },
          {
            $set: {
              chatId: state.chatId,
              locale: state.locale,
              flow: state.flow,
              runId: state.runId,
              step: state.step,
              data: state.data,
              choices: state.choices,
              expiresAt: state.expiresAt,
              version: state.version + 1,
            },
          },
        );
        return result.matchedCount === 1;
      },

      async setLocale(channel: Channel, userId: string, locale: Locale): Promise<void> {
        await models.conversations.updateOne(
          { key: `${channel}:${userId}` },
          { $set: { locale }, $inc: { version: 1 } },
        );
      },
    },

    collaborators: {
      async byIdentity(channel: Channel, userId: string): Promise<Collaborator | undefined> {
        const doc = await models.collaborators
          .findOne({ identities: { $elemMatch: { channel, userId } } })
          .lean();
        return doc ? toCollaborator(doc) : undefined;
      },

      async byId(id: string): Promise<Collaborator | undefined> {
        const doc = await models.collaborators.findById(id).lean();
        return doc ? toCollaborator(doc) : undefined;
      },

      async byCode(code: string): Promise<Collaborator | undefined> {
        const doc = await models.collaborators.findOne({ code: code.toUpperCase() }).lean();
        return doc ? toCollaborator(doc) : undefined;
      },

      async byPhone(phone: string): Promise<Collaborator | undefined> {
        const doc = await models.collaborators.findOne({ phone }).lean();
        return doc ? toCollaborator(doc) : undefined;
      },

      /**
       * Creates the collaborator unless one with the same origin already exists; returns the
       * stored record and whether this call created it.
       */
      async register(input: NewCollaborator, code: string) {
        const { identity, ...fields } = input;
        try {
          const result = await models.collaborators.findOneAndUpdate(
            { originKey: input.originKey },
            {
              $setOnInsert: {
                ...fields,
                code,
                status: 'pending',
                identities: [identity],
                lastChannel: identity.channel,
              },
            },
            { upsert: true, returnDocument: 'after', includeResultMetadata: true },
          );
          return {
            collaborator: toCollaborator(result.value!.toObject()),
            created: !result.lastErrorObject?.updatedExisting,
          };
        } catch (error) {
          if (!isDuplicateKey(error)) throw error;
          const existing = await models.collaborators
            .findOne({ originKey: input.originKey })
            .lean();
          if (!existing) throw error;
          return { collaborator: toCollaborator(existing), created: false };
        }
      },

      /** Moves a collaborator from one status to another; undefined if it was not in `from`. */
      async decide(
        id: string,
        from: CollaboratorStatus,
        to: CollaboratorStatus,
        by: string,
        at: Date,
        reason?: string,
      ): Promise<Collaborator | undefined> {
        const doc = await models.collaborators
          .findOneAndUpdate(
            { _id: id, status: from },
            { $set: { status: to, decidedAt: at, decidedBy: by, rejectionReason: reason } },
            { returnDocument: 'after' },
          )
          .lean();
        return doc ? toCollaborator(doc) : undefined;
      },

      async update(id: string, fields: Partial<Omit<Collaborator, 'id' | 'code'>>) {
        const doc = await models.collaborators
          .findByIdAndUpdate(id, { $set: fields }, { returnDocument: 'after' })
          .lean();
        return doc ? toCollaborator(doc) : undefined;
      },

      async touchIdentity(id: string, channel: Channel, chatId: string, at: Date): Promise<void> {
        const doc = await models.collaborators.findById(id);
        if (!doc) return;
        const identity = doc.identities.find((item) => item.channel === channel);
        if (identity) {
          identity.lastSeenAt = at;
          // Writing to us again means the person unblocked the bot.
          identity.blocked = false;
          identity.chatId = chatId;
        }
        doc.lastChannel = channel;
        await doc.save();
      },

      async list(filter: { status?: CollaboratorStatus } = {}, limit = 50, skip = 0) {
        const docs = await models.collaborators
          .find(filter.status ? { status: filter.status } : {})
          .sort({ createdAt: 1 })
          .skip(skip)
          .limit(limit)
          .lean();
        return docs.map(toCollaborator);
      },

      async count(filter: { status?: CollaboratorStatus } = {}): Promise<number> {
        return models.collaborators.countDocuments(filter.status ? { status: filter.status } : {});
      },
    },

    playground: {
      async push(userId: string, reply: unknown, at: Date): Promise<number> {
        const seq = await this.nextSeq(userId);
        await models.playground.create({ userId, seq, reply, at });
        return seq;
      },
      async nextSeq(userId: string): Promise<number> {
        const doc = await models.counters
          .findOneAndUpdate(
            { name: `playground:${userId}` },
            { $inc: { value: 1 } },
            { upsert: true, returnDocument: 'after' },
          )
          .lean();
        return doc!.value;
      },
      async since(userId: string, afterSeq: number) {
        return models.playground
          .find({ userId, seq: { $gt: afterSeq } })
          .sort({ seq: 1 })
          .limit(200)
          .lean();
      },
    },
  };
}

export type Store = ReturnType<typeof createStore>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function toConversation(doc: any): ConversationState {
  return {
    key: doc.key,
    channel: doc.channel,
    userId: doc.userId,
    chatId: doc.chatId,
    locale: doc.locale ?? undefined,
    flow: doc.flow ?? null,
    runId: doc.runId ?? null,
    step: doc.step ?? null,
    data: doc.data ?? {},
    choices: (doc.choices ?? []).map((c: { label: string; payload: string }) => ({
      label: c.label,
      payload: c.payload,
    })),
    expiresAt: doc.expiresAt ?? null,
    version: doc.version ?? 0,
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function toCollaborator(doc: any): Collaborator {
  return {
    id: String(doc._id),
    code: doc.code,
    status: doc.status,
    fullName: doc.fullName,
    phone: doc.phone,
    province: doc.province,
    bank: {
      bankName: doc.bank.bankName,
      accountNumberSealed: doc.bank.accountNumberSealed,
      accountLast4: doc.bank.accountLast4,
      accountHolder: doc.bank.accountHolder,
    },
    nationalIdSealed: doc.nationalIdSealed ?? undefined,
    referrerCode: doc.referrerCode ?? undefined,
    locale: doc.locale,
    identities: (doc.identities ?? []).map((identity: Identity) => ({
      channel: identity.channel,
      userId: identity.userId,
      chatId: identity.chatId,
      blocked: identity.blocked ?? false,
      linkedAt: identity.linkedAt,
      lastSeenAt: identity.lastSeenAt ?? undefined,
    })),
    lastChannel: doc.lastChannel ?? undefined,
    consent: { version: doc.consent.version, at: doc.consent.at },
    decidedAt: doc.decidedAt ?? undefined,
    decidedBy: doc.decidedBy ?? undefined,
    rejectionReason: doc.rejectionReason ?? undefined,
    createdAt: doc.createdAt,
  };
}
