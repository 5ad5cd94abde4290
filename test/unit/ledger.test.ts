import {
  approvalOf,
  clawbackOf,
  commissionOnDelivery,
  voidOf,
} from '../../src/domain/commission-rules.js';
import {
  balancesFrom,
  kindSums,
  orderCommissions,
  type LedgerDraft,
  type LedgerEntry,
} from '../../src/domain/ledger.js';
import { planMonthClose } from '../../src/domain/month-close.js';
import { orderLine, orderTotal } from '../../src/domain/order.js';
import { DEFAULT_RULE_BOOK, ruleSettings } from '../../src/domain/rule-book.js';
import { DEFAULT_TAX_TABLE } from '../../src/domain/tax.js';

const ID = '65a000000000000000000001';

/** DH-000123: 9 × 129,900 ₫ at 4.5% = 52,609.5 → 52,610 ₫ commission. */
function delivered(number = 'DH-000123', at = new Date('2026-11-03T03:00:00Z')): LedgerEntry {
  const lines = [
    orderLine({ sku: 'KCN-01', name: 'Kem', price: 129_900 }, 9, { kind: 'rate', rate: '4.5' }),
  ];
  const order = {
    number,
    collaboratorId: ID,
    collaboratorCode: 'CTV0001',
    lines,
    total: orderTotal(lines),
  };
  return entry(commissionOnDelivery(order, at, 7), at);
}

const entry = (draft: LedgerDraft, at: Date): LedgerEntry => ({ ...draft, actor: 'test', at });
const balances = (entries: LedgerEntry[]) => balancesFrom(kindSums(entries));

test('a delivered order waits as pending; its approval moves it to approved', () => {
  const commission = delivered();
  expect(balances([commission])).toEqual({ pending: 52_610, approved: 0 });

  const approval = entry(approvalOf(commission), new Date('2026-11-10T17:10:00Z'));
  expect(approval).toMatchObject({ key: 'settle:DH-000123', amount: 52_610, period: '2026-11' });
  expect(balances([commission, approval])).toEqual({ pending: 0, approved: 52_610 });
});

test('a return before approval voids the commission: nothing pending, nothing approved', () => {
  const commission = delivered();
  const voided = entry(voidOf(commission, new Date('2026-11-05T03:00:00Z')), new Date());
  expect(balances([commission, voided])).toEqual({ pending: 0, approved: 0 });
  expect(orderCommissions([commission, voided])[0]!.state).toBe('voided');
});

test('a clawback after payout leaves the approved balance negative by the commission', () => {
  // Delivered 3 Nov, approved 10 Nov, November closed and paid 52,610 (a book with a payout
  // minimum of 50,000; under the tax threshold), returned 5 Dec: clawback −52,610 in December.
  const commission = delivered();
  const approval = entry(approvalOf(commission), new Date('2026-11-10T17:10:00Z'));
  const plan = planMonthClose(
    '2026-11',
    [
      {
        collaboratorId: ID,
        collaboratorCode: 'CTV0001',
        sales: 1_169_100,
        approved: 52_610,
        commitmentFiled: false,
      },
    ],
    ruleSettings({ ...DEFAULT_RULE_BOOK, payoutMinimum: 50_000 }),
    DEFAULT_TAX_TABLE,
  );
  const closed = plan.entries.map((draft) => entry(draft, new Date('2026-11-30T17:30:00Z')));
  expect(balances([commission, approval, ...closed])).toEqual({ pending: 0, approved: 0 });

  const clawback = entry(clawbackOf(commission, new Date('2026-12-05T03:00:00Z')), new Date());
  expect(clawback).toMatchObject({ period: '2026-12', amount: -52_610 });
  expect(balances([commission, approval, ...closed, clawback])).toEqual({
    pending: 0,
    approved: -52_610,
  });
  expect(orderCommissions([commission, approval, clawback])[0]!.state).toBe('clawed-back');
});

test('orders are listed oldest first with the state their entries give them', () => {
  const first = delivered('DH-000001', new Date('2026-11-02T03:00:00Z'));
  const second = delivered('DH-000002', new Date('2026-11-04T03:00:00Z'));
  const approved = entry(approvalOf(first), new Date('2026-11-09T17:10:00Z'));
  expect(orderCommissions([second, approved, first])).toEqual([
    expect.objectContaining({ orderNumber: 'DH-000001', state: 'approved', sales: 1_169_100 }),
    expect.objectContaining({ orderNumber: 'DH-000002', state: 'pending', commission: 52_610 }),
  ]);
});
