import type { Core } from '../../src/app.js';
import type { Collaborator } from '../../src/domain/collaborator.js';
import type { StoredOrder } from '../../src/services/order.service.js';
import { chatAs } from '../support/chat.js';
import { startTestCore } from '../support/core.js';
import { seedProducts } from '../support/orders.js';
import { activeCollaborator } from '../support/register.js';

let core: Core;
let an: Collaborator;
let binh: Collaborator;
const anOrders: StoredOrder[] = [];
let binhOrder: StoredOrder;

/** Orders submitted a day apart, so "newest first" is visible in the numbers. */
async function submit(collaborator: Collaborator, day: number, quantity = 1) {
  const result = await core.services.orders.submit({
    collaborator,
    idempotencyKey: `lists-${collaborator.code}-${day}`,
    items: [{ sku: 'SRM-02', quantity }],
    customer: { name: `Khách ${day}`, phone: '+84912345678', address: '1 Lý Thái Tổ, Đà Nẵng' },
    at: new Date(Date.UTC(2026, 10, day, 3)),
  });
  if (result.outcome !== 'created') throw new Error(result.outcome);
  return result.order;
}

beforeAll(async () => {
  core = await startTestCore();
  await seedProducts(core);
  an = await activeCollaborator(core, 'an', { phone: '0905 000 001' });
  binh = await activeCollaborator(core, 'binh', { phone: '0905 000 002' });
  for (let day = 1; day <= 7; day++) anOrders.push(await submit(an, day, day));
  binhOrder = await submit(binh, 8);
});

afterAll(async () => {
  await core.database.close();
});

describe('a collaborator sees only their own orders', () => {
  it('lists them newest first, five to a page, with state and amount', async () => {
    const chat = chatAs(core, 'an');
    await chat.say('/orders');
    const [first] = chat.last;
    // SRM-02 is 99,000 ₫: the order of day 7 has 7 of them, 693,000 ₫.
    expect(first!.text.split('\n')).toEqual([
      'Đơn hàng của bạn (7 đơn, trang 1/2):',
      `<b>${anOrders[6]!.number}</b> · 07/11/2026 · Khách 7 · 693.000 ₫ · đã gửi`,
      `<b>${anOrders[5]!.number}</b> · 06/11/2026 · Khách 6 · 594.000 ₫ · đã gửi`,
      `<b>${anOrders[4]!.number}</b> · 05/11/2026 · Khách 5 · 495.000 ₫ · đã gửi`,
      `<b>${anOrders[3]!.number}</b> · 04/11/2026 · Khách 4 · 396.000 ₫ · đã gửi`,
      `<b>${anOrders[2]!.number}</b> · 03/11/2026 · Khách 3 · 297.000 ₫ · đã gửi`,
    ]);
    expect(first!.choices![0]).toEqual([
      { label: `${anOrders[6]!.number} · đã gửi`, payload: `/order ${anOrders[6]!.number}` },
    ]);
    expect(first!.choices!.at(-1)).toEqual([{ label: 'Trang sau ›', payload: '/orders 1' }]);

    await chat.press('Trang sau ›');
    expect(chat.text.split('\n')).toEqual([
      'Đơn hàng của bạn (7 đơn, trang 2/2):',
      `<b>${anOrders[1]!.number}</b> · 02/11/2026 · Khách 2 · 198.000 ₫ · đã gửi`,
      `<b>${anOrders[0]!.number}</b> · 01/11/2026 · Khách 1 · 99.000 ₫ · đã gửi`,
    ]);
    expect(chat.last[0]!.choices!.at(-1)).toEqual([
      { label: '‹ Trang trước', payload: '/orders 0' },
    ]);
  });

  it('shows the detail of an own order on tap, without the admin buttons', async () => {
    const chat = chatAs(core, 'an');
    await chat.say('/orders');
    await chat.press(`${anOrders[6]!.number} · đã gửi`);
    expect(chat.text).toContain(`<b>Đơn ${anOrders[6]!.number}</b> · đã gửi`);
    expect(chat.text).toContain('Khách: Khách 7 · 0912 345 678');
    expect(chat.text).not.toContain('CTV:');
    expect(chat.last[0]!.choices).toEqual([[{ label: 'Đơn của tôi', payload: '/orders' }]]);
  });

  it('answers "not found" for another collaborator\'s order, however it is asked', async () => {
    const chat = chatAs(core, 'an');
    for (const typed of [binhOrder.number, binhOrder.number.toLowerCase(), `DH ${binhOrder.seq}`]) {
      await chat.say(`/order ${typed}`);
      expect(chat.text).toBe(`Không tìm thấy đơn ${binhOrder.number}.`);
    }
    await chat.say('/orders');
    expect(chat.text).not.toContain(binhOrder.number);
    await chat.say('/orders 5');
    expect(chat.text).not.toContain(binhOrder.number);
  });

  it('tells a collaborator without orders how to place one', async () => {
    await activeCollaborator(core, 'new', { phone: '0905 000 003' });
    const chat = chatAs(core, 'new');
    await chat.say('đơn hàng của tôi');
    expect(chat.text).toBe('Bạn chưa có đơn hàng nào.');
    expect(chat.last[0]!.choices).toEqual([[{ label: 'Lên đơn mới', payload: '/order' }]]);
  });
});

describe("the admins' queue", () => {
  it('offers a button per state with its count, then the orders with their moves', async () => {
    await core.services.orders.move(
      anOrders[0]!.number,
      'confirmed',
      { role: 'admin', id: 'web:admin' },
      new Date('2026-11-20T00:00:00Z'),
    );
    const admin = chatAs(core, 'admin');
    await admin.say('/orders');
    expect(admin.text).toBe('Xem đơn theo trạng thái:');
    expect(admin.last[0]!.choices!.flat().map((choice) => choice.label)).toEqual([
      'đã gửi (7)',
      'đã xác nhận (1)',
      'đã giao (0)',
      'đã hủy (0)',
      'đã trả lại (0)',
    ]);

    await admin.press('đã gửi (7)');
    expect(admin.last[0]!.text).toBe('Đơn đã gửi: 7');
    expect(admin.last).toHaveLength(1 + 5 + 1);
    expect(admin.last[1]!.text).toBe(
      `<b>${binhOrder.number}</b> · ${binh.code} · 08/11/2026 · Khách 8 · 99.000 ₫`,
    );
    expect(admin.last[1]!.choices![0]!.map((choice) => choice.payload)).toEqual([
      `/order_set ${binhOrder.number} confirmed`,
      `/order_set ${binhOrder.number} cancelled`,
    ]);
    await admin.press('Trang sau ›');
    expect(admin.last).toHaveLength(1 + 2 + 1);

    await admin.say('/orders delivered');
    expect(admin.text).toBe('Không có đơn nào đã giao.');
  });

  it('shows any order to an admin, naming its collaborator', async () => {
    const admin = chatAs(core, 'admin');
    await admin.say(`/order ${binhOrder.number}`);
    expect(admin.text).toContain(`CTV: ${binh.fullName} (${binh.code})`);
    expect(admin.last[0]!.choices![0]!.map((choice) => choice.label)).toEqual([
      '✅ Xác nhận',
      '❌ Hủy đơn',
    ]);
  });
});
