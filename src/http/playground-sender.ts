import type { ChannelSender, Reply } from '../conversation/types.js';
import type { Store } from '../store/repositories.js';

/**
 * The playground "channel": messages are kept in the database and the web page polls for
 * them, so any web instance can serve the page.
 */
export function createPlaygroundSender(store: Store, now: () => Date = () => new Date()) {
  const sender: ChannelSender & { deliver(userId: string, replies: Reply[]): Promise<void> } = {
    async send(chatId, reply) {
      await store.playground.push(chatId, toWebReply(reply), now());
    },
    async deliver(userId, replies) {
      for (const reply of replies) await sender.send(userId, reply);
    },
  };
  return sender;
}

/** A reply as the playground shows it: files are not kept, their name and size are. */
export function toWebReply(reply: Reply) {
  const { attachment, ...rest } = reply;
  if (!attachment) return rest;
  return attachment.kind === 'photo'
    ? { ...rest, photo: attachment.url }
    : { ...rest, file: { name: attachment.fileName, size: attachment.data.length } };
}
