import {
  applyRate,
  formatMoney,
  lineCommission,
  lineTotal,
  orderCommission,
  parseMoney,
  parseRate,
  type CommissionLine,
} from '../../src/domain/money.js';

const rate = (value: string) => ({ kind: 'rate', rate: value }) as const;
const fixed = (amount: number) => ({ kind: 'fixed', amount }) as const;

describe('commission', () => {
  test('the design example rounds half-up once: 52,609.5 → 52,610', () => {
    // 129,900 × 9 = 1,169,100; × 4.5% = 52,609.5 → half-up 52,610
    const line: CommissionLine = { unitPrice: 129_900, quantity: 9, commission: rate('4.5') };
    expect(lineCommission(line).toString()).toBe('52609.5');
    expect(orderCommission([line])).toBe(52_610);
  });

  test('an order rounds the exact sum of its lines, not each line', () => {
    // line A: 129,900 × 9 × 4.5% = 52,609.5 (alone → 52,610)
    // line B:  10,100 × 1 × 4.5% =    454.5 (alone →    455)
    // rounded per line: 53,065; exact sum 53,064.0 → 53,064
    const lines: CommissionLine[] = [
      { unitPrice: 129_900, quantity: 9, commission: rate('4.5') },
      { unitPrice: 10_100, quantity: 1, commission: rate('4.5') },
    ];
    expect(orderCommission(lines)).toBe(53_064);
  });

  test('a fixed amount is paid per unit', () => {
    // 5,000 per unit × 7 units = 35,000
    expect(orderCommission([{ unitPrice: 85_000, quantity: 7, commission: fixed(5_000) }])).toBe(
      35_000,
    );
  });

  test('fixed and rate lines add up before the single rounding', () => {
    // fixed: 2,500 × 3 = 7,500; rate: 99,999 × 1 × 3.3% = 3,299.967
    // exact 10,799.967 → 10,800
    const lines: CommissionLine[] = [
      { unitPrice: 40_000, quantity: 3, commission: fixed(2_500) },
      { unitPrice: 99_999, quantity: 1, commission: rate('3.3') },
    ];
    expect(orderCommission(lines)).toBe(10_800);
  });

  test('a rate with a binary-unfriendly decimal stays exact', () => {
    // 100,000 × 3 × 0.1% = 300 exactly (a float product would give 300.00000000000006)
    expect(
      lineCommission({ unitPrice: 100_000, quantity: 3, commission: rate('0.1') }).toString(),
    ).toBe('300');
  });

  test('less than a half rounds down', () => {
    // 1,099 × 1 × 4.5% = 49.455 → 49
    expect(orderCommission([{ unitPrice: 1_099, quantity: 1, commission: rate('4.5') }])).toBe(49);
  });

  test('an empty order earns nothing', () => {
    expect(orderCommission([])).toBe(0);
  });

  test('amounts that are not safe integers are refused', () => {
    expect(() => lineTotal({ unitPrice: 129_900.5, quantity: 1 })).toThrow(RangeError);
    expect(() => lineTotal({ unitPrice: Number.MAX_SAFE_INTEGER, quantity: 2 })).toThrow(
      RangeError,
    );
  });

  test('a bonus or tax amount is rounded half-up once', () => {
    // 2,345,675 × 10% = 234,567.5 → 234,568
    expect(applyRate(2_345_675, '10')).toBe(234_568);
  });
});

describe('parseRate', () => {
  test.each([
    ['4.5', '4.5'],
    ['4,5', '4.5'],
    ['4.5%', '4.5'],
    ['04.50', '4.5'],
    ['10', '10'],
    ['0', '0'],
  ])('reads %s as %s', (typed, expected) => {
    expect(parseRate(typed)).toBe(expected);
  });

  test.each(['', 'abc', '-1', '100.5', '4.5.1', '1e2'])('refuses %p', (typed) => {
    expect(parseRate(typed)).toBeUndefined();
  });
});

describe('formatMoney', () => {
  test('Vietnamese groups with dots and puts ₫ after', () => {
    expect(formatMoney(1_250_000, 'vi')).toBe('1.250.000 ₫');
  });

  test('English groups with commas and puts ₫ before', () => {
    expect(formatMoney(1_250_000, 'en')).toBe('₫1,250,000');
  });

  test('negatives put the sign first', () => {
    expect(formatMoney(-52_610, 'vi')).toBe('-52.610 ₫');
    expect(formatMoney(-52_610, 'en')).toBe('-₫52,610');
  });

  test('small amounts and zero have no separator', () => {
    expect(formatMoney(0, 'vi')).toBe('0 ₫');
    expect(formatMoney(999, 'en')).toBe('₫999');
  });
});

describe('parseMoney', () => {
  test.each([
    '129900',
    '129.900',
    '129,900',
    '129 900',
    '129\u00a0900',
    '129.900đ',
    '129.900 ₫',
    '₫129,900',
    '129900 VND',
    '129.900 đồng',
    ' 129900 ',
  ])('reads %p as 129,900', (typed) => {
    expect(parseMoney(typed)).toEqual({ ok: true, amount: 129_900 });
  });

  test('reads several groups', () => {
    expect(parseMoney('1.250.000')).toEqual({ ok: true, amount: 1_250_000 });
  });

  test.each([
    ['129.9', 'money-has-decimals'],
    ['12,50', 'money-has-decimals'],
    ['129.900,00', 'money-has-decimals'],
    ['-129900', 'money-negative'],
    ['-129.900 ₫', 'money-negative'],
    ['', 'money-empty'],
    ['abc', 'money-not-a-number'],
    ['12a', 'money-not-a-number'],
    ['1.2.3', 'money-not-a-number'],
    ['1.250,000', 'money-has-decimals'],
    ['129900 USD', 'money-not-a-number'],
    ['99999999999999999', 'money-too-large'],
  ])('refuses %p: %s', (typed, reason) => {
    expect(parseMoney(typed)).toEqual({ ok: false, reason });
  });
});
