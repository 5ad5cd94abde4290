import type { Core } from '../../src/app.js';
import {
  createTelegramChannel,
  type TelegramChannel,
} from '../../bots/telegram/telegram.channel.js';
import type { Collaborator } from '../../src/domain/collaborator.js';
import { LEDGER_PRODUCTS, scriptedOrder } from '../fixtures/ledger-orders.js';
import { startFakeTelegramApi, textMessage, type FakeTelegramApi } from '../fakes/telegram-api.js';
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

const TOKEN = '123456:TEST-TOKEN-earnings-abcdefghijklm';
const ADMIN = { id: 9201, first_name: 'Quản trị', language_code: 'vi' };
const LAN = { id: 7201, first_name: 'Lan', last_name: 'Phạm', language_code: 'vi' };

let fake: FakeTelegramApi;
let core: Core;
let channel: TelegramChannel;
let lanRecord: Collaborator;
const tracker = updateTracker();
const push: Transport = async (update) => void fake.pushUpdate(update);

/** Telegram message dates are Unix seconds; these tests pick the day they are sent. */
const on = (iso: string) => ({ date: Math.floor(Date.parse(iso) / 1000) });

/**
 * Lan: in October one TV-01 (10,000,000 × 5% = 500,000), in November 100 × SRM-02
 * (99,000 × 10% = 9,900 each, 990,000 in all), all approved by the daily job.
 */
beforeAll(async () => {
  fake = await startFakeTelegramApi();
  core = await startTestCore({ ADMIN_TELEGRAM_IDS: String(ADMIN.id) });
  await seedProducts(core, LEDGER_PRODUCTS);
  channel = createTelegramChannel({
    core,
    token: TOKEN,
    apiRoot: fake.apiRoot,
    logger: silentLogger,
    onUpdateHandled: tracker.handled,
  });
  await channel.start();

  const at = new Date('2026-09-20T02:00:00Z');
  const { collaborator } = await core.services.collaborators.register({
    channel: 'telegram',
    userId: String(LAN.id),
    chatId: String(LAN.id),
    fullName: 'Phạm Thị Lan',
    phone: '+84906000201',
    province: 'HN',
    bankName: 'Vietcombank',
    accountNumber: '0011002345679',
    accountHolder: 'PHAM THI LAN',
    locale: 'vi',
    consentAt: at,
  });
  const decision = await core.services.collaborators.approve(collaborator.code, 'test', at);
  if (decision.outcome !== 'done') throw new Error('not approved');
  lanRecord = decision.collaborator;

  await scriptedOrder(core, lanRecord, [['TV-01', 1]], {
    submittedAt: '2026-10-01T03:00:00Z',
    deliveredAt: '2026-10-02T03:00:00Z',
  });
  await core.services.ledger.daily(new Date('2026-10-10T17:10:00Z'));
  for (let i = 0; i < 100; i++) {
    const time = `${String(1 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;
    await scriptedOrder(core, lanRecord, [['SRM-02', 1]], {
      submittedAt: `2026-11-02T${time}:00Z`,
      deliveredAt: `2026-11-03T${time}:00Z`,
    });
  }
  await core.services.ledger.daily(new Date('2026-11-19T17:10:00Z'));
}, 120_000);

afterAll(async () => {
  await channel.stop();
  await core.database.close();
  await fake.stop();
});

describe('earnings over Telegram', () => {
  it('the admin closes October, and marks Lan’s payout paid from the list; Lan is told', async () => {
    const admin = telegramUser(fake, tracker, push, ADMIN);
    const lan = telegramUser(fake, tracker, push, LAN);

    const report = await admin.send(
      textMessage(ADMIN, '/close 2026-10', on('2026-11-01T01:00:00Z')),
    );
    expect(textsOf(report)).toContain('<b>Chốt sổ tháng 10/2026</b>');
    expect(textsOf(report)).toContain('Chi trả: 1 CTV · tổng 500.000 ₫');
    expect(findButton(report, '📋 Danh sách chi trả')).toBe('/payouts 2026-10');

    const list = await admin.press('📋 Danh sách chi trả');
    expect(textsOf(list)).toContain(
      `<b>${lanRecord.code}</b> · Phạm Thị Lan · thực nhận 500.000 ₫ · chưa chi`,
    );
    const before = lan.sent.length;
    expect(textsOf(await admin.press(`✅ Đã chi ${lanRecord.code}`))).toBe(
      'Đã đánh dấu 1 khoản chi trả tháng 10/2026 là đã chi; cộng tác viên đã được báo.',
    );
    expect(textsOf(lan.sent.slice(before))).toBe(
      '💸 Hoa hồng tháng 10/2026 đã được chuyển khoản: thực nhận <b>500.000 ₫</b> ' +
        '(đã khấu trừ thuế TNCN 0 ₫).',
    );
  });

  it('Lan asks "/earnings": the summary, then 100 orders in messages under 4,096, the total once', async () => {
    const lan = telegramUser(fake, tracker, push, LAN);
    const sent = await lan.send(textMessage(LAN, '/earnings', on('2026-11-20T03:00:00Z')));

    expect(sent.every((item) => item.method === 'sendMessage')).toBe(true);
    expect(sent[0]!.text).toBe(
      [
        `<b>Hoa hồng của bạn</b> · ${lanRecord.code}`,
        '',
        '<b>Tháng này</b> (tháng 11/2026, đến hôm nay)',
        'Chờ duyệt: 0 ₫',
        'Đã duyệt: 990.000 ₫',
        '',
        '<b>Tháng trước</b> (tháng 10/2026): tổng 500.000 ₫ · thuế TNCN 0 ₫ · thực nhận <b>500.000 ₫</b>',
        'Trạng thái: đã chi trả.',
        '',
        'Số dư chuyển từ các tháng trước: 0 ₫',
      ].join('\n'),
    );
    const pages = sent.slice(1);
    expect(pages.length).toBeGreaterThan(1);
    for (const item of sent) expect(item.text!.length).toBeLessThanOrEqual(4096);
    const all = textsOf(pages);
    expect(all.match(/DH-\d{6}/g)).toHaveLength(100);
    // 100 × 9,900 = 990,000
    const total = '<b>Tổng hoa hồng 100 đơn: 990.000 ₫</b> (không tính đơn bị trả lại)';
    expect(all.split(total)).toHaveLength(2);
    expect(pages.at(-1)!.text!.endsWith(total)).toBe(true);
  });

  it('answers the free text "hoa hồng" with the same summary', async () => {
    const lan = telegramUser(fake, tracker, push, LAN);
    const sent = await lan.send(textMessage(LAN, 'hoa hồng', on('2026-11-20T03:05:00Z')));
    expect(sent[0]!.text).toContain('<b>Tháng này</b> (tháng 11/2026, đến hôm nay)');
  });
});
