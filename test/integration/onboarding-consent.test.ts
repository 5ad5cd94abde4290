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

describe('consent to the use of personal data', () => {
  it('stores nothing when the person declines', async () => {
    const lan = chatAs(core, 'declines');
    await lan.say('/start');
    await lan.press('Không đồng ý');
    expect(lan.text).toBe(
      'Không sao. Chúng tôi không lưu thông tin nào của bạn. Khi nào muốn đăng ký, hãy gõ /start.',
    );

    expect(await core.store.collaborators.byIdentity('web', 'declines')).toBeUndefined();
    expect(await core.store.collaborators.count()).toBe(0);
    const state = await core.store.conversations.load('web', 'declines', 'declines');
    expect(state).toMatchObject({ flow: null, step: null, runId: null, data: {}, choices: [] });
  });

  it('asks again, with the buttons, when the person types instead of choosing', async () => {
    const binh = chatAs(core, 'types-at-consent');
    await binh.say('/start');
    await binh.say('ok');
    expect(binh.last).toHaveLength(2);
    expect(binh.last[0]!.text).toBe('Vui lòng bấm «Tôi đồng ý» hoặc «Không đồng ý».');
    expect(binh.last[1]!.text).toContain('Bạn có đồng ý không?');

    await binh.say('tôi đồng ý');
    expect(binh.text).toContain('Họ và tên đầy đủ');
  });

  it('forgets the answers given so far when the person declines at the summary', async () => {
    const cuong = chatAs(core, 'cancels-at-summary');
    await cuong.say('/start');
    await cuong.press('Tôi đồng ý');
    for (const answer of ['Lý Văn Cường', '0981 222 333', 'Hà Nội', 'MB Bank', '99887766']) {
      await cuong.say(answer);
    }
    await cuong.press('LY VAN CUONG');
    await cuong.press('Bỏ qua');
    await cuong.press('Bỏ qua');
    await cuong.press('Hủy');
    expect(cuong.text).toContain('Chúng tôi không lưu thông tin nào của bạn');

    expect(await core.store.collaborators.byPhone('+84981222333')).toBeUndefined();
    const state = await core.store.conversations.load('web', 'cancels-at-summary', 'x');
    expect(state.data).toEqual({});
  });
});
