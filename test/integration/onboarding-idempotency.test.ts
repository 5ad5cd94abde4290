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

/** Answers every step and returns the payload of the summary's confirm button. */
async function confirmPayload(chat: Chat, phone: string): Promise<string> {
  await chat.say('/start');
  await chat.press('Tôi đồng ý');
  for (const answer of ['Đặng Văn Hải', phone, 'Hải Phòng', 'VPBank', '8877665544']) {
    await chat.say(answer);
  }
  await chat.press('DANG VAN HAI');
  await chat.press('Bỏ qua');
  await chat.press('Bỏ qua');
  const confirm = chat.last.flatMap((reply) => reply.choices ?? []).flat()[0]!;
  expect(confirm.label).toBe('✅ Xác nhận');
  return confirm.payload;
}

async function collaboratorsWithPhone(phone: string): Promise<number> {
  return core.store.models.collaborators.countDocuments({ phone });
}

describe('a registration takes effect once', () => {
  it('answers "expired" when the old confirm button is pressed a second time', async () => {
    const chat = chatAs(core, 'presses-twice');
    const payload = await confirmPayload(chat, '0922 000 001');

    await chat.send({ payload });
    expect(chat.text).toContain('Cảm ơn Đặng Văn Hải!');
    await chat.send({ payload });
    expect(chat.text).toBe('Nút này đã hết hạn. Gõ /menu để bắt đầu lại.');

    expect(await collaboratorsWithPhone('+84922000001')).toBe(1);
    const audit = await core.store.models.audit.countDocuments({
      action: 'collaborator.registered',
      actor: 'web:presses-twice',
    });
    expect(audit).toBe(1);
  });

  it('handles two presses that arrive together once', async () => {
    const chat = chatAs(core, 'presses-together');
    const payload = await confirmPayload(chat, '0922 000 002');

    const [first, second] = await Promise.all([chat.send({ payload }), chat.send({ payload })]);
    const texts = [...first!, ...second!].map((reply) => reply.text);
    expect(texts.filter((text) => text.includes('Cảm ơn'))).toHaveLength(1);
    expect(texts.filter((text) => text.includes('hết hạn'))).toHaveLength(1);
    expect(await collaboratorsWithPhone('+84922000002')).toBe(1);
  });

  it('ignores an update delivered twice with the same update id', async () => {
    const chat = chatAs(core, 'delivered-twice');
    const payload = await confirmPayload(chat, '0922 000 003');

    const first = await chat.send({ payload, updateId: 'redelivered-1' });
    const second = await chat.send({ payload, updateId: 'redelivered-1' });
    expect(first.map((reply) => reply.text).join()).toContain('Cảm ơn');
    expect(second).toEqual([]);
    expect(await collaboratorsWithPhone('+84922000003')).toBe(1);
  });

  it('ignores a repeated message id when the channel gives no update id', async () => {
    const chat = chatAs(core, 'message-twice');
    await chat.send({ text: '/start', updateId: undefined, messageId: 'm-1' });
    expect(chat.text).toContain('Trước khi đăng ký');
    await chat.send({ text: '/help', updateId: undefined, messageId: 'm-1' });
    expect(chat.last).toEqual([]);
  });
});

describe('/start from someone already registered', () => {
  it('says the registration is waiting and creates no second record', async () => {
    const first = await registerThroughChat(core, 'registers-again', { phone: '0922 000 004' });
    const chat = chatAs(core, 'registers-again');
    await chat.say('/start');

    expect(chat.text).toBe(
      `Trần Văn Bình ơi, đăng ký của bạn (mã ${first.code}) đang chờ duyệt. ` +
        'Chúng tôi sẽ báo cho bạn ngay khi có kết quả.',
    );
    const state = await core.store.conversations.load('web', 'registers-again', 'x');
    expect(state.flow).toBeNull();
    expect(await collaboratorsWithPhone('+84922000004')).toBe(1);
  });

  it('says an approved collaborator is one already, with a menu button', async () => {
    const first = await registerThroughChat(core, 'active-starts', { phone: '0922 000 005' });
    await core.services.collaborators.approve(first.code, 'web:admin', new Date());
    const chat = chatAs(core, 'active-starts');
    await chat.say('đăng ký');

    expect(chat.text).toBe(`Chào Trần Văn Bình (mã ${first.code})! Bạn đã là cộng tác viên.`);
    expect(chat.last[0]!.choices).toEqual([[{ label: 'Menu chính', payload: '/menu' }]]);
  });
});
