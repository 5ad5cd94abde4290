import { Schema, type InferSchemaType } from 'mongoose';

export const COLLABORATOR_STATUSES = ['pending', 'active', 'rejected', 'suspended'] as const;
export type CollaboratorStatus = (typeof COLLABORATOR_STATUSES)[number];

const identitySchema = new Schema(
  {
    channel: { type: String, required: true },
    userId: { type: String, required: true },
    chatId: { type: String, required: true },
    blocked: { type: Boolean, default: false },
    linkedAt: { type: Date, required: true },
    lastSeenAt: { type: Date },
  },
  { _id: false },
);

/**
 * A collaborator (CTV). `originKey` (`channel:userId` of the registering identity) is the
 * natural key that makes registration idempotent; sensitive fields are stored encrypted
 * with only their last digits beside them for display.
 */
export const collaboratorSchema = new Schema(
  {
    code: { type: String, required: true, unique: true },
    originKey: { type: String, required: true, unique: true },
    status: { type: String, enum: COLLABORATOR_STATUSES, required: true, default: 'pending' },
    fullName: { type: String, required: true },
    nameKey: { type: String, required: true, index: true },
    phone: { type: String, required: true, unique: true },
    province: { type: String, required: true, index: true },
    bank: {
      bankName: { type: String, required: true },
      accountNumberSealed: { type: String, required: true },
      accountLast4: { type: String, required: true },
      accountHolder: { type: String, required: true },
    },
    nationalIdSealed: { type: String },
    referrerCode: { type: String },
    locale: { type: String, enum: ['vi', 'en'], required: true, default: 'vi' },
    identities: { type: [identitySchema], default: [] },
    lastChannel: { type: String },
    consent: {
      version: { type: String, required: true },
      at: { type: Date, required: true },
    },
    decidedAt: { type: Date },
    decidedBy: { type: String },
    rejectionReason: { type: String },
  },
  { timestamps: true, collection: 'collaborators' },
);

collaboratorSchema.index({ 'identities.channel': 1, 'identities.userId': 1 }, { unique: true });
collaboratorSchema.index({ status: 1, createdAt: -1 });

export type CollaboratorDoc = InferSchemaType<typeof collaboratorSchema> & {
  _id: import('mongoose').Types.ObjectId;
};
