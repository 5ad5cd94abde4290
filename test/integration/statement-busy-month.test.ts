import type { Core } from '../../src/app.js';
import type { Collaborator } from '../../src/domain/collaborator.js';
import { SAMPLE_LONG_PRODUCT } from '../../src/pdf/statement-sample.js';
import { LEDGER_PRODUCTS, scriptedOrder } from '../fixtures/ledger-orders.js';
import { startTestCore } from '../support/core.js';
import { seedProducts } from '../support/orders.js';
import { occurrences, pdfPages, squash } from '../support/pdf-text.js';
import { activeCollaborator } from '../support/register.js';

/**
 * The month, made through orders and the ledger rather than a sample model: Nguyễn Thị
 * Hương delivers 60 orders in November 2026, one product with a long name, and the month is
 * closed. Her statement must list every order once, repeat the table header, keep the long
 * name whole and carry the ledger's totals.
 */

let core: Core;
let huong: Collaborator;
let numbers: string[];
let pages: string[];
let all: string;
const HEADER_ROW = 'Số đơn Ngày Sản phẩm Tiền đơn Hoa hồng';

beforeAll(async () => {
  core = await startTestCore({ BUSINESS_ADDRESS: 'Số 12 phố Nguyễn Du, Hà Nội' });
  await seedProducts(core, [
    ...LEDGER_PRODUCTS,
    {
      sku: 'COMBO-3B',
      name: SAMPLE_LONG_PRODUCT,
      category: 'Mỹ phẩm',
      price: 459_000,
      commission_rate: '10',
    },
  ]);
  huong = await activeCollaborator(core, 'huong', { fullName: 'Nguyễn Thị Hương' });

  // Day d (1-28) at 02:00 UTC: alternately the combo and a sunscreen, delivered a day later.
  numbers = [];
  for (let i = 0; i < 60; i++) {
    const day = String(1 + (i % 27)).padStart(2, '0');
    const minute = String(i).padStart(2, '0');
    const items: [string, number][] = i % 2 === 0 ? [['COMBO-3B', 1]] : [['KCN-01', 2]];
    const order = await scriptedOrder(core, huong, items, {
      submittedAt: `2026-11-${day}T02:${minute}:00Z`,
      deliveredAt: `2026-11-${String(Number(day) + 1).padStart(2, '0')}T02:${minute}:00Z`,
    });
    numbers.push(order.number);
  }
  await core.services.monthClose.close('2026-11', 'test', new Date('2026-11-30T17:30:00Z'));

  const result = await core.services.statements.get(huong, '2026-11', new Date('2026-12-01'));
  if (result.outcome !== 'ready') throw new Error(result.outcome);
  pages = await pdfPages(result.pdf);
  all = squash(pages.join('\n'));
}, 120_000);

afterAll(async () => {
  await core.database.close();
});

describe('a 60-order month from the ledger', () => {
  it('runs to at least two pages, the table header on each page with orders', () => {
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const withOrders = pages.filter((page) => /DH-\d{6}/.test(page));
    expect(withOrders.length).toBeGreaterThanOrEqual(2);
    for (const page of withOrders) expect(squash(page)).toContain(HEADER_ROW);
    expect(all).toContain(`Trang 1/${pages.length}`);
  });

  it('lists every order number exactly once, and the long name whole', () => {
    for (const number of numbers) expect(occurrences(all, number)).toBe(1);
    expect(occurrences(all, SAMPLE_LONG_PRODUCT)).toBe(30);
    expect(all).toContain('Số 12 phố Nguyễn Du, Hà Nội');
  });

  it('carries the ledger’s totals', async () => {
    const payout = (await core.services.payouts.of(huong.id, '2026-11'))!;
    // Combo 459,000 × 10% = 45,900 × 30; sunscreen 2 × 129,900 × 4.5% = 11,691 × 30:
    // 1,377,000 + 350,730 = 1,727,730 earned. Delivered from 24 November on, 10 orders (5 of
    // each) are due after the close and stay pending: 5 × 45,900 + 5 × 11,691 = 287,955.
    // Approved 1,727,730 − 287,955 = 1,439,775; sales 30 × 459,000 + 30 × 259,800 =
    // 21,564,000 ≥ 20,000,000 → +1% = 215,640; gross 1,655,415 < 2,000,000: no tax.
    expect(payout).toMatchObject({ gross: 1_655_415, tax: 0, net: 1_655_415 });
    const { model } = await core.services.statements.preview(huong, '2026-11', new Date());
    expect(model.totals).toEqual({
      gross: payout.gross,
      taxWithheld: payout.tax,
      net: payout.net,
      carriedForward: 0,
    });
    expect(all).toContain('1.655.415 ₫');
    expect(all).toContain('215.640 ₫');
    // Ten order rows in their holding period, and the summary line that totals them.
    expect(occurrences(all, 'chờ duyệt')).toBe(11);
    expect(all).toContain('Hoa hồng chờ duyệt (chưa tính vào tổng)');
  });
});
