import type { Locale } from '../domain/collaborator.js';
import { applyRate, lineTotal, orderCommission, sumDong, type Dong } from '../domain/money.js';
import { formatOrderNumber } from '../domain/order.js';
import type { StatementItem, StatementModel, StatementOrder } from '../domain/statement.js';

/**
 * A realistic statement made of made-up data, the same on every call: for previews, the
 * benchmark and the renderer's tests. Amounts follow the money rules (10% commission rounded
 * once per order, 10% tax from 2,000,000 ₫), so the document reads like a real month.
 */

/** The longest product name of the sample, used to check that names wrap and are never cut. */
export const SAMPLE_LONG_PRODUCT = 'Combo chăm sóc da mặt cao cấp 3 bước dành cho da dầu mụn';

const PRODUCTS: readonly { name: string; price: Dong }[] = [
  { name: 'Kem chống nắng Hương Sen SPF50+', price: 129_900 },
  { name: 'Sữa rửa mặt trà xanh', price: 89_000 },
  { name: SAMPLE_LONG_PRODUCT, price: 459_000 },
  { name: 'Nước tẩy trang bí đao', price: 115_000 },
  { name: 'Mặt nạ ngủ dưỡng ẩm', price: 198_000 },
  { name: 'Son dưỡng môi dầu dừa Bến Tre', price: 55_000 },
  { name: 'Serum vitamin C sáng da', price: 325_000 },
];

const REASONS: Record<Locale, Record<'bonus' | 'clawback' | 'adjustment', string>> = {
  vi: {
    bonus: 'Thưởng doanh số tháng 11/2026: đạt mốc 20.000.000 ₫, thưởng thêm 1% doanh số',
    clawback: 'Thu hồi hoa hồng: đơn DH-000042 (tháng 10/2026) bị trả lại sau khi đã chi trả',
    adjustment: 'Điều chỉnh: bù phí vận chuyển cho khách theo chương trình khuyến mãi',
  },
  en: {
    bonus: 'Volume bonus for November 2026: ₫20,000,000 reached, 1% extra on sales',
    clawback: 'Clawback: order DH-000042 (October 2026) was returned after payout',
    adjustment: 'Adjustment: customer shipping fee refunded under a promotion',
  },
};

/** What may vary between samples. */
export interface SampleOptions {
  orders?: number;
  locale?: Locale;
  provisional?: boolean;
  /** Leave out bonuses, clawbacks and adjustments. */
  noItems?: boolean;
}

function sampleOrder(index: number, count: number): StatementOrder {
  const lines = [PRODUCTS[index % PRODUCTS.length]!];
  if (index % 3 === 0) lines.push(PRODUCTS[(index + 3) % PRODUCTS.length]!);
  const quantities = lines.map((_, i) => 1 + ((index + i) % 3));
  const priced = lines.map((product, i) => ({
    unitPrice: product.price,
    quantity: quantities[i]!,
    commission: { kind: 'rate', rate: '10' } as const,
  }));

  // Spread over November 2026 in Vietnam, in order, between 08:00 and 21:00 local time.
  const day = 1 + Math.floor((index * 30) / count);
  const hour = 8 + ((index * 5) % 14) - 7;
  return {
    number: formatOrderNumber(101 + index),
    submittedAt: new Date(Date.UTC(2026, 10, day, hour, (index * 7) % 60)),
    lines: lines.map((product, i) => ({ name: product.name, quantity: quantities[i]! })),
    amount: sumDong(priced.map(lineTotal)),
    commission: orderCommission(priced),
    // Only a state that explains the commission is shown; most orders simply earned theirs.
    ...(index % 17 === 16 ? { state: 'voided' as const } : {}),
  };
}

/** A statement of `orders` orders (30 by default) for Nguyễn Thị Hương, November 2026. */
export function sampleStatement(options: SampleOptions = {}): StatementModel {
  const locale = options.locale ?? 'vi';
  const provisional = options.provisional ?? false;
  const count = options.orders ?? 30;
  const orders = Array.from({ length: count }, (_, index) => sampleOrder(index, count));
  // An order returned before approval earns nothing; it stays on the statement with its state.
  const earning = orders.map((order) =>
    order.state === 'voided' ? { ...order, commission: 0 } : order,
  );

  const sales = sumDong(earning.filter((o) => o.state !== 'voided').map((o) => o.amount));
  const reasons = REASONS[locale];
  const items: StatementItem[] = options.noItems
    ? []
    : [
        { kind: 'bonus', reason: reasons.bonus, amount: applyRate(sales, '1') },
        { kind: 'clawback', reason: reasons.clawback, amount: -45_900, orderNumber: 'DH-000042' },
        { kind: 'adjustment', reason: reasons.adjustment, amount: 30_000 },
      ];

  const gross = sumDong([...earning.map((o) => o.commission), ...items.map((i) => i.amount)]);
  // Personal income tax: 10% of a payment of 2,000,000 ₫ or more (Circular 111/2013/TT-BTC).
  const taxWithheld = gross >= 2_000_000 ? applyRate(gross, '10') : 0;
  const carriedForward = gross - taxWithheld < 200_000 ? gross - taxWithheld : 0;
  const net = gross - taxWithheld - carriedForward;

  return {
    business: {
      name: 'Công ty TNHH Mỹ phẩm Hương Sen',
      address: 'Số 12 ngõ 34 phố Nguyễn Du, phường Hai Bà Trưng, Hà Nội · 024 3942 1234',
    },
    collaborator: {
      code: 'CTV0042',
      fullName: 'Nguyễn Thị Hương',
      bankName: 'Vietcombank',
      maskedAccount: '••••••6789',
    },
    period: '2026-11',
    locale,
    provisional,
    orders: earning,
    items,
    totals: { gross, taxWithheld, net, carriedForward },
    payout: provisional
      ? { state: 'not-due' }
      : carriedForward > 0
        ? { state: 'carried-forward' }
        : { state: 'paid', reference: 'FT26339012345678', paidAt: new Date('2026-12-05T03:00Z') },
    statementId: 'BK-CTV0042-2026-11',
    version: 1,
    generatedAt: new Date('2026-12-01T01:30:00Z'),
  };
}
