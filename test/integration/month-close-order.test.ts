import type { Core } from '../../src/app.js';
import { LEDGER_PRODUCTS, scriptedOrder } from '../fixtures/ledger-orders.js';
import { chatAs } from '../support/chat.js';
import { startTestCore } from '../support/core.js';
import { seedProducts } from '../support/orders.js';
import { activeCollaborator } from '../support/register.js';

let core: Core;

beforeAll(async () => {
  core = await startTestCore();
  await seedProducts(core, LEDGER_PRODUCTS);
});

afterAll(async () => {
  await core.database.close();
});

it('refuses to close a month older than one already closed, so nothing is paid twice', async () => {
  const lan = await activeCollaborator(core, 'late-close', { phone: '0906 000 001' });
  // One TV-01: 10,000,000 × 5% = 500,000, delivered 3 Sep, approved after 7 days.
  await scriptedOrder(core, lan, [['TV-01', 1]], {
    submittedAt: '2026-09-02T03:00:00Z',
    deliveredAt: '2026-09-03T03:00:00Z',
  });

  const october = await core.services.monthClose.close(
    '2026-10',
    'test',
    new Date('2026-11-02T00:00:00Z'),
  );
  expect(october.outcome).toBe('closed');
  const september = await core.services.monthClose.close(
    '2026-09',
    'test',
    new Date('2026-11-02T01:00:00Z'),
  );
  expect(september).toEqual({ outcome: 'superseded', period: '2026-09', latest: '2026-10' });

  // The October close paid September's approved 500,000 once; September has no payout.
  const payouts = [...(await core.store.connection.collection('payouts').find({}).toArray())].map(
    (payout) => [payout.period, payout.gross],
  );
  expect(payouts).toEqual([['2026-10', 500_000]]);
});

it('refuses an adjustment with a slip of extra digits, politely', async () => {
  const minh = await activeCollaborator(core, 'big-adjust', { phone: '0906 000 002' });
  const admin = chatAs(core, 'admin');
  await admin.say(`/adjust ${minh.code} 9007199254740991 thưởng thi đua`);
  expect(admin.text).toContain('Số tiền điều chỉnh quá lớn');
  expect(
    await core.store.connection.collection('ledger_entries').countDocuments({ kind: 'adjustment' }),
  ).toBe(0);
});
