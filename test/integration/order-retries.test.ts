import type { Core } from '../../src/app.js';
import { chatAs } from '../support/chat.js';
import { startTestCore } from '../support/core.js';
import { orderThroughChat, seedProducts } from '../support/orders.js';
import { activeCollaborator, registerThroughChat } from '../support/register.js';

let core: Core;

beforeAll(async () => {
  core = await startTestCore();
  await seedProducts(core);
  await activeCollaborator(core, 'hoa', { phone: '0902 000 001' });
  await activeCollaborator(core, 'mary', { phone: '0902 000 002' });
});

afterAll(async () => {
  await core.database.close();
});

const ASK_PRODUCT = 'Nhập mã sản phẩm (SKU) hoặc tên sản phẩm khách muốn mua.';
const ASK_QUANTITY =
  'Bạn muốn đặt bao nhiêu <b>Kem chống nắng SPF50</b> (129.900 ₫ một sản phẩm)? ' +
  'Gõ một số từ 1 đến 1.000.';

describe('bad input in the order flow gets a plain retry and the flow goes on', () => {
  it.each([
    ['hai', 'Số lượng cần là một con số, ví dụ 2.'],
    ['0', 'Số lượng phải từ 1 trở lên.'],
    ['-1', 'Số lượng phải từ 1 trở lên.'],
    ['1.5', 'Số lượng phải là số nguyên, ví dụ 1 hoặc 2.'],
    ['1001', 'Số lượng vượt mức tối đa cho một dòng.'],
  ])('quantity %s', async (typed, retry) => {
    const chat = chatAs(core, 'hoa');
    await chat.say('/order');
    await chat.say('KCN-01');

    await chat.say(typed);
    expect(chat.last.map((reply) => reply.text)).toEqual([retry, ASK_QUANTITY]);
    await chat.say('3');
    expect(chat.text).toContain('Kem chống nắng SPF50 × 3');
    await chat.say('/cancel');
  });

  it('refuses a second line that would push one product over the maximum', async () => {
    const chat = chatAs(core, 'hoa');
    await chat.say('/order');
    await chat.say('KCN-01');
    await chat.say('600');
    await chat.press('➕ Thêm sản phẩm');
    await chat.say('KCN-01');
    await chat.say('500');
    expect(chat.last[0]!.text).toBe('Số lượng vượt mức tối đa cho một dòng.');
    await chat.say('400');
    expect(chat.text).toContain('Kem chống nắng SPF50 × 1.000');
    await chat.say('/cancel');
  });

  it.each([
    ['XYZ-999', 'Không tìm thấy sản phẩm nào như vậy.'],
    ['bánh mì', 'Không tìm thấy sản phẩm nào như vậy.'],
    ['OLD-01', 'Sản phẩm này hiện không bán.'],
    ['nến thơm', 'Sản phẩm này hiện không bán.'],
  ])('product %s', async (typed, retry) => {
    const chat = chatAs(core, 'hoa');
    await chat.say('/order');
    await chat.say(typed);
    expect(chat.last[0]!.text).toContain(retry);
    expect(chat.last[1]!.text).toBe(ASK_PRODUCT);
    await chat.say('KCN-01');
    expect(chat.text).toBe(ASK_QUANTITY);
    await chat.say('/cancel');
  });

  it('says a hidden product of a card cannot be ordered, and asks for another', async () => {
    const chat = chatAs(core, 'hoa');
    await chat.send({ payload: '/order OLD-01' });
    expect(chat.last.map((reply) => reply.text)).toEqual([
      'Sản phẩm OLD-01 hiện không bán.',
      ASK_PRODUCT,
    ]);
    await chat.say('/cancel');
  });

  it.each(['12345', '0212 345 678', '+1 415 555 0100', 'không nhớ'])(
    'customer phone %s',
    async (typed) => {
      const chat = chatAs(core, 'hoa');
      await chat.say('/order');
      await chat.say('KCN-01');
      await chat.say('1');
      await chat.press('Tiếp tục ›');
      await chat.say('Chị Mai');
      await chat.say(typed);
      expect(chat.last.map((reply) => reply.text)).toEqual([
        'Số điện thoại chưa đúng. Vui lòng gõ số di động Việt Nam, ví dụ 0912 345 678.',
        'Số điện thoại của khách? (ví dụ 0912 345 678)',
      ]);
      await chat.say('0164 123 4567');
      expect(chat.text).toBe('Địa chỉ giao hàng?');
      await chat.say('/cancel');
    },
  );

  it('takes the customer number from a forwarded contact card', async () => {
    const chat = chatAs(core, 'hoa');
    await chat.say('/order');
    await chat.say('KCN-01');
    await chat.say('1');
    await chat.press('Tiếp tục ›');
    await chat.say('Chị Mai');
    await chat.contact('84977000111', false);
    expect(chat.text).toBe('Địa chỉ giao hàng?');
    await chat.say('/cancel');
  });

  it('asks again for an empty name, a short address and typed text instead of a button', async () => {
    const chat = chatAs(core, 'hoa');
    await chat.say('/order');
    await chat.say('KCN-01');
    await chat.say('1');
    await chat.say('tiếp');
    expect(chat.last[0]!.text).toBe('Vui lòng chọn một trong các nút bên dưới.');
    await chat.press('Tiếp tục ›');
    await chat.say('1');
    expect(chat.last[0]!.text).toContain('Vui lòng gõ tên khách hàng');
    await chat.say('Chị Mai');
    await chat.say('0912 345 678');
    await chat.say('Q1');
    expect(chat.last[0]!.text).toContain('Vui lòng gõ địa chỉ giao hàng đầy đủ');
    await chat.say('8 Nguyễn Huệ, Quận 1');
    expect(chat.text).toContain('Ghi chú cho đơn');
    await chat.say('/cancel');
  });

  it('answers in English for a collaborator who chose English', async () => {
    const chat = chatAs(core, 'mary');
    await chat.say('/language en');
    await chat.say('/order');
    await chat.say('KCN-01');
    await chat.say('hai');
    expect(chat.last.map((reply) => reply.text)).toEqual([
      'The quantity must be a number, for example 2.',
      'How many <b>Kem chống nắng SPF50</b> (₫129,900 each)? Type a number from 1 to 1,000.',
    ]);
    await chat.say('1');
    expect(chat.text).toBe(
      '1. Kem chống nắng SPF50 × 1 · ₫129,900 = ₫129,900\n<b>Running total: ₫129,900</b>',
    );
    await chat.say('/cancel');
  });
});

describe('who may order', () => {
  it('tells a collaborator waiting for approval why they cannot order', async () => {
    await registerThroughChat(core, 'waiting', { phone: '0902 000 003' });
    const chat = chatAs(core, 'waiting');
    await chat.say('/order');
    expect(chat.text).toBe(
      'Chỉ cộng tác viên đang hoạt động mới lên đơn được. Tài khoản của bạn: đang chờ duyệt.',
    );
    const state = await core.store.conversations.load('web', 'waiting', 'waiting');
    expect(state.flow).toBeNull();
  });

  it('refuses a collaborator suspended while the draft was open', async () => {
    const suspended = await activeCollaborator(core, 'suspended', { phone: '0902 000 004' });
    const chat = chatAs(core, 'suspended');
    await chat.say('/order');
    await chat.say('KCN-01');
    await chat.say('1');
    await chat.press('Tiếp tục ›');
    await chat.say('Chị Mai');
    await chat.say('0912 345 678');
    await chat.say('8 Nguyễn Huệ, Quận 1');
    await chat.press('Bỏ qua');
    await core.store.collaborators.update(suspended.id, { status: 'suspended' });

    await chat.press('✅ Gửi đơn');
    expect(chat.text).toBe(
      'Chỉ cộng tác viên đang hoạt động mới lên đơn được. Tài khoản của bạn: tạm ngưng.',
    );
    expect(await core.store.models.audit.countDocuments({ action: 'order.submitted' })).toBe(0);
  });

  it('asks someone not registered to register', async () => {
    const chat = chatAs(core, 'stranger');
    await chat.say('lên đơn');
    expect(chat.text).toBe('Bạn chưa đăng ký làm cộng tác viên.');
    expect(chat.last[0]!.choices).toEqual([[{ label: 'Đăng ký', payload: '/start' }]]);
  });

  it('still lets an active collaborator order after all that', async () => {
    const order = await orderThroughChat(core, chatAs(core, 'hoa'));
    expect(order.state).toBe('submitted');
  });
});
