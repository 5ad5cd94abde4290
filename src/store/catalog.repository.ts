import type { Connection, Model } from 'mongoose';
import type { CommissionTerms } from '../domain/money.js';
import type { Product } from '../domain/product.js';
import type { RuleBook } from '../domain/rule-book.js';
import { fold } from '../domain/text.js';
import { productSchema } from './models/product.model.js';
import { ruleBookSchema } from './models/rule-book.model.js';
import { isDuplicateKey } from './repositories.js';

/** Which products a query looks at. Words and sku are matched on folded / upper-case keys. */
export interface ProductFilter {
  activeOnly: boolean;
  categoryKey?: string;
  /** Every word must appear in the folded name (or `skuPart` in the sku). */
  words?: string[];
  skuPart?: string;
}

/** Reuses a model already compiled on this connection (a second `createCore` in one process). */
function modelOf<T>(connection: Connection, name: string, schema: T) {
  return (connection.models[name] ?? connection.model(name, schema as never)) as Model<unknown>;
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Products and rule books in MongoDB; the catalog service is its only caller. */
export function createCatalogRepository(connection: Connection) {
  const products = modelOf(connection, 'Product', productSchema);
  const ruleBooks = modelOf(connection, 'RuleBook', ruleBookSchema);
  // Index builds run once per process; the first query waits for them so that the unique sku
  // index (the safety net behind every upsert on a real server) exists before any write.
  let ready: Promise<unknown> | undefined;
  const init = () => (ready ??= Promise.all([products.init(), ruleBooks.init()]));

  function query(filter: ProductFilter): Record<string, unknown> {
    const and: Record<string, unknown>[] = [];
    if (filter.activeOnly) and.push({ active: true });
    if (filter.categoryKey !== undefined) and.push({ categoryKey: filter.categoryKey });

    const byName = (filter.words ?? []).map((word) => ({
      nameKey: { $regex: escapeRegex(word) },
    }));
    const bySku = filter.skuPart ? [{ sku: { $regex: escapeRegex(filter.skuPart) } }] : [];
    if (byName.length > 0 && bySku.length > 0) and.push({ $or: [{ $and: byName }, ...bySku] });
    else if (byName.length > 0) and.push(...byName);
    else and.push(...bySku);

    return and.length > 0 ? { $and: and } : {};
  }

  return {
    init,

    async bySku(sku: string): Promise<Product | undefined> {
      await init();
      const doc = await products.findOne({ sku: sku.trim().toUpperCase() }).lean();
      return doc ? toProduct(doc) : undefined;
    },

    /** One page of products, sorted by folded name, and how many match in all. */
    async find(filter: ProductFilter, skip: number, limit: number) {
      await init();
      const where = query(filter);
      const [docs, total] = await Promise.all([
        products.find(where).sort({ nameKey: 1, sku: 1 }).skip(skip).limit(limit).lean(),
        products.countDocuments(where),
      ]);
      return { items: docs.map(toProduct), total };
    },

    /** Categories with their product counts, sorted by folded name. */
    async categories(activeOnly: boolean): Promise<{ category: string; count: number }[]> {
      await init();
      const rows = await products.aggregate<{ _id: string; category: string; count: number }>([
        { $match: activeOnly ? { active: true } : {} },
        { $sort: { nameKey: 1 } },
        { $group: { _id: '$categoryKey', category: { $first: '$category' }, count: { $sum: 1 } } },
        { $sort: { _id: 1 } },
      ]);
      return rows.map((row) => ({ category: row.category, count: row.count }));
    },

    async count(): Promise<number> {
      await init();
      return products.countDocuments({});
    },

    /** Sets the flag; undefined when no product with this sku had the other value. */
    async setActive(sku: string, active: boolean): Promise<Product | undefined> {
      await init();
      const doc = await products
        .findOneAndUpdate(
          { sku, active: { $ne: active } },
          { $set: { active } },
          { returnDocument: 'after' },
        )
        .lean();
      return doc ? toProduct(doc) : undefined;
    },

    /**
     * Writes a product keyed on its sku: every field is replaced, and fields the product no
     * longer has (commission, photo) are removed. Returns whether the write created it.
     */
    async upsert(product: Product): Promise<{ created: boolean }> {
      await init();
      const { commission, photoUrl, ...fields } = product;
      const unset: Record<string, 1> = {};
      if (!commission) unset.commission = 1;
      if (photoUrl === undefined) unset.photoUrl = 1;
      const update = {
        $set: {
          ...fields,
          nameKey: fold(product.name),
          categoryKey: fold(product.category),
          ...(commission && { commission }),
          ...(photoUrl !== undefined && { photoUrl }),
        },
        ...(Object.keys(unset).length > 0 && { $unset: unset }),
      };

      for (let attempt = 1; ; attempt++) {
        try {
          const result = await products.findOneAndUpdate({ sku: product.sku }, update, {
            upsert: true,
            includeResultMetadata: true,
          });
          return { created: !result.lastErrorObject?.updatedExisting };
        } catch (error) {
          // Two imports racing on a new sku: one insert wins, the other now finds and updates.
          if (!isDuplicateKey(error) || attempt > 1) throw error;
        }
      }
    },

    async ruleBooks(): Promise<RuleBook[]> {
      await init();
      const docs = await ruleBooks.find({}).sort({ effectiveFrom: 1 }).lean();
      return docs.map(toRuleBook);
    },

    /** Stores a book under its `effectiveFrom`; storing the same date again replaces it. */
    async saveRuleBook(book: RuleBook): Promise<void> {
      await init();
      const categories = Object.entries(book.categories).map(([category, terms]) => ({
        category,
        ...terms,
      }));
      // Optional parts the book leaves out are removed, so that the defaults apply again.
      const optional = {
        products: book.products
          ? Object.entries(book.products).map(([sku, terms]) => ({ sku, ...terms }))
          : undefined,
        tiers: book.tiers?.map((tier) => ({ ...tier })),
        holdingDays: book.holdingDays,
        payoutMinimum: book.payoutMinimum,
        override: book.override,
      };
      const set = Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined));
      const unset = Object.fromEntries(
        Object.entries(optional)
          .filter(([, value]) => value === undefined)
          .map(([field]) => [field, 1]),
      );
      await ruleBooks.updateOne(
        { effectiveFrom: book.effectiveFrom },
        {
          $set: { defaultRate: book.defaultRate, categories, ...set },
          ...(Object.keys(unset).length > 0 && { $unset: unset }),
        },
        { upsert: true },
      );
    },
  };
}

export type CatalogRepository = ReturnType<typeof createCatalogRepository>;

function toTerms(doc: { kind: string; rate?: string; amount?: number }): CommissionTerms {
  return doc.kind === 'fixed'
    ? { kind: 'fixed', amount: Number(doc.amount) }
    : { kind: 'rate', rate: String(doc.rate) };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function toProduct(doc: any): Product {
  return {
    sku: doc.sku,
    name: doc.name,
    nameKey: doc.nameKey,
    category: doc.category,
    price: doc.price,
    commission: doc.commission?.kind ? toTerms(doc.commission) : undefined,
    description: doc.description ?? '',
    ...(doc.photoUrl && { photoUrl: doc.photoUrl }),
    active: doc.active !== false,
    stock: doc.stock ?? 'in_stock',
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function toRuleBook(doc: any): RuleBook {
  const categories: Record<string, CommissionTerms> = {};
  for (const row of doc.categories ?? []) categories[row.category] = toTerms(row);
  const book: RuleBook = {
    effectiveFrom: doc.effectiveFrom,
    defaultRate: doc.defaultRate,
    categories,
  };
  if (Array.isArray(doc.products)) {
    book.products = Object.fromEntries(
      doc.products.map((row: { sku: string; kind: string }) => [row.sku, toTerms(row)]),
    );
  }
  if (Array.isArray(doc.tiers)) {
    book.tiers = doc.tiers.map((tier: { threshold: number; rate: unknown }) => ({
      threshold: tier.threshold,
      rate: String(tier.rate),
    }));
  }
  if (doc.holdingDays != null) book.holdingDays = doc.holdingDays;
  if (doc.payoutMinimum != null) book.payoutMinimum = doc.payoutMinimum;
  if (doc.override?.rate != null) {
    book.override = { enabled: Boolean(doc.override.enabled), rate: String(doc.override.rate) };
  }
  return book;
}
