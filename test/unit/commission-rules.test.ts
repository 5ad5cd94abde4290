import {
  clawbackOf,
  commissionOnDelivery,
  overrideBonus,
  tierBonus,
  voidOf,
  type DeliveredOrder,
} from '../../src/domain/commission-rules.js';
import type { LedgerEntry } from '../../src/domain/ledger.js';
import type { CommissionTerms } from '../../src/domain/money.js';
import { orderLine, orderTotal } from '../../src/domain/order.js';
import { ruleBookAt, ruleSettings, termsUnder, type RuleBook } from '../../src/domain/rule-book.js';
import { parseRulesFile } from '../../src/domain/rules-file.js';

const SUNSCREEN = { sku: 'KCN-01', name: 'Kem chống nắng SPF50', price: 129_900 };

/** A delivered order of one line: `quantity` × the sunscreen under `terms`. */
function order(quantity: number, terms: CommissionTerms, number = 'DH-000123'): DeliveredOrder {
  const lines = [orderLine(SUNSCREEN, quantity, terms)];
  return {
    number,
    collaboratorId: '65a000000000000000000001',
    collaboratorCode: 'CTV0001',
    lines,
    total: orderTotal(lines),
  };
}

const DELIVERED = new Date('2026-11-20T03:00:00Z'); // 10:00 on 20 Nov in Vietnam

const book: RuleBook = {
  effectiveFrom: new Date('2026-01-01T00:00:00+07:00'),
  defaultRate: '10',
  categories: { 'Mỹ phẩm': { kind: 'rate', rate: '8' } },
  products: { 'KCN-01': { kind: 'rate', rate: '4.5' } },
};

describe('rate precedence', () => {
  const product = { sku: 'KCN-01', category: 'Mỹ phẩm', commission: undefined };

  test("the book's own terms for the sku win over everything else", () => {
    const own = { ...product, commission: { kind: 'rate', rate: '6' } as const };
    // 129,900 × 9 × 4.5% = 52,609.5 → 52,610 (the design's worked example)
    const terms = termsUnder(own, book);
    expect(terms).toEqual({ kind: 'rate', rate: '4.5' });
    expect(commissionOnDelivery(order(9, terms), DELIVERED, 7).amount).toBe(52_610);
  });

  test("then the product's own catalog terms", () => {
    const own = { ...product, sku: 'KCN-02', commission: { kind: 'rate', rate: '6' } as const };
    // 129,900 × 9 × 6% = 70,146
    const terms = termsUnder(own, book);
    expect(terms).toEqual({ kind: 'rate', rate: '6' });
    expect(commissionOnDelivery(order(9, terms), DELIVERED, 7).amount).toBe(70_146);
  });

  test("then the category's terms", () => {
    // 129,900 × 9 × 8% = 93,528
    const terms = termsUnder({ ...product, sku: 'KCN-02' }, book);
    expect(terms).toEqual({ kind: 'rate', rate: '8' });
    expect(commissionOnDelivery(order(9, terms), DELIVERED, 7).amount).toBe(93_528);
  });

  test("else the book's default rate", () => {
    // 129,900 × 9 × 10% = 116,910
    const terms = termsUnder({ sku: 'X-1', category: 'Nhà cửa', commission: undefined }, book);
    expect(terms).toEqual({ kind: 'rate', rate: '10' });
    expect(commissionOnDelivery(order(9, terms), DELIVERED, 7).amount).toBe(116_910);
  });
});

test('a fixed amount per unit is multiplied by the quantity, whatever the price', () => {
  // 20,000 × 3 = 60,000
  const entry = commissionOnDelivery(order(3, { kind: 'fixed', amount: 20_000 }), DELIVERED, 7);
  expect(entry).toMatchObject({ kind: 'commission', amount: 60_000, base: 389_700 });
});

test('the commission counts in the month of delivery in Vietnam and is due after the holding days', () => {
  // 2024-03-31T18:30Z is 01:30 on 1 April in Asia/Ho_Chi_Minh.
  const at = new Date('2024-03-31T18:30:00Z');
  const entry = commissionOnDelivery(order(1, { kind: 'rate', rate: '10' }), at, 7);
  // 129,900 × 10% = 12,990
  expect(entry).toMatchObject({ key: 'commission:DH-000123', amount: 12_990, period: '2024-04' });
  expect(entry.dueAt!.toISOString()).toBe('2024-04-07T18:30:00.000Z');
});

describe('a rule book change mid-month', () => {
  // From 15 Nov 2026 (midnight in Vietnam) the default rate drops from 10% to 8%, the payout
  // minimum rises and the top tier goes.
  const november: RuleBook = {
    effectiveFrom: new Date('2026-11-15T00:00:00+07:00'),
    defaultRate: '8',
    categories: {},
    tiers: [{ threshold: 20_000_000, rate: '1' }],
    payoutMinimum: 300_000,
  };
  const books = [book, november];
  const plain = { sku: 'SRM-01', category: 'Sữa rửa mặt', commission: undefined };

  test('an order submitted before the change keeps the old rate, one after gets the new', () => {
    const before = termsUnder(plain, ruleBookAt(books, new Date('2026-11-14T16:59:59Z')));
    const after = termsUnder(plain, ruleBookAt(books, new Date('2026-11-14T17:00:00Z')));
    // 129,900 × 2 × 10% = 25,980; 129,900 × 2 × 8% = 20,784
    expect(commissionOnDelivery(order(2, before), DELIVERED, 7).amount).toBe(25_980);
    expect(commissionOnDelivery(order(2, after), DELIVERED, 7).amount).toBe(20_784);
  });

  test("the month's tiers and minimum are those of the book in force on its last day", () => {
    const lastInstant = new Date('2026-11-30T16:59:59.999Z');
    const rules = ruleSettings(ruleBookAt(books, lastInstant));
    expect(rules.payoutMinimum).toBe(300_000);
    // 60,000,000 × 1% = 600,000: only one tier in the new book
    expect(tierBonus(rules.tiers, 60_000_000)).toBe(600_000);
    // Parts the new book leaves out fall back to the defaults, not to the old book.
    expect(rules.holdingDays).toBe(7);
    expect(rules.override).toEqual({ enabled: false, rate: '0' });
  });
});

describe('a return', () => {
  const commission: LedgerEntry = {
    ...commissionOnDelivery(order(9, { kind: 'rate', rate: '4.5' }), DELIVERED, 7),
    actor: 'web:admin',
    at: DELIVERED,
  };

  test('before approval voids the same amount under the settle key, in the open month', () => {
    const at = new Date('2026-12-01T02:00:00Z');
    expect(voidOf(commission, at, 'hộp móp')).toMatchObject({
      key: 'settle:DH-000123',
      kind: 'void',
      amount: -52_610,
      base: -1_169_100,
      period: '2026-12',
      reason: 'hộp móp',
    });
  });

  test('after approval claws the amount back in the open month', () => {
    const at = new Date('2027-01-05T02:00:00Z');
    expect(clawbackOf(commission, at)).toMatchObject({
      key: 'clawback:DH-000123',
      kind: 'clawback',
      amount: -52_610,
      period: '2027-01',
    });
  });
});

describe('the recruiter override', () => {
  test('pays nothing while it is off (the default)', () => {
    expect(overrideBonus(ruleSettings(book).override, 30_000_000)).toBe(0);
  });

  test('pays its rate of the recruit sales when on', () => {
    // 30,000,000 × 0.5% = 150,000
    expect(overrideBonus({ enabled: true, rate: '0.5' }, 30_000_000)).toBe(150_000);
  });
});

describe('the rules file', () => {
  test('reads dated rule books and tax tables; a day is midnight in Vietnam', () => {
    const result = parseRulesFile(
      JSON.stringify({
        ruleBooks: [
          {
            effectiveFrom: '2026-12-01',
            defaultRate: '9,5',
            categories: { 'Mỹ phẩm': { rate: 12 } },
            products: { 'kcn-01': { fixed: '5.000' } },
            tiers: [
              { threshold: 50_000_000, rate: '2' },
              { threshold: '20.000.000', rate: '1' },
            ],
            holdingDays: 10,
            payoutMinimum: 300_000,
            override: { enabled: true, rate: '0.5' },
          },
        ],
        taxTables: [{ effectiveFrom: '2027-01-01T00:00:00+07:00', threshold: 2_000_000, rate: 10 }],
      }),
    );
    expect(result).toEqual({
      ok: true,
      rules: {
        ruleBooks: [
          {
            effectiveFrom: new Date('2026-11-30T17:00:00Z'),
            defaultRate: '9.5',
            categories: { 'Mỹ phẩm': { kind: 'rate', rate: '12' } },
            products: { 'KCN-01': { kind: 'fixed', amount: 5_000 } },
            tiers: [
              { threshold: 20_000_000, rate: '1' },
              { threshold: 50_000_000, rate: '2' },
            ],
            holdingDays: 10,
            payoutMinimum: 300_000,
            override: { enabled: true, rate: '0.5' },
          },
        ],
        taxTables: [
          { effectiveFrom: new Date('2026-12-31T17:00:00Z'), threshold: 2_000_000, rate: '10' },
        ],
      },
    });
  });

  test('refuses a bad file with one line per problem, naming where', () => {
    const result = parseRulesFile(
      JSON.stringify({
        ruleBooks: [
          {
            effectiveFrom: '1 Dec',
            defaultRate: '150',
            categories: { X: { rate: '1', fixed: 2 } },
          },
        ],
        taxTables: [{ effectiveFrom: '2026-01-01', threshold: 12.5, rate: '10' }],
      }),
    );
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^ruleBooks\.0\.effectiveFrom: effectiveFrom must be a day/),
        'ruleBooks.0.defaultRate: "150" is not a percentage from 0 to 100',
        expect.stringMatching(/^ruleBooks\.0\.categories\.X: terms must be/),
        'taxTables.0.threshold: "12.5" is not an amount in whole đồng',
      ]),
    );
  });

  test('refuses two versions taking effect at the same instant, and a file that is not JSON', () => {
    const twice = { effectiveFrom: '2026-12-01', defaultRate: '10' };
    expect(parseRulesFile(JSON.stringify({ ruleBooks: [twice, twice] }))).toEqual({
      ok: false,
      problems: ['ruleBooks.1: a second version takes effect at the same instant'],
    });
    expect(parseRulesFile('{ruleBooks')).toMatchObject({ ok: false });
  });
});

describe('the rules file refuses days that do not exist', () => {
  test.each(['2026-02-31', '2026-13-01', '2026-12-00', '0001-01-01'])('%s', (day) => {
    const result = parseRulesFile(
      JSON.stringify({ ruleBooks: [{ effectiveFrom: day, defaultRate: '10' }] }),
    );
    expect(result.ok).toBe(false);
  });
});
