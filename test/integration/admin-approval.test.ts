import type { Core } from '../../src/app.js';
import type { Reply } from '../../src/conversation/types.js';
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

/** The replies a web user received outside their own turns (notices), oldest first. */
async function outbox(userId: string): Promise<Reply[]> {
  const messages = await core.store.playground.since(userId, 0);
  return messages.map((message) => message.reply as Reply);
}

describe('approving a registration', () => {
  it('notifies the admin, lists it, approves it and tells the collaborator', async () => {
    const before = (await outbox('admin')).length;
    const thao = await registerThroughChat(core, 'thao', {
      fullName: 'Ngô Phương Thảo',
      phone: '0944 100 200',
      province: 'Bình Định',
    });
    const { code } = thao;

    const notices = (await outbox('admin')).slice(before);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.text).toBe(
      `<b>Đăng ký mới</b>: Ngô Phương Thảo (${code})\nTỉnh/thành: Gia Lai · Người giới thiệu: —`,
    );
    expect(notices[0]!.choices).toEqual([
      [
        { label: '✅ Duyệt', payload: `/approve ${code}` },
        { label: '❌ Từ chối', payload: `/reject ${code}` },
      ],
    ]);

    const admin = chatAs(core, 'admin');
    await admin.say('/pending');
    expect(admin.last[0]!.text).toMatch(/^Có \d+ đăng ký đang chờ duyệt:$/);
    expect(admin.text).toContain(`<b>${code}</b> · Ngô Phương Thảo · Gia Lai · giới thiệu: —`);

    await admin.say(`/approve ${code.toLowerCase()}`);
    expect(admin.text).toBe(`Đã duyệt Ngô Phương Thảo (${code}).`);

    const stored = await core.store.collaborators.byCode(code);
    expect(stored).toMatchObject({ status: 'active', decidedBy: 'web:admin' });
    const received = await outbox('thao');
    expect(received.at(-1)!.text).toBe(
      `Chúc mừng Ngô Phương Thảo! Bạn đã được duyệt làm cộng tác viên, mã <b>${code}</b>. ` +
        'Bấm «Menu chính» để bắt đầu.',
    );

    await admin.say('/pending');
    expect(admin.text).not.toContain(code);
  });

  it('approves from the button of the notice', async () => {
    const { code } = await registerThroughChat(core, 'button-approved', { phone: '0944 100 201' });
    const notice = (await outbox('admin')).at(-1)!;
    const approve = notice.choices![0]![0]!;

    const admin = chatAs(core, 'admin');
    await admin.send({ payload: approve.payload });
    expect(admin.text).toBe(`Đã duyệt Trần Văn Bình (${code}).`);
  });

  it('says "already decided" when the same registration is approved again', async () => {
    const { code } = await registerThroughChat(core, 'approved-twice', { phone: '0944 100 202' });
    const admin = chatAs(core, 'admin');
    await admin.say(`/approve ${code}`);
    const sent = (await outbox('approved-twice')).length;

    await admin.say(`/approve ${code}`);
    expect(admin.text).toBe(`${code} đã được xử lý trước đó (đang hoạt động).`);
    expect(await outbox('approved-twice')).toHaveLength(sent);
  });

  it('rejects with a reason, and the person is told', async () => {
    const { code } = await registerThroughChat(core, 'rejected', { phone: '0944 100 203' });
    const admin = chatAs(core, 'admin');
    await admin.say(`/reject ${code} sai số tài khoản`);
    expect(admin.text).toBe(`Đã từ chối Trần Văn Bình (${code}).`);

    const stored = await core.store.collaborators.byCode(code);
    expect(stored).toMatchObject({ status: 'rejected', rejectionReason: 'sai số tài khoản' });
    expect((await outbox('rejected')).at(-1)!.text).toContain('chưa được duyệt');
  });

  it('answers usage and not-found for bad codes', async () => {
    const admin = chatAs(core, 'admin');
    await admin.say('/approve');
    expect(admin.text).toBe('Cách dùng: /approve MÃ, ví dụ /approve CTV0042');
    await admin.say('/approve CTV9999');
    expect(admin.text).toBe('Không tìm thấy cộng tác viên CTV9999.');
  });

  it('refuses the admin commands to everyone else', async () => {
    const { code } = await registerThroughChat(core, 'not-admin', { phone: '0944 100 204' });
    const someone = chatAs(core, 'not-admin');
    for (const command of ['/pending', `/approve ${code}`, 'chờ duyệt']) {
      await someone.say(command);
      expect(someone.text).toBe('Lệnh này chỉ dành cho quản trị viên.');
    }
    expect((await core.store.collaborators.byCode(code))?.status).toBe('pending');
  });

  it('writes registered and approved to the audit log', async () => {
    const { code } = await registerThroughChat(core, 'audited', { phone: '0944 100 205' });
    await chatAs(core, 'admin').say(`/approve ${code}`);

    const entries = await core.store.audit.forSubject(`collaborator:${code}`);
    expect(entries.map((entry) => entry.action).sort()).toEqual([
      'collaborator.approved',
      'collaborator.registered',
    ]);
    expect(entries.find((entry) => entry.action === 'collaborator.approved')?.actor).toBe(
      'web:admin',
    );
    expect(entries.find((entry) => entry.action === 'collaborator.registered')?.actor).toBe(
      'web:audited',
    );
  });
});
