import type { Collaborator, CollaboratorStatus } from '../domain/collaborator.js';
import { orderCommission, type CommissionTerms, type Dong } from '../domain/money.js';
import {
  orderLine,
  orderTotal,
  submitOrder,
  transition,
  type OrderActor,
  type OrderHistoryEntry,
  type OrderLine,
  type OrderState,
  type TransitionRefusal,
} from '../domain/order.js';
import { canBeOrdered, type Product } from '../domain/product.js';
import { createOrderRepository, type StoredOrder } from '../store/order.repository.js';
import type { Store } from '../store/repositories.js';
import type { Notifier } from './notifier.js';
import { newOrderNotice, transitionNotice } from './order-notices.js';

export type { StoredOrder } from '../store/order.repository.js';

/** The most lines one order may have: the summary must stay readable in one chat message. */
export const MAX_ORDER_LINES = 10;

/** How many orders one page of a list shows. */
export const ORDER_PAGE_SIZE = 5;

/** The part of the catalog service that orders need. */
export interface CatalogLookup {
  bySku(sku: string): Promise<Product | undefined>;
  termsFor(product: Product, at: Date): Promise<CommissionTerms>;
}

/** One product and how many of it, as a chat draft holds it. */
export interface DraftItem {
  sku: string;
  quantity: number;
}

/** Lines priced with the catalog and rules in force at `at`, or the SKUs that cannot be sold. */
export interface Quote {
  lines: OrderLine[];
  total: Dong;
  commission: Dong;
  unavailable: string[];
}

export interface OrderSubmission {
  collaborator: Collaborator;
  /** One per draft: repeating a submission with it returns the order it created. */
  idempotencyKey: string;
  items: readonly DraftItem[];
  customer: { name: string; phone: string; address: string };
  note?: string;
  at: Date;
}

export type SubmitResult =
  | { outcome: 'created' | 'existing'; order: StoredOrder }
  | { outcome: 'not-active'; status: CollaboratorStatus }
  | { outcome: 'unavailable'; skus: string[] };

export type MoveResult =
  | { outcome: 'done'; order: StoredOrder }
  | { outcome: 'not-found' }
  | { outcome: 'refused'; refusal: TransitionRefusal; order: StoredOrder };

/** Who is looking at orders: admins see every order, a collaborator only their own. */
export interface OrderViewer {
  isAdmin: boolean;
  collaboratorId?: string;
}

/** What the commission ledger does when an order moves (delivered, returned). */
export interface OrderLedger {
  onOrderMoved(order: StoredOrder, step: OrderHistoryEntry, actor: string): Promise<void>;
}

interface Deps {
  store: Store;
  notifier: Notifier;
  catalog: CatalogLookup;
  ledger?: OrderLedger;
}

/** Submission of customer orders and their life from `submitted` to the end. */
export function createOrderService({ store, notifier, catalog, ledger }: Deps) {
  const repo = createOrderRepository(store.connection);

  /** Prices the draft as it would be submitted at `at`; hidden or unknown products are listed. */
  async function quote(items: readonly DraftItem[], at: Date): Promise<Quote> {
    const lines: OrderLine[] = [];
    const unavailable: string[] = [];
    for (const item of items) {
      const product = await catalog.bySku(item.sku);
      if (!canBeOrdered(product)) {
        unavailable.push(item.sku);
        continue;
      }
      lines.push(orderLine(product, item.quantity, await catalog.termsFor(product, at)));
    }
    return { lines, total: orderTotal(lines), commission: orderCommission(lines), unavailable };
  }

  async function submit(input: OrderSubmission): Promise<SubmitResult> {
    // A repeat (second confirm, redelivered update, another worker) answers with the first order.
    const existing = await repo.byIdempotencyKey(input.idempotencyKey);
    if (existing) return { outcome: 'existing', order: existing };

    const { collaborator, at } = input;
    if (collaborator.status !== 'active') {
      return { outcome: 'not-active', status: collaborator.status };
    }
    const priced = await quote(input.items, at);
    if (priced.unavailable.length > 0) return { outcome: 'unavailable', skus: priced.unavailable };

    const actor: OrderActor = { role: 'collaborator', id: collaborator.code };
    const seq = await store.counters.next('order');
    const order = submitOrder(
      {
        sequence: seq,
        collaboratorId: collaborator.id,
        customer: input.customer,
        note: input.note,
        lines: priced.lines,
      },
      at,
      actor,
    );
    const { order: stored, created } = await repo.insertOnce({
      ...order,
      seq,
      idempotencyKey: input.idempotencyKey,
      collaboratorCode: collaborator.code,
      total: priced.total,
      expectedCommission: priced.commission,
    });
    if (!created) return { outcome: 'existing', order: stored };

    await store.audit.record({
      at,
      actor: auditActor(actor),
      action: 'order.submitted',
      subject: `order:${stored.number}`,
      details: { total: stored.total, lines: stored.lines.length, period: stored.period },
    });
    await notifier.toAdmins(newOrderNotice(stored, collaborator));
    return { outcome: 'created', order: stored };
  }

  /**
   * Moves an order, compare-and-set on its state and version: when two admins press at once,
   * the second decision is taken again on the moved order and refused, naming its state.
   */
  async function move(
    number: string,
    to: OrderState,
    actor: OrderActor,
    at: Date,
    reason?: string,
  ): Promise<MoveResult> {
    for (let attempt = 1; ; attempt++) {
      const current = await repo.byNumber(number);
      if (!current) return { outcome: 'not-found' };

      const result = transition(current, to, at, actor, reason);
      if (!result.ok) return { outcome: 'refused', refusal: result.refusal, order: current };

      const entry = result.order.history.at(-1)!;
      const updated = await repo.applyTransition(current, entry);
      if (!updated) {
        if (attempt < 5) continue;
        throw new Error(`Order ${number} kept changing while being moved`);
      }

      await store.audit.record({
        at,
        actor: auditActor(actor),
        action: `order.${to}`,
        subject: `order:${number}`,
        details: { from: entry.from, to, ...(entry.reason && { reason: entry.reason }) },
      });
      // Before the notice: the commission is on the books once the collaborator hears of it.
      await ledger?.onOrderMoved(updated, entry, auditActor(actor));
      const owner = await store.collaborators.byId(updated.collaboratorId);
      if (owner) await notifier.toCollaborator(owner, transitionNotice(updated, entry));
      return { outcome: 'done', order: updated };
    }
  }

  return {
    quote,
    submit,
    move,

    /** Would this move be allowed now? Asked before a reason is requested for it. */
    async check(number: string, to: OrderState, at: Date): Promise<MoveResult> {
      const current = await repo.byNumber(number);
      if (!current) return { outcome: 'not-found' };
      // A placeholder reason: the question is whether the move is allowed at all.
      const result = transition(current, to, at, { role: 'system', id: 'check' }, '-');
      return result.ok
        ? { outcome: 'done', order: current }
        : { outcome: 'refused', refusal: result.refusal, order: current };
    },

    /** One order, if this viewer may see it: someone else's order is simply "not found". */
    async find(number: string, viewer: OrderViewer): Promise<StoredOrder | undefined> {
      const order = await repo.byNumber(number);
      if (!order) return undefined;
      if (viewer.isAdmin || order.collaboratorId === viewer.collaboratorId) return order;
      return undefined;
    },

    /** A collaborator's own orders, newest first; `page` counts from 0. */
    mine: (collaborator: Collaborator, page: number) =>
      repo.byCollaborator(collaborator.id, page * ORDER_PAGE_SIZE, ORDER_PAGE_SIZE),

    /** The admins' queue for one state, newest first; `page` counts from 0. */
    queue: (state: OrderState, page: number) =>
      repo.byState(state, page * ORDER_PAGE_SIZE, ORDER_PAGE_SIZE),

    countByState: () => repo.countByState(),
    collaboratorOf: (order: StoredOrder) => store.collaborators.byId(order.collaboratorId),
  };
}

export type OrderService = ReturnType<typeof createOrderService>;

/** The audit log names admins by channel identity and collaborators by code. */
function auditActor(actor: OrderActor): string {
  return actor.role === 'admin' ? actor.id : `${actor.role}:${actor.id}`;
}
