import { canBeOrdered } from '../../domain/product.js';
import { randomBytes } from 'node:crypto';
import { formatPhone, normalizePhone } from '../../domain/phone.js';
import { cleanText } from '../../domain/text.js';
import { column, type Flow, type FlowData, type StepInput, type TurnContext } from '../flow.js';
import { draftText, money } from '../order-view.js';
import type { Reply } from '../types.js';
import { draftSteps, itemsOf } from './order-draft.js';
import { registerButton } from './profile.flow.js';

/** What the summary's "edit" offers; `more` is the list of lines with add and remove. */
const EDITABLE: [string, string][] = [
  ['more', 'order-field-lines'],
  ['customerName', 'order-field-customer-name'],
  ['customerPhone', 'order-field-customer-phone'],
  ['address', 'order-field-address'],
  ['note', 'order-field-note'],
];

const SKIP = '-';
const LETTER = /\p{L}/u;

/** Reads free text of a length within bounds, or asks again with `retry`. */
function readText(input: StepInput, min: number, max: number, retry: string) {
  const text = input.kind === 'text' ? cleanText(input.text) : '';
  return text.length >= min && text.length <= max && LETTER.test(text)
    ? { ok: true as const, value: text }
    : { ok: false as const, retry };
}

/** The customer's number: typed, or a contact card forwarded from them (not the sender's own). */
function readCustomerPhone(input: StepInput) {
  const raw = input.kind === 'text' ? input.text : input.kind === 'contact' ? input.phone : '';
  const phone = normalizePhone(raw);
  return phone.ok
    ? { ok: true as const, set: { customerPhone: phone.e164 } }
    : { ok: false as const, retry: 'order-retry-phone' };
}

/** The figures a summary showed, so that confirming can tell whether they still hold. */
function figures(quote: { total: number; commission: number }): string {
  return `${quote.total}/${quote.commission}`;
}

async function summaryText(ctx: TurnContext, data: FlowData): Promise<string> {
  const quote = await ctx.services.orders.quote(itemsOf(data), ctx.now);
  // Remembered with the draft: the collaborator confirms these amounts and no others.
  data._shown = figures(quote);
  const changed = data._pricesChanged === true;
  delete data._pricesChanged;
  return [
    ...(changed ? [ctx.t('order-prices-changed')] : []),
    ctx.t('order-summary-header'),
    draftText(ctx, quote, true),
    ctx.t('order-commission', { commission: money(ctx, quote.commission) }),
    ctx.t('order-customer', {
      name: String(data.customerName),
      phone: formatPhone(String(data.customerPhone)),
      address: String(data.address),
    }),
    ctx.t('order-note', { note: data.note ? String(data.note) : ctx.t('value-none') }),
  ].join('\n');
}

/**
 * A collaborator hands in a customer order: lines with a running total, the customer's name,
 * phone and address, an optional note, then a summary to edit or confirm. The draft carries
 * its own idempotency key, so confirming it twice, or on two workers, makes one order.
 */
export const orderFlow: Flow = {
  name: 'order',
  summaryStep: 'summary',

  async start(ctx, args) {
    const collaborator = ctx.collaborator;
    if (!collaborator) {
      return { refuse: [{ text: ctx.t('not-registered'), choices: registerButton(ctx) }] };
    }
    if (collaborator.status !== 'active') {
      const status = ctx.t(`status-${collaborator.status}`);
      return { refuse: [{ text: ctx.t('order-not-active', { status }) }] };
    }

    const data: FlowData = { draftId: randomBytes(8).toString('hex'), items: [] };
    const intro: Reply[] = [];
    const sku = args.trim().toUpperCase();
    if (sku) {
      const product = await ctx.services.catalog.bySku(sku);
      if (canBeOrdered(product)) data.pending = product.sku;
      else intro.push({ text: ctx.t('order-product-unavailable', { sku }) });
    }
    return { data, intro };
  },

  steps: [
    ...draftSteps,
    {
      name: 'customerName',
      prompt: (ctx) => ({ text: ctx.t('order-ask-customer-name') }),
      parse(input) {
        const name = readText(input, 2, 80, 'order-retry-customer-name');
        return name.ok ? { ok: true, set: { customerName: name.value } } : name;
      },
    },
    {
      name: 'customerPhone',
      prompt: (ctx) => ({ text: ctx.t('order-ask-customer-phone') }),
      parse: readCustomerPhone,
    },
    {
      name: 'address',
      prompt: (ctx) => ({ text: ctx.t('order-ask-address') }),
      parse(input) {
        const address = readText(input, 5, 300, 'order-retry-address');
        return address.ok ? { ok: true, set: { address: address.value } } : address;
      },
    },
    {
      name: 'note',
      prompt: (ctx) => ({
        text: ctx.t('order-ask-note'),
        choices: [[{ label: ctx.t('skip-button'), payload: SKIP }]],
      }),
      parse(input) {
        if (input.kind === 'choice' && input.value === SKIP) {
          return { ok: true, set: { note: undefined } };
        }
        const text = input.kind === 'text' ? cleanText(input.text) : '';
        if (text.length === 0 || text.length > 500) return { ok: false, retry: 'order-retry-note' };
        return { ok: true, set: { note: text } };
      },
    },
    {
      name: 'summary',
      prompt: async (ctx, data) => ({
        text: await summaryText(ctx, data),
        choices: [
          [{ label: ctx.t('order-confirm-button'), payload: 'confirm' }],
          [
            { label: ctx.t('edit-button'), payload: 'edit' },
            { label: ctx.t('cancel-button'), payload: 'cancel' },
          ],
        ],
      }),
      async parse(input, ctx, data) {
        if (input.kind !== 'choice') return { ok: false, retry: 'retry-use-buttons' };
        if (input.value === 'cancel') return { ok: true, cancel: true };
        if (input.value === 'edit') return { ok: true, next: 'editField' };

        // A product hidden since it was added is taken out before anything is submitted;
        // `_edit` makes "continue" come back here rather than ask for the customer again.
        const quote = await ctx.services.orders.quote(itemsOf(data), ctx.now);
        if (quote.unavailable.length === 0) {
          // A price or rule changed since the summary: show the new amounts before submitting.
          if (figures(quote) !== data._shown) {
            return { ok: true, set: { _pricesChanged: true }, next: 'summary' };
          }
          return { ok: true, complete: true };
        }
        const items = itemsOf(data).filter((item) => !quote.unavailable.includes(item.sku));
        return {
          ok: true,
          set: { items, dropped: quote.unavailable, _edit: true },
          next: items.length > 0 ? 'more' : 'product',
        };
      },
    },
    {
      name: 'editField',
      prompt: (ctx) => ({
        text: ctx.t('order-ask-edit-field'),
        choices: column(EDITABLE.map(([step, key]) => [step, ctx.t(key)])),
      }),
      parse(input) {
        const step = EDITABLE.find(([name]) => input.kind === 'choice' && input.value === name);
        return step ? { ok: true, edit: step[0] } : { ok: false, retry: 'retry-use-buttons' };
      },
    },
  ],

  async complete(ctx, data) {
    const collaborator = ctx.collaborator;
    if (!collaborator) return [{ text: ctx.t('not-registered') }];

    const result = await ctx.services.orders.submit({
      collaborator,
      idempotencyKey: `chat:${ctx.event.channel}:${ctx.event.userId}:${String(data.draftId)}`,
      items: itemsOf(data),
      customer: {
        name: String(data.customerName),
        phone: String(data.customerPhone),
        address: String(data.address),
      },
      note: data.note ? String(data.note) : undefined,
      at: ctx.now,
    });

    if (result.outcome === 'not-active') {
      return [{ text: ctx.t('order-not-active', { status: ctx.t(`status-${result.status}`) }) }];
    }
    if (result.outcome === 'unavailable') {
      return [{ text: ctx.t('order-product-unavailable', { sku: result.skus.join(', ') }) }];
    }
    const { order } = result;
    return [
      {
        text: ctx.t('order-submitted', {
          number: order.number,
          total: money(ctx, order.total),
          commission: money(ctx, order.expectedCommission),
        }),
        choices: [
          [
            { label: ctx.t('order-detail-button'), payload: `/order ${order.number}` },
            { label: ctx.t('order-new-button'), payload: '/order' },
          ],
        ],
      },
    ];
  },

  cancelled: (ctx) => [{ text: ctx.t('order-draft-cancelled') }],
};
