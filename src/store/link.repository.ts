import type { Connection, Model } from 'mongoose';
import type { Identity } from '../domain/collaborator.js';
import { linkCodeSchema } from './models/link-code.model.js';
import { isDuplicateKey } from './repositories.js';

/** A live code as stored. */
export interface StoredLinkCode {
  collaboratorId: string;
  fromChannel: string;
  expiresAt: Date;
}

/** What became of adding an identity to a collaborator. */
export type AddIdentityResult = 'added' | 'channel-taken' | 'identity-taken' | 'missing';

/**
 * Link codes and the identity join. The join is one conditional `$push` (no transaction: the
 * emulator cannot roll one back); on a real server the unique index on identities also stops
 * one channel identity from being pushed to two collaborators at once.
 */
export function createLinkRepository(connection: Connection) {
  // Building the services twice on one connection (tests, CLI) must reuse the compiled model.
  const codes = ((connection.models.LinkCode as Model<unknown> | undefined) ??
    connection.model('LinkCode', linkCodeSchema)) as Model<Record<string, unknown>>;

  return {
    init: () => codes.init(),

    /** Stores a new code for the collaborator, replacing any earlier one. */
    async issue(input: {
      collaboratorId: string;
      codeHash: string;
      fromChannel: string;
      issuedAt: Date;
      expiresAt: Date;
    }): Promise<void> {
      await codes.updateOne(
        { key: `collaborator:${input.collaboratorId}` },
        { $set: { ...input, usedAt: null, usedBy: null } },
        { upsert: true },
      );
    },

    /** The unused, unexpired code with this hash, without using it up. */
    async peek(codeHash: string, now: Date): Promise<StoredLinkCode | undefined> {
      const doc = await codes
        .findOne({ codeHash, usedAt: null, expiresAt: { $gt: now } })
        .lean<StoredLinkCode>();
      return doc ?? undefined;
    },

    /** Uses the code up; true for exactly one caller, however many try at once. */
    async consume(codeHash: string, now: Date, usedBy: string): Promise<boolean> {
      const result = await codes.updateOne(
        { codeHash, usedAt: null, expiresAt: { $gt: now } },
        { $set: { usedAt: now, usedBy } },
      );
      return result.modifiedCount === 1;
    },

    /**
     * Adds `identity` to the collaborator unless it already has one on that channel, and makes
     * that channel the one notices go to (the person is using it right now).
     */
    async addIdentity(collaboratorId: string, identity: Identity): Promise<AddIdentityResult> {
      const collaborators = connection.model('Collaborator');
      try {
        const result = await collaborators.updateOne(
          { _id: collaboratorId, 'identities.channel': { $ne: identity.channel } },
          { $push: { identities: identity }, $set: { lastChannel: identity.channel } },
        );
        if (result.modifiedCount === 1) return 'added';
      } catch (error) {
        if (isDuplicateKey(error)) return 'identity-taken';
        throw error;
      }
      const exists = await collaborators.exists({ _id: collaboratorId });
      return exists ? 'channel-taken' : 'missing';
    },
  };
}

export type LinkRepository = ReturnType<typeof createLinkRepository>;
