import type { ChannelSender, Reply } from '../conversation/types.js';
import type { FileToStore } from '../store/file.repository.js';
import type { Store } from '../store/repositories.js';

/** Signed links to files (see file-link.service.ts), as paths on the playground's own server. */
export interface PlaygroundFiles {
  publishLocal(file: FileToStore, at: Date): Promise<{ url: string }>;
}

/**
 * The playground "channel": messages are kept in the database and the web page polls for
 * them, so any web instance can serve the page.
 */
export function createPlaygroundSender(
  store: Store,
  now: () => Date = () => new Date(),
  files?: PlaygroundFiles,
) {
  const sender: ChannelSender & { deliver(userId: string, replies: Reply[]): Promise<void> } = {
    async send(chatId, reply) {
      // With `files`, a document (a statement) becomes a download link the page can open.
      const attachment = reply.attachment;
      const link =
        files && attachment && 'data' in attachment
          ? await files.publishLocal(attachment, now())
          : undefined;
      const shown = toWebReply(reply);
      const url = link?.url;
      const stored = url && 'file' in shown ? { ...shown, file: { ...shown.file, url } } : shown;
      await store.playground.push(chatId, stored, now());
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
