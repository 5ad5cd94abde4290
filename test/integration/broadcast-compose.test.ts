import type { Core } from '../../src/app.js';
import type { Reply } from '../../src/conversation/types.js';
import { chatAs } from '../support/chat.js';
import { startTestCore } from '../support/core.js';
import { activeRecipients } from '../support/recipients.js';

let core: Core;
let codes: string[];

/** What a web user received outside their own turns (broadcasts, reports), oldest first. */
async function inbox(userId: string): Promise<string[]> {
  const messages = await core.store.playground.since(userId, 0);
  return messages.map((message) => (message.reply as Reply).text);
}

beforeAll(async () => {
  core = await startTestCore();
  const joinedAt = new Date('2026-11-10T02:00:00Z');
  const hanoi = await activeRecipients(core, [7001, 7002, 7003], { channel: 'web', joinedAt });
  const saigon = await activeRecipients(core, [7004, 7005], {
    channel: 'web',
    province: 'HCM',
    joinedAt,
  });
  codes = [...hanoi, ...saigon].map((person) => person.code);
});

afterAll(async () => {
  await core.database.close();
});

describe('composing a broadcast in chat', () => {
  it('is for admins only', async () => {
    const chat = chatAs(core, 'someone');
    await chat.say('/broadcast');
    expect(chat.text).toBe('Lệnh này chỉ dành cho quản trị viên.');
  });

  it('schedules one for a province at a Vietnamese time, lists it, and cancels it before it starts', async () => {
    const admin = chatAs(core, 'admin');
    await admin.say('/broadcast');
    expect(admin.text).toContain('Viết nội dung thông báo');
    await admin.say('Họp tháng 12 lúc 19:00 thứ Bảy.\n\nLink: <zoom>');
    await admin.press('Không đính kèm');
    await admin.press('Theo tỉnh/thành');
    await admin.press('Hà Nội');
    expect(admin.text).toContain('Thông báo sẽ tới <b>3</b> CTV');

    await admin.say('mai');
    expect(admin.text).toContain('Chưa đọc được thời gian');
    await admin.say('20:00 05/12');
    expect(admin.text).toBe(
      [
        '<b>Xem trước thông báo</b>',
        'Họp tháng 12 lúc 19:00 thứ Bảy.',
        '',
        'Link: &lt;zoom&gt;',
        '──────────',
        '📎 không đính kèm',
        '👥 CTV ở Hà Nội: <b>3</b> CTV',
        '🕒 gửi lúc 05/12/2026 20:00',
      ].join('\n'),
    );
    await admin.press('✅ Hẹn giờ gửi');
    expect(admin.text).toBe('🕒 Thông báo #1 sẽ được gửi lúc 05/12/2026 20:00 tới 3 CTV.');

    const broadcast = await core.services.broadcasts.byNumber(1);
    expect(broadcast).toMatchObject({
      state: 'scheduled',
      audience: { kind: 'province', province: 'HN' },
      sendAt: new Date('2026-12-05T13:00:00Z'),
    });

    await admin.say('/broadcasts');
    expect(admin.text).toContain('<b>#1</b> · đã hẹn giờ · 05/12/2026 20:00');
    await admin.press('✖ Hủy thông báo #1');
    expect(admin.text).toBe('Đã hủy thông báo #1. Không ai nhận được thông báo này.');
    expect(await core.services.broadcasts.run(broadcast!.id)).toEqual({ outcome: 'cancelled' });
    await admin.say('/broadcast_cancel 1');
    expect(admin.text).toBe('Thông báo #1 đã hủy, không hủy được nữa.');
    expect(await inbox('7001')).toEqual([]);
  });

  it('sends one now to everyone active: each once, and the author gets the report', async () => {
    const admin = chatAs(core, 'admin');
    await admin.say('/broadcast');
    await admin.say('Chương trình thi đua tháng 12 bắt đầu!');
    await admin.press('Không đính kèm');
    await admin.press('Tất cả CTV đang hoạt động');
    expect(admin.text).toContain('<b>5</b> CTV');
    await admin.press('🚀 Gửi ngay');
    expect(admin.text).toContain('🕒 gửi ngay khi bấm «Gửi»');
    await admin.press('✅ Gửi');
    expect(admin.text).toBe(
      '📣 Thông báo #2 đang được gửi tới 5 CTV. Bạn sẽ nhận báo cáo khi gửi xong.',
    );
    const broadcast = (await core.services.broadcasts.byNumber(2))!;
    const summary = await core.services.broadcasts.run(broadcast.id);
    expect(summary).toEqual({
      outcome: 'done',
      counts: { total: 5, sent: 5, blocked: 0, failed: 0 },
    });
    for (const id of ['7001', '7002', '7003', '7004', '7005']) {
      expect(await inbox(id)).toEqual(['Chương trình thi đua tháng 12 bắt đầu!']);
    }
    // "Send now" was answered with "being sent": no separate start notice, only the report.
    const reports = await inbox('admin');
    expect(reports[0]).toMatch(
      /^✅ Thông báo #2 đã gửi xong trong \d+ giây: <b>5<\/b> người đã nhận, 0 người đã chặn bot, 0 không gửi được \(tổng 5\)\.$/,
    );
    expect(await core.services.broadcasts.run(broadcast.id)).toEqual({
      outcome: 'finished-elsewhere',
    });
    expect(await inbox('admin')).toHaveLength(1);
  });

  it('reads a list of codes and a period of registration, and refuses audiences of nobody', async () => {
    const admin = chatAs(core, 'admin');
    await admin.say('/broadcast');
    await admin.say('Chúc mừng các bạn mới!');
    await admin.press('Không đính kèm');
    await admin.press('Theo thời gian tham gia');
    await admin.say('01/2025 đến 03/2025');
    expect(admin.text).toContain('Không có CTV đang hoạt động nào nhận được thông báo này');
    await admin.say('tháng 11/2026');
    expect(admin.text).toContain('<b>5</b> CTV');

    await admin.press('🚀 Gửi ngay');
    await admin.press('✏️ Sửa');
    await admin.press('Người nhận');
    await admin.press('Danh sách mã CTV');
    await admin.say('CTV9999');
    expect(admin.text).toContain('Không có CTV đang hoạt động nào');
    await admin.say(`${codes[0]}, ${codes[4]!.toLowerCase()} CTV9999`);
    expect(admin.text).toContain('👥 3 mã CTV: <b>2</b> CTV');
    await admin.press('Hủy');
    expect(admin.text).toBe('Đã bỏ bản nháp thông báo.');
    expect(await core.services.broadcasts.byNumber(3)).toBeUndefined();
  });
});
