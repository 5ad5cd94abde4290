import type { Core } from '../../src/app.js';
import { chatAs } from '../support/chat.js';
import { startTestCore } from '../support/core.js';
import { activeCollaborator } from '../support/register.js';

let core: Core;

beforeAll(async () => {
  core = await startTestCore();
});

afterAll(async () => {
  await core.database.close();
});

describe('onboarding in English', () => {
  it('asks every step in English after /language en and stores the locale', async () => {
    const john = chatAs(core, 'john');
    await john.say('/language en');
    expect(john.text).toBe('Switched to English.');

    await john.say('/start');
    expect(john.text).toContain('Before you register');
    await john.press('I agree');
    expect(john.text).toBe('Your full name (as on your national ID)?');
    await john.say('Phạm Minh John');
    expect(john.text).toContain('Your phone number?');
    expect(john.last[0]!.requestContact).toBe(true);
    await john.contact('+84 901 234 567');
    expect(john.text).toContain('Which province or city');
    await john.press('Đà Nẵng');
    expect(john.text).toContain('Which bank');
    await john.say('vietinbank');
    expect(john.text).toBe('Bank account number?');
    await john.say('1010-2020-3030');
    expect(john.text).toContain('Account holder name');
    await john.press('PHAM MINH JOHN');
    expect(john.text).toContain('National ID number');
    await john.say('079 201 001 234');
    expect(john.text).toContain('referral code');
    await john.press('Skip');

    expect(john.text).toContain('Please check your details');
    expect(john.text).toContain('Phone: 0901 234 567');
    expect(john.text).toContain('Province: Đà Nẵng');
    expect(john.text).toContain('Bank: VietinBank');
    expect(john.text).toContain('National ID: 079201001234');
    expect(john.text).toContain('Referral code: (none)');
    await john.press('✅ Confirm');
    expect(john.text).toMatch(/^Thank you, Phạm Minh John! .*<b>CTV\d{4}<\/b>/);

    const stored = await core.store.collaborators.byIdentity('web', 'john');
    expect(stored).toMatchObject({
      status: 'pending',
      locale: 'en',
      phone: '+84901234567',
      province: 'DNG',
      bank: { bankName: 'VietinBank', accountLast4: '3030', accountHolder: 'PHAM MINH JOHN' },
    });
    expect(core.services.collaborators.revealNationalId(stored!)).toBe('079201001234');
    expect(stored!.referrerCode).toBeUndefined();
  });
});

describe('onboarding in Vietnamese from a referral link', () => {
  it('takes the referral code from /start CODE and does not ask for it', async () => {
    const referrer = await activeCollaborator(core, 'referrer-mai', {
      fullName: 'Lê Thị Mai',
      phone: '0903 111 222',
    });

    const hoa = chatAs(core, 'hoa');
    await hoa.say(`/start ${referrer.code}`);
    expect(hoa.text).toContain('Trước khi đăng ký');
    await hoa.press('Tôi đồng ý');
    await hoa.say('Võ Thị Hoa');
    await hoa.say('0933 444 555');
    await hoa.say('Sài Gòn');
    await hoa.press('ACB');
    await hoa.say('123456789');
    await hoa.press('VO THI HOA');
    await hoa.press('Bỏ qua');

    expect(hoa.text).not.toContain('Mã giới thiệu của người giới thiệu');
    expect(hoa.text).toContain('Kiểm tra lại thông tin');
    expect(hoa.text).toContain(`Mã giới thiệu: ${referrer.code}`);
    expect(hoa.text).toContain('Tỉnh/thành: TP. Hồ Chí Minh');
    expect(hoa.text).toContain('CCCD: (không có)');
    await hoa.press('✅ Xác nhận');
    expect(hoa.text).toContain('Cảm ơn Võ Thị Hoa!');

    const stored = await core.store.collaborators.byIdentity('web', 'hoa');
    expect(stored).toMatchObject({
      referrerCode: referrer.code,
      province: 'HCM',
      locale: 'vi',
      nationalIdSealed: undefined,
    });
  });

  it('asks for the referral code when the link names an unknown code', async () => {
    const an = chatAs(core, 'an-unknown-link');
    await an.say('/start CTV9999');
    await an.press('Tôi đồng ý');
    for (const answer of ['Đỗ Văn An', '0977 000 111', 'Huế', 'BIDV', '5566778899']) {
      await an.say(answer);
    }
    await an.press('DO VAN AN');
    await an.press('Bỏ qua');
    expect(an.text).toContain('Mã giới thiệu của người giới thiệu bạn');
  });
});
