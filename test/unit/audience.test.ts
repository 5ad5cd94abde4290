import {
  joinedBounds,
  parseCodes,
  parseJoinedRange,
  readAudience,
} from '../../src/domain/audience.js';

const NOW = new Date('2026-12-04T10:00:00Z');

describe('audience', () => {
  it('reads codes however they are typed, drops repeats and reports the rest', () => {
    expect(parseCodes('CTV0001, ctv2;CTV-0003\nCTV0001  0912345678 lan')).toEqual({
      codes: ['CTV0001', 'CTV0002', 'CTV0003'],
      invalid: ['0912345678', 'lan'],
    });
    expect(parseCodes('ctv12345')).toEqual({ codes: ['CTV12345'], invalid: [] });
    expect(parseCodes('   ')).toEqual({ codes: [], invalid: [] });
  });

  it('reads a month or a range of months, in either order', () => {
    expect(parseJoinedRange('11/2026', NOW)).toEqual({ from: '2026-11', to: '2026-11' });
    expect(parseJoinedRange('2026-09 - 2026-11', NOW)).toEqual({ from: '2026-09', to: '2026-11' });
    expect(parseJoinedRange('tháng 11/2026 đến tháng 9/2026', NOW)).toEqual({
      from: '2026-09',
      to: '2026-11',
    });
    expect(parseJoinedRange('2026-01..2026-03', NOW)).toEqual({ from: '2026-01', to: '2026-03' });
    expect(parseJoinedRange('tháng này', NOW)).toEqual({ from: '2026-12', to: '2026-12' });
    expect(parseJoinedRange('hôm qua', NOW)).toBeUndefined();
    expect(parseJoinedRange('2026-01 - 2026-02 - 2026-03', NOW)).toBeUndefined();
  });

  it('covers whole months on the Vietnamese calendar', () => {
    // 2026-09-01 00:00 in Vietnam is 2026-08-31 17:00 UTC; the range ends when December begins.
    expect(joinedBounds({ from: '2026-09', to: '2026-11' })).toEqual({
      start: new Date('2026-08-31T17:00:00Z'),
      end: new Date('2026-11-30T17:00:00Z'),
    });
  });

  it('accepts a stored audience only when it is whole, never widening a damaged one', () => {
    expect(readAudience({ kind: 'all' })).toEqual({ kind: 'all' });
    expect(readAudience({ kind: 'province', province: 'hn' })).toEqual({
      kind: 'province',
      province: 'HN',
    });
    expect(readAudience({ kind: 'joined', from: '2026-09', to: '2026-11' })).toEqual({
      kind: 'joined',
      from: '2026-09',
      to: '2026-11',
    });
    expect(readAudience({ kind: 'codes', codes: ['ctv1'] })).toEqual({
      kind: 'codes',
      codes: ['CTV0001'],
    });
    expect(readAudience({ kind: 'province', province: 'Atlantis' })).toBeUndefined();
    expect(readAudience({ kind: 'joined', from: '2026-11', to: '2026-09' })).toBeUndefined();
    expect(readAudience({ kind: 'codes', codes: [] })).toBeUndefined();
    expect(readAudience({ kind: 'everyone' })).toBeUndefined();
    expect(readAudience(null)).toBeUndefined();
  });
});
