import { DEFAULT_MAX_QUANTITY, parseQuantity } from '../../domain/order.js';
import { canBeOrdered, type Product } from '../../domain/product.js';
import { cleanText, fold } from '../../domain/text.js';
import { type DraftItem, MAX_ORDER_LINES } from '../../services/order.service.js';
import type { Choice } from '../types.js';
import type { FlowData, Step, StepInput, StepResult, TurnContext } from '../flow.js';
import { draftText, money } from '../order-view.js';

/**
 * The steps that fill an order's lines: product (typed SKU or name), pick among several
 * matches, quantity, then "add another / remove one / continue" with the running total.
 * The loop returns explicit `next` steps, so that it keeps going when it was entered from
 * the summary's "edit", and only "continue" goes back to the summary.
 */

/** How many matches of a name search are offered as buttons. */
const MAX_CANDIDATES = 8;

const SKU_LIKE = /^[a-z0-9][a-z0-9._-]*$/i;

const UNKNOWN: StepResult = { ok: false, retry: 'order-retry-product-unknown' };
const INACTIVE: StepResult = { ok: false, retry: 'order-retry-product-inactive' };

interface Candidate {
  sku: string;
  name: string;
  price: number;
}

export function itemsOf(data: FlowData): DraftItem[] {
  return Array.isArray(data.items) ? (data.items as DraftItem[]) : [];
}

function chosen(product: Product): StepResult {
  return { ok: true, set: { pending: product.sku, candidates: undefined }, next: 'quantity' };
}

/** Reads a product from a pressed match, a typed SKU or a part of its name. */
async function readProduct(input: StepInput, ctx: TurnContext): Promise<StepResult> {
  const catalog = ctx.services.catalog;
  if (input.kind === 'choice' && input.value.startsWith('p:')) {
    const product = await catalog.bySku(input.value.slice(2));
    return canBeOrdered(product) ? chosen(product) : INACTIVE;
  }
  if (input.kind !== 'text') return UNKNOWN;

  const typed = cleanText(input.text);
  const bySku = SKU_LIKE.test(typed) ? await catalog.bySku(typed.toUpperCase()) : undefined;
  if (bySku) return canBeOrdered(bySku) ? chosen(bySku) : INACTIVE;

  // Hidden products are searched too, to say "not on sale" rather than "no such product".
  const found =
    typed.length >= 2 ? await catalog.search(typed, { activeOnly: false, limit: 50 }) : [];
  const active = found.filter(canBeOrdered);
  if (active.length === 0) return found.length > 0 ? INACTIVE : UNKNOWN;
  const exact = active.filter((product) => product.nameKey === fold(typed));
  if (active.length === 1 || exact.length === 1) return chosen(exact[0] ?? active[0]!);

  const candidates: Candidate[] = active
    .slice(0, MAX_CANDIDATES)
    .map((product) => ({ sku: product.sku, name: product.name, price: product.price }));
  return { ok: true, set: { candidates, pending: undefined }, next: 'pick' };
}

/** A notice shown once when confirming found products that are no longer sold. */
function droppedNotice(ctx: TurnContext, data: FlowData): string[] {
  const dropped = Array.isArray(data.dropped) ? (data.dropped as string[]) : [];
  return dropped.length > 0 ? [ctx.t('order-dropped', { skus: dropped.join(', ') })] : [];
}

export const draftSteps: Step[] = [
  {
    name: 'product',
    skip: (data) => typeof data.pending === 'string',
    next: (data) => (Array.isArray(data.candidates) ? 'pick' : 'quantity'),
    prompt: (ctx, data) => ({
      text: [...droppedNotice(ctx, data), ctx.t('order-ask-product')].join('\n'),
    }),
    parse: (input, ctx) => readProduct(input, ctx),
  },
  {
    name: 'pick',
    next: 'quantity',
    prompt(ctx, data) {
      const candidates = (data.candidates ?? []) as Candidate[];
      return {
        text: ctx.t('order-ask-pick'),
        choices: candidates.map((item) => [
          { label: `${item.name} · ${money(ctx, item.price)}`, payload: `p:${item.sku}` },
        ]),
      };
    },
    // A new text is a new search, so a person who did not find it can type again.
    parse: (input, ctx) => readProduct(input, ctx),
  },
  {
    name: 'quantity',
    next: 'more',
    async prompt(ctx, data) {
      const product = await ctx.services.catalog.bySku(String(data.pending));
      return {
        text: ctx.t('order-ask-quantity', {
          name: product?.name ?? String(data.pending),
          price: product ? money(ctx, product.price) : '—',
          max: DEFAULT_MAX_QUANTITY,
        }),
      };
    },
    parse(input, _ctx, data) {
      if (input.kind !== 'text') return { ok: false, retry: 'order-retry-quantity-not-a-number' };
      const parsed = parseQuantity(input.text, DEFAULT_MAX_QUANTITY);
      if (!parsed.ok) return { ok: false, retry: `order-retry-${parsed.reason}` };

      // The same product twice is one line: the quantities add up, under the same maximum.
      const sku = String(data.pending);
      const items = itemsOf(data).map((item) => ({ ...item }));
      const same = items.find((item) => item.sku === sku);
      const quantity = parsed.quantity + (same?.quantity ?? 0);
      if (quantity > DEFAULT_MAX_QUANTITY) {
        return { ok: false, retry: 'order-retry-quantity-too-large' };
      }
      if (same) same.quantity = quantity;
      else items.push({ sku, quantity });
      return { ok: true, set: { items, pending: undefined, dropped: undefined }, next: 'more' };
    },
  },
  {
    name: 'more',
    next: 'customerName',
    async prompt(ctx, data) {
      const items = itemsOf(data);
      const quote = await ctx.services.orders.quote(items, ctx.now);
      const row: Choice[] = [];
      if (items.length < MAX_ORDER_LINES) {
        row.push({ label: ctx.t('order-add-button'), payload: 'add' });
      }
      row.push({ label: ctx.t('order-remove-button'), payload: 'remove' });
      return {
        text: [...droppedNotice(ctx, data), draftText(ctx, quote)].join('\n'),
        choices: [row, [{ label: ctx.t('order-continue-button'), payload: 'continue' }]],
      };
    },
    parse(input, _ctx, data) {
      if (input.kind !== 'choice') return { ok: false, retry: 'retry-use-buttons' };
      const count = itemsOf(data).length;
      if (input.value === 'add') {
        if (count >= MAX_ORDER_LINES) return { ok: false, retry: 'order-retry-too-many-lines' };
        return { ok: true, set: { dropped: undefined }, next: 'product' };
      }
      if (input.value === 'remove') return { ok: true, next: 'removeLine' };
      if (count === 0) return { ok: true, next: 'product' };
      return { ok: true, set: { dropped: undefined } };
    },
  },
  {
    name: 'removeLine',
    async prompt(ctx, data) {
      const quote = await ctx.services.orders.quote(itemsOf(data), ctx.now);
      const names = new Map(quote.lines.map((line) => [line.sku, line.name]));
      return {
        text: ctx.t('order-ask-remove'),
        choices: [
          ...itemsOf(data).map((item) => [
            {
              label: `✖ ${names.get(item.sku) ?? item.sku} × ${item.quantity}`,
              payload: `rm:${item.sku}`,
            },
          ]),
          [{ label: ctx.t('order-back-button'), payload: 'back' }],
        ],
      };
    },
    parse(input, _ctx, data) {
      if (input.kind !== 'choice') return { ok: false, retry: 'retry-use-buttons' };
      if (input.value === 'back') return { ok: true, next: 'more' };
      const sku = input.value.replace(/^rm:/, '');
      const items = itemsOf(data).filter((item) => item.sku !== sku);
      return { ok: true, set: { items }, next: items.length > 0 ? 'more' : 'product' };
    },
  },
];
