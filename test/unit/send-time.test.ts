import { formatDuration, parseSendTime } from '../../src/domain/send-time.js';

// 17:00 on Friday 4 December 2026 in Vietnam (UTC+7).
const NOW = new Date('2026-12-04T10:00:00Z');

function at(text: string): string | undefined {
  const result = parseSendTime(text, NOW);
  return result.ok ? result.at.toISOString() : result.reason;
}

describe('send time', () => {
  it('reads the usual ways of writing a time on the Vietnamese clock', () => {
    expect(at('20:00 05/12')).toBe('2026-12-05T13:00:00.000Z');
    expect(at('05/12 20:00')).toBe('2026-12-05T13:00:00.000Z');
    expect(at('2026-12-05 20:00')).toBe('2026-12-05T13:00:00.000Z');
    expect(at('2026-12-05T20:00')).toBe('2026-12-05T13:00:00.000Z');
    expect(at('5/12/2026 20h30')).toBe('2026-12-05T13:30:00.000Z');
    expect(at('lúc 20h ngày 05/12')).toBe('2026-12-05T13:00:00.000Z');
  });

  it('reads today, tomorrow and a bare hour', () => {
    expect(at('20:00')).toBe('2026-12-04T13:00:00.000Z');
    // 09:00 has passed today, so it means tomorrow morning.
    expect(at('09:00')).toBe('2026-12-05T02:00:00.000Z');
    expect(at('20:00 hôm nay')).toBe('2026-12-04T13:00:00.000Z');
    expect(at('8:15 ngày mai')).toBe('2026-12-05T01:15:00.000Z');
    expect(at('tomorrow 08:15')).toBe('2026-12-05T01:15:00.000Z');
  });

  it('takes a date without a year as its next occurrence', () => {
    expect(at('08:00 01/01')).toBe('2027-01-01T01:00:00.000Z');
  });

  it('refuses what it cannot read, what has passed and what is too far', () => {
    expect(at('05/12')).toBe('invalid');
    expect(at('tối nay')).toBe('invalid');
    expect(at('25:00 05/12')).toBe('invalid');
    expect(at('20:00 31/02/2027')).toBe('invalid');
    expect(at('2026-12-04 09:00')).toBe('past');
    expect(at('09:00 hôm nay')).toBe('past');
    expect(at('2028-01-01 08:00')).toBe('too-far');
  });

  it('reads the same whatever the server time zone (the parser uses UTC fields only)', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      expect(at('20:00 05/12')).toBe('2026-12-05T13:00:00.000Z');
    } finally {
      process.env.TZ = zone;
    }
  });

  it('writes durations for reports', () => {
    expect(formatDuration(400, 'vi')).toBe('1 giây');
    expect(formatDuration(65_000, 'vi')).toBe('1 phút 5 giây');
    expect(formatDuration(3_600_000 + 2_000, 'en')).toBe('1 h 2 s');
  });
});
