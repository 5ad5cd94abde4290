import type { Connection, Model } from 'mongoose';
import type { CommissionTerms, Dong } from '../domain/money.js';
import type { Order, OrderHistoryEntry, OrderLine, OrderState } from '../domain/order.js';
import { orderSchema } from './models/order.model.js';
import { isDuplicateKey } from './repositories.js';

/** An order as stored: the domain order plus its keys, amounts and compare-and-set version. */
export interface StoredOrder extends Order {
  id: string;
  seq: number;
  idempotencyKey: string;
  collaboratorCode: string;
  /** What the customer pays, fixed at submission. */
  total: Dong;
  /** The commission the lines earn once delivered, fixed at submission. */
  expectedCommission: Dong;
  version: number;
}

export type NewOrder = Omit<StoredOrder, 'id' | 'version'>;

/** A page of orders and how many there are in all. */
export interface OrderPage {
  orders: StoredOrder[];
  total: number;
}

/**
 * Reads and writes of the `orders` collection. Submission is an upsert keyed on the draft's
 * idempotency key, and a transition is an update filtered on the state and version it was
 * computed from: both stay safe on the emulator, which enforces no unique index.
 */
export function createOrderRepository(connection: Connection) {
  // Building the services twice on one connection (tests, CLI) must reuse the compiled model.
  const model =
    (connection.models.Order as Model<unknown> | undefined) ??
    connection.model('Order', orderSchema);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const orders = model as Model<any>;

  async function page(filter: Record<string, unknown>, skip: number, limit: number) {
    const [docs, total] = await Promise.all([
      orders.find(filter).sort({ submittedAt: -1, seq: -1 }).skip(skip).limit(limit).lean(),
      orders.countDocuments(filter),
    ]);
    return { orders: docs.map(toOrder), total };
  }

  return {
    model: orders,

    /** Builds the indexes; mongoose also does it on its own when `autoIndex` is on. */
    init: () => orders.init(),

    /**
     * Stores the order unless one with the same idempotency key exists; returns the stored
     * order and whether this call created it.
     */
    async insertOnce(order: NewOrder): Promise<{ order: StoredOrder; created: boolean }> {
      try {
        const result = await orders.findOneAndUpdate(
          { idempotencyKey: order.idempotencyKey },
          { $setOnInsert: { ...order, version: 0 } },
          { upsert: true, returnDocument: 'after', includeResultMetadata: true, lean: true },
        );
        return { order: toOrder(result.value), created: !result.lastErrorObject?.updatedExisting };
      } catch (error) {
        // A real server refuses the loser of two simultaneous upserts with E11000.
        if (!isDuplicateKey(error)) throw error;
        const existing = await orders.findOne({ idempotencyKey: order.idempotencyKey }).lean();
        if (!existing) throw error;
        return { order: toOrder(existing), created: false };
      }
    },

    async byNumber(number: string): Promise<StoredOrder | undefined> {
      const doc = await orders.findOne({ number }).lean();
      return doc ? toOrder(doc) : undefined;
    },

    async byIdempotencyKey(key: string): Promise<StoredOrder | undefined> {
      const doc = await orders.findOne({ idempotencyKey: key }).lean();
      return doc ? toOrder(doc) : undefined;
    },

    /** A collaborator's orders, newest first. */
    byCollaborator: (collaboratorId: string, skip: number, limit: number): Promise<OrderPage> =>
      page({ collaboratorId }, skip, limit),

    /** Orders in one state, newest first: the admins' queue. */
    byState: (state: OrderState, skip: number, limit: number): Promise<OrderPage> =>
      page({ state }, skip, limit),

    /** How many orders are in each state; states without orders are absent. */
    async countByState(): Promise<Partial<Record<OrderState, number>>> {
      const groups = await orders.aggregate<{ _id: OrderState; count: number }>([
        { $group: { _id: '$state', count: { $sum: 1 } } },
      ]);
      return Object.fromEntries(groups.map((group) => [group._id, group.count]));
    },

    /**
     * Applies a transition computed from `expected` (its state and version). Undefined when
     * the order moved meanwhile: the caller reloads and decides again.
     */
    async applyTransition(
      expected: StoredOrder,
      entry: OrderHistoryEntry,
    ): Promise<StoredOrder | undefined> {
      const doc = await orders
        .findOneAndUpdate(
          { number: expected.number, state: expected.state, version: expected.version },
          {
            $set: { state: entry.to, version: expected.version + 1 },
            $push: { history: entry },
          },
          { returnDocument: 'after' },
        )
        .lean();
      return doc ? toOrder(doc) : undefined;
    },
  };
}

export type OrderRepository = ReturnType<typeof createOrderRepository>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function toTerms(doc: any): CommissionTerms {
  return doc.kind === 'fixed'
    ? { kind: 'fixed', amount: doc.amount }
    : { kind: 'rate', rate: String(doc.rate) };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function toOrder(doc: any): StoredOrder {
  return {
    id: String(doc._id),
    number: doc.number,
    seq: doc.seq,
    idempotencyKey: doc.idempotencyKey,
    collaboratorId: String(doc.collaboratorId),
    collaboratorCode: doc.collaboratorCode,
    customer: {
      name: doc.customer.name,
      phone: doc.customer.phone,
      address: doc.customer.address,
    },
    ...(doc.note != null && { note: doc.note }),
    lines: (doc.lines ?? []).map((line: OrderLine): OrderLine => ({
      sku: line.sku,
      name: line.name,
      unitPrice: line.unitPrice,
      quantity: line.quantity,
      commission: toTerms(line.commission),
    })),
    total: doc.total,
    expectedCommission: doc.expectedCommission,
    state: doc.state,
    submittedAt: doc.submittedAt,
    period: doc.period,
    history: (doc.history ?? []).map((entry: OrderHistoryEntry): OrderHistoryEntry => ({
      ...(entry.from != null && { from: entry.from }),
      to: entry.to,
      at: entry.at,
      actor: { role: entry.actor.role, id: entry.actor.id },
      ...(entry.reason != null && { reason: entry.reason }),
    })),
    version: doc.version ?? 0,
  };
}
