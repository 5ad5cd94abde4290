import type { Core } from '../../src/app.js';
import { createZaloChannel, type ZaloChannel } from '../../bots/zalo/zalo.channel.js';
import {
  imageEvent,
  otherEvent,
  startFakeZaloApi,
  stickerEvent,
  textEvent,
  type FakeZaloApi,
} from '../fakes/zalo-api.js';
import { startTestCore } from '../support/core.js';
import { captureLogs } from '../support/log-capture.js';
import { zaloTexts, zaloTracker, zaloUser, type ZaloTransport } from '../support/zalo-chat.js';

const TOKEN = '3344556677:zalo-polling-token-abcdef';
// Longer than a JavaScript number holds exactly; the fake writes it as a bare JSON number.
const LAN = { id: '2468458835291979922', name: 'Lan Nguyễn' };

let fake: FakeZaloApi;
let core: Core;
let channel: ZaloChannel;
const logs = captureLogs();
const tracker = zaloTracker();
const push: ZaloTransport = async (update) => void fake.pushUpdate(update);

beforeAll(async () => {
  fake = await startFakeZaloApi({ bareIds: true, maxPollMs: 300 });
  core = await startTestCore();
  channel = createZaloChannel({
    core,
    token: TOKEN,
    apiRoot: fake.apiRoot,
    logger: logs.logger,
    onUpdateHandled: tracker.handled,
    polling: { timeoutSeconds: 1, backoff: { initialMs: 20, maxMs: 50 }, minEmptyPollMs: 50 },
  });
  await channel.start();
});

afterAll(async () => {
  await channel.stop();
  await core.database.close();
  await fake.stop();
});

describe('Zalo channel, long polling', () => {
  it('checks the token, removes any webhook, polls and registers its sender', async () => {
    expect(fake.callsOf('getMe')).toHaveLength(1);
    expect(fake.callsOf('deleteWebhook')).toHaveLength(1);
    expect(core.senders.zalo).toBe(channel.sender);
    await fake.waitForCalls('getUpdates', 1);
    expect(fake.callsOf('getUpdates')[0]!.params).toEqual({ timeout: '1' });
  });

  it('registers a collaborator with numbered choices answered by number and by label', async () => {
    const lan = zaloUser(fake, tracker, push, LAN);

    const intro = zaloTexts(await lan.say('/start'));
    expect(intro).toContain('Xin chào');
    expect(intro).toContain('Trước khi đăng ký');
    expect(intro).toContain('1. Tôi đồng ý\n2. Không đồng ý\nTrả lời bằng số thứ tự');
    expect(intro).not.toMatch(/<\/?b>/);

    expect(zaloTexts(await lan.say('1'))).toContain('Họ và tên');
    const askPhone = zaloTexts(await lan.say('Nguyễn Thị Lan'));
    expect(askPhone).toContain('Zalo không có nút gửi số điện thoại');
    expect(zaloTexts(await lan.say('0912 345 678'))).toContain('tỉnh/thành phố nào');
    // A label typed without diacritics, then a number from a two-column list.
    expect(zaloTexts(await lan.say('can tho'))).toContain('5. Techcombank');
    expect(zaloTexts(await lan.say('5'))).toContain('Số tài khoản');
    expect(zaloTexts(await lan.say('1903 4567 8901'))).toContain('1. NGUYEN THI LAN');
    await lan.say('1');
    expect(zaloTexts(await lan.say('bo qua'))).toContain('Mã giới thiệu');
    const summary = zaloTexts(await lan.say('Bỏ qua'));
    expect(summary).toContain('Kiểm tra lại thông tin');
    expect(summary).toContain('Cần Thơ');
    expect(summary).toContain('1. ✅ Xác nhận\n2. ✏️ Sửa\n3. Hủy');
    expect(zaloTexts(await lan.say('1'))).toContain('mã cộng tác viên: CTV0001');

    const stored = await core.store.collaborators.byIdentity('zalo', LAN.id);
    expect(stored).toMatchObject({ code: 'CTV0001', province: 'CT' });
    expect(stored!.bank.bankName).toBe('Techcombank');
    expect(stored!.identities).toEqual([
      expect.objectContaining({ channel: 'zalo', userId: LAN.id, chatId: LAN.id }),
    ]);
    // Every answer went to the exact 19-digit chat id.
    expect(fake.callsOf('sendMessage').every((call) => call.params.chat_id === LAN.id)).toBe(true);
  });

  it('sends the approval notice to Zalo; typing its number runs the command', async () => {
    const lan = zaloUser(fake, tracker, push, LAN);
    const before = lan.sent.length;
    await core.services.collaborators.approve('CTV0001', 'web:admin', new Date());
    const notice = zaloTexts(lan.sent.slice(before));
    expect(notice).toContain('Bạn đã được duyệt làm cộng tác viên, mã CTV0001');
    expect(notice).toContain('1. Menu chính');

    const menu = zaloTexts(await lan.say('1'));
    expect(menu).toContain('Nguyễn Thị Lan · mã CTV0001 · đang hoạt động');
    expect(menu).toContain('1. Lên đơn\n2. Đơn hàng\n3. Sản phẩm\n4. Hồ sơ');
    expect(zaloTexts(await lan.say('4'))).toContain('Hồ sơ cộng tác viên CTV0001');
    // A number that picks nothing is ordinary text.
    expect(zaloTexts(await lan.say('9'))).toContain('chưa hiểu ý bạn');
  });

  it('answers photos and stickers through the engine, other events with "text only"', async () => {
    const lan = zaloUser(fake, tracker, push, LAN);
    expect(zaloTexts(await lan.send(imageEvent(LAN)))).toContain('chưa hiểu ý bạn');
    expect(zaloTexts(await lan.send(stickerEvent(LAN)))).toContain('chưa hiểu ý bạn');
    const voice = await lan.send(otherEvent(LAN, 'message.voice.received'));
    expect(zaloTexts(voice)).toBe(
      'Xin lỗi, trên Zalo tôi chỉ đọc được tin nhắn chữ. Bạn vui lòng gõ nội dung, hoặc gõ /menu để xem các việc tôi làm được.',
    );
  });

  it('points a command in a group to the private chat and ignores other group talk', async () => {
    const group = { chatId: '9988776655443322110', chatType: 'GROUP' as const };
    const command = textEvent(LAN, '/start', group);
    const chatter = textEvent(LAN, 'số tài khoản 0011002345678', group);
    await push(command);
    await push(chatter);
    await tracker.wait(String(chatter.message!.message_id));
    await tracker.wait(String(command.message!.message_id));
    expect(zaloTexts(fake.sentTo(group.chatId))).toBe(
      'Để giữ kín thông tin của bạn, tôi chỉ trò chuyện riêng. Hãy nhắn tin riêng cho tôi.',
    );
  });

  it('logs a failed answer as Zalo code and description, without the text', async () => {
    const lan = zaloUser(fake, tracker, push, LAN);
    fake.failNext('sendMessage', { error_code: 403, description: 'User has blocked the bot' });
    expect(await lan.say('/help')).toEqual([]);

    const failed = logs.entries().find((entry) => entry.msg === 'zalo update failed');
    expect(failed?.err).toEqual({
      kind: 'zalo',
      method: 'sendMessage',
      code: 403,
      description: 'User has blocked the bot',
    });
    const all = logs.lines.join('\n');
    for (const secret of [TOKEN, 'Nguyễn Thị Lan', '0912 345 678', '+84912345678', 'Các lệnh']) {
      expect(all).not.toContain(secret);
    }
  });

  it('keeps polling through failed calls, waiting longer each time', async () => {
    const failed = () => logs.entries().filter((entry) => entry.msg === 'zalo polling failed');
    const bad = { error_code: 502, description: 'Bad Gateway', httpStatus: 502 };
    fake.failNext('getUpdates', bad, 2);
    // The poll in progress ends empty first; the next two fail.
    while (failed().length < 2) await new Promise((resolve) => setTimeout(resolve, 20));

    const lan = zaloUser(fake, tracker, push, LAN);
    expect(zaloTexts(await lan.say('/help'))).toContain('/start');
    expect(failed().map((entry) => entry.waitMs)).toEqual([20, 40]);
    expect(failed()[0]!.err).toEqual({
      kind: 'zalo',
      method: 'getUpdates',
      code: 502,
      description: 'Bad Gateway',
    });
  });

  it('stops polling when stopped', async () => {
    await channel.stop();
    const calls = fake.callsOf('getUpdates').length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(fake.callsOf('getUpdates')).toHaveLength(calls);
    expect(core.senders.zalo).toBeUndefined();
  });
});
