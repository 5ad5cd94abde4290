import { Api } from 'grammy';
import type { Update } from 'grammy/types';
import { CallbackDataTooLongError } from '../../bots/telegram/telegram-markup.js';
import { renderReply } from '../../bots/telegram/telegram-render.js';
import { createTelegramSender } from '../../bots/telegram/telegram-sender.js';
import { chatTypeOf, toInboundEvent } from '../../bots/telegram/telegram-event.js';
import {
  callbackQuery,
  contactMessage,
  documentMessage,
  startFakeTelegramApi,
  textMessage,
  type FakeTelegramApi,
} from '../fakes/telegram-api.js';
import { withUpdateId } from '../support/telegram-chat.js';

const TOKEN = '123456:TEST-TOKEN-abcdefghijklmnopqrstuv';
const CONTACT = { button: '📱 Share', hint: 'Or press the button below.' };
const NOW = new Date('2026-11-20T03:00:00Z');
const asUpdate = (update: ReturnType<typeof textMessage>) => withUpdateId(update) as Update;

/** 150 lines of 60 characters: 9,150 characters in all. */
const LONG = Array.from(
  { length: 150 },
  (_, i) => `${String(i).padStart(3, '0')} ${'x'.repeat(56)}`,
);

describe('renderReply', () => {
  it('splits a long text under 4,096 characters and keeps the buttons on the last piece', () => {
    const choices = [[{ label: 'OK', payload: '/menu' }]];
    const messages = renderReply({ text: LONG.join('\n'), choices });
    expect(messages.length).toBe(3);
    for (const message of messages) {
      expect(message.method).toBe('sendMessage');
      expect(message.method === 'sendMessage' && message.text.length).toBeLessThanOrEqual(4096);
    }
    expect(messages.map((m) => m.markup)).toEqual([
      undefined,
      undefined,
      { inline_keyboard: [[{ text: 'OK', callback_data: '/menu' }]] },
    ]);
  });

  it('fails loudly on callback data over 64 bytes, counted in UTF-8', () => {
    const fits = 'đ'.repeat(32); // 32 × 2 bytes = 64
    expect(() =>
      renderReply({ text: 'x', choices: [[{ label: 'a', payload: fits }]] }),
    ).not.toThrow();
    const tooLong = { text: 'x', choices: [[{ label: 'Họ tên', payload: `${fits}a` }]] };
    expect(() => renderReply(tooLong)).toThrow(CallbackDataTooLongError);
    expect(() => renderReply(tooLong)).toThrow('65-byte payload');
  });

  it('offers the phone keyboard, and gives it its own message beside inline buttons', () => {
    const keyboard = {
      keyboard: [[{ text: '📱 Share', request_contact: true }]],
      one_time_keyboard: true,
      resize_keyboard: true,
    };
    expect(renderReply({ text: 'Phone?', requestContact: true }, { contact: CONTACT })).toEqual([
      { method: 'sendMessage', text: 'Phone?', markup: keyboard },
    ]);
    const both = renderReply(
      { text: 'Phone?', requestContact: true, choices: [[{ label: 'Skip', payload: '-' }]] },
      { contact: CONTACT },
    );
    expect(both.map((m) => m.method === 'sendMessage' && m.text)).toEqual(['Phone?', CONTACT.hint]);
    expect(both[1]!.markup).toEqual(keyboard);
  });

  it('takes the phone keyboard away only on a message without inline buttons', () => {
    const removed = renderReply({ text: 'Account?' }, { removeKeyboard: true });
    expect(removed[0]!.markup).toEqual({ remove_keyboard: true });
    const withButtons = renderReply(
      { text: 'Bank?', choices: [[{ label: 'VCB', payload: 'v' }]] },
      { removeKeyboard: true },
    );
    expect(withButtons[0]!.markup).toEqual({
      inline_keyboard: [[{ text: 'VCB', callback_data: 'v' }]],
    });
  });

  it('puts a short text in the caption of a file, and sends a long one before it', () => {
    const data = Buffer.from('%PDF-1.7');
    const file = {
      kind: 'document' as const,
      fileName: 'sao-ke.pdf',
      mimeType: 'application/pdf',
      data,
    };
    expect(renderReply({ text: 'Sao kê', attachment: file })).toEqual([
      { method: 'sendDocument', file: { data, fileName: 'sao-ke.pdf' }, caption: 'Sao kê' },
    ]);
    const long = renderReply({ text: 'y'.repeat(1500), attachment: file });
    expect(long.map((m) => m.method)).toEqual(['sendMessage', 'sendDocument']);
    expect(long[1]).not.toHaveProperty('caption');
    const photo = renderReply({
      text: 'Ảnh',
      attachment: { kind: 'photo', url: 'https://x.test/a.jpg' },
    });
    expect(photo).toEqual([{ method: 'sendPhoto', url: 'https://x.test/a.jpg', caption: 'Ảnh' }]);
  });
});

describe('Telegram sender against the fake Bot API', () => {
  let fake: FakeTelegramApi;
  beforeAll(async () => {
    fake = await startFakeTelegramApi();
  });
  afterAll(async () => {
    await fake.stop();
  });

  const sender = () =>
    createTelegramSender({
      api: new Api(TOKEN, { apiRoot: fake.apiRoot }),
      contactTexts: async () => CONTACT,
    });

  it('sends a long reply as several HTML messages under the limit', async () => {
    await sender().send('801', { text: `<b>Sao kê</b>\n${LONG.join('\n')}` });
    const sent = fake.sentTo(801);
    expect(sent.length).toBe(3);
    expect(sent.every((item) => item.text!.length <= 4096)).toBe(true);
    expect(sent.map((item) => item.text).join('\n')).toBe(`<b>Sao kê</b>\n${LONG.join('\n')}`);
    expect(fake.callsOf('sendMessage').every((c) => c.params.parse_mode === 'HTML')).toBe(true);
  });

  it('uploads a document with its name and caption', async () => {
    const data = Buffer.from('%PDF-1.7 test');
    await sender().send('802', {
      text: 'Sao kê tháng 11',
      attachment: {
        kind: 'document',
        fileName: 'sao-ke-2026-11.pdf',
        mimeType: 'application/pdf',
        data,
      },
    });
    expect(fake.sentTo(802)).toEqual([
      {
        method: 'sendDocument',
        text: 'Sao kê tháng 11',
        fileName: 'sao-ke-2026-11.pdf',
        bytes: data,
      },
    ]);
  });

  it('removes the phone keyboard after it was shown, but not between a retry and the prompt', async () => {
    const telegram = sender();
    await telegram.deliver('803', [{ text: 'Phone?', requestContact: true }]);
    await telegram.deliver('803', [
      { text: 'Not yours' },
      { text: 'Phone?', requestContact: true },
    ]);
    await telegram.deliver('803', [{ text: 'Province?' }, { text: 'Bank?' }]);
    const markups = fake.sentTo(803).map((item) => Object.keys(item.reply_markup ?? {})[0]);
    expect(markups).toEqual(['keyboard', undefined, 'keyboard', 'remove_keyboard', undefined]);
  });
});

describe('toInboundEvent', () => {
  const lan = { id: 501, first_name: 'Lan', last_name: 'Nguyễn', language_code: 'vi' };

  it('maps a deep link /start with its code, the sender and the message date', () => {
    const update = asUpdate(textMessage(lan, '/start CTV0007'));
    expect(toInboundEvent(update, NOW)).toEqual({
      channel: 'telegram',
      userId: '501',
      chatId: '501',
      displayName: 'Lan Nguyễn',
      languageCode: 'vi',
      text: '/start CTV0007',
      messageId: String(update.message!.message_id),
      updateId: String(update.update_id),
      at: new Date(update.message!.date * 1000),
    });
  });

  it('maps a button press to its payload at the time it arrives', () => {
    const event = toInboundEvent(asUpdate(callbackQuery(lan, '~ab12:agree', 42)), NOW);
    expect(event).toMatchObject({
      payload: '~ab12:agree',
      messageId: '42',
      chatId: '501',
      at: NOW,
    });
  });

  it('tells the sender’s own contact from a forwarded one', () => {
    const own = asUpdate(contactMessage(lan, '+84912345678'));
    expect(toInboundEvent(own, NOW)?.contact).toEqual({ phone: '+84912345678', own: true });
    const forwarded = asUpdate(contactMessage(lan, '+84987654321'));
    (forwarded.message!.contact as { user_id?: number }).user_id = 999;
    expect(toInboundEvent(forwarded, NOW)?.contact).toEqual({ phone: '+84987654321', own: false });
  });

  it('maps files to attachments and ignores service messages', () => {
    const doc = asUpdate(documentMessage(lan, 'cccd.pdf', 'application/pdf'));
    expect(toInboundEvent(doc, NOW)?.attachment).toEqual({
      kind: 'document',
      fileId: doc.message!.document!.file_id,
    });
    const photo = asUpdate(
      textMessage(lan, '', {
        text: undefined,
        photo: [
          { file_id: 'small', file_unique_id: 's', width: 90, height: 90 },
          { file_id: 'large', file_unique_id: 'l', width: 800, height: 800 },
        ],
      }),
    );
    expect(toInboundEvent(photo, NOW)?.attachment).toEqual({ kind: 'photo', fileId: 'large' });
    const sticker = asUpdate(
      textMessage(lan, '', { text: undefined, sticker: { file_id: 'st' } as never }),
    );
    expect(toInboundEvent(sticker, NOW)?.attachment).toEqual({ kind: 'sticker', fileId: 'st' });
    const pinned = asUpdate(textMessage(lan, '', { text: undefined, pinned_message: {} as never }));
    expect(toInboundEvent(pinned, NOW)).toBeUndefined();
    expect(chatTypeOf(pinned)).toBe('private');
  });
});
