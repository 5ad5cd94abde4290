import type { Core } from '../../src/app.js';
import type { Collaborator } from '../../src/domain/collaborator.js';
import type { Reply } from '../../src/conversation/types.js';
import type { StoredOrder } from '../../src/services/order.service.js';
import { chatAs } from '../support/chat.js';
import { startTestCore } from '../support/core.js';
import { seedProducts } from '../support/orders.js';
import { activeCollaborator } from '../support/register.js';

let core: Core;
let tam: Collaborator;
let keys = 0;

beforeAll(async () => {
  core = await startTestCore();
  await seedProducts(core);
  tam = await activeCollaborator(core, 'tam', { fullName: 'Lê Minh Tâm', phone: '0904 000 001' });
});

afterAll(async () => {
  await core.database.close();
});

/** A submitted order of Tâm's, made through the service: these tests are about what follows. */
async function newOrder(at = new Date('2026-11-20T03:00:00Z')): Promise<StoredOrder> {
  const result = await core.services.orders.submit({
    collaborator: tam,
    idempotencyKey: `life-${++keys}`,
    items: [{ sku: 'SRM-01', quantity: 2 }],
    customer: { name: 'Cô Ba', phone: '+84912345678', address: '7 Hai Bà Trưng, Huế' },
    at,
  });
  if (result.outcome !== 'created') throw new Error(result.outcome);
  return result.order;
}

async function notices(userId: string): Promise<string[]> {
  const messages = await core.store.playground.since(userId, 0);
  return messages.map((message) => (message.reply as Reply).text);
}

describe('an order moves through its life', () => {
  it('is confirmed, delivered and returned, each step in history, audit log and a notice', async () => {
    const { number } = await newOrder();
    const before = (await notices('tam')).length;
    const admin = chatAs(core, 'admin');

    await admin.say(`/order_set ${number} confirmed`);
    expect(admin.text).toBe(`Đơn ${number} đã chuyển sang «đã xác nhận».`);
    await admin.press('🚚 Đã giao');
    expect(admin.text).toBe(`Đơn ${number} đã chuyển sang «đã giao».`);
    await admin.say(`/order_set ${number} returned khách trả vì hộp móp`);
    expect(admin.text).toBe(`Đơn ${number} đã chuyển sang «đã trả lại».`);

    const order = await core.services.orders.find(number, { isAdmin: true });
    expect(order!.version).toBe(3);
    expect(order!.history).toMatchObject([
      { to: 'submitted' },
      { from: 'submitted', to: 'confirmed', actor: { role: 'admin', id: 'web:admin' } },
      { from: 'confirmed', to: 'delivered' },
      { from: 'delivered', to: 'returned', reason: 'khách trả vì hộp móp' },
    ]);
    for (const entry of order!.history) expect(entry.at).toBeInstanceOf(Date);

    const audit = await core.store.audit.forSubject(`order:${number}`);
    expect(audit.map((entry) => [entry.action, entry.actor])).toEqual([
      ['order.submitted', `collaborator:${tam.code}`],
      ['order.confirmed', 'web:admin'],
      ['order.delivered', 'web:admin'],
      ['order.returned', 'web:admin'],
    ]);
    expect(audit.at(-1)!.details).toEqual({
      from: 'delivered',
      to: 'returned',
      reason: 'khách trả vì hộp móp',
    });

    expect((await notices('tam')).slice(before)).toEqual([
      `Đơn <b>${number}</b> (Cô Ba, 290.000 ₫) đã được xác nhận.`,
      `Đơn <b>${number}</b> (Cô Ba, 290.000 ₫) đã giao thành công.`,
      `Đơn <b>${number}</b> (Cô Ba, 290.000 ₫) đã bị trả lại.\nlý do: khách trả vì hộp móp`,
    ]);
  });

  it('tells the collaborator in English when that is their language', async () => {
    const chat = chatAs(core, 'tam');
    await chat.say('/language en');
    try {
      const { number } = await newOrder();
      await chatAs(core, 'admin').say(`/order_set ${number} confirmed`);
      expect((await notices('tam')).at(-1)).toBe(
        `Order <b>${number}</b> (Cô Ba, ₫290,000) has been confirmed.`,
      );
    } finally {
      await chat.say('/language vi');
    }
  });

  it('asks for the reason of a cancel pressed as a button', async () => {
    const { number } = await newOrder();
    const admin = chatAs(core, 'admin');
    await admin.say(`/order ${number}`);
    await admin.press('❌ Hủy đơn');
    expect(admin.text).toBe(`Lý do hủy đơn ${number}?`);
    await admin.say('x');
    expect(admin.last[0]!.text).toBe('Vui lòng gõ lý do (2–500 ký tự).');
    await admin.say('Khách   không nghe máy');
    expect(admin.text).toBe(`Đơn ${number} đã chuyển sang «đã hủy».`);

    const order = await core.services.orders.find(number, { isAdmin: true });
    expect(order!.history.at(-1)).toMatchObject({
      to: 'cancelled',
      reason: 'Khách không nghe máy',
    });
    expect((await notices('tam')).at(-1)).toBe(
      `Đơn <b>${number}</b> (Cô Ba, 290.000 ₫) đã bị hủy.\nlý do: Khách không nghe máy`,
    );
  });

  it('leaves the order alone when the reason question is cancelled', async () => {
    const { number } = await newOrder();
    const admin = chatAs(core, 'admin');
    await admin.say(`/order_set ${number} cancelled`);
    await admin.press('Hủy');
    expect(admin.text).toBe('Đã thôi, đơn giữ nguyên trạng thái.');
    expect((await core.services.orders.find(number, { isAdmin: true }))!.state).toBe('submitted');
  });

  it('refuses a move the life cycle does not allow, naming the current state', async () => {
    const { number } = await newOrder();
    const admin = chatAs(core, 'admin');
    const noticesBefore = (await notices('tam')).length;

    await admin.say(`/order_set ${number} delivered`);
    expect(admin.text).toBe(
      `Không thể chuyển đơn ${number} sang «đã giao»: đơn đang ở trạng thái «đã gửi».`,
    );
    await admin.say(`/order_set ${number} returned hỏng`);
    expect(admin.text).toBe(
      `Không thể chuyển đơn ${number} sang «đã trả lại»: đơn đang ở trạng thái «đã gửi».`,
    );
    await admin.say(`/order_set ${number} cancelled hết hàng`);
    await admin.say(`/order_set ${number} confirmed`);
    expect(admin.text).toBe(
      `Không thể chuyển đơn ${number} sang «đã xác nhận»: đơn đang ở trạng thái «đã hủy».`,
    );
    // Asking for a reason would be pointless: the move is refused before the question.
    await admin.say(`/order_set ${number} cancelled`);
    expect(admin.text).toBe(`Đơn ${number} đã ở trạng thái «đã hủy» rồi.`);

    const order = await core.services.orders.find(number, { isAdmin: true });
    expect(order!.history.map((entry) => entry.to)).toEqual(['submitted', 'cancelled']);
    expect((await notices('tam')).length).toBe(noticesBefore + 1);
  });

  it('makes one move when two admins press at once', async () => {
    const { number } = await newOrder();
    const at = new Date('2026-11-21T01:00:00Z');
    const results = await Promise.all([
      core.services.orders.move(number, 'confirmed', { role: 'admin', id: 'web:a' }, at),
      core.services.orders.move(number, 'confirmed', { role: 'admin', id: 'telegram:b' }, at),
    ]);
    expect(results.map((result) => result.outcome).sort()).toEqual(['done', 'refused']);
    expect(results.find((result) => result.outcome === 'refused')).toMatchObject({
      refusal: { code: 'transition-already-done', from: 'confirmed' },
    });

    const order = await core.services.orders.find(number, { isAdmin: true });
    expect(order!.history).toHaveLength(2);
    const audit = await core.store.audit.forSubject(`order:${number}`);
    expect(audit.filter((entry) => entry.action === 'order.confirmed')).toHaveLength(1);
  });

  it('answers usage, not-found and admin-only', async () => {
    const admin = chatAs(core, 'admin');
    await admin.say('/order_set DH-000001 shipped');
    expect(admin.text).toContain('Cách dùng: /order_set');
    await admin.say('/order_set DH-999999 confirmed');
    expect(admin.text).toBe('Không tìm thấy đơn DH-999999.');

    const { number } = await newOrder();
    const tamChat = chatAs(core, 'tam');
    await tamChat.say(`/order_set ${number} confirmed`);
    expect(tamChat.text).toBe('Lệnh này chỉ dành cho quản trị viên.');
    expect((await core.services.orders.find(number, { isAdmin: true }))!.state).toBe('submitted');
  });

  it('puts an order in the period of its submission in Vietnam', async () => {
    // 2024-03-31T18:30Z is 01:30 on 1 April in Asia/Ho_Chi_Minh.
    const order = await newOrder(new Date('2024-03-31T18:30:00Z'));
    expect(order.period).toBe('2024-04');
    expect(order.submittedAt.toISOString()).toBe('2024-03-31T18:30:00.000Z');
  });

  it('puts an order confirmed in chat at that moment in April', async () => {
    const chat = chatAs(core, 'tam');
    await chat.say('/order');
    await chat.say('KCN-01');
    await chat.say('1');
    await chat.press('Tiếp tục ›');
    await chat.say('Cô Ba');
    await chat.say('0912 345 678');
    await chat.say('7 Hai Bà Trưng, Huế');
    await chat.press('Bỏ qua');
    const confirm = chat.last.at(-1)!.choices![0]![0]!;
    await chat.send({ payload: confirm.payload, at: new Date('2024-03-31T18:30:00Z') });

    const number = /DH-\d{6}/.exec(chat.text)![0];
    const order = await core.services.orders.find(number, { isAdmin: true });
    expect(order!.period).toBe('2024-04');
    await chat.say(`/order ${number}`);
    expect(chat.text).toContain('Ngày gửi: 01/04/2024 01:30 · kỳ tháng 4/2024');
  });
});
