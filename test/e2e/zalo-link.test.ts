import type { Core } from '../../src/app.js';
import type { Reply } from '../../src/conversation/types.js';
import { createZaloChannel, type ZaloChannel } from '../../bots/zalo/zalo.channel.js';
import { startFakeZaloApi, type FakeZaloApi } from '../fakes/zalo-api.js';
import { chatAs } from '../support/chat.js';
import { startTestCore } from '../support/core.js';
import { silentLogger } from '../support/database.js';
import { seedProducts } from '../support/orders.js';
import { zaloTexts, zaloTracker, zaloUser, type ZaloTransport } from '../support/zalo-chat.js';

const TOKEN = '3344556677:zalo-link-token-abcdefgh';
const LAN_TELEGRAM = '7001';
const LAN_ZALO = { id: '2468458835291979922', name: 'Lan' };
const MINH_ZALO = { id: '1357924680135792468', name: 'Minh' };
const STRANGER_ZALO = { id: '1111222233334444555', name: 'Lạ' };

let fake: FakeZaloApi;
let core: Core;
let channel: ZaloChannel;
const tracker = zaloTracker();
const push: ZaloTransport = async (update) => void fake.pushUpdate(update);
/** What the Telegram channel was asked to send (it is not running in this test). */
const telegramInbox: { chatId: string; reply: Reply }[] = [];

// Both channels share one clock, a few seconds a message, as chatAs keeps its own.
let clock = Date.parse('2026-11-20T03:00:00Z');
const tick = (ms = 1000) => (clock += ms);
const lanTelegram = () => chatAs(core, LAN_TELEGRAM, 'telegram');
const onZalo = (user: { id: string; name: string }) => {
  const chat = zaloUser(fake, tracker, push, user);
  return {
    say: (text: string) => chat.say(text, { date: tick() }),
    get sent() {
      return chat.sent;
    },
  };
};
const admin = () => chatAs(core, 'admin', 'web');

/** The code in the reply to `/link`, e.g. `K7QM-XP3A`. */
function codeIn(text: string): string {
  const code = /<b>([A-Z0-9]{4}-[A-Z0-9]{4})<\/b>/.exec(text)?.[1];
  if (!code) throw new Error(`No code in: ${text}`);
  return code;
}

async function issueOnTelegram(): Promise<string> {
  const telegram = lanTelegram();
  // chatAs dates its messages on 2026-11-20 from 03:00; the codes live 10 minutes from then.
  await telegram.say('/link');
  return codeIn(telegram.text);
}

beforeAll(async () => {
  fake = await startFakeZaloApi({ bareIds: true, maxPollMs: 300 });
  core = await startTestCore();
  await seedProducts(core);
  core.senders.telegram = {
    send: async (chatId, reply) => void telegramInbox.push({ chatId, reply }),
  };
  channel = createZaloChannel({
    core,
    token: TOKEN,
    apiRoot: fake.apiRoot,
    logger: silentLogger,
    onUpdateHandled: tracker.handled,
    polling: { timeoutSeconds: 1, minEmptyPollMs: 50 },
  });
  await channel.start();

  const at = new Date('2026-11-20T02:00:00Z');
  const register = (channel: 'telegram' | 'zalo', userId: string, phone: string, name: string) =>
    core.services.collaborators.register({
      channel,
      userId,
      chatId: userId,
      fullName: name,
      phone,
      province: 'HN',
      bankName: 'Vietcombank',
      accountNumber: '0011002345678',
      accountHolder: 'PHAM THI LAN',
      locale: 'vi',
      consentAt: at,
    });
  const { collaborator: lan } = await register(
    'telegram',
    LAN_TELEGRAM,
    '+84906000001',
    'Phạm Thị Lan',
  );
  await core.services.collaborators.approve(lan.code, 'web:admin', at);
  await register('zalo', MINH_ZALO.id, '+84906000002', 'Lê Văn Minh');
});

afterAll(async () => {
  await channel.stop();
  await core.database.close();
  await fake.stop();
});

describe('one person on Telegram and Zalo', () => {
  it('asks someone new on Zalo for the code, and asks again for a wrong one', async () => {
    const stranger = onZalo(STRANGER_ZALO);
    const ask = zaloTexts(await stranger.say('/link'));
    expect(ask).toContain('Gửi mã liên kết');
    expect(ask).toContain('1. Hủy');
    const wrong = zaloTexts(await stranger.say('ABCD-EFGH'));
    expect(wrong).toContain('Mã không đúng hoặc đã hết hạn. Vui lòng gửi lại mã');
    expect(zaloTexts(await stranger.say('1'))).toContain('Đã dừng');
  });

  it('links Zalo to the Telegram collaborator with a code typed after /link', async () => {
    const code = await issueOnTelegram();
    const lan = onZalo(LAN_ZALO);
    expect(zaloTexts(await lan.say('liên kết tài khoản'))).toContain('Gửi mã liên kết');
    const done = zaloTexts(await lan.say(code.toLowerCase().replace('-', ' ')));
    expect(done).toContain(
      'Đã liên kết! Bạn dùng được trợ lý trên cả hai kênh với cùng hồ sơ Phạm Thị Lan (CTV0001)',
    );
    expect(done).toContain('1. Menu chính');

    const linked = await core.store.collaborators.byIdentity('zalo', LAN_ZALO.id);
    expect(linked?.code).toBe('CTV0001');
    expect(linked?.identities.map((identity) => [identity.channel, identity.userId])).toEqual([
      ['telegram', LAN_TELEGRAM],
      ['zalo', LAN_ZALO.id],
    ]);
    expect(linked?.lastChannel).toBe('zalo');
    const audit = await core.store.audit.forSubject('collaborator:CTV0001');
    expect(audit.map((entry) => entry.action)).toContain('collaborator.identity-linked');

    // The code worked once.
    const again = onZalo(STRANGER_ZALO);
    expect(zaloTexts(await again.say(`/link ${code}`))).toContain('Mã không đúng hoặc đã hết hạn');
  });

  it('refuses an identity of another collaborator, a second Zalo account and an old code', async () => {
    const minh = onZalo(MINH_ZALO);
    expect(zaloTexts(await minh.say(`/link ${await issueOnTelegram()}`))).toContain(
      'đã thuộc một hồ sơ cộng tác viên khác',
    );
    const stranger = onZalo(STRANGER_ZALO);
    expect(zaloTexts(await stranger.say(`/link ${await issueOnTelegram()}`))).toContain(
      'Hồ sơ CTV0001 đã có một tài khoản khác trên kênh này',
    );
    const lan = onZalo(LAN_ZALO);
    expect(zaloTexts(await lan.say(`/link ${await issueOnTelegram()}`))).toContain(
      'Tài khoản này đã được liên kết với hồ sơ CTV0001 rồi',
    );

    const code = await issueOnTelegram();
    tick(11 * 60_000);
    expect(zaloTexts(await stranger.say(`/link ${code}`))).toContain('đã hết hạn');
    const minhRecord = await core.store.collaborators.byIdentity('zalo', MINH_ZALO.id);
    expect(minhRecord?.identities).toHaveLength(1);
  });

  it('shares orders between the channels; notices go to the channel used last', async () => {
    const lan = onZalo(LAN_ZALO);
    await lan.say('/order');
    await lan.say('KCN-01');
    expect(zaloTexts(await lan.say('9'))).toContain(
      '1. ➕ Thêm sản phẩm\n2. ➖ Bỏ một dòng\n3. Tiếp tục ›',
    );
    await lan.say('3');
    await lan.say('Chị Hạnh');
    await lan.say('0912 345 678');
    await lan.say('25 Phố Huế, Hai Bà Trưng, Hà Nội');
    const summary = zaloTexts(await lan.say('bo qua'));
    expect(summary).toContain('Hoa hồng dự kiến: 52.610 ₫');
    expect(zaloTexts(await lan.say('1'))).toContain('Đã gửi đơn DH-000001');

    // Lan wrote on Zalo last: the confirmation notice goes there, with its button numbered.
    const before = lan.sent.length;
    await admin().say('/order_set DH-000001 confirmed');
    const notice = zaloTexts(lan.sent.slice(before));
    expect(notice).toContain('Đơn DH-000001 (Chị Hạnh, 1.169.100 ₫) đã được xác nhận.');
    expect(notice).toContain('1. Xem đơn');
    expect(zaloTexts(await lan.say('1'))).toContain('Đơn DH-000001 · đã xác nhận');

    // The same order on Telegram; Telegram is now the channel used last.
    const telegram = lanTelegram();
    await telegram.say('/orders');
    expect(telegram.text).toContain('DH-000001');
    const zaloBefore = lan.sent.length;
    await admin().say('/order_set DH-000001 delivered');
    expect(telegramInbox.map((item) => item.reply.text)).toContainEqual(
      'Đơn <b>DH-000001</b> (Chị Hạnh, 1.169.100 ₫) đã giao thành công.',
    );
    expect(lan.sent.slice(zaloBefore)).toEqual([]);
  });
});
