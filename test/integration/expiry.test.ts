import type { Core } from '../../src/app.js';
import { chatAs } from '../support/chat.js';
import { startTestCore } from '../support/core.js';

let core: Core;

beforeAll(async () => {
  core = await startTestCore({ CONVERSATION_TTL_HOURS: '1' });
});

afterAll(async () => {
  await core.database.close();
});

const HOUR = 3_600_000;
const EXPIRED = 'Nút này đã hết hạn. Gõ /menu để bắt đầu lại.';

/** The payload of the button labelled `label` in the last replies. */
function buttonOf(chat: ReturnType<typeof chatAs>, label: string): string {
  const choice = chat.last.flatMap((reply) => reply.choices ?? []).flat();
  return choice.find((item) => item.label === label)!.payload;
}

describe('a flow whose time ran out', () => {
  it('answers a button from it with "expired" and forgets the flow', async () => {
    const chat = chatAs(core, 'late-press');
    await chat.say('/start');
    const agree = buttonOf(chat, 'Tôi đồng ý');

    await chat.send({
      payload: agree,
      at: new Date(Date.parse('2026-11-20T03:00:00Z') + 2 * HOUR),
    });
    expect(chat.text).toBe(EXPIRED);

    const state = await core.store.conversations.load('web', 'late-press', 'late-press');
    expect(state).toMatchObject({ flow: null, step: null, data: {} });
  });

  it('treats typed text after the expiry as new, not as the answer to the old step', async () => {
    const chat = chatAs(core, 'late-answer');
    await chat.say('/start');
    await chat.press('Tôi đồng ý');
    await chat.send({
      text: 'Nguyễn Văn Muộn',
      at: new Date(Date.parse('2026-11-20T03:00:00Z') + 3 * HOUR),
    });
    expect(chat.text).toContain('chưa hiểu ý bạn');
  });

  it('keeps a flow alive while the person keeps answering', async () => {
    const chat = chatAs(core, 'steady');
    const start = Date.parse('2026-11-20T03:00:00Z');
    await chat.send({ text: '/start', at: new Date(start) });
    await chat.send({ payload: buttonOf(chat, 'Tôi đồng ý'), at: new Date(start + 0.9 * HOUR) });
    await chat.send({ text: 'Lâm Thị Kiên', at: new Date(start + 1.8 * HOUR) });
    expect(chat.text).toContain('Số điện thoại của bạn?');
  });

  it('answers a button from a finished flow with "expired"', async () => {
    const chat = chatAs(core, 'old-run');
    await chat.say('/start');
    const oldAgree = buttonOf(chat, 'Tôi đồng ý');
    await chat.say('/start');
    expect(buttonOf(chat, 'Tôi đồng ý')).not.toBe(oldAgree);

    await chat.send({ payload: oldAgree });
    expect(chat.text).toBe(EXPIRED);
  });
});
