import type { Core } from '../../src/app.js';
import { parseProduct } from '../../src/domain/product.js';
import { chatAs } from '../support/chat.js';
import { startTestCore } from '../support/core.js';
import { fillOrder, product, seedProducts } from '../support/orders.js';
import { activeCollaborator } from '../support/register.js';

let core: Core;

beforeAll(async () => {
  core = await startTestCore();
  await seedProducts(core);
  await seedProducts(core, [
    {
      sku: 'HET-01',
      name: 'Mặt nạ ngủ',
      category: 'Mỹ phẩm',
      price: 90_000,
      stock: 'out_of_stock',
    },
    { sku: 'DH-2', name: 'Dầu gội & xả', category: 'Chăm sóc tóc & da đầu', price: 100_000 },
  ]);
});

afterAll(async () => {
  await core.database.close();
});

it('shows the new amounts instead of submitting when a price changed after the summary', async () => {
  await activeCollaborator(core, 'price-change', { phone: '0944 000 001' });
  const chat = chatAs(core, 'price-change');
  await fillOrder(chat, { lines: [['SRM-01', '2']] });
  // 145,000 × 2 = 290,000 shown in the summary.
  expect(chat.text).toContain('290.000 ₫');

  await seedProducts(core, [
    { sku: 'SRM-01', name: 'Sữa rửa mặt trà xanh', category: 'Mỹ phẩm', price: 150_000 },
  ]);
  await chat.press('✅ Gửi đơn');

  // 150,000 × 2 = 300,000: shown again for confirmation, nothing submitted yet.
  expect(chat.text).toContain('Giá hoặc hoa hồng vừa thay đổi');
  expect(chat.text).toContain('300.000 ₫');
  expect(await core.store.connection.collection('orders').countDocuments()).toBe(0);

  await chat.press('✅ Gửi đơn');
  expect(chat.text).toMatch(/DH-\d{6}/);
});

it('refuses an out-of-stock product typed by its SKU', async () => {
  await activeCollaborator(core, 'out-of-stock', { phone: '0944 000 002' });
  const chat = chatAs(core, 'out-of-stock');
  await chat.say('/order HET-01');
  await chat.say('HET-01');
  expect(chat.text).toContain('Sản phẩm này hiện không bán');
});

it('starts an order for a SKU that looks like an order number', async () => {
  await activeCollaborator(core, 'sku-dh', { phone: '0944 000 003' });
  const chat = chatAs(core, 'sku-dh');
  await chat.say('/order DH-2');
  expect(chat.text).not.toContain('Không tìm thấy đơn');
  // The message is HTML (Telegram's parse mode), so the "&" arrives escaped.
  expect(chat.text).toContain('bao nhiêu <b>Dầu gội &amp; xả</b>');
});

it('shows "&" in button labels as typed, not as an HTML entity', async () => {
  const chat = chatAs(core, 'labels');
  await chat.say('/products');
  const labels = chat.last.flatMap((reply) => (reply.choices ?? []).flat().map((c) => c.label));
  expect(labels.some((label) => label.startsWith('Chăm sóc tóc & da đầu'))).toBe(true);
  expect(labels.join(' ')).not.toContain('&amp;');
});

it('tells apart two long categories that start alike', async () => {
  const stem = 'Thực phẩm chức năng dành cho người cao tuổi - loại';
  await core.services.catalog.importProducts(
    [
      product({ sku: 'LC-A', name: 'Canxi A', category: `${stem} A`, price: 200_000 }),
      product({ sku: 'LC-B', name: 'Canxi B', category: `${stem} B`, price: 210_000 }),
    ],
    'test',
    new Date('2026-11-01T00:00:00Z'),
  );
  const chat = chatAs(core, 'categories');
  await chat.say('/products');
  await chat.press(new RegExp(`${stem} B`));
  expect(chat.text).toContain('loại B');
  const labels = chat.last.flatMap((reply) => (reply.choices ?? []).flat().map((c) => c.label));
  expect(labels.some((label) => label.startsWith('Canxi B'))).toBe(true);
  expect(labels.some((label) => label.startsWith('Canxi A'))).toBe(false);
});

it('refuses a unit price above 10 billion đồng at import', () => {
  const parsed = parseProduct({ sku: 'BIG', name: 'Xe', category: 'Khác', price: 10_000_000_001 });
  expect(parsed.ok).toBe(false);
});
