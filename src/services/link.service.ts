import { createHash, randomInt } from 'node:crypto';
import type { Channel } from '../domain/channel.js';
import type { Collaborator } from '../domain/collaborator.js';
import { createLinkRepository } from '../store/link.repository.js';
import type { Store } from '../store/repositories.js';

/** How long a code works: long enough to open the other app, short enough not to linger. */
export const LINK_CODE_TTL_MS = 10 * 60_000;

/** Capitals and digits without look-alikes (0/O, 1/I), so a code is easy to copy by hand. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 8;

/** A fresh random code of 8 characters (40 bits). */
export function newLinkCode(): string {
  return Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

/** `K7QMXP3A` → `K7QM-XP3A`, the way the code is shown. */
export function formatLinkCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** The code in typed text (spaces, hyphens and case ignored), or undefined if it is not one. */
export function readLinkCode(input: string): string | undefined {
  const code = input.replace(/[\s-]/g, '').toUpperCase();
  return code.length === CODE_LENGTH && [...code].every((c) => ALPHABET.includes(c))
    ? code
    : undefined;
}

/** What became of a code someone sent. */
export type LinkOutcome =
  | { outcome: 'linked'; collaborator: Collaborator }
  /** Unknown, already used or expired: the person cannot tell which, nor can a guesser. */
  | { outcome: 'invalid' }
  /** This identity already belongs to the code's collaborator. */
  | { outcome: 'already-linked'; collaborator: Collaborator }
  /** This identity belongs to another collaborator. */
  | { outcome: 'identity-taken' }
  /** The collaborator already has another identity on this channel. */
  | { outcome: 'channel-taken'; collaborator: Collaborator };

/** Who sends a code: the identity to join. */
export interface Redeemer {
  channel: Channel;
  userId: string;
  chatId: string;
}

export interface LinkServiceDeps {
  store: Store;
  /** How long a code works (default {@link LINK_CODE_TTL_MS}). */
  ttlMs?: number;
}

const hash = (code: string) => createHash('sha256').update(code).digest('hex');

/**
 * One person, several channels: a registered collaborator asks for a code on one channel and
 * sends it on the other, which joins that identity to the same record. Orders, earnings and
 * statements key on the collaborator, so they are the same on both.
 */
export function createLinkService({ store, ttlMs = LINK_CODE_TTL_MS }: LinkServiceDeps) {
  const repo = createLinkRepository(store.connection);

  return {
    init: repo.init,
    ttlMinutes: Math.round(ttlMs / 60_000),

    /** Issues a new code (replacing an earlier one) for a collaborator writing on `channel`. */
    async issue(collaborator: Collaborator, channel: Channel, at: Date) {
      const code = newLinkCode();
      const expiresAt = new Date(at.getTime() + ttlMs);
      await repo.issue({
        collaboratorId: collaborator.id,
        codeHash: hash(code),
        fromChannel: channel,
        issuedAt: at,
        expiresAt,
      });
      return { code, expiresAt };
    },

    /** Joins `who` to the collaborator whose code `typed` is; the code then stops working. */
    async redeem(typed: string, who: Redeemer, at: Date): Promise<LinkOutcome> {
      const code = readLinkCode(typed);
      const live = code ? await repo.peek(hash(code), at) : undefined;
      if (!code || !live) return { outcome: 'invalid' };

      const collaborator = await store.collaborators.byId(live.collaboratorId);
      if (!collaborator) return { outcome: 'invalid' };
      const owner = await store.collaborators.byIdentity(who.channel, who.userId);
      if (owner?.id === collaborator.id) return { outcome: 'already-linked', collaborator };
      if (owner) return { outcome: 'identity-taken' };
      if (collaborator.identities.some((identity) => identity.channel === who.channel)) {
        return { outcome: 'channel-taken', collaborator };
      }

      if (!(await repo.consume(hash(code), at, `${who.channel}:${who.userId}`))) {
        return { outcome: 'invalid' };
      }
      const { channel, userId, chatId } = who;
      const identity = { channel, userId, chatId, blocked: false, linkedAt: at, lastSeenAt: at };
      const added = await repo.addIdentity(collaborator.id, identity);
      if (added === 'identity-taken') return { outcome: 'identity-taken' };
      if (added === 'channel-taken') return { outcome: 'channel-taken', collaborator };
      if (added === 'missing') return { outcome: 'invalid' };

      await store.audit.record({
        at,
        actor: `${who.channel}:${who.userId}`,
        action: 'collaborator.identity-linked',
        subject: `collaborator:${collaborator.code}`,
        details: { channel: who.channel, fromChannel: live.fromChannel },
      });
      const linked = await store.collaborators.byId(collaborator.id);
      return { outcome: 'linked', collaborator: linked ?? collaborator };
    },
  };
}

export type LinkService = ReturnType<typeof createLinkService>;
