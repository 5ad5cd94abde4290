import { type Connection, type Model, Types } from 'mongoose';
import { type Audience, joinedBounds } from '../domain/audience.js';
import type { Channel } from '../domain/channel.js';
import type { Identity, Locale } from '../domain/collaborator.js';
import { collaboratorSchema } from './models/collaborator.model.js';

/** The part of a collaborator a broadcast needs: whom to write to, in which language. */
export interface Recipient {
  id: string;
  locale: Locale;
  identities: Identity[];
  lastChannel?: Channel;
}

/**
 * The collaborators a broadcast's audience selects, read for counting and listing, and the
 * one write a delivery makes to a collaborator: marking an identity blocked.
 */
export function createAudienceRepository(connection: Connection) {
  const compiled =
    connection.models.Collaborator ?? connection.model('Collaborator', collaboratorSchema);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const collaborators = compiled as Model<any>;

  return {
    /** How many active collaborators the audience selects, and how many of them can be reached. */
    async countAudience(audience: Audience): Promise<{ matched: number; reachable: number }> {
      const filter = audienceFilter(audience);
      const [matched, reachable] = await Promise.all([
        collaborators.countDocuments(filter),
        collaborators.countDocuments({ ...filter, identities: { $elemMatch: { blocked: false } } }),
      ]);
      return { matched, reachable };
    },

    /** The audience's collaborators in pages of `size`, in a stable order. */
    async *recipients(audience: Audience, size = 500): AsyncGenerator<Recipient[]> {
      const filter = audienceFilter(audience);
      let after: Types.ObjectId | undefined;
      for (;;) {
        const docs = await collaborators
          .find(after ? { ...filter, _id: { $gt: after } } : filter)
          .select({ locale: 1, identities: 1, lastChannel: 1 })
          .sort({ _id: 1 })
          .limit(size)
          .lean();
        if (docs.length === 0) return;
        yield docs.map(toRecipient);
        after = docs[docs.length - 1]._id;
      }
    },

    /**
     * Marks the identity that refused us as blocked; the next message the person sends clears
     * the mark (`collaborators.touchIdentity`). The emulator ignores positional `$`
     * updates, so the identity is addressed by index, with the filter checking that the
     * index still points at it.
     */
    async markBlocked(collaboratorId: string, channel: Channel, chatId: string): Promise<void> {
      const doc = await collaborators.findById(collaboratorId).select({ identities: 1 }).lean();
      const identities = (doc?.identities ?? []) as Identity[];
      const index = identities.findIndex((i) => i.channel === channel && i.chatId === chatId);
      if (index < 0) return;
      await collaborators.updateOne(
        { _id: collaboratorId, [`identities.${index}.chatId`]: chatId },
        { $set: { [`identities.${index}.blocked`]: true } },
      );
    },
  };
}

export type AudienceRepository = ReturnType<typeof createAudienceRepository>;

/** The MongoDB filter of an audience: always active collaborators, then the kind's rule. */
export function audienceFilter(audience: Audience): Record<string, unknown> {
  switch (audience.kind) {
    case 'all':
      return { status: 'active' };
    case 'province':
      return { status: 'active', province: audience.province };
    case 'joined': {
      const { start, end } = joinedBounds(audience);
      return { status: 'active', createdAt: { $gte: start, $lt: end } };
    }
    case 'codes':
      return { status: 'active', code: { $in: audience.codes } };
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function toRecipient(doc: any): Recipient {
  return {
    id: String(doc._id),
    locale: doc.locale ?? 'vi',
    identities: (doc.identities ?? []).map((identity: Identity) => ({
      channel: identity.channel,
      userId: identity.userId,
      chatId: identity.chatId,
      blocked: identity.blocked ?? false,
      linkedAt: identity.linkedAt,
    })),
    lastChannel: doc.lastChannel ?? undefined,
  };
}
