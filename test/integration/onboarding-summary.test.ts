import type { Core } from '../../src/app.js';
import { chatAs } from '../support/chat.js';
import { startTestCore } from '../support/core.js';

let core: Core;

beforeAll(async () => {
  core = await startTestCore();
});

afterAll(async () => {
  await core.database.close();
});

/** Answers every step up to the summary. */
async function reachSummary(chat: ReturnType<typeof chatAs>, phone: string) {
  await chat.say('/start');
  await chat.press('Tôi đồng ý');
  for (const answer of ['Bùi Thị Ngọc', phone, 'Thanh Hoá', 'Sacombank', '0601 2345 6789']) {
    await chat.say(answer);
  }
  await chat.press('BUI THI NGOC');
  await chat.press('Bỏ qua');
  await chat.press('Bỏ qua');
  expect(chat.text).toContain('Kiểm tra lại thông tin');
}

describe('editing from the summary', () => {
  it('changes the phone and comes back to the summary showing the new number', async () => {
    const ngoc = chatAs(core, 'edits-phone');
    await reachSummary(ngoc, '0911 000 001');
    expect(ngoc.text).toContain('Điện thoại: 0911 000 001');

    await ngoc.press('✏️ Sửa');
    expect(ngoc.text).toBe('Bạn muốn sửa mục nào?');
    await ngoc.press('Điện thoại');
    expect(ngoc.text).toContain('Số điện thoại của bạn?');
    await ngoc.say('0911 000 002');

    expect(ngoc.text).toContain('Kiểm tra lại thông tin');
    expect(ngoc.text).toContain('Điện thoại: 0911 000 002');
    expect(ngoc.text).not.toContain('0911 000 001');
    expect(ngoc.text).toContain('Họ tên: Bùi Thị Ngọc');
    expect(ngoc.text).toContain('Tỉnh/thành: Thanh Hóa');

    await ngoc.press('✅ Xác nhận');
    const stored = await core.store.collaborators.byIdentity('web', 'edits-phone');
    expect(stored?.phone).toBe('+84911000002');
  });

  it('keeps asking the edited step until its answer is valid, then returns', async () => {
    const chat = chatAs(core, 'edits-province-badly');
    await reachSummary(chat, '0911 000 003');
    await chat.press('✏️ Sửa');
    await chat.press('Tỉnh/thành');
    await chat.say('Gotham');
    expect(chat.last[0]!.text).toContain('Không tìm thấy tỉnh/thành này');
    await chat.say('Bình Dương');

    expect(chat.text).toContain('Kiểm tra lại thông tin');
    expect(chat.text).toContain('Tỉnh/thành: TP. Hồ Chí Minh');
    expect(chat.text).toContain('Ngân hàng: Sacombank');
  });

  it('asks for a button when the person types at the choice of item', async () => {
    const chat = chatAs(core, 'types-at-edit');
    await reachSummary(chat, '0911 000 004');
    await chat.press('✏️ Sửa');
    await chat.say('số điện thoại');
    expect(chat.last.map((reply) => reply.text)).toEqual([
      'Vui lòng chọn một trong các nút bên dưới.',
      'Bạn muốn sửa mục nào?',
    ]);
  });

  it('goes through the summary again after two edits in a row', async () => {
    const chat = chatAs(core, 'edits-twice');
    await reachSummary(chat, '0911 000 005');
    await chat.press('✏️ Sửa');
    await chat.press('Họ tên');
    await chat.say('Bùi Thị Ngọc Anh');
    await chat.press('✏️ Sửa');
    await chat.press('Ngân hàng');
    await chat.press('TPBank');

    expect(chat.text).toContain('Họ tên: Bùi Thị Ngọc Anh');
    expect(chat.text).toContain('Ngân hàng: TPBank');
    await chat.press('✅ Xác nhận');
    expect(chat.text).toContain('Cảm ơn Bùi Thị Ngọc Anh!');
  });
});

describe('stopping in the middle of registration', () => {
  it('stops when the person types "hủy" at a step that takes text', async () => {
    const chat = chatAs(core, 'cancels-by-typing');
    await chat.say('/start');
    await chat.press('Tôi đồng ý');
    await chat.say('Mai Văn Tú');
    await chat.say('0911 000 006');
    await chat.say('Hà Nội');
    await chat.say('hủy');

    expect(chat.text).toBe('Đã dừng. Gõ /menu khi bạn cần.');
    const state = await core.store.conversations.load('web', 'cancels-by-typing', 'x');
    expect(state.flow).toBeNull();
    expect(await core.store.collaborators.byIdentity('web', 'cancels-by-typing')).toBeUndefined();
  });

  it('stops on /cancel', async () => {
    const chat = chatAs(core, 'cancels-by-command');
    await chat.say('/start');
    await chat.press('Tôi đồng ý');
    await chat.say('/cancel');
    expect(chat.text).toBe('Đã dừng. Gõ /menu khi bạn cần.');
    await chat.say('/cancel');
    expect(chat.text).toBe('Không có việc gì đang làm dở.');
  });
});
