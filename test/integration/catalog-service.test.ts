import type { Core } from '../../src/app.js';
import { parseProduct, type Product, type ProductRecord } from '../../src/domain/product.js';
import { DEFAULT_RULE_BOOK } from '../../src/domain/rule-book.js';
import { DEMO_CATALOG, demoProducts, seedDemoCatalog } from '../../src/store/demo-catalog.js';
import { startTestCore } from '../support/core.js';

let core: Core;

const product = (record: ProductRecord): Product => {
  const result = parseProduct(record);
  if (!result.ok) throw new Error(result.problems.join('; '));
  return result.product;
};

const AT = new Date('2026-11-20T03:00:00Z');

beforeAll(async () => {
  core = await startTestCore();
});

afterAll(async () => {
  await core.database.close();
});

describe('the demo catalog', () => {
  it('has about twelve valid Vietnamese products in three categories', () => {
    const products = demoProducts();
    expect(products.length).toBeGreaterThanOrEqual(10);
    expect(new Set(products.map((item) => item.category))).toEqual(
      new Set(['Mỹ phẩm', 'Thực phẩm chức năng', 'Đồ gia dụng']),
    );
    expect(products.filter((item) => item.commission?.kind === 'fixed')).toHaveLength(1);
    expect(products.map((item) => item.name)).toContain(
      'Combo chăm sóc da mặt cao cấp 3 bước dành cho da dầu mụn',
    );
    expect(products.every((item) => item.name === item.name.normalize('NFC'))).toBe(true);
  });

  it('is loaded into an empty catalog only, once', async () => {
    expect(await seedDemoCatalog(core.services.catalog, 'test', AT)).toBe(DEMO_CATALOG.length);
    expect(await seedDemoCatalog(core.services.catalog, 'test', AT)).toBe(0);
    expect(await core.services.catalog.count()).toBe(DEMO_CATALOG.length);
  });
});

describe('reading the catalog', () => {
  it('finds a product by sku in any case', async () => {
    expect((await core.services.catalog.bySku(' mp-001 '))?.name).toBe(
      'Kem chống nắng SPF50+ PA++++ 50ml',
    );
    expect(await core.services.catalog.bySku('NOPE-1')).toBeUndefined();
  });

  it('searches folded names and skus, hiding inactive products unless asked', async () => {
    const { catalog } = core.services;
    expect((await catalog.search('KEM CHONG NANG')).map((item) => item.sku)).toEqual(['MP-001']);
    expect((await catalog.search('gd-00')).map((item) => item.sku).sort()).toEqual([
      'GD-001',
      'GD-002',
      'GD-003',
    ]);
    expect((await catalog.search('máy lọc')).map((item) => item.sku)).toEqual([]);
    expect((await catalog.search('may loc', { activeOnly: false })).map((i) => i.sku)).toEqual([
      'GD-004',
    ]);
    expect(await catalog.search('vien', { limit: 1 })).toHaveLength(1);
    expect(await catalog.search('   ')).toEqual([]);
  });

  it('counts categories with and without hidden products', async () => {
    const { catalog } = core.services;
    expect(await catalog.categories()).toEqual([
      { category: 'Đồ gia dụng', count: 3 },
      { category: 'Mỹ phẩm', count: 4 },
      { category: 'Thực phẩm chức năng', count: 4 },
    ]);
    expect((await catalog.categories({ activeOnly: false }))[0]).toEqual({
      category: 'Đồ gia dụng',
      count: 4,
    });
  });

  it('pages a category, matched without diacritics', async () => {
    const page = await core.services.catalog.byCategory('MY PHAM', 1, 3);
    expect(page.total).toBe(4);
    // By folded name: combo…, kem…, serum… on page 0; sua rua mat… alone on page 1.
    expect(page.items.map((item) => item.sku)).toEqual(['MP-002']);
  });
});

describe('writing the catalog', () => {
  it('writes the good products and reports the one that could not be written', async () => {
    const good = product({
      sku: 'IM-1',
      name: 'Giỏ quà Tết',
      category: 'Quà tặng',
      price: 850_000,
    });
    const broken = { ...good, sku: 'IM-2', price: 1.5 };
    const outcome = await core.services.catalog.importProducts([good, broken], 'cli:test', AT);
    expect(outcome).toEqual({
      created: 1,
      updated: 0,
      failed: [{ sku: 'IM-2', reason: 'price must be whole đồng above 0' }],
    });
    expect(await core.services.catalog.bySku('IM-2')).toBeUndefined();

    const [entry] = await core.store.audit.forSubject('catalog');
    expect(entry).toBeDefined();
  });

  it('hides and shows, returning the product, undefined for an unknown sku', async () => {
    const { catalog } = core.services;
    expect((await catalog.setActive('im-1', false, 'web:admin', AT))?.active).toBe(false);
    expect((await catalog.setActive('IM-1', true, 'web:admin', AT))?.active).toBe(true);
    expect(await catalog.setActive('NOPE-1', false, 'web:admin', AT)).toBeUndefined();
  });
});

describe('commission terms: product, else category in the book of the day, else default', () => {
  const before = new Date('2026-11-30T16:59:59Z');
  const december = new Date('2026-11-30T17:00:00Z'); // midnight 1 Dec 2026 in Hồ Chí Minh City

  beforeAll(async () => {
    await core.services.catalog.saveRuleBook(
      {
        effectiveFrom: december,
        defaultRate: '8',
        categories: { 'Mỹ phẩm': { kind: 'rate', rate: '12' } },
      },
      'cli:test',
      AT,
    );
  });

  it('uses the default book before the first stored book takes effect', async () => {
    const sunscreen = (await core.services.catalog.bySku('MP-001'))!;
    expect(await core.services.catalog.ruleBookAt(before)).toEqual(DEFAULT_RULE_BOOK);
    expect(await core.services.catalog.termsFor(sunscreen, before)).toEqual({
      kind: 'rate',
      rate: '10',
    });
    // 289,000 × 10% = 28,900
    expect(await core.services.catalog.earnPerUnit(sunscreen, before)).toBe(28_900);
  });

  it('uses the category terms of the stored book from its first instant', async () => {
    const sunscreen = (await core.services.catalog.bySku('MP-001'))!;
    expect(await core.services.catalog.termsFor(sunscreen, december)).toEqual({
      kind: 'rate',
      rate: '12',
    });
    // 289,000 × 12% = 34,680
    expect(await core.services.catalog.earnPerUnit(sunscreen, december)).toBe(34_680);
  });

  it("uses the book's default for a category it does not name", async () => {
    const turmeric = (await core.services.catalog.bySku('TP-002'))!;
    // 320,000 × 8% = 25,600
    expect(await core.services.catalog.earnPerUnit(turmeric, december)).toBe(25_600);
  });

  it("keeps a product's own rate or fixed amount whatever the book says", async () => {
    const serum = (await core.services.catalog.bySku('MP-003'))!;
    const fryer = (await core.services.catalog.bySku('GD-001'))!;
    expect(await core.services.catalog.termsFor(serum, december)).toEqual({
      kind: 'rate',
      rate: '15',
    });
    // 420,000 × 15% = 63,000; the fryer pays a fixed 150,000 per unit.
    expect(await core.services.catalog.earnPerUnit(serum, december)).toBe(63_000);
    expect(await core.services.catalog.earnPerUnit(fryer, december)).toBe(150_000);
  });
});
