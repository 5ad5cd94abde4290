import type { Core } from '../../src/app.js';
import { chatAs } from '../support/chat.js';
import { startTestCore } from '../support/core.js';
import { activeCollaborator, registerThroughChat } from '../support/register.js';

let core: Core;

beforeAll(async () => {
  core = await startTestCore();
});

afterAll(async () => {
  await core.database.close();
});

describe('/profile', () => {
  it('shows the bank account and national ID masked, never in full', async () => {
    const { code } = await activeCollaborator(core, 'views-profile', {
      phone: '0955 100 001',
      accountNumber: '0071 0009 87654',
      nationalId: '079 201 005 678',
    });
    const chat = chatAs(core, 'views-profile');
    await chat.say('/profile');

    expect(chat.text).toContain(`<b>Hồ sơ cộng tác viên ${code}</b> (đang hoạt động)`);
    expect(chat.text).toContain('Số tài khoản: ••••••7654');
    expect(chat.text).toContain('CCCD: ••••••5678');
    expect(chat.text).toContain('Điện thoại: 0955 100 001');
    expect(chat.text).not.toContain('0071000987654');
    expect(chat.text).not.toContain('079201005678');
    expect(chat.text).not.toMatch(/\d{7,}/);
  });

  it('shows "(none)" for a national ID that was not given', async () => {
    await registerThroughChat(core, 'no-national-id', { phone: '0955 100 002' });
    const chat = chatAs(core, 'no-national-id');
    await chat.say('hồ sơ');
    expect(chat.text).toContain('CCCD: (không có)');
    expect(chat.text).toContain('(đang chờ duyệt)');
  });

  it('tells someone who has not registered, with a register button', async () => {
    const chat = chatAs(core, 'stranger');
    await chat.say('/profile');
    expect(chat.text).toBe('Bạn chưa đăng ký làm cộng tác viên.');
    expect(chat.last[0]!.choices).toEqual([[{ label: 'Đăng ký', payload: '/start' }]]);
  });
});

describe('editing the profile', () => {
  it('changes the province through the edit button and records it', async () => {
    const { code } = await activeCollaborator(core, 'moves', { phone: '0955 100 003' });
    const chat = chatAs(core, 'moves');
    await chat.say('/profile');
    await chat.press('✏️ Sửa');
    expect(chat.text).toBe('Bạn muốn sửa mục nào?');
    await chat.press('Tỉnh/thành');
    expect(chat.text).toContain('Bạn ở tỉnh/thành phố nào?');
    await chat.say('Atlantis');
    expect(chat.last[0]!.text).toContain('Không tìm thấy tỉnh/thành này');
    await chat.say('tp da nang');
    expect(chat.text).toBe('Đã cập nhật Tỉnh/thành.');

    expect((await core.store.collaborators.byCode(code))?.province).toBe('DNG');
    await chat.press('Hồ sơ');
    expect(chat.text).toContain('Tỉnh/thành: Đà Nẵng');

    const entries = await core.store.audit.forSubject(`collaborator:${code}`);
    const changes = entries.filter((entry) => entry.action === 'collaborator.profile-changed');
    expect(changes).toEqual([expect.objectContaining({ details: { field: 'province' } })]);
  });

  it('changes the account number, sealed again and shown masked', async () => {
    const { code } = await activeCollaborator(core, 'new-account', { phone: '0955 100 004' });
    const chat = chatAs(core, 'new-account');
    await chat.say('/profile edit accountNumber');
    expect(chat.text).toBe('Số tài khoản ngân hàng?');
    await chat.say('9704 0000 1111');
    expect(chat.text).toBe('Đã cập nhật Số tài khoản.');

    const stored = await core.store.collaborators.byCode(code);
    expect(stored?.bank.accountLast4).toBe('1111');
    expect(stored?.bank.accountNumberSealed).not.toContain('970400001111');
    await chat.say('/profile');
    expect(chat.text).toContain('Số tài khoản: ••••••1111');
  });

  it('refuses a phone number of another collaborator but accepts its own', async () => {
    await registerThroughChat(core, 'phone-holder', { phone: '0955 100 005' });
    await activeCollaborator(core, 'phone-changer', { phone: '0955 100 006' });
    const chat = chatAs(core, 'phone-changer');
    await chat.say('/profile edit phone');
    await chat.say('0955 100 005');
    expect(chat.last[0]!.text).toContain('Số điện thoại này đã được đăng ký');

    await chat.say('0955 100 006');
    expect(chat.text).toBe('Đã cập nhật Điện thoại.');
  });
});
