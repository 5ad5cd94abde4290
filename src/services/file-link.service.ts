import { checkFileLink, type LinkCheck, linkQuery, signFileLink } from '../domain/signed-link.js';
import { createFileRepository, type FileToStore } from '../store/file.repository.js';
import type { Store } from '../store/repositories.js';

export interface FileLinkDeps {
  store: Store;
  /** The signing key; see `deriveLinkSecret`. */
  secret: Buffer;
  /** `PUBLIC_URL`; without it no link is made, because nobody could open it. */
  publicUrl?: string;
  /** How long a link works (`FILE_LINK_TTL_DAYS`). */
  ttlMs: number;
}

/** A link to a stored file, for a channel that cannot carry the file itself. */
export interface FileLink {
  url: string;
  expiresAt: Date;
}

/** Files are kept a day past their last link's expiry, then swept away. */
const KEEP_AFTER_EXPIRY_MS = 86_400_000;

/**
 * Documents by signed link: stores the bytes, issues `PUBLIC_URL/files/<id>?exp=…&sig=…`, and
 * checks such links for the download route. Knows no channel: Zalo uses it today, any channel
 * without documents can tomorrow.
 */
export function createFileLinkService({ store, secret, publicUrl, ttlMs }: FileLinkDeps) {
  const files = createFileRepository(store.connection);

  return {
    /** True when links can be issued (a public address is configured). */
    enabled: publicUrl !== undefined,

    /** Whole days a link works, for the message that carries it. */
    ttlDays: Math.max(1, Math.round(ttlMs / 86_400_000)),

    /**
     * Stores the file and returns a link valid from `at` for the configured time, or
     * undefined when there is no public address to link to. Each call also sweeps a few files
     * whose links have all expired.
     */
    async publish(file: FileToStore, at: Date): Promise<FileLink | undefined> {
      if (!publicUrl) return undefined;
      await files.purgeLinkedBefore(new Date(at.getTime() - ttlMs - KEEP_AFTER_EXPIRY_MS));

      const { id } = await files.save(file, at);
      const expiresAt = new Date(at.getTime() + ttlMs);
      const query = linkQuery(signFileLink(secret, id, expiresAt));
      return { url: `${publicUrl}/files/${id}?${query}`, expiresAt };
    },

    /**
     * Like `publish`, but the link is a path on this server (`/files/<id>?…`), made with or
     * without a public address: for the local playground, whose page is served beside it.
     */
    async publishLocal(file: FileToStore, at: Date): Promise<FileLink> {
      await files.purgeLinkedBefore(new Date(at.getTime() - ttlMs - KEEP_AFTER_EXPIRY_MS));
      const { id } = await files.save(file, at);
      const expiresAt = new Date(at.getTime() + ttlMs);
      return { url: `/files/${id}?${linkQuery(signFileLink(secret, id, expiresAt))}`, expiresAt };
    },

    /** Checks the `exp` and `sig` of a link to `fileId` at `now`. */
    check: (fileId: string, exp: unknown, sig: unknown, now: Date): LinkCheck =>
      checkFileLink(secret, fileId, exp, sig, now),

    info: files.info,
    stream: files.stream,
    read: (fileId: string) => files.read(fileId),
  };
}

export type FileLinkService = ReturnType<typeof createFileLinkService>;
