import { DEFAULT_TAX_TABLE, taxTableAt, withholding, type TaxTable } from '../../src/domain/tax.js';

/** The default rule: 10% of payments from 2,000,000 ₫ (Circular 111/2013/TT-BTC). */
const table = DEFAULT_TAX_TABLE;

test('a payment of 1,999,999 ₫, one đồng under the threshold, is not taxed', () => {
  expect(withholding(1_999_999, table, false)).toEqual({
    tax: 0,
    rate: '0',
    reason: 'below-threshold',
  });
});

test('a payment of exactly 2,000,000 ₫ is taxed 10% of all of it', () => {
  // 2,000,000 × 10% = 200,000
  expect(withholding(2_000_000, table, false)).toEqual({
    tax: 200_000,
    rate: '10',
    reason: 'withheld',
  });
});

test('the tax is rounded half-up once', () => {
  // 2,000,005 × 10% = 200,000.5 → 200,001
  expect(withholding(2_000_005, table, false).tax).toBe(200_001);
});

test('no tax is withheld from a collaborator who filed the 08/CK-TNCN commitment', () => {
  expect(withholding(5_000_000, table, true)).toEqual({
    tax: 0,
    rate: '0',
    reason: 'commitment-filed',
  });
});

test('a new dated table changes the rule from its first instant, not before', () => {
  const from2027: TaxTable = {
    effectiveFrom: new Date('2027-01-01T00:00:00+07:00'),
    threshold: 3_000_000,
    rate: '5',
  };
  const tables = [from2027];
  expect(taxTableAt(tables, new Date('2026-12-31T16:59:59.999Z'))).toBe(DEFAULT_TAX_TABLE);
  expect(taxTableAt(tables, new Date('2026-12-31T17:00:00Z'))).toBe(from2027);
  // Under the new table 2,500,000 is below the threshold; 3,000,000 × 5% = 150,000.
  expect(withholding(2_500_000, from2027, false).tax).toBe(0);
  expect(withholding(3_000_000, from2027, false).tax).toBe(150_000);
});
