import type { Core } from '../../src/app.js';
import { chatAs } from '../support/chat.js';
import { startTestCore } from '../support/core.js';
import { registerThroughChat } from '../support/register.js';

let core: Core;

beforeAll(async () => {
  core = await startTestCore();
});

afterAll(async () => {
  await core.database.close();
});

type Chat = ReturnType<typeof chatAs>;

/** Each registration needs a phone number nobody else has. */
let nextPhone = 912_100_000;

/** Asserts the turn answered with exactly the retry message and then the step's prompt again. */
function expectRetry(chat: Chat, retry: string, prompt: string) {
  expect(chat.last.map((reply) => reply.text)).toEqual([retry, expect.stringContaining(prompt)]);
}

/** Starts a registration and answers up to (not including) the step named by `until`. */
async function startUntil(chat: Chat, until: 'fullName' | 'phone' | 'province' | 'summary') {
  await chat.say('/start');
  await chat.press('Tôi đồng ý');
  if (until === 'fullName') return;
  await chat.say('Hoàng Thị Thu');
  if (until === 'phone') return;
  await chat.say(`0${nextPhone++}`);
  if (until === 'province') return;
  for (const answer of ['Nghệ An', 'Agribank', '3600 205 123 456']) await chat.say(answer);
  await chat.press('HOANG THI THU');
  await chat.press('Bỏ qua');
  await chat.press('Bỏ qua');
}

const ASK_NAME = 'Họ và tên đầy đủ';
const ASK_PHONE = 'Số điện thoại của bạn?';

describe('a wrong answer is explained and the step asked again', () => {
  it.each(['x', '12345', 'Lan'])('refuses the full name %j', async (name) => {
    const chat = chatAs(core, `bad-name-${name}`);
    await startUntil(chat, 'fullName');
    await chat.say(name);
    expectRetry(
      chat,
      'Họ tên cần có ít nhất hai chữ và chỉ gồm chữ cái, ví dụ: Nguyễn Thị Hương.',
      ASK_NAME,
    );

    await chat.say('Nguyễn Thị Lan');
    expect(chat.text).toContain(ASK_PHONE);
  });

  it('refuses a phone number that is not a mobile number', async () => {
    const chat = chatAs(core, 'bad-phone');
    await startUntil(chat, 'phone');
    await chat.say('123');
    expectRetry(
      chat,
      'Số điện thoại chưa đúng. Vui lòng nhập số di động Việt Nam, ví dụ 0912 345 678.',
      ASK_PHONE,
    );
    expect(chat.last[1]!.requestContact).toBe(true);

    await chat.say('0912 000 123');
    expect(chat.text).toContain('Bạn ở tỉnh/thành phố nào?');
  });

  it("refuses a shared contact that is not the person's own", async () => {
    const chat = chatAs(core, 'foreign-contact');
    await startUntil(chat, 'phone');
    await chat.contact('0912 000 456', false);
    expectRetry(chat, 'Vui lòng chia sẻ số điện thoại của chính bạn, hoặc gõ số.', ASK_PHONE);

    await chat.contact('0912 000 456', true);
    expect(chat.text).toContain('Bạn ở tỉnh/thành phố nào?');
  });

  it('refuses a phone number another collaborator registered', async () => {
    await registerThroughChat(core, 'phone-owner', { phone: '0966 777 888' });
    const chat = chatAs(core, 'phone-copier');
    await startUntil(chat, 'phone');
    await chat.say('+84966777888');
    expectRetry(
      chat,
      'Số điện thoại này đã được đăng ký. Nếu đó là số của bạn, vui lòng liên hệ quản trị viên.',
      ASK_PHONE,
    );

    await chat.say('0966 777 999');
    expect(chat.text).toContain('Bạn ở tỉnh/thành phố nào?');
  });

  it('refuses a province that does not exist, showing the province buttons again', async () => {
    const chat = chatAs(core, 'bad-province');
    await startUntil(chat, 'province');
    await chat.say('Atlantis');
    expectRetry(
      chat,
      'Không tìm thấy tỉnh/thành này. Vui lòng chọn trong danh sách hoặc gõ tên, ví dụ «Hà Nội», «Cần Thơ».',
      'Bạn ở tỉnh/thành phố nào?',
    );
    expect(chat.last[1]!.choices!.flat()).toHaveLength(34);

    await chat.press('Cần Thơ');
    expect(chat.text).toContain('Ngân hàng bạn nhận hoa hồng?');
  });

  it('refuses an account number with letters, then a national ID that is too short', async () => {
    const chat = chatAs(core, 'bad-numbers');
    await startUntil(chat, 'province');
    await chat.say('Quảng Ninh');
    await chat.press('BIDV');
    await chat.say('12ab');
    expectRetry(chat, 'Số tài khoản chỉ gồm chữ số, từ 6 đến 19 số.', 'Số tài khoản ngân hàng?');

    await chat.say('2111 0000 1234');
    await chat.press('HOANG THI THU');
    await chat.say('123');
    expectRetry(chat, 'Số CCCD gồm đúng 12 chữ số.', 'Số CCCD (12 số)?');
    expect(chat.last[1]!.choices!.flat().map((choice) => choice.label)).toEqual(['Bỏ qua']);

    await chat.say('001 190 012 345');
    expect(chat.text).toContain('Mã giới thiệu');
  });

  it('refuses a referral code nobody has', async () => {
    const chat = chatAs(core, 'bad-referral');
    await startUntil(chat, 'province');
    for (const answer of ['Lạng Sơn', 'ACB', '445566']) await chat.say(answer);
    await chat.press('HOANG THI THU');
    await chat.press('Bỏ qua');
    await chat.say('CTV9999');
    expectRetry(
      chat,
      'Không tìm thấy mã giới thiệu này. Vui lòng kiểm tra lại, hoặc bấm «Bỏ qua».',
      'Mã giới thiệu của người giới thiệu bạn',
    );

    await chat.press('Bỏ qua');
    expect(chat.text).toContain('Kiểm tra lại thông tin');
  });

  it('asks for a button when the person types at the summary, then still confirms', async () => {
    const chat = chatAs(core, 'types-at-summary');
    await startUntil(chat, 'summary');
    await chat.say('đúng rồi');
    expectRetry(chat, 'Vui lòng chọn một trong các nút bên dưới.', 'Kiểm tra lại thông tin');
    expect(chat.last[1]!.choices!.flat().map((choice) => choice.label)).toEqual([
      '✅ Xác nhận',
      '✏️ Sửa',
      'Hủy',
    ]);

    await chat.press('✅ Xác nhận');
    expect(chat.text).toContain('Cảm ơn Hoàng Thị Thu!');
    expect(await core.store.collaborators.byIdentity('web', 'types-at-summary')).toBeDefined();
  });
});
