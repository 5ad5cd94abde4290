import type { CommissionTerms, Dong } from '../domain/money.js';
import type { Product } from '../domain/product.js';
import {
  earnPerUnit as earnUnder,
  ruleBookAt,
  termsUnder,
  type RuleBook,
} from '../domain/rule-book.js';
import { fold } from '../domain/text.js';
import { createCatalogRepository, type ProductFilter } from '../store/catalog.repository.js';
import type { Store } from '../store/repositories.js';

/** Options of the read methods. Hidden products are left out unless `activeOnly` is false. */
export interface CatalogReadOptions {
  activeOnly?: boolean;
}

/** A page of products and how many there are in all. */
export interface ProductPage {
  items: Product[];
  total: number;
}

/** The outcome of an import; `failed` names the products that could not be written. */
export interface ImportOutcome {
  created: number;
  updated: number;
  failed: { sku: string; reason: string }[];
}

interface Deps {
  store: Store;
}

/** Longest list `search` returns when no limit is given. */
const DEFAULT_SEARCH_LIMIT = 20;

/** Turns typed search text into a filter: every folded word in the name, or a piece of sku. */
function searchFilter(text: string, activeOnly: boolean): ProductFilter | undefined {
  const words = fold(text).split(' ').filter(Boolean);
  if (words.length === 0) return undefined;
  const compact = text.trim().toUpperCase();
  return { activeOnly, words, ...(!/\s/.test(compact) && { skuPart: compact }) };
}

/**
 * The product catalog and the commission terms of its products: browsing and search for
 * chat, hide/show for admins, imports for the command line, and the dated rule book.
 * Every read hides inactive products by default, so a caller has to ask to see them.
 */
export function createCatalogService({ store }: Deps) {
  const repo = createCatalogRepository(store.connection);

  function termsWith(product: Product, books: RuleBook[], at: Date): CommissionTerms {
    return termsUnder(product, ruleBookAt(books, at));
  }

  async function searchPage(
    text: string,
    page: number,
    pageSize: number,
    { activeOnly = true }: CatalogReadOptions = {},
  ): Promise<ProductPage> {
    const filter = searchFilter(text, activeOnly);
    if (!filter) return { items: [], total: 0 };
    return repo.find(filter, page * pageSize, pageSize);
  }

  return {
    /** Makes sure the indexes exist; reads and writes also wait for this on their own. */
    init: () => repo.init().then(() => undefined),

    /** The product with this sku, in any case ("mp-001" finds "MP-001"); hidden ones too. */
    bySku: (sku: string) => repo.bySku(sku),

    /**
     * Products whose folded name holds every typed word ("kem chong nang" finds "Kem chống
     * nắng"), or whose sku holds the text; sorted by name.
     */
    async search(
      text: string,
      options: CatalogReadOptions & { limit?: number } = {},
    ): Promise<Product[]> {
      const limit = options.limit ?? DEFAULT_SEARCH_LIMIT;
      return (await searchPage(text, 0, limit, options)).items;
    },

    /** Like `search`, one page at a time (`page` counts from 0), with the number of matches. */
    searchPage,

    /** Categories and how many products each holds, sorted by name. */
    categories: ({ activeOnly = true }: CatalogReadOptions = {}) => repo.categories(activeOnly),

    /** One page (`page` counts from 0) of a category, matched without regard to diacritics. */
    byCategory(
      category: string,
      page: number,
      pageSize: number,
      { activeOnly = true }: CatalogReadOptions = {},
    ): Promise<ProductPage> {
      return repo.find({ activeOnly, categoryKey: fold(category) }, page * pageSize, pageSize);
    },

    /** Every product (of a category), for the command line; hidden ones included by default. */
    async list(options: { category?: string; activeOnly?: boolean } = {}): Promise<Product[]> {
      const filter: ProductFilter = {
        activeOnly: options.activeOnly ?? false,
        ...(options.category !== undefined && { categoryKey: fold(options.category) }),
      };
      const all: Product[] = [];
      for (let skip = 0; ; skip += 500) {
        const { items, total } = await repo.find(filter, skip, 500);
        all.push(...items);
        if (items.length === 0 || all.length >= total) return all;
      }
    },

    count: () => repo.count(),

    /**
     * Hides or shows a product. The audit log gets an entry only when the flag changed, so a
     * button pressed twice leaves one trace. Undefined when no product has this sku.
     */
    async setActive(
      sku: string,
      active: boolean,
      actor: string,
      at: Date,
    ): Promise<Product | undefined> {
      const key = sku.trim().toUpperCase();
      const changed = await repo.setActive(key, active);
      if (!changed) return repo.bySku(key);

      await store.audit.record({
        at,
        actor,
        action: active ? 'product.shown' : 'product.hidden',
        subject: `product:${key}`,
      });
      return changed;
    },

    /**
     * Writes products keyed on their sku: new ones are created, known ones replaced whole.
     * Each product is one write, so one that fails leaves the others (and itself) intact.
     */
    async importProducts(products: Product[], actor: string, at: Date): Promise<ImportOutcome> {
      const outcome: ImportOutcome = { created: 0, updated: 0, failed: [] };
      for (const product of products) {
        if (!Number.isSafeInteger(product.price) || product.price <= 0) {
          outcome.failed.push({ sku: product.sku, reason: 'price must be whole đồng above 0' });
          continue;
        }
        try {
          const { created } = await repo.upsert(product);
          outcome[created ? 'created' : 'updated'] += 1;
        } catch (error) {
          outcome.failed.push({ sku: product.sku, reason: (error as Error).message });
        }
      }

      await store.audit.record({
        at,
        actor,
        action: 'catalog.imported',
        subject: 'catalog',
        details: { created: outcome.created, updated: outcome.updated, failed: outcome.failed },
      });
      return outcome;
    },

    /** The rule book in force at `at` (the built-in default when none is stored yet). */
    async ruleBookAt(at: Date): Promise<RuleBook> {
      return ruleBookAt(await repo.ruleBooks(), at);
    },

    /** Every stored rule book, oldest first. */
    ruleBooks: () => repo.ruleBooks(),

    /** Stores a rule book under its `effectiveFrom` date and records who did it. */
    async saveRuleBook(book: RuleBook, actor: string, at: Date): Promise<void> {
      await repo.saveRuleBook(book);
      await store.audit.record({
        at,
        actor,
        action: 'rule-book.saved',
        subject: `rule-book:${book.effectiveFrom.toISOString()}`,
        details: {
          defaultRate: book.defaultRate,
          categories: Object.keys(book.categories),
          ...(book.products && { products: Object.keys(book.products) }),
          ...(book.tiers && { tiers: book.tiers.map((tier) => ({ ...tier })) }),
          ...(book.holdingDays !== undefined && { holdingDays: book.holdingDays }),
          ...(book.payoutMinimum !== undefined && { payoutMinimum: book.payoutMinimum }),
          ...(book.override && { override: { ...book.override } }),
        },
      });
    },

    /**
     * The terms for a product at `at`: its own commission if set, else the category's terms in
     * the rule book in force then, else that book's default rate.
     */
    async termsFor(product: Product, at: Date): Promise<CommissionTerms> {
      return termsWith(product, await repo.ruleBooks(), at);
    },

    /** What a collaborator earns on one unit of the product at `at`, in whole đồng. */
    async earnPerUnit(product: Product, at: Date): Promise<Dong> {
      return earnUnder(product.price, termsWith(product, await repo.ruleBooks(), at));
    },

    /** Terms and earning per unit of several products, reading the rule books once. */
    async earnings(
      products: Product[],
      at: Date,
    ): Promise<Map<string, { terms: CommissionTerms; perUnit: Dong }>> {
      const books = await repo.ruleBooks();
      const result = new Map<string, { terms: CommissionTerms; perUnit: Dong }>();
      for (const product of products) {
        const terms = termsWith(product, books, at);
        result.set(product.sku, { terms, perUnit: earnUnder(product.price, terms) });
      }
      return result;
    },
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
