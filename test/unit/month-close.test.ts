import {
  planMonthClose,
  type CloseAccount,
  type CloseRules,
} from '../../src/domain/month-close.js';
import { ruleSettings, DEFAULT_RULE_BOOK } from '../../src/domain/rule-book.js';
import { DEFAULT_TAX_TABLE } from '../../src/domain/tax.js';

/** Default rules: tiers ≥ 20,000,000 → +1%, ≥ 50,000,000 → +2%; minimum 200,000; override off. */
const rules: CloseRules = ruleSettings(DEFAULT_RULE_BOOK);
const PERIOD = '2026-11';

function account(fields: Partial<CloseAccount> = {}): CloseAccount {
  return {
    collaboratorId: '65a000000000000000000001',
    collaboratorCode: 'CTV0001',
    sales: 0,
    approved: 0,
    commitmentFiled: false,
    ...fields,
  };
}

const close = (accounts: CloseAccount[], withRules: CloseRules = rules) =>
  planMonthClose(PERIOD, accounts, withRules, DEFAULT_TAX_TABLE);

describe('volume tiers', () => {
  test('sales of exactly 20,000,000 ₫ earn +1% on all of them', () => {
    // 20,000,000 × 1% = 200,000
    const plan = close([account({ sales: 20_000_000 })]);
    expect(plan.entries[0]).toMatchObject({
      key: 'tier:CTV0001:2026-11',
      kind: 'tier',
      amount: 200_000,
      base: 20_000_000,
      rate: '1',
      period: PERIOD,
    });
  });

  test('sales one đồng under 20,000,000 ₫ earn no bonus', () => {
    const plan = close([account({ sales: 19_999_999 })]);
    expect(plan.entries.filter((entry) => entry.kind === 'tier')).toEqual([]);
  });

  test('sales of exactly 50,000,000 ₫ earn +2%', () => {
    // 50,000,000 × 2% = 1,000,000
    const plan = close([account({ sales: 50_000_000 })]);
    expect(plan.entries[0]).toMatchObject({ kind: 'tier', amount: 1_000_000, rate: '2' });
  });

  test('sales one đồng under 50,000,000 ₫ stay at +1%', () => {
    // 49,999,999 × 1% = 499,999.99 → 500,000
    const plan = close([account({ sales: 49_999_999 })]);
    expect(plan.entries[0]).toMatchObject({ kind: 'tier', amount: 500_000, rate: '1' });
  });
});

describe('payout and tax', () => {
  test('a payable amount of 1,999,999 ₫ is paid whole, untaxed', () => {
    const plan = close([account({ approved: 1_999_999 })]);
    expect(plan.payouts).toEqual([
      expect.objectContaining({ gross: 1_999_999, tax: 0, net: 1_999_999 }),
    ]);
    expect(plan.entries).toEqual([
      expect.objectContaining({
        key: 'payout:CTV0001:2026-11',
        kind: 'payout',
        amount: -1_999_999,
      }),
    ]);
  });

  test('a payable amount of 2,000,000 ₫ has 10% withheld', () => {
    // 2,000,000 × 10% = 200,000 tax; net 1,800,000
    const plan = close([account({ approved: 2_000_000 })]);
    expect(plan.payouts[0]).toMatchObject({ gross: 2_000_000, tax: 200_000, net: 1_800_000 });
    expect(plan.entries).toEqual([
      expect.objectContaining({ kind: 'tax', amount: -200_000, base: 2_000_000, rate: '10' }),
      expect.objectContaining({ kind: 'payout', amount: -1_800_000, base: 2_000_000 }),
    ]);
  });

  test('a collaborator who filed the commitment is paid 2,000,000 ₫ untaxed', () => {
    const plan = close([account({ approved: 2_000_000, commitmentFiled: true })]);
    expect(plan.payouts[0]).toMatchObject({ gross: 2_000_000, tax: 0, net: 2_000_000 });
    expect(plan.entries.map((entry) => entry.kind)).toEqual(['payout']);
  });

  test('the tier bonus is part of the payment the tax is computed on', () => {
    // approved 1,850,000 + tier 20,000,000 × 1% = 200,000 → 2,050,000 ≥ 2,000,000
    // tax 2,050,000 × 10% = 205,000; net 1,845,000
    const plan = close([account({ approved: 1_850_000, sales: 20_000_000 })]);
    expect(plan.payouts[0]).toMatchObject({ gross: 2_050_000, tax: 205_000, net: 1_845_000 });
  });
});

describe('carry forward', () => {
  test('a payable amount under the 200,000 ₫ minimum is carried, with no payout', () => {
    const plan = close([account({ approved: 199_999 })]);
    expect(plan.payouts).toEqual([]);
    expect(plan.entries).toEqual([]);
    expect(plan.carried).toEqual([expect.objectContaining({ amount: 199_999 })]);
  });

  test('exactly the minimum is paid', () => {
    expect(close([account({ approved: 200_000 })]).payouts[0]).toMatchObject({ net: 200_000 });
  });

  test('a clawback after payout leaves a negative balance that is carried, never paid', () => {
    // Last month paid out; then DH-000123 (commission 52,610) came back: clawback −52,610.
    // This month approved 30,000: −52,610 + 30,000 = −22,610, carried to next month.
    const plan = close([account({ approved: -22_610 })]);
    expect(plan.payouts).toEqual([]);
    expect(plan.carried).toEqual([expect.objectContaining({ amount: -22_610 })]);
  });
});

describe('recruiter override', () => {
  const referrer = account({
    collaboratorId: '65a0000000000000000000aa',
    collaboratorCode: 'CTV0100',
  });
  const recruit = account({ sales: 30_000_000, referrerCode: 'CTV0100' });

  test('off (the default): the referrer earns nothing on the recruit sales', () => {
    const plan = close([referrer, recruit]);
    expect(plan.entries.filter((entry) => entry.kind === 'override')).toEqual([]);
    expect(plan.payouts.map((payout) => payout.collaboratorCode)).toEqual(['CTV0001']);
  });

  test('on: one level, its rate of the recruit month of sales, paid to the referrer', () => {
    // 30,000,000 × 1% = 300,000 (≥ minimum, < tax threshold)
    const on: CloseRules = { ...rules, override: { enabled: true, rate: '1' } };
    const plan = close([referrer, recruit], on);
    expect(plan.entries).toContainEqual(
      expect.objectContaining({
        key: 'override:CTV0100:CTV0001:2026-11',
        collaboratorCode: 'CTV0100',
        kind: 'override',
        amount: 300_000,
        base: 30_000_000,
        reason: 'CTV0001',
      }),
    );
    expect(plan.payouts).toContainEqual(
      expect.objectContaining({ collaboratorCode: 'CTV0100', gross: 300_000, net: 300_000 }),
    );
  });
});

test('the same input gives the same plan: a second close has nothing new to write', () => {
  const accounts = [account({ approved: 2_345_678, sales: 21_000_000 })];
  expect(close(accounts)).toEqual(close(accounts));
});
