import type { Product } from '../../src/domain/product.js';
import {
  DEFAULT_RULE_BOOK,
  earnPerUnit,
  ruleBookAt,
  termsUnder,
  type RuleBook,
} from '../../src/domain/rule-book.js';

const book = (effectiveFrom: string, defaultRate: string, categories = {}): RuleBook => ({
  effectiveFrom: new Date(effectiveFrom),
  defaultRate,
  categories,
});

const product = (fields: Partial<Product> = {}): Pick<Product, 'commission' | 'category'> => ({
  category: 'Mỹ phẩm',
  commission: undefined,
  ...fields,
});

describe('ruleBookAt', () => {
  // Midnight 1 March 2026 in Asia/Ho_Chi_Minh is 17:00 on 28 February in UTC.
  const january = book('2026-01-01T00:00:00+07:00', '8');
  const march = book('2026-03-01T00:00:00+07:00', '9');
  const books = [march, january];

  test('picks the latest book that has taken effect, whatever the stored order', () => {
    expect(ruleBookAt(books, new Date('2026-02-15T12:00:00Z'))).toBe(january);
    expect(ruleBookAt(books, new Date('2026-06-01T00:00:00Z'))).toBe(march);
  });

  test('a book applies from its first instant on, not a millisecond before', () => {
    expect(ruleBookAt(books, new Date('2026-02-28T17:00:00Z'))).toBe(march);
    expect(ruleBookAt(books, new Date('2026-02-28T16:59:59.999Z'))).toBe(january);
  });

  test('the default applies when nothing is stored', () => {
    expect(ruleBookAt([], new Date('2026-02-15T12:00:00Z'))).toBe(DEFAULT_RULE_BOOK);
    expect(DEFAULT_RULE_BOOK.defaultRate).toBe('10');
    expect(DEFAULT_RULE_BOOK.effectiveFrom.toISOString()).toBe('2019-12-31T17:00:00.000Z');
  });

  test('the default applies before the first stored book took effect', () => {
    expect(ruleBookAt(books, new Date('2025-12-31T16:59:59Z'))).toBe(DEFAULT_RULE_BOOK);
  });
});

describe('termsUnder: product terms, else category, else default', () => {
  const rules = book('2026-01-01T00:00:00+07:00', '10', {
    'Mỹ phẩm': { kind: 'rate', rate: '15' },
    'Đồ gia dụng': { kind: 'fixed', amount: 20_000 },
  });

  test("a product's own rate wins over its category", () => {
    const own = product({ commission: { kind: 'rate', rate: '4.5' } });
    expect(termsUnder(own, rules)).toEqual({ kind: 'rate', rate: '4.5' });
  });

  test("a product's own fixed amount wins over its category", () => {
    const own = product({ commission: { kind: 'fixed', amount: 5_000 } });
    expect(termsUnder(own, rules)).toEqual({ kind: 'fixed', amount: 5_000 });
  });

  test('without own terms, the category applies, diacritics and case ignored', () => {
    expect(termsUnder(product(), rules)).toEqual({ kind: 'rate', rate: '15' });
    expect(termsUnder(product({ category: 'MY PHAM' }), rules)).toEqual({
      kind: 'rate',
      rate: '15',
    });
    expect(termsUnder(product({ category: 'đồ gia dụng' }), rules)).toEqual({
      kind: 'fixed',
      amount: 20_000,
    });
  });

  test('a category without terms gets the default rate of the book', () => {
    expect(termsUnder(product({ category: 'Thực phẩm chức năng' }), rules)).toEqual({
      kind: 'rate',
      rate: '10',
    });
  });
});

describe('earnPerUnit', () => {
  test('a rate of the price, rounded half-up to whole đồng', () => {
    // 289,000 × 10% = 28,900
    expect(earnPerUnit(289_000, { kind: 'rate', rate: '10' })).toBe(28_900);
    // 129,900 × 4.5% = 5,845.5 → 5,846
    expect(earnPerUnit(129_900, { kind: 'rate', rate: '4.5' })).toBe(5_846);
    // 650,000 × 12.5% = 81,250
    expect(earnPerUnit(650_000, { kind: 'rate', rate: '12.5' })).toBe(81_250);
  });

  test('a fixed amount is the amount, whatever the price', () => {
    expect(earnPerUnit(1_990_000, { kind: 'fixed', amount: 150_000 })).toBe(150_000);
  });
});
