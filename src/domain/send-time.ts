import { VIETNAM_OFFSET_MS } from './period.js';
import { fold } from './text.js';

/** How far ahead a broadcast may be scheduled. */
export const MAX_SCHEDULE_AHEAD_MS = 366 * 86_400_000;

/** A send time, or why none could be read. */
export type SendTimeResult =
  { ok: true; at: Date } | { ok: false; reason: 'invalid' | 'past' | 'too-far' };

const TIME = /^(\d{1,2})(?::(\d{2})|h(\d{2})?)$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DAY_MONTH = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}|\d{2}))?$/;

interface Fields {
  year?: number;
  month?: number;
  day?: number;
  hour?: number;
  minute?: number;
  /** Days after today, for "hôm nay" / "ngày mai". */
  offsetDays?: number;
}

/**
 * Reads a send time as an admin types it, on the Vietnamese wall clock (UTC+7) whatever the
 * server's `TZ`: `20:00 05/12`, `05/12/2026 20:00`, `2026-12-05 20:00`, `20h30 5/12`,
 * `20:00 ngày mai`, `20:00` (today, or tomorrow once that hour has passed). A date without a
 * year is its next occurrence. The time is required: "05/12" alone would be a guess.
 */
export function parseSendTime(text: string, now: Date): SendTimeResult {
  const words = fold(text)
    .replace(/\b(hom nay|today)\b/g, ' @0 ')
    .replace(/\b(ngay mai|mai|tomorrow)\b/g, ' @1 ')
    .replace(/(\d)t(\d)/, '$1 $2')
    .replace(/\b(luc|vao|ngay|at|on)\b/g, ' ')
    .split(/[\s,]+/)
    .filter(Boolean);

  const fields: Fields = {};
  for (const word of words) {
    if (!readWord(word, fields)) return { ok: false, reason: 'invalid' };
  }
  if (fields.hour === undefined || fields.hour > 23 || (fields.minute ?? 0) > 59) {
    return { ok: false, reason: 'invalid' };
  }

  const at = resolve(fields, now);
  if (!at) return { ok: false, reason: 'invalid' };
  if (at.getTime() <= now.getTime()) return { ok: false, reason: 'past' };
  if (at.getTime() - now.getTime() > MAX_SCHEDULE_AHEAD_MS) return { ok: false, reason: 'too-far' };
  return { ok: true, at };
}

/** Adds one word's meaning to `fields`; false for a word that is not part of a time. */
function readWord(word: string, fields: Fields): boolean {
  const has = (key: keyof Fields) => fields[key] !== undefined;
  let match = TIME.exec(word);
  if (match && !has('hour')) {
    fields.hour = Number(match[1]);
    fields.minute = Number(match[2] ?? match[3] ?? 0);
    return true;
  }
  match = ISO_DATE.exec(word) ?? null;
  if (match && !has('day') && !has('offsetDays')) {
    Object.assign(fields, { year: +match[1]!, month: +match[2]!, day: +match[3]! });
    return true;
  }
  match = DAY_MONTH.exec(word);
  if (match && !has('day') && !has('offsetDays')) {
    const year = match[3] === undefined ? undefined : Number(match[3]);
    Object.assign(fields, { day: +match[1]!, month: +match[2]! });
    if (year !== undefined) fields.year = year < 100 ? 2000 + year : year;
    return true;
  }
  if ((word === '@0' || word === '@1') && !has('day') && !has('offsetDays')) {
    fields.offsetDays = Number(word.slice(1));
    return true;
  }
  return false;
}

/** The instant of the fields, filling the date in from `now` on the Vietnamese calendar. */
function resolve(fields: Fields, now: Date): Date | undefined {
  const local = new Date(now.getTime() + VIETNAM_OFFSET_MS);
  const hour = fields.hour!;
  const minute = fields.minute ?? 0;
  const instant = (year: number, month: number, day: number) => {
    const utc = Date.UTC(year, month - 1, day, hour, minute);
    const check = new Date(utc);
    // 31/02 would roll over into March: refuse it rather than send on another day.
    if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
    return new Date(utc - VIETNAM_OFFSET_MS);
  };

  const today = [local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate()] as const;
  if (fields.day === undefined) {
    const base = Date.UTC(today[0], today[1] - 1, today[2] + (fields.offsetDays ?? 0));
    const day = new Date(base);
    const at = instant(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate())!;
    // A bare hour that has passed today means tomorrow at that hour.
    if (fields.offsetDays === undefined && at.getTime() <= now.getTime()) {
      return new Date(at.getTime() + 86_400_000);
    }
    return at;
  }

  const month = fields.month!;
  if (fields.year !== undefined) return instant(fields.year, month, fields.day);
  const thisYear = instant(today[0], month, fields.day);
  if (thisYear && thisYear.getTime() > now.getTime()) return thisYear;
  return instant(today[0] + 1, month, fields.day);
}

/** A duration for a report: vi `1 phút 5 giây`, en `1 min 5 s`; under a second counts as 1 s. */
export function formatDuration(ms: number, locale: 'vi' | 'en'): string {
  const total = Math.max(1, Math.round(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const units = locale === 'vi' ? ['giờ', 'phút', 'giây'] : ['h', 'min', 's'];
  return [hours, minutes, seconds]
    .map((value, index) => (value > 0 ? `${value} ${units[index]}` : ''))
    .filter(Boolean)
    .join(' ');
}
