import type { Core } from '../../src/app.js';
import { parseProduct, type Product, type ProductRecord } from '../../src/domain/product.js';
import type { StoredOrder } from '../../src/services/order.service.js';
import type { chatAs } from './chat.js';

/**
 * Products for order tests. KCN-01 has its own 4.5% (the design's rounding example), SRM-01
 * and SRM-02 share words so that a name search offers a choice, TPCN-01 earns a fixed amount,
 * OLD-01 is hidden. Products without terms earn the default rule book's 10%.
 */
export const ORDER_PRODUCTS: ProductRecord[] = [
  {
    sku: 'KCN-01',
    name: 'Kem chống nắng SPF50',
    category: 'Mỹ phẩm',
    price: 129_900,
    commission_rate: '4.5',
  },
  { sku: 'SRM-01', name: 'Sữa rửa mặt trà xanh', category: 'Mỹ phẩm', price: 145_000 },
  { sku: 'SRM-02', name: 'Sữa rửa mặt nghệ', category: 'Mỹ phẩm', price: 99_000 },
  {
    sku: 'TPCN-01',
    name: 'Viên uống collagen',
    category: 'Thực phẩm chức năng',
    price: 350_000,
    commission_fixed: 20_000,
  },
  { sku: 'OLD-01', name: 'Nến thơm oải hương', category: 'Nhà cửa', price: 80_000, active: false },
];

export function product(record: ProductRecord): Product {
  const parsed = parseProduct(record);
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return parsed.product;
}

/** Loads {@link ORDER_PRODUCTS} (or others) into the catalog. */
export async function seedProducts(core: Core, records: ProductRecord[] = ORDER_PRODUCTS) {
  const outcome = await core.services.catalog.importProducts(
    records.map(product),
    'test:seed',
    new Date('2026-11-01T00:00:00Z'),
  );
  if (outcome.failed.length > 0) throw new Error(JSON.stringify(outcome.failed));
}

type Chat = ReturnType<typeof chatAs>;

export interface OrderAnswers {
  /** [typed SKU or name, quantity]; the first match is taken when several products match. */
  lines?: [string, string][];
  customer?: string;
  phone?: string;
  address?: string;
  note?: string;
}

/** Answers the order flow in Vietnamese up to the summary, which is the last reply. */
export async function fillOrder(chat: Chat, answers: OrderAnswers = {}): Promise<void> {
  const lines = answers.lines ?? [
    ['KCN-01', '9'],
    ['SRM-01', '2'],
  ];
  await chat.say('/order');
  for (const [index, [productText, quantity]] of lines.entries()) {
    if (index > 0) await chat.press('➕ Thêm sản phẩm');
    await chat.say(productText);
    if (chat.text.includes('Có nhiều sản phẩm khớp')) {
      await chat.send({ payload: chat.last.at(-1)!.choices![0]![0]!.payload });
    }
    await chat.say(quantity);
  }
  await chat.press('Tiếp tục ›');
  await chat.say(answers.customer ?? 'Chị Lan');
  await chat.say(answers.phone ?? '0912 345 678');
  await chat.say(answers.address ?? '12 Lê Lợi, Quận 1, TP. Hồ Chí Minh');
  if (answers.note) await chat.say(answers.note);
  else await chat.press('Bỏ qua');
  if (!chat.text.includes('Kiểm tra đơn hàng')) throw new Error(`No summary: ${chat.text}`);
}

/** Fills and confirms an order through the chat and returns it as stored. */
export async function orderThroughChat(
  core: Core,
  chat: Chat,
  answers: OrderAnswers = {},
): Promise<StoredOrder> {
  await fillOrder(chat, answers);
  await chat.press('✅ Gửi đơn');
  const number = /DH-\d{6,}/.exec(chat.text)?.[0];
  const order = number ? await core.services.orders.find(number, { isAdmin: true }) : undefined;
  if (!order) throw new Error(`No order submitted: ${chat.text}`);
  return order;
}
