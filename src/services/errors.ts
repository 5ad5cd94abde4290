import type { MessageArgs } from '../i18n/i18n.js';

/**
 * A problem the person can understand and act on; its message is a catalogue key, so the
 * error boundary can answer in the person's language. Any other error is a fault of ours.
 */
export class UserError extends Error {
  constructor(
    readonly key: string,
    readonly args: MessageArgs = {},
  ) {
    super(key);
    this.name = 'UserError';
  }
}
