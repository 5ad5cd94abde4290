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

/** Walks a registration up to the summary without confirming. */
async function toSummary(userId: string, name: string, phone: string) {
  const chat = chatAs(core, userId);
  await chat.say('/start');
  await chat.press('Tôi đồng ý');
  await chat.say(name);
  await chat.say(phone);
  await chat.say('Huế');
  await chat.say('vietcom bank');
  await chat.say('123456789');
  await chat.press(/^[A-Z ]+$/);
  await chat.press('Bỏ qua');
  await chat.press('Bỏ qua');
  return chat;
}

it('refuses a phone registered by someone else between the phone step and the confirmation', async () => {
  const first = await toSummary('race-a', 'Phạm Thị Thu', '0933 111 222');
  const second = await toSummary('race-b', 'Đỗ Văn Nam', '0933111222');

  await second.press('✅ Xác nhận');
  expect(second.text).toContain('CTV');
  await first.press('✅ Xác nhận');

  expect(first.text).toContain('Số điện thoại này đã được đăng ký');
  expect(await core.store.collaborators.byIdentity('web', 'race-a')).toBeUndefined();
});

it('matches a typed bank name loosely and capitalises a name typed in lower case', async () => {
  const chat = await toSummary('loose', 'hoàng văn long', '0933 222 333');
  expect(chat.text).toContain('Họ tên: Hoàng Văn Long');
  expect(chat.text).toContain('Ngân hàng: Vietcombank');
});

it('drops invisible and control characters from stored text', async () => {
  const chat = chatAs(core, 'invisible');
  await chat.say('/start');
  await chat.press('Tôi đồng ý');
  await chat.say('Ngô Thị\u200b Hà');
  await chat.say('0933 444 555');
  await chat.say('Huế');
  await chat.say('Ngân hàng \u202eABC\u0000');
  await chat.say('123456789');
  expect(chat.text).toContain('Tên chủ tài khoản');
  const draft = await core.store.conversations.load('web', 'invisible', 'invisible');
  expect(draft.data).toMatchObject({ fullName: 'Ngô Thị Hà', bankName: 'Ngân hàng ABC' });
});

it('keeps a pending collaborator from editing the profile the admin is about to approve', async () => {
  await registerThroughChat(core, 'pending-edit', { phone: '0933 666 777' });
  const chat = chatAs(core, 'pending-edit');
  await chat.say('/profile edit fullName');
  expect(chat.text).toContain('chỉ sửa được khi tài khoản cộng tác viên đang hoạt động');
});

it('tells the admins when an active collaborator changes the bank account', async () => {
  const collaborator = await activeCollaborator(core, 'bank-edit', { phone: '0933 777 888' });
  const before = (await core.store.playground.since('admin', 0)).length;

  const chat = chatAs(core, 'bank-edit');
  await chat.say('/profile edit accountNumber');
  await chat.say('9988 7766 55');
  expect(chat.text).toContain('Đã cập nhật');

  const notices = (await core.store.playground.since('admin', 0)).slice(before);
  const texts = notices.map((notice) => (notice.reply as { text: string }).text);
  expect(texts).toContainEqual(expect.stringContaining(`(${collaborator.code}) vừa đổi`));
  expect(texts.join('\n')).not.toContain('99887766');
});

it('shows the last page of /pending when asked for a page past the end', async () => {
  const admin = chatAs(core, 'admin');
  await admin.say('/pending 99999999999999999999');
  expect(admin.text).toMatch(/đang chờ duyệt/);
  expect(admin.last.length).toBeGreaterThan(1);
});

it('switches language directly on "english" and back on "tiếng việt"', async () => {
  const chat = chatAs(core, 'lang-words');
  await chat.say('english');
  expect(chat.text).toBe('Switched to English.');
  await chat.say('Tiếng Việt');
  expect(chat.text).toBe('Đã chuyển sang tiếng Việt.');
});

it('clears the blocked mark when the person writes again', async () => {
  const collaborator = await activeCollaborator(core, 'unblocked', { phone: '0933 888 999' });
  await core.store.collaborators.update(collaborator.id, {
    identities: collaborator.identities.map((identity) => ({ ...identity, blocked: true })),
  });

  await chatAs(core, 'unblocked').say('/menu');

  const after = await core.store.collaborators.byCode(collaborator.code);
  expect(after!.identities.every((identity) => !identity.blocked)).toBe(true);
});
