/** The channels a collaborator or admin can talk to the assistant on. */
export type Channel = 'telegram' | 'zalo' | 'web';

export const CHANNELS: readonly Channel[] = ['telegram', 'zalo', 'web'];

/** Longest text one message may carry on each channel. */
export const TEXT_LIMITS: Readonly<Record<Channel, number>> = {
  telegram: 4096,
  zalo: 2000,
  web: 4096,
};
