import { lineTotal, sumDong, type CommissionTerms, type Dong } from './money.js';
import { periodOf, type Period } from './period.js';
import type { Product } from './product.js';
import { cleanText } from './text.js';

export { orderCommission } from './money.js';

/** Where an order stands. `cancelled` and `returned` are final. */
export type OrderState = 'submitted' | 'confirmed' | 'delivered' | 'cancelled' | 'returned';

/** The moves an order may make from each state; anything else is refused. */
export const ORDER_TRANSITIONS: Readonly<Record<OrderState, readonly OrderState[]>> = {
  submitted: ['confirmed', 'cancelled'],
  confirmed: ['delivered', 'cancelled'],
  delivered: ['returned'],
  cancelled: [],
  returned: [],
};

/** States that can only be entered with a reason, kept in the history. */
const NEEDS_REASON: ReadonlySet<OrderState> = new Set(['cancelled', 'returned']);

const MAX_REASON_LENGTH = 500;

/** Who moved an order: an admin, the collaborator who owns it, or a scheduled job. */
export interface OrderActor {
  role: 'admin' | 'collaborator' | 'system';
  id: string;
}

/** One line of an order, frozen at submission so later catalog or rule changes never alter it. */
export interface OrderLine {
  sku: string;
  name: string;
  unitPrice: Dong;
  quantity: number;
  /** The terms in force at submission, already resolved from product, category or default. */
  commission: CommissionTerms;
}

/** One step of an order's life; the first entry is the submission (`from` undefined). */
export interface OrderHistoryEntry {
  from?: OrderState;
  to: OrderState;
  at: Date;
  actor: OrderActor;
  reason?: string;
}

/** A customer order handed in by a collaborator. */
export interface Order {
  /** `DH-000123`, from a sequence; unique. */
  number: string;
  collaboratorId: string;
  customer: { name: string; phone: string; address: string };
  note?: string;
  lines: readonly OrderLine[];
  state: OrderState;
  submittedAt: Date;
  /** The Asia/Ho_Chi_Minh month of `submittedAt`. */
  period: Period;
  history: readonly OrderHistoryEntry[];
}

/** What a new order is made from; the number comes from the store's sequence. */
export type OrderDraft = Pick<Order, 'collaboratorId' | 'customer' | 'note' | 'lines'> & {
  sequence: number;
};

/** Formats the n-th order number: 123 → `DH-000123`; grows past six digits as needed. */
export function formatOrderNumber(sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1) {
    throw new RangeError(`An order sequence must be a whole number ≥ 1, got ${sequence}`);
  }
  return `DH-${String(sequence).padStart(6, '0')}`;
}

/** Reads an order number as typed: `DH-000123`, `dh000123`, `DH 123` → `DH-000123`. */
export function parseOrderNumber(text: string): string | undefined {
  const match = /^dh[\s-]?0*(\d{1,12})$/i.exec(text.trim());
  const sequence = match ? Number(match[1]) : 0;
  return sequence >= 1 ? formatOrderNumber(sequence) : undefined;
}

/**
 * Freezes a product into an order line. `terms` are the commission terms the rule book in force
 * gives this product (its own, else its category's, else the default).
 */
export function orderLine(
  product: Pick<Product, 'sku' | 'name' | 'price'>,
  quantity: number,
  terms: CommissionTerms,
): OrderLine {
  return {
    sku: product.sku,
    name: product.name,
    unitPrice: product.price,
    quantity,
    commission: terms,
  };
}

/** What the customer pays: the sum of `unitPrice × quantity` over the lines. */
export function orderTotal(lines: readonly Pick<OrderLine, 'unitPrice' | 'quantity'>[]): Dong {
  return sumDong(lines.map(lineTotal));
}

/** A new order in state `submitted`, its period taken from the submission time `at`. */
export function submitOrder(draft: OrderDraft, at: Date, actor: OrderActor): Order {
  if (draft.lines.length === 0) throw new RangeError('An order needs at least one line');
  for (const line of draft.lines) {
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) {
      throw new RangeError(`Line ${line.sku}: quantity must be a whole number ≥ 1`);
    }
  }
  orderTotal(draft.lines);

  return {
    number: formatOrderNumber(draft.sequence),
    collaboratorId: draft.collaboratorId,
    customer: { ...draft.customer },
    ...(draft.note !== undefined && { note: draft.note }),
    lines: draft.lines.map((line) => ({ ...line })),
    state: 'submitted',
    submittedAt: at,
    period: periodOf(at),
    history: [{ to: 'submitted', at, actor }],
  };
}

/** Why a transition was refused; `from` is the order's current state, to name in the reply. */
export type TransitionRefusal =
  | { code: 'transition-not-allowed'; from: OrderState; to: OrderState }
  | { code: 'transition-already-done'; from: OrderState; to: OrderState }
  | { code: 'transition-needs-reason'; from: OrderState; to: OrderState };

export type TransitionResult =
  { ok: true; order: Order } | { ok: false; refusal: TransitionRefusal };

/** The states an order can move to next: the buttons an admin is offered. */
export function allowedTransitions(state: OrderState): readonly OrderState[] {
  return ORDER_TRANSITIONS[state];
}

/** True when moving to `to` must carry a reason (cancelling, returning). */
export function needsReason(to: OrderState): boolean {
  return NEEDS_REASON.has(to);
}

/**
 * Moves an order to `to` at `at`, returning a new order with the step added to its history;
 * the given order is left untouched. A move the life cycle does not allow, a repeat of the
 * current state, or a cancel/return without a reason is refused, naming the current state.
 */
export function transition(
  order: Order,
  to: OrderState,
  at: Date,
  actor: OrderActor,
  reason?: string,
): TransitionResult {
  const from = order.state;
  if (from === to) return { ok: false, refusal: { code: 'transition-already-done', from, to } };
  if (!ORDER_TRANSITIONS[from].includes(to)) {
    return { ok: false, refusal: { code: 'transition-not-allowed', from, to } };
  }

  const why = reason === undefined ? '' : cleanText(reason).slice(0, MAX_REASON_LENGTH);
  if (NEEDS_REASON.has(to) && why === '') {
    return { ok: false, refusal: { code: 'transition-needs-reason', from, to } };
  }

  const entry: OrderHistoryEntry = { from, to, at, actor, ...(why !== '' && { reason: why }) };
  return { ok: true, order: { ...order, state: to, history: [...order.history, entry] } };
}

/** The largest quantity one line may carry unless configured otherwise. */
export const DEFAULT_MAX_QUANTITY = 1000;

/** Why a typed quantity was refused; catalogue-key-like codes. */
export type QuantityRefusal =
  'quantity-not-a-number' | 'quantity-not-whole' | 'quantity-too-small' | 'quantity-too-large';

export type QuantityResult =
  { ok: true; quantity: number } | { ok: false; reason: QuantityRefusal; max: number };

/** Checks a quantity already held as a number: a whole number from 1 to `max`. */
export function checkQuantity(quantity: number, max = DEFAULT_MAX_QUANTITY): QuantityResult {
  if (!Number.isFinite(quantity)) return { ok: false, reason: 'quantity-not-a-number', max };
  if (quantity < 1) return { ok: false, reason: 'quantity-too-small', max };
  if (!Number.isInteger(quantity)) return { ok: false, reason: 'quantity-not-whole', max };
  if (quantity > max) return { ok: false, reason: 'quantity-too-large', max };
  return { ok: true, quantity };
}

/**
 * Reads a quantity typed in chat: "3", " 12 ", "2.0" are fine; "hai" is not a number, "0" and
 * "-1" are too small, "1.5" and "1,5" are not whole, anything above `max` is too large. A dot
 * or comma before exactly three digits groups thousands ("1.200" is 1200), as it does for money.
 */
export function parseQuantity(text: string, max = DEFAULT_MAX_QUANTITY): QuantityResult {
  const typed = text.trim().replace(/^[−–]/, '-');
  if (!/^-?\d+(?:[.,]\d+)*$/.test(typed))
    return { ok: false, reason: 'quantity-not-a-number', max };

  const grouped = /^-?\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*$/.test(typed);
  const number = grouped ? typed.replace(/[.,]/g, '') : typed.replace(',', '.');
  if (!/^-?\d+(?:\.\d+)?$/.test(number)) return { ok: false, reason: 'quantity-not-a-number', max };

  return checkQuantity(Number(number), max);
}
