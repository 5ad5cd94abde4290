import type { Core } from '../../src/app.js';
import { TEXT_LIMITS } from '../../src/domain/channel.js';
import type { Collaborator } from '../../src/domain/collaborator.js';
import { LEDGER_PRODUCTS, scriptedOrder } from '../fixtures/ledger-orders.js';
import { chatAs } from '../support/chat.js';
import { startTestCore } from '../support/core.js';
import { seedProducts } from '../support/orders.js';
import { activeCollaborator, registerThroughChat } from '../support/register.js';

let core: Core;
let huong: Collaborator;
const numbers: string[] = [];

/**
 * Hương, seen on 20 November 2026 (the chat helper's clock):
 *   October: TV-01 × 1, 10,000,000 × 5% = 500,000, approved, closed, paid with VCB-1.
 *   November: KCN-01 × 9 → 52,610 approved; TPCN-01 × 1 → 20,000 returned: voided;
 *             SRM-01 × 2 → 29,000 delivered 18 Nov: pending.
 */
beforeAll(async () => {
  core = await startTestCore();
  await seedProducts(core, LEDGER_PRODUCTS);
  huong = await activeCollaborator(core, 'huong', {
    fullName: 'Nguyễn Thị Hương',
    phone: '0905 000 001',
  });

  const order = async (items: [string, number][], script: Parameters<typeof scriptedOrder>[3]) =>
    numbers.push((await scriptedOrder(core, huong, items, script)).number);
  await order([['TV-01', 1]], {
    submittedAt: '2026-10-01T03:00:00Z',
    deliveredAt: '2026-10-02T03:00:00Z',
  });
  await core.services.monthClose.close('2026-10', 'test', new Date('2026-10-31T17:30:00Z'));
  await core.services.payouts.markPaid({
    period: '2026-10',
    reference: 'VCB-1',
    actor: 'test',
    at: new Date('2026-11-03T03:00:00Z'),
  });

  await order([['KCN-01', 9]], {
    submittedAt: '2026-11-04T03:00:00Z',
    deliveredAt: '2026-11-05T03:00:00Z',
  });
  await order([['TPCN-01', 1]], {
    submittedAt: '2026-11-05T03:00:00Z',
    deliveredAt: '2026-11-06T03:00:00Z',
    returnedAt: '2026-11-07T03:00:00Z',
  });
  await order([['SRM-01', 2]], {
    submittedAt: '2026-11-17T03:00:00Z',
    deliveredAt: '2026-11-18T03:00:00Z',
  });
  await core.services.ledger.daily(new Date('2026-11-19T17:10:00Z'));
});

afterAll(async () => {
  await core.database.close();
});

describe('/earnings', () => {
  it('shows this month, last month, the carried balance and the month’s orders', async () => {
    const chat = chatAs(core, 'huong');
    const replies = await chat.say('/earnings');
    expect(replies.map((reply) => reply.text)).toEqual([
      [
        `<b>Hoa hồng của bạn</b> · ${huong.code}`,
        '',
        '<b>Tháng này</b> (tháng 11/2026, đến hôm nay)',
        'Chờ duyệt: 29.000 ₫',
        'Đã duyệt: 52.610 ₫',
        '',
        '<b>Tháng trước</b> (tháng 10/2026): tổng 500.000 ₫ · thuế TNCN 0 ₫ · thực nhận <b>500.000 ₫</b>',
        'Trạng thái: đã chi trả (mã giao dịch VCB-1).',
        '',
        'Số dư chuyển từ các tháng trước: 0 ₫',
      ].join('\n'),
      [
        '<b>Chi tiết đơn tháng 11/2026</b> (1/1)',
        `${numbers[1]} · 05/11/2026 · 1.169.100 ₫ → <b>52.610 ₫</b> · đã duyệt`,
        `${numbers[2]} · 06/11/2026 · 350.000 ₫ → <b>20.000 ₫</b> · hủy do trả hàng`,
        `${numbers[3]} · 18/11/2026 · 290.000 ₫ → <b>29.000 ₫</b> · chờ duyệt`,
        // 52,610 + 29,000 = 81,610: the voided order does not count.
        '<b>Tổng hoa hồng 2 đơn: 81.610 ₫</b> (không tính đơn bị trả lại)',
      ].join('\n'),
    ]);
  });

  it.each(['hoa hồng', 'Hoa Hong', 'thu nhap thang nay', 'tôi được bao nhiêu', 'xem thu nhập'])(
    'answers the free text %j the same way',
    async (typed) => {
      const chat = chatAs(core, 'huong');
      await chat.say(typed);
      expect(chat.last[0]!.text).toContain('<b>Hoa hồng của bạn</b>');
    },
  );

  it('shows another month’s orders when one is named', async () => {
    const chat = chatAs(core, 'huong');
    await chat.say('hoa hồng tháng 10');
    expect(chat.text).toBe(
      [
        '<b>Chi tiết đơn tháng 10/2026</b> (1/1)',
        `${numbers[0]} · 02/10/2026 · 10.000.000 ₫ → <b>500.000 ₫</b> · đã duyệt`,
        '<b>Tổng hoa hồng 1 đơn: 500.000 ₫</b> (không tính đơn bị trả lại)',
      ].join('\n'),
    );
    await chat.say('/earnings 2026-09');
    expect(chat.text).toBe('Chưa có đơn nào giao thành công trong tháng 9/2026.');
  });

  it('leaves a product search for a rose candle to the catalog', async () => {
    const chat = chatAs(core, 'huong');
    await chat.say('tìm nến hoa hồng');
    expect(chat.text).not.toContain('Hoa hồng của bạn');
  });

  it('answers in English with English amounts', async () => {
    const chat = chatAs(core, 'huong');
    await chat.say('/language en');
    try {
      await chat.say('/earnings');
      expect(chat.last[0]!.text).toContain(
        '<b>This month</b> (November 2026, so far)\nPending: ₫29,000',
      );
      expect(chat.last[1]!.text).toContain('<b>Commission on 2 orders: ₫81,610</b>');
    } finally {
      await chat.say('/language vi');
    }
  });

  it('is in the main menu of an active collaborator', async () => {
    const chat = chatAs(core, 'huong');
    await chat.say('/menu');
    await chat.press('💰 Hoa hồng');
    expect(chat.last[0]!.text).toContain('<b>Hoa hồng của bạn</b>');
  });

  it('tells others why they see no earnings', async () => {
    const stranger = chatAs(core, 'stranger');
    await stranger.say('/earnings');
    expect(stranger.text).toBe('Bạn chưa đăng ký làm cộng tác viên.');

    await registerThroughChat(core, 'waiting', { phone: '0905 000 009' });
    const waiting = chatAs(core, 'waiting');
    await waiting.say('hoa hồng');
    expect(waiting.text).toContain('Tài khoản của bạn đang chờ duyệt.');
  });
});

describe('a collaborator with 120 orders in the month', () => {
  let zaloUser: Collaborator;

  beforeAll(async () => {
    const at = new Date('2026-11-01T00:00:00Z');
    const { collaborator } = await core.services.collaborators.register({
      channel: 'zalo',
      userId: 'zalo-mai',
      chatId: 'zalo-mai',
      fullName: 'Lê Thị Mai',
      phone: '+84906000120',
      province: 'CT',
      bankName: 'Agribank',
      accountNumber: '5100205123456',
      accountHolder: 'LE THI MAI',
      locale: 'vi',
      consentAt: at,
    });
    const decision = await core.services.collaborators.approve(collaborator.code, 'test', at);
    if (decision.outcome !== 'done') throw new Error('not approved');
    zaloUser = decision.collaborator;
    // Mai also linked the web playground, so the same list can be read under its limit.
    const [zalo] = zaloUser.identities;
    await core.store.collaborators.update(zaloUser.id, {
      identities: [zalo!, { ...zalo!, channel: 'web', userId: 'web-mai', chatId: 'web-mai' }],
    });
    // 120 × SRM-02 (99,000 × 10% = 9,900), delivered from 2 November on, all approved.
    for (let i = 0; i < 120; i++) {
      const minute = String(i % 60).padStart(2, '0');
      const hour = String(1 + Math.floor(i / 60)).padStart(2, '0');
      await scriptedOrder(core, zaloUser, [['SRM-02', 1]], {
        submittedAt: `2026-11-02T${hour}:${minute}:00Z`,
        deliveredAt: `2026-11-03T${hour}:${minute}:00Z`,
      });
    }
    await core.services.ledger.daily(new Date('2026-11-19T17:10:00Z'));
  }, 120_000);

  it.each(['zalo', 'web'] as const)(
    'gets the full list on %s, no message over the limit, the total once',
    async (channel) => {
      const chat = chatAs(core, channel === 'zalo' ? 'zalo-mai' : 'web-mai', channel);
      const replies = await chat.say('/earnings');
      const limit = TEXT_LIMITS[channel];
      const pages = replies.slice(1);

      expect(pages.length).toBeGreaterThan(1);
      for (const reply of replies) expect(reply.text.length).toBeLessThanOrEqual(limit);
      const all = replies.map((reply) => reply.text).join('\n');
      // 120 × 9,900 = 1,188,000
      const total = '<b>Tổng hoa hồng 120 đơn: 1.188.000 ₫</b> (không tính đơn bị trả lại)';
      expect(all.split(total)).toHaveLength(2);
      expect(pages.at(-1)!.text.endsWith(total)).toBe(true);
      const listed = all.match(/DH-\d{6}/g) ?? [];
      expect(listed).toHaveLength(120);
      expect(new Set(listed).size).toBe(120);
      pages.forEach((page, index) =>
        expect(page.text.split('\n')[0]).toBe(
          `<b>Chi tiết đơn tháng 11/2026</b> (${index + 1}/${pages.length})`,
        ),
      );
    },
  );
});
