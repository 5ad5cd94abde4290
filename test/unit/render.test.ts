import { splitReply, splitText, toPlainText } from '../../src/conversation/render.js';
import type { Reply } from '../../src/conversation/types.js';

/** The text without the white space a split may drop between pieces. */
const solid = (text: string) => text.replace(/\s+/g, '');

function expectFaithful(text: string, limit: number): string[] {
  const pieces = splitText(text, limit);
  for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(limit);
  expect(pieces.every((piece) => piece.length > 0)).toBe(true);
  expect(solid(pieces.join('\n'))).toBe(solid(text));
  return pieces;
}

describe('splitText', () => {
  it('leaves text under the limit whole', () => {
    expect(splitText('Xin chào\nCTV0001', 4096)).toEqual(['Xin chào\nCTV0001']);
  });

  it('splits on line breaks and keeps lines whole', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `Đơn hàng số ${i + 1}: 129.900 ₫`);
    const text = lines.join('\n');
    const pieces = expectFaithful(text, 100);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('\n')).toBe(text);
    for (const piece of pieces) {
      for (const line of piece.split('\n')) expect(lines).toContain(line);
    }
  });

  it('fills each piece as far as the limit allows', () => {
    expect(splitText('aaaa\nbbbb\ncccc', 9)).toEqual(['aaaa\nbbbb', 'cccc']);
  });

  it('cuts a single line longer than the limit at spaces', () => {
    const line = Array.from({ length: 50 }, (_, i) => `từ${i}`).join(' ');
    const pieces = expectFaithful(line, 40);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(piece).toMatch(/^từ\d+( từ\d+)*$/);
  });

  it('cuts a single line without spaces anywhere, losing nothing', () => {
    const line = 'x'.repeat(95);
    expect(expectFaithful(line, 40)).toEqual(['x'.repeat(40), 'x'.repeat(40), 'x'.repeat(15)]);
  });

  it('keeps the Telegram limit on a long mixed text', () => {
    const paragraph = 'Hoa hồng tháng 11 của bạn là 1.250.000 ₫. '.repeat(150);
    const text = [paragraph, 'ngắn', paragraph, '', 'kết thúc'].join('\n');
    expectFaithful(text, 4096);
  });

  it('does not cut an emoji in half', () => {
    const text = 'a'.repeat(9) + '🎉'.repeat(10);
    const pieces = expectFaithful(text, 10);
    expect(pieces.join('')).toBe(text);
    for (const piece of pieces) expect(piece).not.toMatch(/[\uD800-\uDBFF]$|^[\uDC00-\uDFFF]/);
  });

  it('does not cut an HTML entity in half', () => {
    const text = 'a'.repeat(8) + '&amp;' + 'b'.repeat(8);
    const pieces = expectFaithful(text, 10);
    expect(pieces.join('')).toBe(text);
    expect(pieces.some((piece) => piece.includes('&amp;'))).toBe(true);
  });
});

describe('splitReply', () => {
  const reply: Reply = {
    text: ['Dòng một', 'Dòng hai', 'Dòng ba'].join('\n'),
    choices: [[{ label: 'OK', payload: '/menu' }]],
    requestContact: true,
  };

  it('keeps the buttons on the last piece only', () => {
    const pieces = splitReply(reply, 10);
    expect(pieces.map((piece) => piece.text)).toEqual(['Dòng một', 'Dòng hai', 'Dòng ba']);
    expect(pieces.slice(0, -1).every((piece) => piece.choices === undefined)).toBe(true);
    expect(pieces.at(-1)).toEqual({ ...reply, text: 'Dòng ba' });
  });

  it('returns a short reply unchanged', () => {
    expect(splitReply(reply, 4096)).toEqual([reply]);
  });
});

describe('toPlainText', () => {
  it('drops the catalogue markup', () => {
    expect(toPlainText('<b>Mã</b> <i>CTV0001</i>')).toBe('Mã CTV0001');
  });

  it('unescapes what escapeHtml escaped', () => {
    expect(toPlainText('&lt;Lan &amp; Hoa&gt; &quot;x&quot;')).toBe('<Lan & Hoa> "x"');
  });

  it('does not unescape twice', () => {
    expect(toPlainText('&amp;lt;')).toBe('&lt;');
  });

  it('leaves user text that was escaped alone, even when it looked like markup', () => {
    expect(toPlainText('<b>Tên:</b> &lt;b&gt;Lan&lt;/b&gt;')).toBe('Tên: <b>Lan</b>');
  });
});
