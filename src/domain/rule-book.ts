import { orderCommission, type CommissionTerms, type Dong, type Rate } from './money.js';
import type { Product } from './product.js';
import { fold } from './text.js';

/**
 * The commission rules as a dated document: a new book is added with the day it takes effect,
 * and an order uses the book in force when it was submitted. Old books are never edited, so
 * an order's commission can always be explained from the book of its day.
 */
export interface RuleBook {
  /** The instant from which this book applies (inclusive). */
  effectiveFrom: Date;
  /** Rate for products whose category has no terms of its own. */
  defaultRate: Rate;
  /** Terms per category, keyed by the category as written in the catalog. */
  categories: Record<string, CommissionTerms>;
  /**
   * Terms per product, keyed by sku. Being dated, they win over the terms a product carries in
   * the catalog: that is how a rate change for one product is scheduled for a given day.
   */
  products?: Record<string, CommissionTerms>;
  /** Monthly volume tiers; absent means {@link RULE_DEFAULTS}' tiers. */
  tiers?: readonly VolumeTier[];
  /** Days between delivery and approval of an order's commission. */
  holdingDays?: number;
  /** A month's payable amount under this is carried forward instead of paid. */
  payoutMinimum?: Dong;
  /** The recruiter override; see {@link OverrideRule}. */
  override?: OverrideRule;
}

/**
 * A bonus on a collaborator's whole month of delivered sales once they reach `threshold`:
 * `rate` percent of all of it, not only of the part above the threshold.
 */
export interface VolumeTier {
  threshold: Dong;
  rate: Rate;
}

/**
 * One level of recruiter override: the referrer earns `rate` percent of a recruit's month of
 * delivered sales. Off unless switched on, because paying on others' sales is multi-level
 * marketing under Decree 40/2018/NĐ-CP and needs a licence.
 */
export interface OverrideRule {
  enabled: boolean;
  rate: Rate;
}

/** A book with every optional part filled in: what month close and approval read. */
export type RuleSettings = Required<RuleBook>;

/** What applies when a book leaves a part out (DESIGN.md "Commission rules"). */
export const RULE_DEFAULTS: Readonly<Omit<RuleSettings, 'effectiveFrom' | 'defaultRate'>> =
  Object.freeze({
    categories: Object.freeze({}) as Record<string, CommissionTerms>,
    products: Object.freeze({}) as Record<string, CommissionTerms>,
    tiers: Object.freeze([
      { threshold: 20_000_000, rate: '1' },
      { threshold: 50_000_000, rate: '2' },
    ]),
    holdingDays: 7,
    payoutMinimum: 200_000,
    override: Object.freeze({ enabled: false, rate: '0' }),
  });

/** The book with its missing parts taken from {@link RULE_DEFAULTS}. */
export function ruleSettings(book: RuleBook): RuleSettings {
  return {
    effectiveFrom: book.effectiveFrom,
    defaultRate: book.defaultRate,
    categories: book.categories,
    products: book.products ?? RULE_DEFAULTS.products,
    tiers: book.tiers ?? RULE_DEFAULTS.tiers,
    holdingDays: book.holdingDays ?? RULE_DEFAULTS.holdingDays,
    payoutMinimum: book.payoutMinimum ?? RULE_DEFAULTS.payoutMinimum,
    override: book.override ?? RULE_DEFAULTS.override,
  };
}

/**
 * The rules in force before any book was stored: 10% on everything. Effective from midnight
 * 2020-01-01 in Asia/Ho_Chi_Minh, so that it covers every order the product can hold.
 */
export const DEFAULT_RULE_BOOK: Readonly<RuleBook> = Object.freeze({
  effectiveFrom: new Date('2020-01-01T00:00:00+07:00'),
  defaultRate: '10',
  categories: Object.freeze({}) as Record<string, CommissionTerms>,
});

/**
 * The book in force at `at`: the one with the latest `effectiveFrom` not after `at`. When no
 * stored book is in force yet (none stored, or `at` is older than all of them), the
 * {@link DEFAULT_RULE_BOOK} applies, because that is what was in force then.
 */
export function ruleBookAt(books: readonly RuleBook[], at: Date): RuleBook {
  let best: RuleBook | undefined;
  for (const book of books) {
    if (book.effectiveFrom.getTime() > at.getTime()) continue;
    if (!best || book.effectiveFrom.getTime() > best.effectiveFrom.getTime()) best = book;
  }
  return best ?? DEFAULT_RULE_BOOK;
}

/**
 * The terms of a category in a book. Categories are matched without regard to case or
 * diacritics, because a file typed "my pham" and a book written "Mỹ phẩm" mean the same shelf.
 */
export function categoryTerms(book: RuleBook, category: string): CommissionTerms | undefined {
  const exact = book.categories[category];
  if (exact) return exact;

  const key = fold(category);
  const match = Object.entries(book.categories).find(([name]) => fold(name) === key);
  return match?.[1];
}

/**
 * The commission terms that apply to a product under a book: the book's terms for its sku if
 * any, else the product's own terms, else its category's terms, else the book's default rate.
 */
export function termsUnder(
  product: Pick<Product, 'commission' | 'category'> & { sku?: string },
  book: RuleBook,
): CommissionTerms {
  const dated = product.sku === undefined ? undefined : book.products?.[product.sku];
  return (
    dated ??
    product.commission ??
    categoryTerms(book, product.category) ?? { kind: 'rate', rate: book.defaultRate }
  );
}

/**
 * What a collaborator earns on one unit sold at `price` under `terms`, in whole đồng. It is
 * the commission of a one-unit order, so it rounds exactly as an order of one would.
 */
export function earnPerUnit(price: Dong, terms: CommissionTerms): Dong {
  return orderCommission([{ unitPrice: price, quantity: 1, commission: terms }]);
}
