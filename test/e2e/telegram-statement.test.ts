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
import { pdfPages, squash } from '../support/pdf-text.js';
import { telegramUser, textsOf, updateTracker, type Transport } from '../support/telegram-chat.js';

const TOKEN = '123456:TEST-TOKEN-statement-abcdefghijk';
const ADMIN = { id: 9301, first_name: 'Quản trị', language_code: 'vi' };
const LAN = { id: 7301, first_name: 'Lan', last_name: 'Phạm', language_code: 'vi' };

let fake: FakeTelegramApi;
let core: Core;
let channel: TelegramChannel;
let lan: Collaborator;
const tracker = updateTracker();
const push: Transport = async (update) => void fake.pushUpdate(update);

/** Telegram message dates are Unix seconds; these tests pick the day they are sent. */
const on = (iso: string) => ({ date: Math.floor(Date.parse(iso) / 1000) });

/** October: one TV-01 (10,000,000 × 5% = 500,000) and 3 × SRM-02 (3 × 9,900), closed. */
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
    phone: '+84906000301',
    province: 'HN',
    bankName: 'Vietcombank',
    accountNumber: '0011002345679',
    accountHolder: 'PHAM THI LAN',
    locale: 'vi',
    consentAt: at,
  });
  const decision = await core.services.collaborators.approve(collaborator.code, 'test', at);
  if (decision.outcome !== 'done') throw new Error('not approved');
  lan = decision.collaborator;

  await scriptedOrder(core, lan, [['TV-01', 1]], {
    submittedAt: '2026-10-01T03:00:00Z',
    deliveredAt: '2026-10-02T03:00:00Z',
  });
  await scriptedOrder(core, lan, [['SRM-02', 3]], {
    submittedAt: '2026-10-03T03:00:00Z',
    deliveredAt: '2026-10-04T03:00:00Z',
  });
  await core.services.ledger.daily(new Date('2026-10-12T17:10:00Z'));
  await core.services.monthClose.close('2026-10', 'test', new Date('2026-10-31T17:30:00Z'));
}, 120_000);

afterAll(async () => {
  await channel.stop();
  await core.database.close();
  await fake.stop();
});

describe('statements over Telegram', () => {
  it('"/statement 2026-10" arrives as a valid PDF named sao-ke-CODE-2026-10.pdf', async () => {
    const user = telegramUser(fake, tracker, push, LAN);
    const sent = await user.send(
      textMessage(LAN, '/statement 2026-10', on('2026-11-20T03:00:00Z')),
    );

    expect(sent.map((item) => item.method)).toEqual(['sendDocument']);
    const [document] = sent;
    expect(document!.fileName).toBe(`sao-ke-${lan.code}-2026-10.pdf`);
    expect(document!.fileName).toMatch(/^sao-ke-CTV\d{4}-\d{4}-\d{2}\.pdf$/);
    expect(document!.text).toBe(`📄 Bảng kê hoa hồng tháng 10/2026 · ${lan.code} (phiên bản 1)`);
    expect(document!.bytes!.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // 500,000 + 29,700 = 529,700, under 2,000,000: no tax.
    const text = squash((await pdfPages(document!.bytes!)).join('\n'));
    expect(text).toContain('Phạm Thị Lan');
    expect(text).toContain(lan.code);
    expect(text).toContain('529.700 ₫');
    expect(text).toContain('Trang 1/1');
  });

  it('free text "sao kê tháng 10" gets the same stored document', async () => {
    const user = telegramUser(fake, tracker, push, LAN);
    const first = fake.sentTo(LAN.id).find((item) => item.method === 'sendDocument')!;
    const sent = await user.send(textMessage(LAN, 'sao kê tháng 10', on('2026-11-20T03:05:00Z')));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.fileName).toBe(first.fileName);
    expect(sent[0]!.bytes!.equals(first.bytes!)).toBe(true);
  });

  it('the monthly sending, run twice, sends Lan her statement once and reports to the admin', async () => {
    const documents = () =>
      fake.sentTo(LAN.id).filter((item) => item.method === 'sendDocument').length;
    const before = documents();

    const first = await core.services.statements.sendAll('2026-10');
    const second = await core.services.statements.sendAll('2026-10');
    expect(first).toMatchObject({ counts: { collaborators: 1, sent: 1 } });
    expect(second).toMatchObject({ counts: { sent: 0, alreadySent: 1 } });
    expect(documents()).toBe(before + 1);
    expect(fake.sentTo(LAN.id).at(-1)!.fileName).toBe(`sao-ke-${lan.code}-2026-10.pdf`);

    const reports = textsOf(fake.sentTo(ADMIN.id));
    expect(reports).toContain(
      '📄 Gửi bảng kê tháng 10/2026: 1 CTV có phát sinh · đã gửi 1 · gửi từ trước 0 · lỗi 0 · ' +
        'không liên lạc được 0.',
    );
  });
});
