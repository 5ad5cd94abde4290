import type { Core } from '../../src/app.js';
import { closeMonthCommand } from '../../src/cli/close-month.command.js';
import type { Collaborator } from '../../src/domain/collaborator.js';
import { LEDGER_PRODUCTS, ledgerRows, scriptedOrder } from '../fixtures/ledger-orders.js';
import { chatAs } from '../support/chat.js';
import { startTestCore } from '../support/core.js';
import { seedProducts } from '../support/orders.js';
import { activeCollaborator } from '../support/register.js';

let core: Core;
let huong: Collaborator;
let minh: Collaborator;
const numbers: Record<string, string> = {};

/** Closing October happens at 00:30 on 1 November in Vietnam. */
const OCTOBER_CLOSE = new Date('2026-10-31T17:30:00Z');

/**
 * October 2026, scripted. Hương:
 *   O1 KCN-01 × 9  (4.5%)  1,169,100 → 52,610   delivered 2 Oct, approved 9 Oct
 *   O2 TV-01 × 4   (5%)   40,000,000 → 2,000,000 delivered 5 Oct, approved 12 Oct
 *   O3 SRM-01 × 2  (10%)    290,000 → 29,000    delivered 6 Oct, returned 8 Oct: void
 *   O4 TPCN-01 × 1 (fixed)  350,000 → 20,000    delivered 1 Oct, approved 8 Oct,
 *                                                returned 20 Oct: clawback in October
 *   O5 KCN-01 × 1  (4.5%)   129,900 → 5,846     delivered 28 Oct, due 4 Nov: still pending
 * Minh: SRM-02 × 1 (10%) 99,000 → 9,900, delivered 3 Oct, approved 10 Oct.
 */
beforeAll(async () => {
  core = await startTestCore();
  await seedProducts(core, LEDGER_PRODUCTS);
  huong = await activeCollaborator(core, 'huong', {
    fullName: 'Nguyễn Thị Hương',
    phone: '0905 000 001',
  });
  minh = await activeCollaborator(core, 'minh', {
    fullName: 'Trần Văn Minh',
    phone: '0905 000 002',
  });

  const order = async (
    name: string,
    who: Collaborator,
    items: [string, number][],
    script: Parameters<typeof scriptedOrder>[3],
  ) => {
    numbers[name] = (await scriptedOrder(core, who, items, script)).number;
  };
  await order('O4', huong, [['TPCN-01', 1]], {
    submittedAt: '2026-10-01T01:00:00Z',
    deliveredAt: '2026-10-01T03:00:00Z',
  });
  await order('O1', huong, [['KCN-01', 9]], {
    submittedAt: '2026-10-01T03:00:00Z',
    deliveredAt: '2026-10-02T03:00:00Z',
  });
  await order('M1', minh, [['SRM-02', 1]], {
    submittedAt: '2026-10-02T03:00:00Z',
    deliveredAt: '2026-10-03T03:00:00Z',
  });
  await order('O2', huong, [['TV-01', 4]], {
    submittedAt: '2026-10-04T03:00:00Z',
    deliveredAt: '2026-10-05T03:00:00Z',
  });
  await order('O3', huong, [['SRM-01', 2]], {
    submittedAt: '2026-10-05T03:00:00Z',
    deliveredAt: '2026-10-06T03:00:00Z',
    returnedAt: '2026-10-08T03:00:00Z',
  });
  await core.services.ledger.daily(new Date('2026-10-10T17:10:00Z'));
  await core.services.ledger.daily(new Date('2026-10-15T17:10:00Z'));
  await core.services.orders.move(
    numbers.O4!,
    'returned',
    { role: 'admin', id: 'web:admin' },
    new Date('2026-10-20T03:00:00Z'),
    'hỏng',
  );
  await order('O5', huong, [['KCN-01', 1]], {
    submittedAt: '2026-10-27T03:00:00Z',
    deliveredAt: '2026-10-28T03:00:00Z',
  });
});

afterAll(async () => {
  await core.database.close();
});

describe('closing October', () => {
  it('adds the tier bonus, withholds tax, pays out and carries the small balance', async () => {
    const result = await core.services.monthClose.close(
      '2026-10',
      'system:close-month',
      OCTOBER_CLOSE,
    );
    if (result.outcome !== 'closed') throw new Error(result.outcome);

    // Hương's October sales: 1,169,100 + 40,000,000 + 290,000 − 290,000 (void)
    //   + 350,000 − 350,000 (clawback) + 129,900 = 41,299,000 ≥ 20,000,000 → +1% = 412,990
    // Approved: 52,610 + 2,000,000 + 20,000 − 20,000 = 2,052,610; payable 2,465,600
    // Tax 10% = 246,560 (≥ 2,000,000); net 2,219,040. O5 (5,846) is still pending.
    // Minh: 9,900 approved, under the 200,000 minimum: carried forward.
    const rows = await ledgerRows(core);
    const closeRows = rows.filter((row) => ['tier', 'tax', 'payout'].includes(row.kind));
    expect(closeRows).toEqual([
      {
        key: `payout:${huong.code}:2026-10`,
        kind: 'payout',
        amount: -2_219_040,
        period: '2026-10',
        base: 2_465_600,
      },
      {
        key: `tax:${huong.code}:2026-10`,
        kind: 'tax',
        amount: -246_560,
        period: '2026-10',
        base: 2_465_600,
      },
      {
        key: `tier:${huong.code}:2026-10`,
        kind: 'tier',
        amount: 412_990,
        period: '2026-10',
        base: 41_299_000,
      },
    ]);
    expect(result.report).toMatchObject({
      firstRun: true,
      approved: 0,
      newEntries: 3,
      tiers: { count: 1, total: 412_990 },
      payouts: { count: 1, gross: 2_465_600, tax: 246_560, net: 2_219_040 },
      carried: { count: 1, total: 9_900 },
    });

    const payout = await core.services.payouts.of(huong.id, '2026-10');
    expect(payout).toMatchObject({
      gross: 2_465_600,
      tax: 246_560,
      net: 2_219_040,
      status: 'pending',
    });
    expect(await core.services.payouts.of(minh.id, '2026-10')).toBeUndefined();
    expect(await core.services.ledger.balances(huong.id)).toEqual({ pending: 5_846, approved: 0 });
    expect(await core.services.ledger.balances(minh.id)).toEqual({ pending: 0, approved: 9_900 });
  });

  it('closed a second time gives the same ledger and the same payouts', async () => {
    const rows = await ledgerRows(core);
    const payouts = await core.services.payouts.list('2026-10');
    const result = await core.services.monthClose.close(
      '2026-10',
      'web:admin',
      new Date('2026-11-03T03:00:00Z'),
    );
    if (result.outcome !== 'closed') throw new Error(result.outcome);
    expect(result.report).toMatchObject({ firstRun: false, approved: 0, newEntries: 0 });
    expect(await ledgerRows(core)).toEqual(rows);
    expect(await core.services.payouts.list('2026-10')).toEqual(payouts);
  });

  it('refuses, politely, the current month and later ones', async () => {
    const at = new Date('2026-11-20T03:00:00Z');
    expect(await core.services.monthClose.close('2026-11', 'web:admin', at)).toEqual({
      outcome: 'not-ended',
      period: '2026-11',
      current: '2026-11',
    });
    expect((await core.services.monthClose.close('2027-01', 'web:admin', at)).outcome).toBe(
      'not-ended',
    );

    const admin = chatAs(core, 'admin');
    await admin.say('/close 2026-11');
    expect(admin.text).toBe(
      'Chưa thể chốt sổ tháng 11/2026: tháng này chưa kết thúc (bây giờ là tháng 11/2026). ' +
        'Chỉ chốt sổ được các tháng đã qua.',
    );
    await admin.say('/close');
    expect(admin.text).toBe('Cách dùng: /close YYYY-MM, ví dụ /close 2026-11.');
  });

  it('answers /close again in chat with the report and a payout list button', async () => {
    const admin = chatAs(core, 'admin');
    await admin.say('/close 2026-10');
    expect(admin.text).toBe(
      [
        '<b>Chốt sổ tháng 10/2026</b>',
        'Tháng này đã được chốt sổ trước đó; lần chạy lại này không thay đổi gì.',
        'Duyệt thêm: 0 khoản hoa hồng',
        'Thưởng doanh số: 1 CTV · 412.990 ₫',
        'Chi trả: 1 CTV · tổng 2.465.600 ₫ · thuế TNCN 246.560 ₫ · thực chi 2.219.040 ₫',
        'Cộng dồn sang tháng sau: 1 CTV · 9.900 ₫',
      ].join('\n'),
    );
    expect(admin.last[0]!.choices).toEqual([
      [{ label: '📋 Danh sách chi trả', payload: '/payouts 2026-10' }],
    ]);

    const collaborator = chatAs(core, 'huong');
    await collaborator.say('/close 2026-10');
    expect(collaborator.text).toBe('Lệnh này chỉ dành cho quản trị viên.');
  });

  it('runs from the command line, refusing the current month with exit code 2', async () => {
    const lines: string[] = [];
    const out = (line: string) => lines.push(line);
    expect(await closeMonthCommand.run(core, ['2026-10'], out)).toBe(0);
    expect(lines[0]).toBe('2026-10 was closed before; this run added 0 ledger entries.');

    lines.length = 0;
    const current = new Date().toISOString().slice(0, 7);
    expect(await closeMonthCommand.run(core, [current], out)).toBe(2);
    expect(lines[0]).toMatch(/has not ended yet/);
    expect(await closeMonthCommand.run(core, ['October'], out)).toBe(2);
  });
});

describe('November: a return after payment', () => {
  it('claws back in November; the negative balance is carried, never paid', async () => {
    await core.services.ledger.daily(new Date('2026-11-04T17:10:00Z'));
    await core.services.orders.move(
      numbers.O1!,
      'returned',
      { role: 'admin', id: 'web:admin' },
      new Date('2026-11-10T03:00:00Z'),
      'đổi ý',
    );
    const result = await core.services.monthClose.close(
      '2026-11',
      'system:close-month',
      new Date('2026-11-30T17:30:00Z'),
    );
    if (result.outcome !== 'closed') throw new Error(result.outcome);

    // Hương's November: O5 approved 5,846, O1 clawed back −52,610 → −46,764, carried.
    // Minh still carries October's 9,900. No tier: November's only sales entry is the
    // clawback's −1,169,100 (O5 was delivered, so counted, in October).
    expect(result.report).toMatchObject({
      firstRun: true,
      approved: 0,
      tiers: { count: 0 },
      payouts: { count: 0 },
      carried: { count: 2, total: -46_764 + 9_900 },
    });
    expect(await core.services.ledger.balances(huong.id)).toEqual({
      pending: 0,
      approved: -46_764,
    });
    const clawback = (await core.services.ledger.forOrder(numbers.O1!)).at(-1);
    expect(clawback).toMatchObject({ kind: 'clawback', amount: -52_610, period: '2026-11' });
  });
});
