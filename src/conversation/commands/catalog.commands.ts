import { createHash } from 'node:crypto';
import { formatMoney } from '../../domain/money.js';
import type { Product } from '../../domain/product.js';
import { cleanText, escapeHtml, fold } from '../../domain/text.js';
import type { ProductPage } from '../../services/catalog.service.js';
import type { Command } from '../engine.js';
import type { TurnContext } from '../flow.js';
import type { Choice, Reply } from '../types.js';

/**
 * Browsing the catalog: `/products` (categories → pages of products), `/products TEXT`
 * (search), `/product SKU` (the card) and, for admins, `/product_hide` and `/product_show`.
 *
 * Anyone who writes to the assistant may browse, registered or not, active or still pending:
 * the catalog is what the business shows customers anyway, a pending collaborator can learn
 * the products while waiting for approval, and a prospect sees what the work pays. Ordering is
 * where the status matters, and the order flow checks it (and tells the person why).
 */

const PAGE_SIZE = 8;

/** Telegram refuses button payloads over 64 bytes; the command and page take up to 19. */
const KEY_BYTES = 45;

/** Words that only say "products" or "search"; what follows them is the search text. */
const TRIGGER =
  /^(?:(?:xem|tim kiem|tim|danh sach|danh muc|san pham|products?|search|find|catalog)(?:\s+|$))+/;

/** Cuts text to at most `max` UTF-8 bytes without splitting a character. */
function fitBytes(text: string, max: number): string {
  let out = '';
  for (const char of text) {
    if (Buffer.byteLength(out + char, 'utf8') > max) break;
    out += char;
  }
  return out.trim();
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

const actor = (ctx: TurnContext) => `${ctx.event.channel}:${ctx.event.userId}`;
const money = (ctx: TurnContext, amount: number) => formatMoney(amount, ctx.locale);

/** Admins see hidden products too; nobody else ever does. */
const readOptions = (ctx: TurnContext) => ({ activeOnly: !ctx.isAdmin });

async function categories(ctx: TurnContext): Promise<Reply[]> {
  const list = await ctx.services.catalog.categories(readOptions(ctx));
  if (list.length === 0) return [{ text: ctx.t('catalog-empty') }];
  return [
    {
      text: ctx.t('catalog-categories'),
      choices: list.map(({ category, count }) => [
        {
          label: ctx.t('catalog-category-button', { category, count }),
          payload: categoryLink(category),
        },
      ]),
    },
  ];
}

/**
 * One page of products as buttons, with previous/next and a way back to the categories.
 * `link(page)` is the payload that shows another page of the same list.
 */
function productList(
  ctx: TurnContext,
  header: string,
  page: number,
  result: ProductPage,
  link: (page: number) => string,
): Reply {
  const rows: Choice[][] = result.items.map((product) => {
    const label = ctx.t('catalog-product-button', {
      name: shorten(product.name, 40),
      price: money(ctx, product.price),
    });
    const mark = product.active ? '' : `${ctx.t('catalog-hidden-prefix')} `;
    return [{ label: mark + label, payload: `/product ${product.sku}` }];
  });

  const paging: Choice[] = [];
  if (page > 0) paging.push({ label: ctx.t('catalog-prev-page-button'), payload: link(page - 1) });
  if ((page + 1) * PAGE_SIZE < result.total) {
    paging.push({ label: ctx.t('next-page-button'), payload: link(page + 1) });
  }
  if (paging.length > 0) rows.push(paging);
  rows.push([{ label: ctx.t('catalog-categories-button'), payload: '/products' }]);
  return { text: header, choices: rows };
}

const pageArgs = (result: ProductPage, page: number) => ({
  total: result.total,
  page: page + 1,
  pages: Math.max(1, Math.ceil(result.total / PAGE_SIZE)),
});

/**
 * Payloads name a category by a short digest of its folded name (`/products c:<page>:#<hash>`):
 * a cut-off name could not tell apart two long names that start alike.
 */
const categoryKey = (category: string) =>
  `#${createHash('sha256').update(fold(category)).digest('base64url').slice(0, 12)}`;
const categoryLink = (category: string, page = 0) => `/products c:${page}:${categoryKey(category)}`;

async function categoryPage(ctx: TurnContext, page: number, key: string): Promise<Reply[]> {
  const list = await ctx.services.catalog.categories(readOptions(ctx));
  const found = key
    ? list.find((item) => categoryKey(item.category) === key || fold(item.category) === key)
    : undefined;
  if (!found) return [{ text: ctx.t('catalog-category-gone') }, ...(await categories(ctx))];

  const { category } = found;
  const result = await ctx.services.catalog.byCategory(category, page, PAGE_SIZE, readOptions(ctx));
  const header = ctx.t('catalog-category-page', { category, ...pageArgs(result, page) });
  return [productList(ctx, header, page, result, (other) => categoryLink(category, other))];
}

async function searchPage(ctx: TurnContext, page: number, typed: string): Promise<Reply[]> {
  // The query is cut to what a button can carry, so page 2 searches exactly what page 1 did.
  const query = fitBytes(fold(typed), KEY_BYTES);
  const result = await ctx.services.catalog.searchPage(query, page, PAGE_SIZE, readOptions(ctx));
  if (result.total === 0) {
    return [
      {
        text: ctx.t('catalog-search-none', { query: typed.trim() }),
        choices: [[{ label: ctx.t('catalog-categories-button'), payload: '/products' }]],
      },
    ];
  }
  const header = ctx.t('catalog-search-page', { query: typed.trim(), ...pageArgs(result, page) });
  return [productList(ctx, header, page, result, (other) => `/products s:${other}:${query}`)];
}

/** The card (price, commission, stock, buttons) and the plain text to forward to customers. */
async function card(ctx: TurnContext, product: Product): Promise<Reply[]> {
  const { terms, perUnit } = (await ctx.services.catalog.earnings([product], ctx.now)).get(
    product.sku,
  )!;
  const termsText =
    terms.kind === 'rate'
      ? ctx.t('catalog-terms-rate', {
          rate: ctx.locale === 'vi' ? terms.rate.replace('.', ',') : terms.rate,
        })
      : ctx.t('catalog-terms-fixed');
  const lines = [
    ctx.t('catalog-card', {
      name: product.name,
      sku: product.sku,
      category: product.category,
      price: money(ctx, product.price),
    }),
    ctx.t(ctx.isAdmin && !ctx.collaborator ? 'catalog-card-earn-admin' : 'catalog-card-earn', {
      earn: money(ctx, perUnit),
      terms: termsText,
    }),
    ctx.t('catalog-card-stock', { stock: ctx.t(`catalog-stock-${product.stock}`) }),
  ];
  if (product.description) lines.push('', escapeHtml(product.description));
  if (!product.active) lines.push('', ctx.t('catalog-card-hidden'));
  lines.push('', ctx.t('catalog-card-forward-hint'));

  const choices: Choice[][] = [];
  // Admins who are not collaborators have nothing to order with; out of stock cannot be sold.
  const canOrder = product.active && product.stock !== 'out_of_stock';
  if (canOrder && (!ctx.isAdmin || ctx.collaborator)) {
    choices.push([{ label: ctx.t('catalog-order-button'), payload: `/order ${product.sku}` }]);
  }
  if (ctx.isAdmin) {
    choices.push([
      product.active
        ? { label: ctx.t('catalog-hide-button'), payload: `/product_hide ${product.sku}` }
        : { label: ctx.t('catalog-show-button'), payload: `/product_show ${product.sku}` },
    ]);
  }
  choices.push([
    { label: `« ${shorten(product.category, 30)}`, payload: categoryLink(product.category) },
  ]);

  const cardReply: Reply = { text: lines.join('\n'), choices };
  if (product.photoUrl) cardReply.attachment = { kind: 'photo', url: product.photoUrl };
  return [cardReply, { text: forwardText(ctx, product) }];
}

/** What a customer may read: no markup, and never the commission. */
function forwardText(ctx: TurnContext, product: Product): string {
  const lines = [
    escapeHtml(product.name),
    ctx.t('catalog-forward-price', { price: money(ctx, product.price) }),
  ];
  if (product.description) lines.push(escapeHtml(product.description));
  if (product.photoUrl) lines.push(ctx.t('catalog-forward-photo', { url: product.photoUrl }));
  lines.push(ctx.t('catalog-forward-call'));
  return lines.join('\n');
}

async function products(ctx: TurnContext, args: string): Promise<Reply[]> {
  const paged = /^([cs]):(\d{1,4}):(.*)$/s.exec(args);
  if (paged) {
    const [, kind, page, key = ''] = paged;
    return kind === 'c' ? categoryPage(ctx, Number(page), key) : searchPage(ctx, Number(page), key);
  }

  const typed = ctx.event.payload === undefined && !ctx.event.text?.trim().startsWith('/');
  const query = args || (typed ? searchWords(ctx.event.text ?? '') : '');
  return query ? searchPage(ctx, 0, query) : categories(ctx);
}

/**
 * Free text ("tìm kem chống nắng") arrives through an intent without arguments: the words
 * after the trigger are the search, kept as typed so the answer can quote them.
 */
function searchWords(text: string): string {
  const trigger = TRIGGER.exec(fold(text))?.[0].trim() ?? '';
  const skip = trigger ? trigger.split(' ').length : 0;
  return cleanText(text).split(' ').slice(skip).join(' ');
}

async function productCard(ctx: TurnContext, args: string): Promise<Reply[]> {
  const sku = args.split(/\s+/)[0] ?? '';
  if (!sku) return [{ text: ctx.t('catalog-usage-product') }];
  const product = await ctx.services.catalog.bySku(sku);
  if (!product || (!product.active && !ctx.isAdmin)) {
    return [{ text: ctx.t('catalog-not-found', { sku: sku.toUpperCase() }) }];
  }
  return card(ctx, product);
}

async function setActive(ctx: TurnContext, args: string, active: boolean): Promise<Reply[]> {
  const sku = args.split(/\s+/)[0] ?? '';
  if (!sku) return [{ text: ctx.t('catalog-usage-hide') }];
  const product = await ctx.services.catalog.setActive(sku, active, actor(ctx), ctx.now);
  if (!product) return [{ text: ctx.t('catalog-not-found', { sku: sku.toUpperCase() }) }];

  const done = ctx.t(active ? 'catalog-now-shown' : 'catalog-now-hidden', {
    name: product.name,
    sku: product.sku,
  });
  const [cardReply] = await card(ctx, product);
  return [{ text: done }, cardReply!];
}

export const catalogCommands: Command[] = [
  { name: 'products', run: (ctx, args) => products(ctx, args) },
  { name: 'product', run: (ctx, args) => productCard(ctx, args) },
  { name: 'product_hide', adminOnly: true, run: (ctx, args) => setActive(ctx, args, false) },
  { name: 'product_show', adminOnly: true, run: (ctx, args) => setActive(ctx, args, true) },
];
