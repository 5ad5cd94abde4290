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

const CONSENT = 'Trước khi đăng ký';

describe('free text means a command, whatever the diacritics and case', () => {
  it.each(['đăng ký', 'DANG KY', 'Dang ki', 'tôi muốn đăng ký làm CTV'])(
    'starts registration on %j',
    async (typed) => {
      const chat = chatAs(core, `intent-register-${typed}`);
      await chat.say(typed);
      expect(chat.text).toContain(CONSENT);
    },
  );

  it.each([
    ['hồ sơ', '0966 200 001'],
    ['HO SO', '0966 200 002'],
    ['xem hồ sơ của tôi', '0966 200 003'],
  ])('shows the profile on %j', async (typed, phone) => {
    const userId = `intent-profile-${phone}`;
    const { code } = await registerThroughChat(core, userId, { phone });
    const chat = chatAs(core, userId);
    await chat.say(typed);
    expect(chat.text).toContain(`Hồ sơ cộng tác viên ${code}`);
  });

  it('answers help in words', async () => {
    const chat = chatAs(core, 'intent-help');
    await chat.say('Trợ giúp');
    expect(chat.text).toContain('<b>Các lệnh</b>');
  });

  it('offers the languages on "ngôn ngữ"', async () => {
    const chat = chatAs(core, 'intent-language');
    await chat.say('Ngôn ngữ');
    expect(chat.text).toBe('Chọn ngôn ngữ / Choose your language:');
    await chat.press('English');
    expect(chat.text).toBe('Switched to English.');
    await chat.say('xyz');
    expect(chat.text).toBe(
      'Sorry, I did not understand. Choose from the menu below or type /help.',
    );
  });

  it('shows the menu on a greeting', async () => {
    const chat = chatAs(core, 'intent-menu');
    await chat.say('Xin chào');
    expect(chat.text).toContain('Bạn chưa đăng ký làm cộng tác viên');
  });
});

describe('text that means nothing', () => {
  it('gets the "not understood" reply with the menu buttons', async () => {
    const chat = chatAs(core, 'intent-unknown');
    await chat.say('giá vàng hôm nay bao nhiêu');
    expect(chat.text).toBe(
      'Xin lỗi, chúng tôi chưa hiểu ý bạn. Bạn có thể chọn trong menu dưới đây hoặc gõ /help.',
    );
    const labels = chat.last[0]!.choices!.flat().map((choice) => choice.label);
    expect(labels).toEqual(['Đăng ký', 'Sản phẩm', 'Ngôn ngữ', 'Trợ giúp']);
  });

  it('gets "no such command" for an unknown command', async () => {
    const chat = chatAs(core, 'intent-bad-command');
    await chat.say('/doanhthu');
    expect(chat.text).toBe('Lệnh này không có. Gõ /help để xem các lệnh.');
  });

  it('does not start registration on "dang ky" inside another word', async () => {
    const chat = chatAs(core, 'intent-substring');
    await chat.say('dangkyxyz');
    expect(chat.text).toContain('chưa hiểu ý bạn');
  });
});
