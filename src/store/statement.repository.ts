import mongoose, { type Connection } from 'mongoose';
import type { Dong } from '../domain/money.js';
import type { Period } from '../domain/period.js';
import { modelOn } from './ledger.repository.js';
import { ledgerEntrySchema } from './models/ledger-entry.model.js';
import { orderSchema } from './models/order.model.js';
import { monthCloseSchema } from './models/payout.model.js';
import {
  STATEMENT_FILES_BUCKET,
  statementRunSchema,
  statementSchema,
} from './models/statement.model.js';
import { isDuplicateKey } from './repositories.js';

/** A stored statement version, without its bytes. */
export interface StoredStatement {
  key: string;
  collaboratorId: string;
  collaboratorCode: string;
  period: Period;
  version: number;
  statementId: string;
  digest: string;
  provisional: boolean;
  fileId: string;
  fileName: string;
  size: number;
  generatedAt: Date;
}

/** A version to store; the repository adds the file id. */
export type NewStatement = Omit<StoredStatement, 'fileId' | 'size'> & { model: string };

/** What a statement's order table needs of an order. */
export interface OrderSummary {
  number: string;
  submittedAt: Date;
  total: Dong;
  lines: { name: string; quantity: number }[];
}

/** The natural key of a version: unique, so one (collaborator, period, version) is stored once. */
export const statementKey = (code: string, period: Period, version: number) =>
  `${code}:${period}:v${version}`;

/**
 * The `statements` collection, its PDF bucket and the `statement_runs` of the monthly job,
 * plus the few reads of the ledger, orders and month closes that statements need in bulk.
 */
export function createStatementRepository(connection: Connection) {
  const statements = modelOn(connection, 'Statement', statementSchema);
  const runs = modelOn(connection, 'StatementRun', statementRunSchema);
  const entries = modelOn(connection, 'LedgerEntry', ledgerEntrySchema);
  const orders = modelOn(connection, 'Order', orderSchema);
  const closes = modelOn(connection, 'MonthClose', monthCloseSchema);
  let ready: Promise<unknown> | undefined;
  const init = () => (ready ??= Promise.all([statements.init(), runs.init()]));

  function bucket() {
    if (!connection.db) throw new Error('The database connection is not open');
    return new mongoose.mongo.GridFSBucket(connection.db, { bucketName: STATEMENT_FILES_BUCKET });
  }

  async function upload(fileName: string, data: Buffer): Promise<mongoose.mongo.ObjectId> {
    const stream = bucket().openUploadStream(fileName, {
      metadata: { mimeType: 'application/pdf' },
    });
    await new Promise<void>((resolve, reject) => {
      stream.once('error', reject).once('finish', () => resolve());
      stream.end(data);
    });
    return stream.id;
  }

  return {
    init,

    /** The newest version of a collaborator's period. */
    async latest(collaboratorId: string, period: Period): Promise<StoredStatement | undefined> {
      await init();
      const doc = await statements.findOne({ collaboratorId, period }).sort({ version: -1 }).lean();
      return doc ? toStatement(doc) : undefined;
    },

    /** Every version of a collaborator's period, oldest first. */
    async versions(collaboratorId: string, period: Period): Promise<StoredStatement[]> {
      await init();
      const docs = await statements.find({ collaboratorId, period }).sort({ version: 1 }).lean();
      return docs.map(toStatement);
    },

    /**
     * Stores the PDF and its record unless the version exists; a loser of the race gets the
     * winner's record, and its own upload is removed again.
     */
    async insertOnce(statement: NewStatement, pdf: Buffer) {
      await init();
      const fileId = await upload(statement.fileName, pdf);
      const fields = { ...statement, fileId, size: pdf.length };
      let doc: unknown;
      let created = false;
      try {
        const result = await statements.findOneAndUpdate(
          { key: statement.key },
          { $setOnInsert: fields },
          { upsert: true, returnDocument: 'after', includeResultMetadata: true, lean: true },
        );
        doc = result.value;
        created = !result.lastErrorObject?.updatedExisting;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        doc = await statements.findOne({ key: statement.key }).lean();
      }
      if (!created) await bucket().delete(fileId);
      return { statement: toStatement(doc), created };
    },

    /** The PDF bytes of a stored statement. */
    async read(fileId: string): Promise<Buffer> {
      const chunks: Buffer[] = [];
      const id = new mongoose.mongo.ObjectId(fileId);
      for await (const chunk of bucket().openDownloadStream(id)) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },

    /** Ids of the collaborators with at least one ledger entry counted in `period`. */
    async withActivity(period: Period): Promise<string[]> {
      const rows = await entries.aggregate<{ _id: unknown }>([
        { $match: { period } },
        { $group: { _id: '$collaboratorId' } },
      ]);
      return rows.map((row) => String(row._id)).sort();
    },

    /** The orders named, with what the order table shows. */
    async orders(numbers: readonly string[]): Promise<OrderSummary[]> {
      if (numbers.length === 0) return [];
      const docs = await orders
        .find({ number: { $in: numbers } }, { number: 1, submittedAt: 1, total: 1, lines: 1 })
        .lean<OrderSummary[]>();
      return docs.map((doc) => ({
        number: doc.number,
        submittedAt: doc.submittedAt,
        total: doc.total,
        lines: doc.lines.map((line) => ({ name: line.name, quantity: line.quantity })),
      }));
    },

    /** The latest period a month close ran for. */
    async lastClosed(): Promise<Period | undefined> {
      const doc = await closes.findOne({}, { period: 1 }).sort({ period: -1 }).lean();
      return doc ? String(doc.period) : undefined;
    },

    runs: {
      async of(period: Period): Promise<{ startedAt: Date; finishedAt?: Date } | undefined> {
        await init();
        const doc = await runs.findOne({ period }).lean();
        if (!doc) return undefined;
        return { startedAt: doc.startedAt, ...(doc.finishedAt && { finishedAt: doc.finishedAt }) };
      },

      /** Records that a run started now; a finished record is opened again. */
      async start(period: Period, at: Date): Promise<void> {
        await init();
        await runs.updateOne(
          { period },
          { $set: { startedAt: at }, $unset: { finishedAt: 1 } },
          { upsert: true },
        );
      },

      async finish(period: Period, at: Date, counts: Record<string, number>): Promise<void> {
        await runs.updateOne({ period }, { $set: { finishedAt: at, counts } });
      },
    },
  };
}

export type StatementRepository = ReturnType<typeof createStatementRepository>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function toStatement(doc: any): StoredStatement {
  return {
    key: doc.key,
    collaboratorId: String(doc.collaboratorId),
    collaboratorCode: doc.collaboratorCode,
    period: doc.period,
    version: doc.version,
    statementId: doc.statementId,
    digest: doc.digest,
    provisional: doc.provisional,
    fileId: String(doc.fileId),
    fileName: doc.fileName,
    size: doc.size,
    generatedAt: doc.generatedAt,
  };
}
