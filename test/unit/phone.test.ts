import { formatPhone, normalizePhone } from '../../src/domain/phone.js';

describe('normalizePhone', () => {
  it.each([
    ['0912 345 678', '+84912345678'],
    ['+84 912-345-678', '+84912345678'],
    ['84912345678', '+84912345678'],
    ['(+84) 912.345.678', '+84912345678'],
    ['0084912345678', '+84912345678'],
    ['  0912345678  ', '+84912345678'],
    ['0868123456', '+84868123456'],
  ])('stores %j as %s', (input, e164) => {
    expect(normalizePhone(input)).toEqual({ ok: true, e164 });
  });

  // The 2018 renumbering moved 11-digit mobile numbers to 10 digits: 01xy → 0zz.
  it.each([
    ['01641234567', '+84341234567'], // Viettel 0164 → 034
    ['0123 456 7890', '+84834567890'], // VinaPhone 0123 → 083
    ['0199 123 4567', '+84591234567'], // Gmobile 0199 → 059
    ['0120 123 4567', '+84701234567'], // MobiFone 0120 → 070
    ['+84 164 123 4567', '+84341234567'],
  ])('maps the old number %j to its successor %s', (input, e164) => {
    expect(normalizePhone(input)).toEqual({ ok: true, e164 });
  });

  it.each([
    ['0123456789', 'a 10-digit number with an old 01x prefix'],
    ['091234567', 'nine digits'],
    ['09123456789', 'eleven digits with a current prefix'],
    ['01311234567', 'eleven digits with a prefix that was never a mobile one'],
    ['+1 415 555 0100', 'a foreign number'],
    ['abc', 'letters'],
    ['', 'nothing'],
    ['0912 345 67a', 'a letter among the digits'],
    ['++84912345678', 'a doubled plus'],
  ])('refuses %j (%s)', (input) => {
    expect(normalizePhone(input)).toEqual({ ok: false });
  });

  it('refuses a landline such as Hà Nội 0212 345 678: collaborators are reached by mobile', () => {
    expect(normalizePhone('0212 345 678')).toEqual({ ok: false });
    expect(normalizePhone('024 3825 1234')).toEqual({ ok: false });
  });
});

describe('formatPhone', () => {
  it('writes a stored number the Vietnamese way', () => {
    expect(formatPhone('+84912345678')).toBe('0912 345 678');
    expect(formatPhone('+84341234567')).toBe('0341 234 567');
  });

  it('round-trips through normalizePhone', () => {
    const shown = formatPhone('+84868123456');
    expect(normalizePhone(shown)).toEqual({ ok: true, e164: '+84868123456' });
  });
});
