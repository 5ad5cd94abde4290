import { APPROVED_KINDS, balancesFrom, type KindSums, type LedgerKind } from './ledger.js';
import { sumDong, type Dong } from './money.js';
import type { Period } from './period.js';

/**
 * What a collaborator is told about their earnings, derived from ledger sums per period and
 * kind, and the packing of a long per-order list into messages under a channel's limit.
 */

/** A sum of amounts of one kind in one period, as the store groups them. */
export interface PeriodKindSum {
  period: Period;
  kind: LedgerKind;
  amount: Dong;
}

/** The running figures of the open month. */
export interface EarningsFigures {
  /** Commission of delivered orders still in their holding period (any month). */
  pending: Dong;
  /** Approved in the open month: approvals, clawbacks and adjustments counted in it. */
  approvedThisMonth: Dong;
  /**
   * The approved balance of earlier months not paid out: what the last close carried forward
   * (under the payout minimum, or negative after a clawback), or, before that close ran, the
   * month's approved amount still waiting for it.
   */
  carried: Dong;
}

/** The figures of `current` from sums over every period of one collaborator. */
export function earningsFigures(sums: readonly PeriodKindSum[], current: Period): EarningsFigures {
  const all: KindSums = {};
  const now: Dong[] = [];
  const before: Dong[] = [];
  for (const { period, kind, amount } of sums) {
    all[kind] = sumDong([all[kind] ?? 0, amount]);
    if (!APPROVED_KINDS.includes(kind)) continue;
    if (period === current) now.push(amount);
    else if (period < current) before.push(amount);
  }
  return {
    pending: balancesFrom(all).pending,
    approvedThisMonth: sumDong(now),
    carried: sumDong(before),
  };
}

/**
 * Packs lines into as few messages as the limit allows, each starting with a header that
 * numbers it (`header(page, pages)`), the footer once at the end of the last. No message is
 * longer than `limit`; a single line too long for a message is cut, which the short lines of
 * an order list never are.
 */
export function packPages(
  lines: readonly string[],
  limit: number,
  header: (page: number, pages: number) => string,
  footer?: string,
): string[] {
  // Room for the widest header this list could get, so numbering never overflows a page.
  const room = limit - header(9_999, 9_999).length - 1;
  if (room < 1) throw new RangeError(`The limit ${limit} leaves no room under the header`);

  const bodies: string[][] = [[]];
  let used = 0;
  const push = (line: string) => {
    const text = line.length > room ? line.slice(0, room) : line;
    const size = text.length + (used > 0 ? 1 : 0);
    if (used > 0 && used + size > room) {
      bodies.push([]);
      used = 0;
    }
    bodies.at(-1)!.push(text);
    used += text.length + (bodies.at(-1)!.length > 1 ? 1 : 0);
  };
  for (const line of lines) push(line);
  if (footer !== undefined) push(footer);

  return bodies.map((body, index) => [header(index + 1, bodies.length), ...body].join('\n'));
}
