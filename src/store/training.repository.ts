import mongoose, { type Connection, type Model, Types } from 'mongoose';
import type { Channel } from '../domain/channel.js';
import { fold } from '../domain/text.js';
import { materialViewSchema } from './models/material-view.model.js';
import { MATERIAL_KINDS, trainingMaterialSchema } from './models/training-material.model.js';
import { isDuplicateKey } from './repositories.js';

/** The GridFS bucket of training materials and broadcast files (`media.files`, `media.chunks`). */
export const MEDIA_BUCKET = 'media';

export type MaterialKind = (typeof MATERIAL_KINDS)[number];

/** A file kept in GridFS, with each channel's reference to it once uploaded there. */
export interface MediaFile {
  gridId: string;
  kind: 'document' | 'photo' | 'video';
  fileName: string;
  mimeType: string;
  size: number;
  refs: Partial<Record<Channel, string>>;
}

/** A training material as the services see it; `number` is what buttons carry. */
export interface TrainingMaterial {
  id: string;
  number: number;
  title: string;
  topic: string;
  kind: MaterialKind;
  url?: string;
  file?: MediaFile;
  createdAt: Date;
}

/** What adding a material stores. */
export interface NewMaterial {
  number: number;
  sourceKey: string;
  title: string;
  topic: string;
  kind: MaterialKind;
  url?: string;
  file?: MediaFile;
  createdBy: string;
}

function modelOf(connection: Connection, name: string, schema: unknown) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (connection.models[name] ?? connection.model(name, schema as never)) as Model<any>;
}

/** Training materials, who opened them, and the bytes of stored files. */
export function createTrainingRepository(connection: Connection) {
  const materials = modelOf(connection, 'TrainingMaterial', trainingMaterialSchema);
  const views = modelOf(connection, 'MaterialView', materialViewSchema);
  let ready: Promise<unknown> | undefined;
  const init = () => (ready ??= Promise.all([materials.init(), views.init()]));

  const bucket = () => {
    if (!connection.db) throw new Error('The database is not connected');
    return new mongoose.mongo.GridFSBucket(connection.db, { bucketName: MEDIA_BUCKET });
  };

  return {
    materials: {
      /** Stores the material unless its draft was stored already; returns the stored one. */
      async insertOnce(
        input: NewMaterial,
      ): Promise<{ material: TrainingMaterial; created: boolean }> {
        await init();
        const given = Object.entries(input).filter(([, value]) => value !== undefined);
        const fields = { ...Object.fromEntries(given), topicKey: fold(input.topic), active: true };
        try {
          const result = await materials.findOneAndUpdate(
            { sourceKey: input.sourceKey },
            { $setOnInsert: fields },
            { upsert: true, returnDocument: 'after', includeResultMetadata: true, lean: true },
          );
          return {
            material: toMaterial(result.value),
            created: !result.lastErrorObject?.updatedExisting,
          };
        } catch (error) {
          if (!isDuplicateKey(error)) throw error;
          const existing = await materials.findOne({ sourceKey: input.sourceKey }).lean();
          if (!existing) throw error;
          return { material: toMaterial(existing), created: false };
        }
      },

      async byNumber(number: number): Promise<TrainingMaterial | undefined> {
        const doc = await materials.findOne({ number, active: true }).lean();
        return doc ? toMaterial(doc) : undefined;
      },

      async bySourceKey(sourceKey: string): Promise<TrainingMaterial | undefined> {
        const doc = await materials.findOne({ sourceKey }).lean();
        return doc ? toMaterial(doc) : undefined;
      },

      async byId(id: string): Promise<TrainingMaterial | undefined> {
        if (!Types.ObjectId.isValid(id)) return undefined;
        const doc = await materials.findOne({ _id: id, active: true }).lean();
        return doc ? toMaterial(doc) : undefined;
      },

      /** Topics with how many materials each, alphabetical by folded name. */
      async topics(): Promise<{ topic: string; key: string; count: number }[]> {
        const rows = await materials.aggregate<{ _id: string; topic: string; count: number }>([
          { $match: { active: true } },
          { $group: { _id: '$topicKey', topic: { $first: '$topic' }, count: { $sum: 1 } } },
        ]);
        return rows
          .map((row) => ({ topic: row.topic, key: row._id, count: row.count }))
          .sort((a, b) => a.key.localeCompare(b.key));
      },

      /** One page of materials, newest first, in one topic or (no key) in all. */
      async page(topicKey: string | undefined, skip: number, limit: number) {
        const filter = topicKey === undefined ? { active: true } : { active: true, topicKey };
        const [docs, total] = await Promise.all([
          materials.find(filter).sort({ createdAt: -1, number: -1 }).skip(skip).limit(limit).lean(),
          materials.countDocuments(filter),
        ]);
        return { materials: docs.map(toMaterial), total };
      },

      async setFileRef(id: string, channel: Channel, ref: string): Promise<void> {
        await materials.updateOne({ _id: id }, { $set: { [`file.refs.${channel}`]: ref } });
      },
    },

    views: {
      /** Counts one opening of a material by a collaborator. */
      async record(materialId: string, collaboratorId: string, at: Date): Promise<void> {
        await init();
        const key = `${materialId}:${collaboratorId}`;
        const update = {
          $inc: { count: 1 },
          $set: { lastAt: at },
          $setOnInsert: {
            key,
            materialId: new Types.ObjectId(materialId),
            collaboratorId: new Types.ObjectId(collaboratorId),
            firstAt: at,
          },
        };
        try {
          await views.updateOne({ key }, update, { upsert: true });
        } catch (error) {
          // Two first openings at once: the record exists now, so count this one on it.
          if (!isDuplicateKey(error)) throw error;
          await views.updateOne({ key }, { $inc: { count: 1 }, $set: { lastAt: at } });
        }
      },

      /** How many collaborators opened a material, and how many times in all. */
      async summary(materialId: string): Promise<{ collaborators: number; opens: number }> {
        const rows = await views.aggregate<{ collaborators: number; opens: number }>([
          { $match: { materialId: new Types.ObjectId(materialId) } },
          { $group: { _id: null, collaborators: { $sum: 1 }, opens: { $sum: '$count' } } },
        ]);
        return { collaborators: rows[0]?.collaborators ?? 0, opens: rows[0]?.opens ?? 0 };
      },

      async of(materialId: string, collaboratorId: string) {
        return views.findOne({ key: `${materialId}:${collaboratorId}` }).lean();
      },
    },

    files: {
      /** Writes bytes into GridFS; returns the new file's id. */
      async put(data: Buffer, fileName: string, mimeType: string): Promise<string> {
        const id = new Types.ObjectId();
        await new Promise<void>((resolve, reject) => {
          const upload = bucket().openUploadStreamWithId(id, fileName, { metadata: { mimeType } });
          upload.once('error', reject);
          upload.once('finish', () => resolve());
          upload.end(data);
        });
        return String(id);
      },

      async read(gridId: string): Promise<Buffer> {
        const chunks: Buffer[] = [];
        for await (const chunk of bucket().openDownloadStream(new Types.ObjectId(gridId))) {
          chunks.push(chunk as Buffer);
        }
        return Buffer.concat(chunks);
      },
    },
  };
}

export type TrainingRepository = ReturnType<typeof createTrainingRepository>;

/** A stored media file sub-document as the services see it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function toMediaFile(doc: any): MediaFile {
  return {
    gridId: String(doc.gridId),
    kind: doc.kind,
    fileName: doc.fileName,
    mimeType: doc.mimeType,
    size: doc.size,
    refs: { ...(doc.refs ?? {}) },
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function toMaterial(doc: any): TrainingMaterial {
  return {
    id: String(doc._id),
    number: doc.number,
    title: doc.title,
    topic: doc.topic,
    kind: doc.kind,
    url: doc.url ?? undefined,
    file: doc.file ? toMediaFile(doc.file) : undefined,
    createdAt: doc.createdAt,
  };
}
