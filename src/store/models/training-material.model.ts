import { Schema } from 'mongoose';

export const MATERIAL_KINDS = ['document', 'photo', 'video', 'link'] as const;

/**
 * A file kept in the database (GridFS bucket `media`) and each channel's own reference to
 * it once uploaded there (`refs.telegram` = a Telegram `file_id`), so that the bytes go up
 * once per channel and not once per recipient. Shared by training materials and broadcasts.
 */
export const mediaFileSchema = new Schema(
  {
    gridId: { type: Schema.Types.ObjectId, required: true },
    kind: { type: String, enum: ['document', 'photo', 'video'], required: true },
    fileName: { type: String, required: true },
    mimeType: { type: String, required: true },
    size: { type: Number, required: true },
    refs: { type: Schema.Types.Mixed, default: {} },
  },
  { _id: false, minimize: false },
);

/**
 * A training material: a document, photo, video or link under a topic. `sourceKey` (the
 * admin's chat draft) makes adding it safe to repeat; `number` is what buttons carry.
 */
export const trainingMaterialSchema = new Schema(
  {
    number: { type: Number, required: true, unique: true },
    sourceKey: { type: String, required: true, unique: true },
    title: { type: String, required: true },
    topic: { type: String, required: true },
    topicKey: { type: String, required: true },
    kind: { type: String, enum: MATERIAL_KINDS, required: true },
    url: { type: String },
    file: { type: mediaFileSchema },
    active: { type: Boolean, required: true, default: true },
    createdBy: { type: String, required: true },
  },
  { timestamps: true, collection: 'training_materials', minimize: false },
);

trainingMaterialSchema.index({ active: 1, topicKey: 1, createdAt: -1 });
