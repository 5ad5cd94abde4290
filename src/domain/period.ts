import type { Locale } from './collaborator.js';
import { fold } from './text.js';

/**
 * Periods are calendar months in Asia/Ho_Chi_Minh, keyed `YYYY-MM`. Vietnam has kept UTC+7
 * without daylight saving since 1975, so the fixed offset is exact for every date the product
 * handles, and working on shifted UTC fields keeps the result the same whatever the process
 * `TZ` is (no `Date#getMonth`, no `Intl` time zone data).
 */

/** A month key such as `2026-11`. */
export type Period = string;

/** Asia/Ho_Chi_Minh's offset from UTC. */
export const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;
const FIRST_YEAR = 2000;
const LAST_YEAR = 2099;

/** True for a well-formed key `YYYY-MM` (month 01-12). */
export function isPeriod(text: string): text is Period {
  return PERIOD.test(text);
}

function periodKey(year: number, month: number): Period {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

function splitPeriod(period: Period): { year: number; month: number } {
  const match = PERIOD.exec(period);
  if (!match) throw new RangeError(`Not a period (YYYY-MM): ${period}`);
  return { year: Number(match[1]), month: Number(match[2]) };
}

/** The calendar fields of an instant on a Vietnamese wall clock. */
function vietnamClock(at: Date): Date {
  if (Number.isNaN(at.getTime())) throw new RangeError('Invalid date');
  return new Date(at.getTime() + VIETNAM_OFFSET_MS);
}

/** The period of an instant: 2024-03-31T18:30Z is 01:30 on 1 April in Vietnam, so `2024-04`. */
export function periodOf(at: Date): Period {
  const local = vietnamClock(at);
  return periodKey(local.getUTCFullYear(), local.getUTCMonth() + 1);
}

/**
 * The instants a period covers: `start` is inclusive, `end` exclusive (the next period's start).
 * `2024-04` → 2024-03-31T17:00Z … 2024-04-30T17:00Z.
 */
export function periodBounds(period: Period): { start: Date; end: Date } {
  const { year, month } = splitPeriod(period);
  return {
    start: new Date(Date.UTC(year, month - 1, 1) - VIETNAM_OFFSET_MS),
    end: new Date(Date.UTC(year, month, 1) - VIETNAM_OFFSET_MS),
  };
}

/** The month before: `2026-01` → `2025-12`. */
export function previousPeriod(period: Period): Period {
  const { year, month } = splitPeriod(period);
  return month === 1 ? periodKey(year - 1, 12) : periodKey(year, month - 1);
}

/** The month after: `2025-12` → `2026-01`. */
export function nextPeriod(period: Period): Period {
  const { year, month } = splitPeriod(period);
  return month === 12 ? periodKey(year + 1, 1) : periodKey(year, month + 1);
}

const EN_MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

function checked(year: number, month: number): Period | undefined {
  if (year < FIRST_YEAR || year > LAST_YEAR || month < 1 || month > 12) return undefined;
  return periodKey(year, month);
}

/** The latest period with this month number that is not after `reference`'s period. */
function latestMonth(month: number, reference: Date): Period | undefined {
  const { year, month: current } = splitPeriod(periodOf(reference));
  return checked(month <= current ? year : year - 1, month);
}

/**
 * Reads a period as people type it, in Vietnamese or English, with or without diacritics:
 * `2026-11`, `2026/11`, `11/2026`, `11-2026`, `T11/2026`, `tháng 11/2026`, `tháng 11 năm 2026`,
 * `November 2026`. With a `reference` instant it also reads `tháng 11` (the latest November not
 * after it), `tháng này` / `this month` and `tháng trước` / `last month`. Years run 2000-2099.
 */
export function parsePeriod(text: string, reference?: Date): Period | undefined {
  const key = fold(text).replace(/\s*([-/.,])\s*/g, '$1');

  let match = /^(\d{4})[-/.](\d{1,2})$/.exec(key);
  if (match) return checked(Number(match[1]), Number(match[2]));

  match = /^(?:thang|t|month)? ?(\d{1,2})(?:[-/.,]| nam | )(\d{4})$/.exec(key);
  if (match) return checked(Number(match[2]), Number(match[1]));

  match = /^([a-z]+),? (\d{4})$/.exec(key);
  if (match) {
    const word = match[1] ?? '';
    const index = word.length >= 3 ? EN_MONTHS.findIndex((name) => name.startsWith(word)) : -1;
    return index >= 0 ? checked(Number(match[2]), index + 1) : undefined;
  }

  if (!reference) return undefined;
  if (/^(?:thang nay|this month)$/.test(key)) return periodOf(reference);
  if (/^(?:thang truoc|thang roi|last month)$/.test(key)) {
    return previousPeriod(periodOf(reference));
  }
  match = /^(?:thang|t|month) ?(\d{1,2})$/.exec(key);
  return match ? latestMonth(Number(match[1]), reference) : undefined;
}

const EN_SHORT = EN_MONTHS.map((name) => name[0]?.toUpperCase() + name.slice(1, 3));

/** A period for people: vi `tháng 11/2026`, en `November 2026`. */
export function formatPeriod(period: Period, locale: Locale): string {
  const { year, month } = splitPeriod(period);
  if (locale === 'vi') return `tháng ${month}/${year}`;
  const name = EN_MONTHS[month - 1] ?? '';
  return `${name[0]?.toUpperCase()}${name.slice(1)} ${year}`;
}

/**
 * A date on the Vietnamese calendar, whatever the server's `TZ`: vi `01/04/2024`, en
 * `1 Apr 2024`; with `time`, vi `01/04/2024 01:30` and en `1 Apr 2024, 01:30`.
 */
export function formatDateVN(at: Date, locale: Locale, options: { time?: boolean } = {}): string {
  const local = vietnamClock(at);
  const day = local.getUTCDate();
  const month = local.getUTCMonth() + 1;
  const year = local.getUTCFullYear();
  const two = (n: number) => String(n).padStart(2, '0');
  const clock = `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}`;

  if (locale === 'vi') {
    const date = `${two(day)}/${two(month)}/${year}`;
    return options.time ? `${date} ${clock}` : date;
  }
  const date = `${day} ${EN_SHORT[month - 1]} ${year}`;
  return options.time ? `${date}, ${clock}` : date;
}
