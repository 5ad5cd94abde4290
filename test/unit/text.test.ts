import { cleanText, escapeHtml, fold, mask } from '../../src/domain/text.js';

describe('fold', () => {
  it('drops diacritics and case', () => {
    expect(fold('Hoa hồng THÁNG này')).toBe('hoa hong thang nay');
  });

  it('turns đ and Đ into d', () => {
    expect(fold('Đăng ký')).toBe('dang ky');
    expect(fold('đơn ĐẶT hàng')).toBe('don dat hang');
  });

  it('gives the same key for composed and decomposed input', () => {
    const nfd = 'Nguyễn Thị Hương'.normalize('NFD');
    expect(nfd).not.toBe('Nguyễn Thị Hương');
    expect(fold(nfd)).toBe(fold('Nguyễn Thị Hương'));
    expect(fold(nfd)).toBe('nguyen thi huong');
  });

  it('collapses white space and trims', () => {
    expect(fold('  sao   kê\ttháng\n11 ')).toBe('sao ke thang 11');
  });
});

describe('cleanText', () => {
  it('stores decomposed input in NFC', () => {
    const nfd = 'Trần Văn Đức'.normalize('NFD');
    const cleaned = cleanText(nfd);
    expect(cleaned).toBe('Trần Văn Đức');
    expect(cleaned).toBe(cleaned.normalize('NFC'));
    expect(cleaned.length).toBeLessThan(nfd.length);
  });

  it('collapses runs of white space and trims, keeping diacritics and case', () => {
    expect(cleanText('  Nguyễn   Thị \n Lan  ')).toBe('Nguyễn Thị Lan');
  });
});

describe('escapeHtml', () => {
  it('escapes the characters that would change the markup', () => {
    expect(escapeHtml('<b>Lan & Hoa</b>')).toBe('&lt;b&gt;Lan &amp; Hoa&lt;/b&gt;');
  });

  it('escapes an ampersand that already looks like an entity', () => {
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });

  it('leaves Vietnamese text alone', () => {
    expect(escapeHtml('Cần Thơ – 100%')).toBe('Cần Thơ – 100%');
  });
});

describe('mask', () => {
  it('shows only the last four characters', () => {
    expect(mask('0123456789')).toBe('••••••6789');
  });

  it('caps the bullets at six, so the length of a long number is not revealed', () => {
    expect(mask('001100234567890123')).toBe('••••••0123');
  });

  it('shows fewer bullets for a short value', () => {
    expect(mask('123456')).toBe('••3456');
  });

  it('hides a value no longer than the visible part completely', () => {
    expect(mask('1234')).toBe('••••');
    expect(mask('')).toBe('');
  });

  it('accepts another number of visible characters', () => {
    expect(mask('079201001234', 3)).toBe('••••••234');
  });
});
