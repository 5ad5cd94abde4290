import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import mongoose, { type Connection } from 'mongoose';
import {
  MAX_STORED_FILE_BYTES,
  STORED_FILES_BUCKET,
  type StoredFileMetadata,
} from './models/stored-file.model.js';

/** A file to keep. */
export interface FileToStore {
  fileName: string;
  mimeType: string;
  data: Buffer;
}

/** A stored file's description, without the bytes. */
export interface StoredFileInfo {
  id: string;
  fileName: string;
  mimeType: string;
  length: number;
}

/** Raised for a file over {@link MAX_STORED_FILE_BYTES}. */
export class FileTooLargeError extends Error {
  constructor(readonly bytes: number) {
    super(`A file of ${bytes} bytes is over the ${MAX_STORED_FILE_BYTES}-byte limit`);
    this.name = 'FileTooLargeError';
  }
}

/**
 * The GridFS bucket of files served by link. The same bytes under the same name are stored
 * once: a statement sent twice gets a second link to the first copy.
 */
export function createFileRepository(connection: Connection) {
  let bucket: mongoose.mongo.GridFSBucket | undefined;
  let indexed: Promise<unknown> | undefined;

  function open() {
    const db = connection.db;
    if (!db) throw new Error('The database connection is not open');
    bucket ??= new mongoose.mongo.GridFSBucket(db, { bucketName: STORED_FILES_BUCKET });
    const files = db.collection(`${STORED_FILES_BUCKET}.files`);
    // The indexes only speed up lookups: a failure is retried on the next call, not raised.
    indexed ??= Promise.all([
      files.createIndex({ 'metadata.sha256': 1 }),
      files.createIndex({ 'metadata.lastLinkedAt': 1 }),
    ]).catch(() => {
      indexed = undefined;
    });
    return { bucket, files };
  }

  const objectId = (id: string) =>
    /^[0-9a-f]{24}$/i.test(id) ? new mongoose.mongo.ObjectId(id) : undefined;

  return {
    /** Stores the file (or finds the same one) and marks it linked at `at`. */
    async save(file: FileToStore, at: Date): Promise<{ id: string; created: boolean }> {
      if (file.data.length > MAX_STORED_FILE_BYTES) throw new FileTooLargeError(file.data.length);
      const { bucket, files } = open();
      await indexed;

      const sha256 = createHash('sha256').update(file.data).digest('hex');
      const same = await files.findOneAndUpdate(
        { 'metadata.sha256': sha256, 'metadata.fileName': file.fileName },
        { $set: { 'metadata.lastLinkedAt': at } },
      );
      if (same) return { id: String(same._id), created: false };

      const metadata: StoredFileMetadata = {
        fileName: file.fileName,
        mimeType: file.mimeType,
        sha256,
        lastLinkedAt: at,
      };
      const upload = bucket.openUploadStream(file.fileName, { metadata });
      await new Promise<void>((resolve, reject) => {
        upload.once('error', reject).once('finish', () => resolve());
        upload.end(file.data);
      });
      return { id: String(upload.id), created: true };
    },

    /** The file's name, type and size; undefined when there is no such file. */
    async info(id: string): Promise<StoredFileInfo | undefined> {
      const _id = objectId(id);
      if (!_id) return undefined;
      const doc = await open().files.findOne({ _id });
      if (!doc) return undefined;
      const metadata = doc.metadata as StoredFileMetadata;
      return { id, fileName: metadata.fileName, mimeType: metadata.mimeType, length: doc.length };
    },

    /** The bytes as a stream; check {@link info} first. */
    stream(id: string): Readable {
      return open().bucket.openDownloadStream(objectId(id)!);
    },

    /** The bytes in memory (tests, small files). */
    async read(id: string): Promise<Buffer | undefined> {
      if (!(await this.info(id))) return undefined;
      const chunks: Buffer[] = [];
      for await (const chunk of this.stream(id)) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },

    /**
     * Removes up to `limit` files whose last link was issued before `before`: their links
     * have all expired. Small batches keep each sweep short; the next one takes the rest.
     */
    async purgeLinkedBefore(before: Date, limit = 20): Promise<number> {
      const { bucket, files } = open();
      const stale = await files
        .find({ 'metadata.lastLinkedAt': { $lt: before } }, { projection: { _id: 1 } })
        .limit(limit)
        .toArray();
      for (const doc of stale) await bucket.delete(doc._id);
      return stale.length;
    },
  };
}

export type FileRepository = ReturnType<typeof createFileRepository>;
