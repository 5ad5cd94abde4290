import { Schema } from 'mongoose';

/**
 * Who opened which training material: one record per (material, collaborator), keyed
 * `<material id>:<collaborator id>`, counting the openings and keeping the first and last.
 */
export const materialViewSchema = new Schema(
  {
    key: { type: String, required: true, unique: true },
    materialId: { type: Schema.Types.ObjectId, required: true, index: true },
    collaboratorId: { type: Schema.Types.ObjectId, required: true, index: true },
    count: { type: Number, required: true, default: 0 },
    firstAt: { type: Date, required: true },
    lastAt: { type: Date, required: true },
  },
  { collection: 'material_views', versionKey: false },
);
