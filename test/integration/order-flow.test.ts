import type { Core } from '../../src/app.js';
import type { Collaborator } from '../../src/domain/collaborator.js';
import type { Reply } from '../../src/conversation/types.js';
import { chatAs } from '../support/chat.js';
import { startTestCore } from '../support/core.js';
import { fillOrder, orderThroughChat, seedProducts } from '../support/orders.js';
import { activeCollaborator } from '../support/register.js';

let core: Core;
let lan: Collaborator;

beforeAll(async () => {
  core = await startTestCore();
  await seedProducts(core);
  lan = await activeCollaborator(core, 'lan', {
    fullName: 'Nguyễn Thị Lan',
    phone: '0901 000 001',
  });
});

afterAll(async () => {
  await core.database.close();
});

async function outbox(userId: string): Promise<Reply[]> {
  return (await core.store.playground.since(userId, 0)).map((message) => message.reply as Reply);
}

async function orderCount(): Promise<number> {
  return core.store.models.audit.countDocuments({ action: 'order.submitted' });
}

describe('the order flow', () => {
  it('takes two lines with a running total, the customer and a summary, then submits', async () => {
    const noticesBefore = (await outbox('admin')).length;
    const chat = chatAs(core, 'lan');

    await chat.say('/order');
    expect(chat.text).toBe('Nhập mã sản phẩm (SKU) hoặc tên sản phẩm khách muốn mua.');
    await chat.say('kcn-01');
    expect(chat.text).toBe(
      'Bạn muốn đặt bao nhiêu <b>Kem chống nắng SPF50</b> (129.900 ₫ một sản phẩm)? ' +
        'Gõ một số từ 1 đến 1.000.',
    );
    // 129,900 × 9 = 1,169,100
    await chat.say('9');
    expect(chat.text).toBe(
      '1. Kem chống nắng SPF50 × 9 · 129.900 ₫ = 1.169.100 ₫\n<b>Tạm tính: 1.169.100 ₫</b>',
    );

    await chat.press('➕ Thêm sản phẩm');
    await chat.say('Sữa rửa mặt trà xanh');
    await chat.say('2');
    // + 145,000 × 2 = 290,000 → 1,459,100
    expect(chat.text).toBe(
      '1. Kem chống nắng SPF50 × 9 · 129.900 ₫ = 1.169.100 ₫\n' +
        '2. Sữa rửa mặt trà xanh × 2 · 145.000 ₫ = 290.000 ₫\n' +
        '<b>Tạm tính: 1.459.100 ₫</b>',
    );

    await chat.press('Tiếp tục ›');
    expect(chat.text).toBe('Tên khách hàng là gì?');
    await chat.say('Chị  Lan ');
    await chat.say('+84 912-345-678');
    await chat.say('12 Lê Lợi, Quận 1, TP. Hồ Chí Minh');
    await chat.say('Giao giờ hành chính');
    // Commission: 1,169,100 × 4.5% = 52,609.5; 290,000 × 10% = 29,000; 81,609.5 → 81,610.
    expect(chat.text).toBe(
      [
        '<b>Kiểm tra đơn hàng</b>',
        '1. Kem chống nắng SPF50 × 9 · 129.900 ₫ = 1.169.100 ₫',
        '2. Sữa rửa mặt trà xanh × 2 · 145.000 ₫ = 290.000 ₫',
        '<b>Tổng: 1.459.100 ₫</b>',
        'Hoa hồng dự kiến: <b>81.610 ₫</b>',
        'Khách: Chị Lan · 0912 345 678',
        'Địa chỉ: 12 Lê Lợi, Quận 1, TP. Hồ Chí Minh',
        'Ghi chú: Giao giờ hành chính',
      ].join('\n'),
    );

    await chat.press('✅ Gửi đơn');
    const number = /DH-\d{6}/.exec(chat.text)![0];
    expect(chat.text).toBe(
      `Đã gửi đơn <b>${number}</b>. Tổng 1.459.100 ₫, hoa hồng dự kiến 81.610 ₫. ` +
        'Chúng tôi sẽ báo khi đơn được xác nhận.',
    );

    const order = await core.services.orders.find(number, { isAdmin: true });
    expect(order).toMatchObject({
      collaboratorId: lan.id,
      collaboratorCode: lan.code,
      state: 'submitted',
      period: '2026-11',
      total: 1_459_100,
      expectedCommission: 81_610,
      customer: {
        name: 'Chị Lan',
        phone: '+84912345678',
        address: '12 Lê Lợi, Quận 1, TP. Hồ Chí Minh',
      },
      note: 'Giao giờ hành chính',
      lines: [
        {
          sku: 'KCN-01',
          unitPrice: 129_900,
          quantity: 9,
          commission: { kind: 'rate', rate: '4.5' },
        },
        {
          sku: 'SRM-01',
          unitPrice: 145_000,
          quantity: 2,
          commission: { kind: 'rate', rate: '10' },
        },
      ],
      history: [{ to: 'submitted', actor: { role: 'collaborator', id: lan.code } }],
    });

    const notices = (await outbox('admin')).slice(noticesBefore);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.text).toBe(
      `<b>Đơn mới ${number}</b> từ Nguyễn Thị Lan (${lan.code})\n2 dòng · tổng 1.459.100 ₫`,
    );
    expect(notices[0]!.choices).toEqual([
      [
        { label: '✅ Xác nhận', payload: `/order_set ${number} confirmed` },
        { label: '❌ Hủy đơn', payload: `/order_set ${number} cancelled` },
      ],
      [{ label: 'Xem đơn', payload: `/order ${number}` }],
    ]);
    const audit = await core.store.audit.forSubject(`order:${number}`);
    expect(audit).toMatchObject([{ action: 'order.submitted', actor: `collaborator:${lan.code}` }]);
  });

  it('offers a button per product when a name matches several', async () => {
    const chat = chatAs(core, 'lan');
    await chat.say('/order');
    await chat.say('sua rua mat');
    expect(chat.text).toBe('Có nhiều sản phẩm khớp. Bạn chọn sản phẩm nào?');
    expect(chat.last[0]!.choices!.map((row) => row[0]!.label)).toEqual([
      'Sữa rửa mặt nghệ · 99.000 ₫',
      'Sữa rửa mặt trà xanh · 145.000 ₫',
    ]);
    await chat.press('Sữa rửa mặt nghệ · 99.000 ₫');
    expect(chat.text).toContain('<b>Sữa rửa mặt nghệ</b>');
    await chat.say('/cancel');
  });

  it('starts with the product of a card when opened with /order SKU', async () => {
    const chat = chatAs(core, 'lan');
    await chat.send({ payload: '/order TPCN-01' });
    expect(chat.text).toContain('Bạn muốn đặt bao nhiêu <b>Viên uống collagen</b>');

    await chat.say('3');
    await chat.press('Tiếp tục ›');
    await chat.say('Anh Minh');
    await chat.say('0987 111 222');
    await chat.say('5 Trần Phú, Hà Đông, Hà Nội');
    await chat.press('Bỏ qua');
    // A fixed 20,000 per unit: 3 × 20,000 = 60,000.
    expect(chat.text).toContain('Hoa hồng dự kiến: <b>60.000 ₫</b>');
    expect(chat.text).toContain('Ghi chú: (không có)');
  });

  it('starts from free text and lists orders from free text', async () => {
    const chat = chatAs(core, 'lan');
    for (const phrase of ['Lên đơn', 'dat hang', 'ĐẶT HÀNG giúp chị']) {
      await chat.say('/cancel');
      await chat.say(phrase);
      expect(chat.text).toBe('Nhập mã sản phẩm (SKU) hoặc tên sản phẩm khách muốn mua.');
    }
    await chat.say('/cancel');
    await chat.say('đơn hàng của tôi');
    expect(chat.text).toMatch(/^Đơn hàng của bạn \(\d+ đơn, trang 1\/1\):/);
  });

  it('edits one field from the summary and comes back to it', async () => {
    const chat = chatAs(core, 'lan');
    await fillOrder(chat, { phone: '0912 000 111' });

    await chat.press('✏️ Sửa');
    await chat.press('Số điện thoại khách');
    await chat.say('0933 222 333');
    expect(chat.text).toContain('Kiểm tra đơn hàng');
    expect(chat.text).toContain('Khách: Chị Lan · 0933 222 333');

    // Lines: take one out and add another; "continue" goes back to the summary.
    await chat.press('✏️ Sửa');
    await chat.press('Sản phẩm');
    await chat.press('➖ Bỏ một dòng');
    await chat.press('✖ Kem chống nắng SPF50 × 9');
    await chat.press('➕ Thêm sản phẩm');
    await chat.say('collagen');
    await chat.say('1');
    expect(chat.text).toContain('2. Viên uống collagen × 1');
    await chat.press('Tiếp tục ›');
    expect(chat.text).toContain('Kiểm tra đơn hàng');
    expect(chat.text).not.toContain('Kem chống nắng');
    expect(chat.text).toContain('<b>Tổng: 640.000 ₫</b>');

    const submitted = await orderCount();
    await chat.press('✅ Gửi đơn');
    expect(await orderCount()).toBe(submitted + 1);
  });

  it('adds the same product twice as one line', async () => {
    const chat = chatAs(core, 'lan');
    const order = await orderThroughChat(core, chat, {
      lines: [
        ['KCN-01', '2'],
        ['KCN-01', '3'],
      ],
    });
    expect(order.lines).toMatchObject([{ sku: 'KCN-01', quantity: 5 }]);
  });

  it('drops the draft when cancelled from the summary', async () => {
    const chat = chatAs(core, 'lan');
    await fillOrder(chat);
    const submitted = await orderCount();
    await chat.press('Hủy');
    expect(chat.text).toBe('Đã hủy đơn đang soạn. Gõ /order khi cần lên đơn mới.');
    expect(await orderCount()).toBe(submitted);
  });
});
