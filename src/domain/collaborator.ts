import type { Channel } from './channel.js';

export type CollaboratorStatus = 'pending' | 'active' | 'rejected' | 'suspended';
export type Locale = 'vi' | 'en';

/** One way of reaching a collaborator: a user on a channel and the chat to write to. */
export interface Identity {
  channel: Channel;
  userId: string;
  chatId: string;
  blocked: boolean;
  linkedAt: Date;
  lastSeenAt?: Date;
}

/** A collaborator (CTV) as the services see it; sensitive fields stay sealed. */
export interface Collaborator {
  id: string;
  code: string;
  status: CollaboratorStatus;
  fullName: string;
  phone: string;
  province: string;
  bank: {
    bankName: string;
    accountNumberSealed: string;
    accountLast4: string;
    accountHolder: string;
  };
  nationalIdSealed?: string;
  referrerCode?: string;
  locale: Locale;
  identities: Identity[];
  lastChannel?: Channel;
  consent: { version: string; at: Date };
  decidedAt?: Date;
  decidedBy?: string;
  rejectionReason?: string;
  createdAt: Date;
}

/** Formats the n-th collaborator code: 42 → `CTV0042`; grows past four digits as needed. */
export function collaboratorCode(n: number): string {
  return `CTV${String(n).padStart(4, '0')}`;
}

/** The identity to write to: the channel last used, else the first one that is not blocked. */
export function preferredIdentity(collaborator: Collaborator): Identity | undefined {
  const open = collaborator.identities.filter((identity) => !identity.blocked);
  return open.find((identity) => identity.channel === collaborator.lastChannel) ?? open[0];
}
