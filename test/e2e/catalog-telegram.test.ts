import type { InlineKeyboardMarkup } from 'grammy/types';
import type { Core } from '../../src/app.js';
import {
  createTelegramChannel,
  type TelegramChannel,
} from '../../bots/telegram/telegram.channel.js';
import { seedDemoCatalog } from '../../src/store/demo-catalog.js';
import { startFakeTelegramApi, type FakeTelegramApi } from '../fakes/telegram-api.js';
import { startTestCore } from '../support/core.js';
import { silentLogger } from '../support/database.js';
import {
  findButton,
  telegramUser,
  textsOf,
  updateTracker,
  type Transport,
} from '../support/telegram-chat.js';

const TOKEN = '123456:TEST-TOKEN-catalog-abcdefghijklmno';
const ADMIN = { id: 9201, first_name: 'Quản trị', language_code: 'vi' };
const MAI = { id: 7201, first_name: 'Mai', language_code: 'vi' };

let fake: FakeTelegramApi;
let core: Core;
let channel: TelegramChannel;
const tracker = updateTracker();
const push: Transport = async (update) => void fake.pushUpdate(update);

beforeAll(async () => {
  fake = await startFakeTelegramApi();
  core = await startTestCore({ ADMIN_TELEGRAM_IDS: String(ADMIN.id) });
  await seedDemoCatalog(core.services.catalog, 'test', new Date('2026-11-01T00:00:00Z'));
  channel = createTelegramChannel({
    core,
    token: TOKEN,
    apiRoot: fake.apiRoot,
    logger: silentLogger,
    onUpdateHandled: tracker.handled,
  });
  await channel.start();
});

afterAll(async () => {
  await channel.stop();
  await core.database.close();
  await fake.stop();
});

describe('the catalog over Telegram', () => {
  it('browses the demo catalog to the long-named combo and gets card and forward text', async () => {
    const mai = telegramUser(fake, tracker, push, MAI);
    const categories = await mai.say('sản phẩm');
    expect(textsOf(categories)).toContain('<b>Danh mục sản phẩm</b>');
    expect(findButton(categories, 'Mỹ phẩm (4)')).toMatch(/^\/products c:0:#[\w-]{12}$/);

    await mai.press('Mỹ phẩm (4)');
    const sent = await mai.press(/^Combo chăm sóc da mặt/);
    expect(sent).toHaveLength(2);
    const [card, forward] = sent;
    // No own commission, default 10%: 1,250,000 × 10% = 125,000.
    expect(card!.text).toContain('Combo chăm sóc da mặt cao cấp 3 bước dành cho da dầu mụn');
    expect(card!.text).toContain('Hoa hồng của bạn: <b>125.000 ₫</b> mỗi sản phẩm');
    expect(card!.text).toContain('Tình trạng: sắp hết hàng');
    const keyboard = (card!.reply_markup as InlineKeyboardMarkup).inline_keyboard;
    expect(keyboard[0]).toEqual([{ text: '🛒 Đặt hàng', callback_data: '/order MP-004' }]);

    expect(forward!.reply_markup).toBeUndefined();
    expect(forward!.text).toContain('Giá: 1.250.000 ₫');
    expect(forward!.text).not.toContain('125.000');
  });

  it('lets the admin hide a product with the card button; the collaborator no longer finds it', async () => {
    const admin = telegramUser(fake, tracker, push, ADMIN);
    const mai = telegramUser(fake, tracker, push, MAI);
    await admin.say('/product GD-003');
    const hidden = await admin.press('🙈 Ẩn sản phẩm');
    expect(textsOf(hidden)).toContain('Đã ẩn Bình giữ nhiệt inox 304 500ml (GD-003)');

    expect(textsOf(await mai.say('tìm bình giữ nhiệt'))).toContain(
      'Không tìm thấy sản phẩm nào khớp «bình giữ nhiệt»',
    );
    await admin.press('👁 Hiện lại');
    expect(textsOf(await mai.say('tìm bình giữ nhiệt'))).toContain('Tìm «bình giữ nhiệt»: 1');
  });
});
