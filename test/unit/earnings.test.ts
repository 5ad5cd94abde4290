import { TEXT_LIMITS } from '../../src/domain/channel.js';
import { earningsFigures, packPages } from '../../src/domain/earnings.js';

describe('earnings figures of the open month', () => {
  test('pending from every month; approved this month; carried from earlier months', () => {
    const figures = earningsFigures(
      [
        // October: 650,000 delivered and approved; the close paid out 500,000 of it
        // (say an adjustment came after), leaving 150,000 carried.
        { period: '2026-10', kind: 'commission', amount: 650_000 },
        { period: '2026-10', kind: 'approval', amount: 650_000 },
        { period: '2026-10', kind: 'payout', amount: -500_000 },
        // November so far: 80,000 delivered and approved, 52,610 still pending,
        // a −10,000 adjustment.
        { period: '2026-11', kind: 'commission', amount: 132_610 },
        { period: '2026-11', kind: 'approval', amount: 80_000 },
        { period: '2026-11', kind: 'adjustment', amount: -10_000 },
      ],
      '2026-11',
    );
    // pending 132,610 − 80,000 = 52,610; approved 80,000 − 10,000 = 70,000;
    // carried 650,000 − 500,000 = 150,000
    expect(figures).toEqual({ pending: 52_610, approvedThisMonth: 70_000, carried: 150_000 });
  });
});

describe('packing a long order list', () => {
  const lines = Array.from(
    { length: 120 },
    (_, i) =>
      `DH-${String(i + 1).padStart(6, '0')} · 20/11/2026 · 1.169.100 ₫ → <b>52.610 ₫</b> · chờ duyệt`,
  );
  const header = (page: number, pages: number) =>
    `<b>Chi tiết đơn tháng 11/2026</b> (${page}/${pages})`;
  const footer = '<b>Tổng hoa hồng 120 đơn: 6.313.200 ₫</b>';

  test.each(Object.entries(TEXT_LIMITS))(
    'on %s (limit %d) no message is over the limit',
    (_, limit) => {
      const pages = packPages(lines, limit, header, footer);
      expect(pages.length).toBeGreaterThan(1);
      for (const page of pages) expect(page.length).toBeLessThanOrEqual(limit);
    },
  );

  test('every order appears once, in order, and the total once at the very end', () => {
    const pages = packPages(lines, TEXT_LIMITS.zalo, header, footer);
    const body = pages.flatMap((page) => page.split('\n').slice(1));
    expect(body).toEqual([...lines, footer]);
    expect(pages.map((page) => page.split('\n')[0])).toEqual(
      pages.map((_, i) => header(i + 1, pages.length)),
    );
  });

  test('a short list is one message', () => {
    expect(packPages(lines.slice(0, 3), 4096, header, footer)).toEqual([
      [header(1, 1), ...lines.slice(0, 3), footer].join('\n'),
    ]);
  });
});
