import type { Core } from '../../src/app.js';
import { chatAs } from '../support/chat.js';
import { startTestCore } from '../support/core.js';

let core: Core;

beforeAll(async () => {
  core = await startTestCore();
});

afterAll(async () => {
  await core.database.close();
});

describe('onboarding in Vietnamese', () => {
  it('registers a collaborator as pending after consent and every step', async () => {
    const lan = chatAs(core, 'lan');
    await lan.say('/start');
    expect(lan.text).toContain('Trước khi đăng ký');
    await lan.press('Tôi đồng ý');
    expect(lan.text).toContain('Họ và tên');
    await lan.say('Nguyễn Thị Lan');
    await lan.say('0912 345 678');
    await lan.say('ha noi');
    await lan.press('Vietcombank');
    await lan.say('0011 0023 4567');
    await lan.press('NGUYEN THI LAN');
    await lan.press('Bỏ qua');
    await lan.press('Bỏ qua');
    expect(lan.text).toContain('Kiểm tra lại thông tin');
    expect(lan.text).toContain('Hà Nội');
    await lan.press('✅ Xác nhận');
    expect(lan.text).toContain('CTV0001');

    const stored = await core.store.collaborators.byCode('CTV0001');
    expect(stored).toMatchObject({
      status: 'pending',
      fullName: 'Nguyễn Thị Lan',
      phone: '+84912345678',
      province: 'HN',
      bank: { bankName: 'Vietcombank', accountLast4: '4567', accountHolder: 'NGUYEN THI LAN' },
    });
    expect(stored!.bank.accountNumberSealed).not.toContain('00110023');
  });
});
