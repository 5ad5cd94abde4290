import { choiceFromTyped, numberedList, renderZaloReply } from '../../bots/zalo/zalo-render.js';
import type { Reply } from '../../src/conversation/types.js';

const TEXTS = {
  choiceHint: 'Trả lời bằng số thứ tự hoặc gõ đúng lựa chọn.',
  typePhone: 'Hãy gõ số điện thoại.',
};
const agree: Reply = {
  text: 'Bạn <b>đồng ý</b> cho chúng tôi lưu thông tin &amp; liên hệ?',
  choices: [
    [
      { label: 'Đồng ý', payload: '~r1:agree' },
      { label: 'Không đồng ý', payload: '~r1:decline' },
    ],
  ],
};

describe('Zalo rendering', () => {
  it('appends the choices as a numbered list to plain text', () => {
    expect(renderZaloReply(agree, TEXTS, 2000)).toEqual([
      {
        method: 'sendMessage',
        text:
          'Bạn đồng ý cho chúng tôi lưu thông tin & liên hệ?\n\n' +
          '1. Đồng ý\n2. Không đồng ý\nTrả lời bằng số thứ tự hoặc gõ đúng lựa chọn.',
      },
    ]);
  });

  it('numbers across rows in reading order, as the engine counts', () => {
    const rows = [
      [
        { label: 'A', payload: 'a' },
        { label: 'B', payload: 'b' },
      ],
      [{ label: 'C', payload: 'c' }],
    ];
    expect(numberedList(rows)).toBe('1. A\n2. B\n3. C');
  });

  it('reads a typed number or a typed label (without diacritics) back to its choice', () => {
    const choices = agree.choices!.flat();
    expect(choiceFromTyped('2', choices)?.payload).toBe('~r1:decline');
    expect(choiceFromTyped(' khong dong y ', choices)?.payload).toBe('~r1:decline');
    expect(choiceFromTyped('ĐỒNG Ý', choices)?.payload).toBe('~r1:agree');
    expect(choiceFromTyped('3', choices)).toBeUndefined();
    expect(choiceFromTyped('đồng', choices)).toBeUndefined();
  });

  it('splits long text on line breaks under the limit, the list on the last piece', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `Dòng ${i + 1}: ${'x'.repeat(70)}`);
    const out = renderZaloReply({ ...agree, text: lines.join('\n') }, TEXTS, 1000);
    expect(out.length).toBeGreaterThan(2);
    for (const message of out) {
      expect(message.method).toBe('sendMessage');
      expect((message as { text: string }).text.length).toBeLessThanOrEqual(1000);
    }
    const all = out.map((message) => (message as { text: string }).text).join('\n');
    expect(all.split('\n').filter((line) => line.startsWith('Dòng'))).toEqual(lines);
    expect((out.at(-1) as { text: string }).text).toMatch(/1\. Đồng ý\n2\. Không đồng ý/);
  });

  it('asks for a typed phone number where Telegram would show a contact button', () => {
    const [message] = renderZaloReply(
      { text: 'Số điện thoại?', requestContact: true },
      TEXTS,
      2000,
    );
    expect(message).toEqual({
      method: 'sendMessage',
      text: 'Số điện thoại?\n\nHãy gõ số điện thoại.',
    });
  });

  it('puts the document line (a link or where else to get it) after the text', () => {
    const reply: Reply = {
      text: 'Sao kê tháng 11',
      attachment: {
        kind: 'document',
        fileName: 'a.pdf',
        mimeType: 'application/pdf',
        data: Buffer.from('x'),
      },
    };
    const texts = { ...TEXTS, document: '📄 a.pdf: https://bot.example/files/1?exp=1&amp;sig=2' };
    expect(renderZaloReply(reply, texts, 2000)).toEqual([
      {
        method: 'sendMessage',
        text: 'Sao kê tháng 11\n\n📄 a.pdf: https://bot.example/files/1?exp=1&sig=2',
      },
    ]);
  });

  it('sends a photo by URL with the text as its caption', () => {
    const reply: Reply = {
      text: 'Ảnh sản phẩm',
      attachment: { kind: 'photo', url: 'https://x.example/p.jpg' },
    };
    expect(renderZaloReply(reply, TEXTS, 2000)).toEqual([
      { method: 'sendPhoto', photo: 'https://x.example/p.jpg', caption: 'Ảnh sản phẩm' },
    ]);
    expect(renderZaloReply({ ...reply, text: '' }, TEXTS, 2000)).toEqual([
      { method: 'sendPhoto', photo: 'https://x.example/p.jpg' },
    ]);
  });
});
