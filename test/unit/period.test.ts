import { spawnSync } from 'node:child_process';
import {
  formatDateVN,
  formatPeriod,
  isPeriod,
  nextPeriod,
  parsePeriod,
  periodBounds,
  periodOf,
  previousPeriod,
} from '../../src/domain/period.js';

/** Instants around month ends and the period each belongs to in Vietnam (UTC+7). */
const KEY_INSTANTS: readonly [string, string][] = [
  ['2024-03-31T18:30:00Z', '2024-04'], // 01:30 on 1 April in Vietnam
  ['2024-03-31T16:59:59.999Z', '2024-03'], // 23:59:59.999 on 31 March
  ['2024-03-31T17:00:00Z', '2024-04'], // midnight starting 1 April
  ['2025-12-31T17:00:00Z', '2026-01'], // New Year in Vietnam
  ['2024-11-03T06:30:00Z', '2024-11'], // the hour New York leaves daylight saving
];

/** Everything the key cases compute, so other zones can be compared against it. */
const KEY_CASES_SCRIPT = `
  const m = await import(process.argv[1]);
  const instants = JSON.parse(process.argv[2]);
  const bounds = m.periodBounds('2024-04');
  const at = new Date('2024-03-31T18:30:00Z');
  console.log(JSON.stringify({
    periods: instants.map((iso) => m.periodOf(new Date(iso))),
    bounds: [bounds.start.toISOString(), bounds.end.toISOString()],
    dates: [m.formatDateVN(at, 'vi', { time: true }), m.formatDateVN(at, 'en', { time: true })],
  }));
`;

const expected = {
  periods: KEY_INSTANTS.map(([, period]) => period),
  bounds: ['2024-03-31T17:00:00.000Z', '2024-04-30T17:00:00.000Z'],
  dates: ['01/04/2024 01:30', '1 Apr 2024, 01:30'],
};

describe(`key cases under this process's TZ (${process.env.TZ ?? 'unset'})`, () => {
  test.each(KEY_INSTANTS)('%s belongs to %s', (iso, period) => {
    expect(periodOf(new Date(iso))).toBe(period);
  });

  test('a period runs from 17:00 UTC before its first day to 17:00 UTC before the next', () => {
    const { start, end } = periodBounds('2024-04');
    expect([start.toISOString(), end.toISOString()]).toEqual(expected.bounds);
  });

  test('February of a leap year ends on the 29th', () => {
    expect(periodBounds('2024-02').end.toISOString()).toBe('2024-02-29T17:00:00.000Z');
  });

  test('dates are written on the Vietnamese calendar', () => {
    const at = new Date('2024-03-31T18:30:00Z');
    expect(formatDateVN(at, 'vi')).toBe('01/04/2024');
    expect(formatDateVN(at, 'vi', { time: true })).toBe(expected.dates[0]);
    expect(formatDateVN(at, 'en', { time: true })).toBe(expected.dates[1]);
  });

  test('"this month" is read on the Vietnamese calendar', () => {
    expect(parsePeriod('tháng này', new Date('2024-03-31T18:30:00Z'))).toBe('2024-04');
  });
});

/**
 * Jest hands tests a copy of the environment, so assigning `process.env.TZ` here changes
 * nothing; the key cases are run again in child processes started with other zones.
 */
describe.each(['UTC', 'America/New_York', 'Pacific/Kiritimati'])('key cases with TZ=%s', (zone) => {
  test('give the same periods, bounds and dates', () => {
    const module = new URL('../../src/domain/period.ts', import.meta.url).href;
    const child = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        KEY_CASES_SCRIPT,
        module,
        JSON.stringify(KEY_INSTANTS.map(([iso]) => iso)),
      ],
      { env: { PATH: process.env.PATH, TZ: zone }, encoding: 'utf8' },
    );
    expect(child.stderr).toBe('');
    expect(JSON.parse(child.stdout)).toEqual(expected);
  });
});

describe('neighbouring periods', () => {
  test('the month before January is December of the year before', () => {
    expect(previousPeriod('2026-01')).toBe('2025-12');
  });

  test('the month after December is January of the next year', () => {
    expect(nextPeriod('2025-12')).toBe('2026-01');
  });

  test('the month after November is December of the same year', () => {
    expect(nextPeriod('2026-11')).toBe('2026-12');
  });

  test('a malformed period is refused', () => {
    expect(() => previousPeriod('2026-13')).toThrow(RangeError);
    expect(() => periodBounds('2026-1')).toThrow(RangeError);
    expect(isPeriod('2026-11')).toBe(true);
    expect(isPeriod('2026-00')).toBe(false);
  });
});

describe('parsePeriod', () => {
  test.each([
    ['2026-11', '2026-11'],
    ['2026/11', '2026-11'],
    ['2026-1', '2026-01'],
    ['11/2026', '2026-11'],
    ['11-2026', '2026-11'],
    ['11 / 2026', '2026-11'],
    ['T11/2026', '2026-11'],
    ['thang 11/2026', '2026-11'],
    ['tháng 11/2026', '2026-11'],
    ['Tháng 11 năm 2026', '2026-11'],
    ['tháng 3 2026', '2026-03'],
    ['November 2026', '2026-11'],
    ['nov 2026', '2026-11'],
    ['month 11 2026', '2026-11'],
  ])('reads %p as %s', (typed, expected) => {
    expect(parsePeriod(typed)).toBe(expected);
  });

  test.each(['', '13/2026', '0/2026', '2026-13', '11/1999', 'tháng 11', 'no 2026', 'hello'])(
    'without a reference refuses %p',
    (typed) => {
      expect(parsePeriod(typed)).toBeUndefined();
    },
  );

  // 2026-03-10 in Vietnam
  const reference = new Date('2026-03-10T03:00:00Z');

  test('a month without a year is the latest one not after the reference', () => {
    expect(parsePeriod('tháng 11', reference)).toBe('2025-11');
    expect(parsePeriod('thang 3', reference)).toBe('2026-03');
    expect(parsePeriod('T2', reference)).toBe('2026-02');
  });

  test('last month is read relative to the reference', () => {
    expect(parsePeriod('tháng trước', reference)).toBe('2026-02');
    expect(parsePeriod('last month', reference)).toBe('2026-02');
  });
});

describe('formatPeriod', () => {
  test('Vietnamese writes "tháng M/YYYY"', () => {
    expect(formatPeriod('2026-11', 'vi')).toBe('tháng 11/2026');
  });

  test('English writes the month name', () => {
    expect(formatPeriod('2026-01', 'en')).toBe('January 2026');
  });
});
