import { createScheduler, type Scheduler } from '../../jobs/scheduler.js';
import { approveCommissionsJob } from '../../jobs/approve-commissions.job.js';
import { closeMonthJob } from '../../jobs/close-month.job.js';
import type { Core } from '../../src/app.js';
import type { Collaborator } from '../../src/domain/collaborator.js';
import type { Reply } from '../../src/conversation/types.js';
import { createOrderService } from '../../src/services/order.service.js';
import { LEDGER_PRODUCTS, ledgerRows, scriptedOrder } from '../fixtures/ledger-orders.js';
import { startTestCore } from '../support/core.js';
import { seedProducts } from '../support/orders.js';
import { activeCollaborator } from '../support/register.js';

let core: Core;
let scheduler: Scheduler;
let huong: Collaborator;

beforeAll(async () => {
  core = await startTestCore();
  await seedProducts(core, LEDGER_PRODUCTS);
  huong = await activeCollaborator(core, 'huong', {
    fullName: 'Nguyễn Thị Hương',
    phone: '0905 000 001',
  });
  scheduler = createScheduler({
    core,
    jobs: [approveCommissionsJob, closeMonthJob],
    processEvery: 100,
    lockLifetimeMs: 2_000,
  });
  await scheduler.start();
});

afterAll(async () => {
  await scheduler.stop();
  await core.database.close();
});

async function until(check: () => Promise<boolean>, ms = 8_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const noticesTo = async (userId: string) =>
  (await core.store.playground.since(userId, 0)).map((message) => (message.reply as Reply).text);

describe('order moves write the ledger', () => {
  it('delivered: the order’s own commission, pending, due seven days later', async () => {
    // 129,900 × 9 × 4.5% = 52,609.5 → 52,610
    const order = await scriptedOrder(core, huong, [['KCN-01', 9]], {
      submittedAt: '2026-10-01T03:00:00Z',
      deliveredAt: '2026-10-02T03:00:00Z',
    });
    const [entry] = await core.services.ledger.forOrder(order.number);
    expect(entry).toMatchObject({
      key: `commission:${order.number}`,
      kind: 'commission',
      collaboratorCode: huong.code,
      amount: 52_610,
      base: 1_169_100,
      period: '2026-10',
      actor: 'web:admin',
    });
    expect(entry!.dueAt!.toISOString()).toBe('2026-10-09T03:00:00.000Z');
    expect(await core.services.ledger.balances(huong.id)).toEqual({ pending: 52_610, approved: 0 });
  });

  it('returned before approval: the pending commission is voided', async () => {
    // 145,000 × 2 × 10% = 29,000
    const order = await scriptedOrder(core, huong, [['SRM-01', 2]], {
      submittedAt: '2026-10-03T03:00:00Z',
      deliveredAt: '2026-10-04T03:00:00Z',
      returnedAt: '2026-10-06T03:00:00Z',
    });
    const entries = await core.services.ledger.forOrder(order.number);
    expect(entries.map((e) => [e.key, e.kind, e.amount, e.period])).toEqual([
      [`commission:${order.number}`, 'commission', 29_000, '2026-10'],
      [`settle:${order.number}`, 'void', -29_000, '2026-10'],
    ]);
    expect(entries[1]!.reason).toBe('khách trả hàng');
  });
});

describe('the daily approval job', () => {
  it('approves what is due through Agenda, once, and tells of the payout minimum once', async () => {
    // TV-01 × 1: 10,000,000 × 5% = 500,000, delivered 3 Oct, due 10 Oct.
    const tv = await scriptedOrder(core, huong, [['TV-01', 1]], {
      submittedAt: '2026-10-02T03:00:00Z',
      deliveredAt: '2026-10-03T03:00:00Z',
    });
    const before = (await noticesTo('huong')).length;

    await scheduler.runNow('approve-commissions', { asOf: '2026-10-10T17:10:00Z' });
    await until(async () => (await core.services.ledger.forOrder(tv.number)).length === 2);
    const approval = (await core.services.ledger.forOrder(tv.number))[1];
    expect(approval).toMatchObject({
      key: `settle:${tv.number}`,
      kind: 'approval',
      amount: 500_000,
      period: '2026-10',
      actor: 'system:approve-commissions',
    });
    // The sunscreen order (52,610, due 9 Oct) was approved in the same run; the void stays.
    expect(await core.services.ledger.balances(huong.id)).toEqual({
      pending: 0,
      approved: 552_610,
    });

    // The notice follows the approvals in the same run.
    await until(async () => (await noticesTo('huong')).length > before);
    const notices = (await noticesTo('huong')).slice(before);
    expect(notices).toEqual([
      '🎉 Hoa hồng đã duyệt của bạn đạt 552.610 ₫, từ mức chi trả tối thiểu 200.000 ₫ trở lên. ' +
        'Khoản này sẽ được chi trả khi chốt sổ cuối tháng.',
    ]);

    const rows = await ledgerRows(core);
    const again = await core.services.ledger.daily(new Date('2026-10-10T17:10:00Z'));
    expect(again).toMatchObject({ approved: 0, repaired: 0 });
    expect(await ledgerRows(core)).toEqual(rows);
    expect((await noticesTo('huong')).slice(before)).toHaveLength(1);
  });

  it('is scheduled nightly, and month close on the 1st, in Vietnam time', async () => {
    const jobs = await core.database.connection
      .collection('agenda_jobs')
      .find({ type: 'single' }, { projection: { name: 1, repeatInterval: 1, repeatTimezone: 1 } })
      .toArray();
    expect(
      jobs.map(({ name, repeatInterval, repeatTimezone }) => ({
        name,
        repeatInterval,
        repeatTimezone,
      })),
    ).toEqual(
      expect.arrayContaining([
        {
          name: 'approve-commissions',
          repeatInterval: '10 0 * * *',
          repeatTimezone: 'Asia/Ho_Chi_Minh',
        },
        { name: 'close-month', repeatInterval: '30 0 1 * *', repeatTimezone: 'Asia/Ho_Chi_Minh' },
      ]),
    );
  });

  it('leaves a commission whose holding period is not over', async () => {
    const order = await scriptedOrder(core, huong, [['SRM-02', 1]], {
      submittedAt: '2026-10-09T03:00:00Z',
      deliveredAt: '2026-10-10T03:00:00Z',
    });
    // Due 17 Oct 03:00 UTC; the sweep at 16 Oct does not touch it.
    await core.services.ledger.daily(new Date('2026-10-16T17:10:00Z'));
    expect((await core.services.ledger.forOrder(order.number)).map((e) => e.kind)).toEqual([
      'commission',
    ]);
  });

  it('returned after approval: a clawback in the open month', async () => {
    const order = await scriptedOrder(core, huong, [['TPCN-01', 1]], {
      submittedAt: '2026-10-01T03:00:00Z',
      deliveredAt: '2026-10-01T04:00:00Z',
    });
    await core.services.ledger.daily(new Date('2026-10-08T17:10:00Z'));
    await core.services.orders.move(
      order.number,
      'returned',
      { role: 'admin', id: 'web:admin' },
      new Date('2026-11-02T03:00:00Z'),
      'hàng lỗi',
    );
    // Fixed 20,000 per unit; clawed back in November, the month it came back.
    expect(
      (await core.services.ledger.forOrder(order.number)).map((e) => [e.kind, e.amount, e.period]),
    ).toEqual([
      ['commission', 20_000, '2026-10'],
      ['approval', 20_000, '2026-10'],
      ['clawback', -20_000, '2026-11'],
    ]);
  });

  it('repairs the entries of an order whose hook did not run', async () => {
    // An order service without the ledger hook stands for a crash between move and ledger.
    const bare = createOrderService({
      store: core.store,
      notifier: { toAdmins: async () => undefined, toCollaborator: async () => undefined },
      catalog: core.services.catalog,
    });
    const submitted = await bare.submit({
      collaborator: huong,
      idempotencyKey: 'ledger-repair-1',
      items: [{ sku: 'SRM-01', quantity: 1 }],
      customer: { name: 'Cô Ba', phone: '+84912345678', address: '7 Hai Bà Trưng, Huế' },
      at: new Date('2026-10-20T03:00:00Z'),
    });
    if (submitted.outcome !== 'created') throw new Error(submitted.outcome);
    const admin = { role: 'admin' as const, id: 'web:admin' };
    const number = submitted.order.number;
    await bare.move(number, 'confirmed', admin, new Date('2026-10-20T04:00:00Z'));
    await bare.move(number, 'delivered', admin, new Date('2026-10-21T04:00:00Z'));
    expect(await core.services.ledger.forOrder(number)).toEqual([]);

    const result = await core.services.ledger.daily(new Date('2026-10-22T17:10:00Z'));
    expect(result.repaired).toBe(1);
    // 145,000 × 10% = 14,500, counted at the delivery time, not the repair time.
    expect(await core.services.ledger.forOrder(number)).toEqual([
      expect.objectContaining({
        kind: 'commission',
        amount: 14_500,
        period: '2026-10',
        at: new Date('2026-10-21T04:00:00Z'),
      }),
    ]);
  });
});

describe('manual adjustments', () => {
  it('need a reason and a known code, and are written once per id', async () => {
    const input = {
      code: huong.code,
      amount: -15_000,
      reason: 'phí ship đơn bị hoàn',
      actor: 'web:admin',
      at: new Date('2026-10-25T03:00:00Z'),
      id: 'adj-test-1',
    };
    const first = await core.services.ledger.adjust(input);
    const second = await core.services.ledger.adjust(input);
    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(first.entry).toMatchObject({
      key: 'adjustment:adj-test-1',
      amount: -15_000,
      period: '2026-10',
    });

    await expect(core.services.ledger.adjust({ ...input, id: 'x', reason: ' ' })).rejects.toThrow(
      'adjust-needs-reason',
    );
    await expect(core.services.ledger.adjust({ ...input, code: 'CTV9999' })).rejects.toThrow(
      'collaborator-not-found',
    );
  });
});

describe('the month close job', () => {
  it('closes the month it is given through Agenda, and a second run changes nothing', async () => {
    await scheduler.runNow('close-month', { period: '2026-10' });
    await until(async () => (await core.services.monthClose.closedAt('2026-10')) !== undefined);
    await until(async () => (await core.services.payouts.of(huong.id, '2026-10')) !== undefined);
    const rows = await ledgerRows(core);
    expect(rows.filter((row) => row.key === `payout:${huong.code}:2026-10`)).toHaveLength(1);

    const closedAt = await core.services.monthClose.closedAt('2026-10');
    await scheduler.runNow('close-month', { period: '2026-10' });
    await until(async () => {
      const runs = await core.database.connection
        .collection('agenda_jobs')
        .find({ name: 'close-month', type: 'normal', lastFinishedAt: { $exists: true } })
        .toArray();
      return runs.length === 2;
    });
    expect(await ledgerRows(core)).toEqual(rows);
    expect(await core.services.monthClose.closedAt('2026-10')).toEqual(closedAt);
  });
});
