import { z } from 'zod';
import {
  parseMoney,
  parseRate,
  type CommissionTerms,
  type Dong,
  type MoneyRefusal,
} from './money.js';
import { cleanText, fold } from './text.js';

/** How much of a product is left, as collaborators are told it. */
export type StockStatus = 'in_stock' | 'low' | 'out_of_stock';

export const STOCK_STATUSES: readonly StockStatus[] = ['in_stock', 'low', 'out_of_stock'];

/** A product of the catalog, as the services see it. Text is NFC. */
/**
 * The highest unit price accepted (10 billion đồng). With at most 1,000 units a line and ten
 * lines an order, every total stays far inside the exactly representable integers.
 */
export const MAX_PRICE = 10_000_000_000;

export interface Product {
  /** Upper case letters, digits, `.`, `_`, `-`; unique in the catalog. */
  sku: string;
  name: string;
  /** `fold(name)`: what a search by name compares against. */
  nameKey: string;
  category: string;
  /** Whole đồng, more than zero. */
  price: Dong;
  /** Undefined: the rule book's category or default rate applies. */
  commission: CommissionTerms | undefined;
  description: string;
  photoUrl?: string;
  /** Hidden products are not shown in chat and cannot be ordered. */
  active: boolean;
  stock: StockStatus;
}

const MONEY_PROBLEMS: Readonly<Record<MoneyRefusal, string>> = {
  'money-empty': 'is empty',
  'money-not-a-number': 'is not an amount',
  'money-negative': 'cannot be negative',
  'money-has-decimals': 'must be whole đồng, without decimals',
  'money-too-large': 'is too large',
};

const STOCK_WORDS: Readonly<Record<string, StockStatus>> = {
  in_stock: 'in_stock',
  'in stock': 'in_stock',
  'con hang': 'in_stock',
  low: 'low',
  'sap het': 'low',
  'sap het hang': 'low',
  out_of_stock: 'out_of_stock',
  'out of stock': 'out_of_stock',
  'het hang': 'out_of_stock',
};

const YES = ['true', '1', 'yes', 'y', 'co', 'x'];
const NO = ['false', '0', 'no', 'n', 'khong'];

/** Empty cells (blank strings, null) count as absent, as they do in a spreadsheet. */
const blankIsAbsent = (value: unknown) =>
  value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value;

const required = (field: string, kind: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? `${field} is required` : `${field} must be ${kind}`;

/** A text cell, cleaned to NFC with white space collapsed. */
const text = (field: string, max: number) =>
  z
    .union([z.string(), z.number()], { error: required(field, 'text') })
    .transform((value) => cleanText(String(value)))
    .pipe(z.string().max(max, `${field} must be at most ${max} characters`));

/** Like {@link text} but keeps line breaks (at most one blank line in a row). */
const paragraphs = (field: string, max: number) =>
  z
    .union([z.string(), z.number()], { error: required(field, 'text') })
    .transform((value) =>
      String(value)
        .normalize('NFC')
        .split(/\r\n?|\n/)
        .map((line) => line.replace(/\s+/gu, ' ').trim())
        .join('\n')
        .replace(/\n{3,}/g, '\n\n')
        .trim(),
    )
    .pipe(z.string().max(max, `${field} must be at most ${max} characters`));

/** An amount in đồng, written as a number or as an admin would type it ("129.900đ"). */
const amount = (field: string) =>
  z
    .union([z.number(), z.string()], { error: required(field, 'an amount in đồng') })
    .transform((value, ctx): Dong => {
      if (typeof value === 'number') {
        if (Number.isSafeInteger(value) && value >= 0) return value;
        ctx.addIssue({ code: 'custom', message: `${field} must be whole đồng ≥ 0, not ${value}` });
        return z.NEVER;
      }
      const parsed = parseMoney(value);
      if (parsed.ok) return parsed.amount;
      ctx.addIssue({
        code: 'custom',
        message: `${field} ${MONEY_PROBLEMS[parsed.reason]}: "${value}" (write 129900 or 129.900)`,
      });
      return z.NEVER;
    });

const rate = z
  .union([z.string(), z.number()], { error: required('commission_rate', 'a percentage') })
  .transform((value, ctx) => {
    const parsed = parseRate(String(value));
    if (parsed !== undefined) return parsed;
    ctx.addIssue({
      code: 'custom',
      message: `commission_rate must be a percentage from 0 to 100 such as 4.5, not "${value}"`,
    });
    return z.NEVER;
  });

const flag = z.union([z.boolean(), z.string(), z.number()]).transform((value, ctx) => {
  if (typeof value === 'boolean') return value;
  const word = fold(String(value));
  if (YES.includes(word)) return true;
  if (NO.includes(word)) return false;
  ctx.addIssue({ code: 'custom', message: `active must be true or false, not "${value}"` });
  return z.NEVER;
});

const stock = z.string().transform((value, ctx) => {
  const status = STOCK_WORDS[fold(value).replace(/-/g, '_')];
  if (status) return status;
  ctx.addIssue({
    code: 'custom',
    message: `stock must be in_stock, low or out_of_stock, not "${value}"`,
  });
  return z.NEVER;
});

const photoUrl = z.string().refine(
  (value) => {
    try {
      return ['http:', 'https:'].includes(new URL(value.trim()).protocol);
    } catch {
      return false;
    }
  },
  { message: 'photo_url must be a web address starting with https://' },
);

const SKU = /^[A-Z0-9][A-Z0-9._-]{0,39}$/;

/**
 * One product as admins write it in a catalog file or form: the flat record `sku, name,
 * category, price, commission_rate, commission_fixed, description, photo_url, active, stock`.
 * Cells may be strings (CSV) or typed values (JSON); empty cells are absent. Output is a
 * {@link Product}; every message names the field and is fit to show to an admin.
 */
export const productSchema = z
  .object(
    {
      sku: z.preprocess(
        blankIsAbsent,
        text('sku', 40)
          .transform((value) => value.toUpperCase())
          .refine((value) => SKU.test(value), {
            message: 'sku may only use letters, digits, ".", "_" and "-" (no spaces)',
          }),
      ),
      name: z.preprocess(blankIsAbsent, text('name', 120)),
      category: z.preprocess(blankIsAbsent, text('category', 60)),
      price: z.preprocess(
        blankIsAbsent,
        amount('price')
          .refine((value) => value > 0, { message: 'price must be more than 0 ₫' })
          .refine((value) => value <= MAX_PRICE, {
            message: `price must be at most ${MAX_PRICE.toLocaleString('en')} ₫`,
          }),
      ),
      commission_rate: z.preprocess(blankIsAbsent, rate.optional()),
      commission_fixed: z.preprocess(blankIsAbsent, amount('commission_fixed').optional()),
      description: z.preprocess(blankIsAbsent, paragraphs('description', 2000).optional()),
      photo_url: z.preprocess(blankIsAbsent, photoUrl.optional()),
      active: z.preprocess(blankIsAbsent, flag.optional()),
      stock: z.preprocess(blankIsAbsent, stock.optional()),
    },
    { error: 'a product must be a record with at least sku, name, category and price' },
  )
  .superRefine((record, ctx) => {
    if (record.commission_rate !== undefined && record.commission_fixed !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['commission_fixed'],
        message: 'give either commission_rate or commission_fixed, not both',
      });
    }
    if (record.commission_fixed !== undefined && record.commission_fixed > record.price) {
      ctx.addIssue({
        code: 'custom',
        path: ['commission_fixed'],
        message:
          `commission_fixed (${record.commission_fixed}) is more than ` +
          `the price (${record.price})`,
      });
    }
  })
  .transform((record): Product => {
    const commission: CommissionTerms | undefined =
      record.commission_rate !== undefined
        ? { kind: 'rate', rate: record.commission_rate }
        : record.commission_fixed !== undefined
          ? { kind: 'fixed', amount: record.commission_fixed }
          : undefined;

    return {
      sku: record.sku,
      name: record.name,
      nameKey: fold(record.name),
      category: record.category,
      price: record.price,
      commission,
      description: record.description ?? '',
      ...(record.photo_url !== undefined && { photoUrl: record.photo_url.trim() }),
      active: record.active ?? true,
      stock: record.stock ?? 'in_stock',
    };
  });

/** The record shape {@link productSchema} reads. */
export type ProductRecord = z.input<typeof productSchema>;

export type ProductResult = { ok: true; product: Product } | { ok: false; problems: string[] };

/** Validates one record; on failure, one admin-readable line per problem, in field order. */
export function parseProduct(record: unknown): ProductResult {
  const result = productSchema.safeParse(record);
  if (result.success) return { ok: true, product: result.data };

  const problems = result.error.issues.map((issue) =>
    issue.code === 'custom' || issue.code === 'invalid_union' || issue.path.length === 0
      ? issue.message
      : `${issue.path.join('.')}: ${issue.message}`,
  );
  return { ok: false, problems: [...new Set(problems)] };
}

/** Whether a product can go on a new order: shown in the catalog and not out of stock. */
export function canBeOrdered(product: Product | undefined): product is Product {
  return product !== undefined && product.active && product.stock !== 'out_of_stock';
}
