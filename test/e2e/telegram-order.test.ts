import type { Core } from '../../src/app.js';
import {
  createTelegramChannel,
  type TelegramChannel,
} from '../../bots/telegram/telegram.channel.js';
import { startFakeTelegramApi, type FakeTelegramApi } from '../fakes/telegram-api.js';
import { startTestCore } from '../support/core.js';
import { silentLogger } from '../support/database.js';
import { seedProducts } from '../support/orders.js';
import {
  findButton,
  telegramUser,
  textsOf,
  updateTracker,
  type Transport,
} from '../support/telegram-chat.js';

const TOKEN = '123456:TEST-TOKEN-orders-abcdefghijklmnop';
const ADMIN = { id: 9101, first_name: 'Quản trị', language_code: 'vi' };
const LAN = { id: 7101, first_name: 'Lan', last_name: 'Phạm', language_code: 'vi' };

let fake: FakeTelegramApi;
let core: Core;
let channel: TelegramChannel;
const tracker = updateTracker();
const push: Transport = async (update) => void fake.pushUpdate(update);

beforeAll(async () => {
  fake = await startFakeTelegramApi();
  core = await startTestCore({ ADMIN_TELEGRAM_IDS: String(ADMIN.id) });
  await seedProducts(core);
  channel = createTelegramChannel({
    core,
    token: TOKEN,
    apiRoot: fake.apiRoot,
    logger: silentLogger,
    onUpdateHandled: tracker.handled,
  });
  await channel.start();

  // Registration has its own end-to-end test; here Lan is an approved collaborator already.
  const at = new Date('2026-11-20T02:00:00Z');
  const { collaborator } = await core.services.collaborators.register({
    channel: 'telegram',
    userId: String(LAN.id),
    chatId: String(LAN.id),
    fullName: 'Phạm Thị Lan',
    phone: '+84906000001',
    province: 'HN',
    bankName: 'Vietcombank',
    accountNumber: '0011002345678',
    accountHolder: 'PHAM THI LAN',
    locale: 'vi',
    consentAt: at,
  });
  await core.services.collaborators.approve(collaborator.code, 'telegram:9101', at);
});

afterAll(async () => {
  await channel.stop();
  await core.database.close();
  await fake.stop();
});

describe('orders over Telegram', () => {
  it('a collaborator submits two lines; the admin confirms and delivers; both notices arrive', async () => {
    const lan = telegramUser(fake, tracker, push, LAN);
    const admin = telegramUser(fake, tracker, push, ADMIN);

    expect(textsOf(await lan.say('/order'))).toContain('Nhập mã sản phẩm');
    expect(textsOf(await lan.say('KCN-01'))).toContain('Kem chống nắng SPF50');
    const first = await lan.say('9');
    expect(textsOf(first)).toContain('<b>Tạm tính: 1.169.100 ₫</b>');
    expect(findButton(first, 'Tiếp tục ›')).toMatch(/^~[0-9a-f]+:continue$/);

    await lan.press('➕ Thêm sản phẩm');
    const pick = await lan.say('sữa rửa mặt');
    expect(findButton(pick, 'Sữa rửa mặt trà xanh · 145.000 ₫')).toMatch(/:p:SRM-01$/);
    await lan.press('Sữa rửa mặt trà xanh · 145.000 ₫');
    expect(textsOf(await lan.say('2'))).toContain('<b>Tạm tính: 1.459.100 ₫</b>');

    await lan.press('Tiếp tục ›');
    await lan.say('Chị Hạnh');
    await lan.say('0912 345 678');
    await lan.say('25 Phố Huế, Hai Bà Trưng, Hà Nội');
    const summary = await lan.press('Bỏ qua');
    expect(textsOf(summary)).toContain('Hoa hồng dự kiến: <b>81.610 ₫</b>');

    const adminBefore = admin.sent.length;
    const submitted = textsOf(await lan.press('✅ Gửi đơn'));
    expect(submitted).toContain('Đã gửi đơn <b>DH-000001</b>');

    const notice = admin.sent.slice(adminBefore);
    expect(textsOf(notice)).toContain('<b>Đơn mới DH-000001</b> từ Phạm Thị Lan (CTV0001)');
    expect(findButton(notice, '✅ Xác nhận')).toBe('/order_set DH-000001 confirmed');

    const lanBefore = lan.sent.length;
    expect(textsOf(await admin.press('✅ Xác nhận'))).toBe(
      'Đơn DH-000001 đã chuyển sang «đã xác nhận».',
    );
    expect(textsOf(await admin.press('🚚 Đã giao'))).toBe(
      'Đơn DH-000001 đã chuyển sang «đã giao».',
    );

    const notices = lan.sent.slice(lanBefore);
    expect(notices.map((item) => item.text)).toEqual([
      'Đơn <b>DH-000001</b> (Chị Hạnh, 1.459.100 ₫) đã được xác nhận.',
      'Đơn <b>DH-000001</b> (Chị Hạnh, 1.459.100 ₫) đã giao thành công.',
    ]);
    expect(findButton(notices, 'Xem đơn')).toBe('/order DH-000001');

    const detail = textsOf(await lan.press('Xem đơn'));
    expect(detail).toContain('<b>Đơn DH-000001</b> · đã giao');
    const order = await core.services.orders.find('DH-000001', { isAdmin: true });
    expect(order!.history.map((entry) => entry.to)).toEqual([
      'submitted',
      'confirmed',
      'delivered',
    ]);
  });

  it('answers a second press of the confirm button with "expired" and no second order', async () => {
    const lan = telegramUser(fake, tracker, push, LAN);
    const oldConfirm = findButton(lan.sent, '✅ Gửi đơn')!;
    const answer = await lan.pressData(oldConfirm);
    expect(textsOf(answer)).toContain('Nút này đã hết hạn');
    expect(await core.services.orders.find('DH-000002', { isAdmin: true })).toBeUndefined();
  });
});
