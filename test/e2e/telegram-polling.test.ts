import type { Core } from '../../src/app.js';
import {
  createTelegramChannel,
  type TelegramChannel,
} from '../../bots/telegram/telegram.channel.js';
import { startFakeTelegramApi, textMessage, type FakeTelegramApi } from '../fakes/telegram-api.js';
import { nextMessageId } from '../fakes/telegram-updates.js';
import { startTestCore } from '../support/core.js';
import { captureLogs } from '../support/log-capture.js';
import {
  findButton,
  telegramUser,
  textsOf,
  updateTracker,
  withUpdateId,
  type Transport,
} from '../support/telegram-chat.js';

const TOKEN = '123456:TEST-TOKEN-abcdefghijklmnopqrstuv';
const ADMIN = { id: 9001, first_name: 'Quản trị', language_code: 'vi' };
const LAN = { id: 7001, first_name: 'Lan', last_name: 'Nguyễn', language_code: 'vi' };

let fake: FakeTelegramApi;
let core: Core;
let channel: TelegramChannel;
const logs = captureLogs();
const tracker = updateTracker();
const push: Transport = async (update) => void fake.pushUpdate(update);

beforeAll(async () => {
  fake = await startFakeTelegramApi();
  core = await startTestCore({ ADMIN_TELEGRAM_IDS: String(ADMIN.id) });
  channel = createTelegramChannel({
    core,
    token: TOKEN,
    apiRoot: fake.apiRoot,
    logger: logs.logger,
    onUpdateHandled: tracker.handled,
  });
  await channel.start();
});

afterAll(async () => {
  await channel.stop();
  await core.database.close();
  await fake.stop();
});

describe('Telegram channel, long polling', () => {
  it('starts with getMe, the command menu in both languages and no webhook', () => {
    expect(fake.callsOf('getMe')).toHaveLength(1);
    expect(fake.callsOf('deleteWebhook')).toHaveLength(1);
    expect(core.senders.telegram).toBe(channel.sender);

    const menus = fake.callsOf('setMyCommands').map((call) => call.params);
    expect(menus).toHaveLength(2);
    expect(menus[0]!.language_code).toBeUndefined();
    expect(menus[0]!.commands).toContainEqual({
      command: 'start',
      description: 'Đăng ký làm cộng tác viên',
    });
    expect(menus[1]!.language_code).toBe('en');
    expect(menus[1]!.commands).toContainEqual({
      command: 'start',
      description: 'Register as a collaborator',
    });
    // `/link` joins a Zalo account to the same collaborator: listed in both languages.
    expect(menus[0]!.commands).toContainEqual({
      command: 'link',
      description: 'Liên kết với Zalo (cùng một hồ sơ)',
    });
    expect(menus[1]!.commands).toContainEqual({
      command: 'link',
      description: 'Link your Zalo account (same profile)',
    });
  });

  it('registers a collaborator by text, buttons and a shared contact; the admin approves', async () => {
    const lan = telegramUser(fake, tracker, push, LAN);
    const admin = telegramUser(fake, tracker, push, ADMIN);

    const intro = await lan.say('/start');
    expect(textsOf(intro)).toContain('Xin chào');
    expect(textsOf(intro)).toContain('Trước khi đăng ký');
    expect(fake.callsOf('sendMessage').at(-1)!.params.parse_mode).toBe('HTML');

    expect(textsOf(await lan.press('Tôi đồng ý'))).toContain('Họ và tên');
    const askPhone = await lan.say('Nguyễn Thị Lan');
    expect(askPhone.at(-1)!.reply_markup).toEqual({
      keyboard: [[{ text: '📱 Gửi số điện thoại của tôi', request_contact: true }]],
      one_time_keyboard: true,
      resize_keyboard: true,
    });

    const askProvince = await lan.share('+84912345678');
    expect(textsOf(askProvince)).toContain('tỉnh/thành phố');
    expect(findButton(askProvince, 'Hà Nội')).toBeDefined();
    await lan.say('ha noi');
    const askAccount = await lan.press('Vietcombank');
    expect(textsOf(askAccount)).toContain('Số tài khoản');
    // The first reply without inline buttons takes the phone keyboard away.
    expect(askAccount.at(-1)!.reply_markup).toEqual({ remove_keyboard: true });

    await lan.say('0011 0023 4567');
    await lan.press('NGUYEN THI LAN');
    await lan.press('Bỏ qua');
    const summary = await lan.press('Bỏ qua');
    expect(textsOf(summary)).toContain('Hà Nội');
    expect(textsOf(await lan.press('✅ Xác nhận'))).toContain('CTV0001');

    const notice = fake.sentTo(ADMIN.id).at(-1)!;
    expect(notice.text).toContain('Đăng ký mới');
    expect(notice.reply_markup).toEqual({
      inline_keyboard: [
        [
          { text: '✅ Duyệt', callback_data: '/approve CTV0001' },
          { text: '❌ Từ chối', callback_data: '/reject CTV0001' },
        ],
      ],
    });

    expect(textsOf(await admin.press('✅ Duyệt'))).toContain('Đã duyệt');
    const decision = fake.sentTo(LAN.id).at(-1)!;
    expect(decision.text).toContain('Bạn đã được duyệt');
    expect(findButton([decision], 'Menu chính')).toBe('/menu');

    const stored = await core.store.collaborators.byCode('CTV0001');
    expect(stored).toMatchObject({ status: 'active', phone: '+84912345678', province: 'HN' });

    // All 7 presses (agree, bank, holder, skip ×2, confirm, approve) were answered, so no
    // spinner is left turning.
    const answered = fake
      .callsOf('answerCallbackQuery')
      .map((call) => call.params.callback_query_id);
    expect(new Set(answered).size).toBe(7);
  });

  it('answers a button from a finished flow with "expired" and does nothing else', async () => {
    const lan = telegramUser(fake, tracker, push, LAN);
    const oldConfirm = findButton(lan.sent, '✅ Xác nhận')!;
    const noticesBefore = fake.sentTo(ADMIN.id).length;

    const answer = await lan.pressData(oldConfirm);
    expect(answer).toHaveLength(1);
    expect(answer[0]!.text).toContain('Nút này đã hết hạn');
    expect(await core.store.collaborators.count()).toBe(1);
    expect(fake.sentTo(ADMIN.id)).toHaveLength(noticesBefore);
  });

  it('handles one update delivered twice once', async () => {
    const hoa = { id: 7002, first_name: 'Hoa' };
    const update = withUpdateId(textMessage(hoa, '/help'));
    fake.pushUpdate(update);
    fake.pushUpdate(update);
    await tracker.wait(update.update_id, 2);
    expect(fake.sentTo(hoa.id)).toHaveLength(1);
  });

  it('retries a send that Telegram refuses with 429 after retry_after', async () => {
    const started = Date.now();
    fake.failNext('sendMessage', {
      error_code: 429,
      description: 'Too Many Requests: retry after 1',
      parameters: { retry_after: 1 },
    });
    await channel.sender.send('7003', { text: 'Thông báo' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(fake.callsOf('sendMessage').filter((c) => c.params.chat_id === 7003)).toHaveLength(2);
    expect(fake.sentTo(7003).map((item) => item.text)).toEqual(['Thông báo']);
  });

  it('handles two messages of one chat in order, other chats in parallel', async () => {
    const minh = { id: 7004, first_name: 'Minh' };
    const tuan = { id: 7005, first_name: 'Tuấn' };
    // Minh's first answer is slow: without per-chat order his second answer would overtake it.
    fake.handle('sendMessage', async (params) => {
      if (params.chat_id === minh.id && String(params.text).includes('Các lệnh')) {
        await new Promise((resolve) => setTimeout(resolve, 400));
      }
      const chat = { id: params.chat_id, type: 'private', first_name: 'x' };
      return { message_id: nextMessageId(), date: 0, chat, text: params.text };
    });

    const first = withUpdateId(textMessage(minh, '/help'));
    const second = withUpdateId(textMessage(minh, '/language'));
    const other = withUpdateId(textMessage(tuan, '/language'));
    fake.pushUpdate(first);
    await new Promise((resolve) => setTimeout(resolve, 50));
    fake.pushUpdate(second);
    fake.pushUpdate(other);
    await tracker.wait(second.update_id);

    expect(textsOf(fake.sentTo(minh.id))).toMatch(/Các lệnh[\s\S]*Chọn ngôn ngữ/);
    const order = tracker.order;
    expect(order.indexOf(other.update_id)).toBeLessThan(order.indexOf(first.update_id));
    expect(order.indexOf(first.update_id)).toBeLessThan(order.indexOf(second.update_id));
  });

  it('logs a failed update with its id and keeps serving', async () => {
    const quan = telegramUser(fake, tracker, push, { id: 7007, first_name: 'Quân' });
    const blocked = { error_code: 403, description: 'Forbidden: bot was blocked by the user' };
    fake.failNext('sendMessage', blocked, 1, (params) => params.chat_id === 7007);

    expect(await quan.say('/help')).toHaveLength(0);
    const failure = logs.entries().find((entry) => entry.msg === 'telegram update failed');
    expect(failure).toMatchObject({
      update: expect.any(Number),
      err: { kind: 'telegram', method: 'sendMessage', code: 403 },
    });
    expect(JSON.stringify(failure)).not.toContain('payload');
    expect(textsOf(await quan.say('/help'))).toContain('Các lệnh');
  });

  it('logs update ids but no message text, phone number, bank data or token', () => {
    const all = logs.lines.join('\n');
    expect(logs.entries().some((entry) => typeof entry.update === 'number')).toBe(true);
    for (const secret of ['Nguyễn Thị Lan', '912345678', '0011 0023', '00110023', TOKEN]) {
      expect(all).not.toContain(secret);
    }
  });
});

describe('Telegram channel start', () => {
  it('starts even when the command menu cannot be set, and logs a warning', async () => {
    await channel.stop();
    const capture = captureLogs();
    const again = createTelegramChannel({
      core,
      token: TOKEN,
      apiRoot: fake.apiRoot,
      logger: capture.logger,
      onUpdateHandled: tracker.handled,
    });
    fake.failNext('setMyCommands', { error_code: 400, description: 'Bad Request: test' }, 2);
    try {
      await again.start();
      const warnings = capture.entries().filter((entry) => entry.level === 40);
      expect(warnings.map((entry) => entry.msg)).toContain('telegram command menu not set');

      const user = telegramUser(fake, tracker, push, { id: 7006, first_name: 'Vy' });
      expect(textsOf(await user.say('/help'))).toContain('Các lệnh');
    } finally {
      await again.stop();
    }
  });
});
