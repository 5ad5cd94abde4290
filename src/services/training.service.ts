import type { Channel } from '../domain/channel.js';
import { cleanText } from '../domain/text.js';
import type { Attachment, ChannelSender } from '../conversation/types.js';
import type { Store } from '../store/repositories.js';
import {
  createTrainingRepository,
  type MaterialKind,
  type MediaFile,
  type TrainingMaterial,
} from '../store/training.repository.js';
import { UserError } from './errors.js';

export type { MediaFile, TrainingMaterial } from '../store/training.repository.js';

/** The largest file kept: what the Telegram Bot API lets a bot download. */
export const MAX_MEDIA_BYTES = 20 * 1024 * 1024;

/** How many materials one page of a topic shows. */
export const MATERIAL_PAGE_SIZE = 8;

/** A file an admin sent in chat: the channel's id for it and what the channel said of it. */
export interface IncomingFile {
  channel: Channel;
  fileId: string;
  kind: 'document' | 'photo' | 'video';
  fileName?: string;
  mimeType?: string;
  size?: number;
}

/** A material as the `/material` flow collected it: a link or a file. */
export interface NewMaterialInput {
  /** One per chat draft: adding the same draft twice stores one material. */
  sourceKey: string;
  title: string;
  topic: string;
  link?: string;
  file?: IncomingFile;
  createdBy: string;
}

interface Deps {
  store: Store;
  senders: Partial<Record<Channel, ChannelSender>>;
}

const DEFAULT_TYPES = {
  document: 'application/octet-stream',
  photo: 'image/jpeg',
  video: 'video/mp4',
};
const DEFAULT_NAMES = { document: 'tai-lieu', photo: 'anh.jpg', video: 'video.mp4' };

/**
 * The training library: materials added by admins in chat, kept in the database (files in
 * GridFS) so that any channel can send them, and a record of who opened which.
 */
export function createTrainingService({ store, senders }: Deps) {
  const repo = createTrainingRepository(store.connection);

  /**
   * Downloads a file an admin sent and keeps it in GridFS. The channel's own id for the
   * file is kept as that channel's reference: the bot can send it on by that id at once.
   */
  async function storeFile(file: IncomingFile): Promise<MediaFile> {
    if ((file.size ?? 0) > MAX_MEDIA_BYTES) throw new UserError('material-too-large');
    const sender = senders[file.channel];
    if (!sender?.downloadFile) throw new UserError('material-download-unavailable');
    const data = await sender.downloadFile(file.fileId).catch(() => {
      throw new UserError('material-download-failed');
    });
    if (data.length > MAX_MEDIA_BYTES) throw new UserError('material-too-large');

    const fileName = cleanText(file.fileName ?? '') || DEFAULT_NAMES[file.kind];
    const mimeType = file.mimeType ?? DEFAULT_TYPES[file.kind];
    const gridId = await repo.files.put(data, fileName, mimeType);
    const refs = { [file.channel]: file.fileId };
    return { gridId, kind: file.kind, fileName, mimeType, size: data.length, refs };
  }

  return {
    topics: () => repo.materials.topics(),
    byNumber: (number: number) => repo.materials.byNumber(number),
    byId: (id: string) => repo.materials.byId(id),
    readFile: (gridId: string) => repo.files.read(gridId),
    rememberRef: repo.materials.setFileRef,
    viewSummary: repo.views.summary,

    /** One page (from 0) of a topic's materials, or of all of them when `topicKey` is unset. */
    page: (topicKey: string | undefined, page: number) =>
      repo.materials.page(topicKey, page * MATERIAL_PAGE_SIZE, MATERIAL_PAGE_SIZE),

    storeFile,

    /** Adds a material (a file or a link); repeating the same draft returns the first one. */
    async add(input: NewMaterialInput): Promise<{ material: TrainingMaterial; created: boolean }> {
      // A repeated confirmation must not download and store the file a second time.
      const existing = await repo.materials.bySourceKey(input.sourceKey);
      if (existing) return { material: existing, created: false };
      const kind: MaterialKind = input.file ? input.file.kind : 'link';
      const file = input.file ? await storeFile(input.file) : undefined;
      return repo.materials.insertOnce({
        number: await store.counters.next('training-material'),
        sourceKey: input.sourceKey,
        title: input.title,
        topic: input.topic,
        kind,
        url: input.link,
        file,
        createdBy: input.createdBy,
      });
    },

    /** Counts an opening of `material` by a collaborator (admins who are not are not counted). */
    async opened(material: TrainingMaterial, collaboratorId: string | undefined, at: Date) {
      if (collaboratorId) await repo.views.record(material.id, collaboratorId, at);
    },

    /** How many times this collaborator opened the material, if ever. */
    async viewOf(materialId: string, collaboratorId: string) {
      const view = await repo.views.of(materialId, collaboratorId);
      return view ? { count: view.count as number, lastAt: view.lastAt as Date } : undefined;
    },
  };
}

export type TrainingService = ReturnType<typeof createTrainingService>;

/**
 * A stored file as a reply attachment for one channel: with the channel's reference when it
 * has one (the bytes are still given, for a channel that finds its reference out of date).
 */
export function attachmentOf(file: MediaFile, data: Buffer, channel: Channel): Attachment {
  const ref = file.refs[channel];
  const common = { fileName: file.fileName, mimeType: file.mimeType, data };
  const withRef = ref ? { ...common, fileRef: ref } : common;
  if (file.kind === 'document') return { kind: 'document', ...withRef };
  return { kind: 'media', media: file.kind, ...withRef };
}
