import { Schema } from 'mongoose';

/**
 * One statement document: a version of a collaborator's period. `key`
 * (`CTV0042:2026-11:v2`) is unique and every write is an upsert on it, so two workers making
 * the same version store one. Older versions are never changed or removed: the document a
 * collaborator once received can always be found again by its digest. The PDF bytes live in
 * the GridFS bucket below; `model` keeps the data the PDF was drawn from.
 */
export const statementSchema = new Schema(
  {
    key: { type: String, required: true, unique: true },
    collaboratorId: { type: Schema.Types.ObjectId, required: true },
    collaboratorCode: { type: String, required: true },
    period: { type: String, required: true },
    version: { type: Number, required: true },
    statementId: { type: String, required: true },
    /** SHA-256 of the model (see `statementDigest`): what "the ledger changed" is checked by. */
    digest: { type: String, required: true },
    provisional: { type: Boolean, required: true },
    /** The StatementModel as canonical JSON: dates as ISO strings, amounts as whole đồng. */
    model: { type: String, required: true },
    fileId: { type: Schema.Types.ObjectId, required: true },
    fileName: { type: String, required: true },
    size: { type: Number, required: true },
    generatedAt: { type: Date, required: true },
  },
  { collection: 'statements', versionKey: false },
);

statementSchema.index({ collaboratorId: 1, period: 1, version: -1 });

/** The GridFS bucket of statement PDFs: kept for good, unlike the files behind chat links. */
export const STATEMENT_FILES_BUCKET = 'statement_files';

/**
 * One run of the monthly sending for a period: started, then finished with its counts. A
 * period whose run never finished (a crash, a close made where no job queue runs) is picked
 * up by the daily check.
 */
export const statementRunSchema = new Schema(
  {
    period: { type: String, required: true, unique: true },
    startedAt: { type: Date, required: true },
    finishedAt: { type: Date },
    counts: { type: Schema.Types.Mixed },
  },
  { collection: 'statement_runs', versionKey: false },
);
