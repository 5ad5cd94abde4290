import { collaboratorCode } from './collaborator.js';
import { findProvince } from './provinces.js';
import { parsePeriod, periodBounds, type Period } from './period.js';
import { fold } from './text.js';

// TODO(#6): DESIGN.md also names an audience by tier; tiers arrive with the ledger (#4), so
// that kind waits for a collaborator's tier to be stored where a query can reach it.
/**
 * Who a broadcast goes to. Every kind is read among active collaborators only: pending,
 * rejected and suspended people are not the network's members (yet, or any more).
 * `joined` is the registration date, by calendar month in Vietnam, both months included.
 */
export type Audience =
  | { kind: 'all' }
  | { kind: 'province'; province: string }
  | { kind: 'joined'; from: Period; to: Period }
  | { kind: 'codes'; codes: string[] };

/** The most codes one list may hold: a longer list belongs in a province or a period. */
export const MAX_AUDIENCE_CODES = 500;

/** Codes typed by an admin, normalized, and the words that were not codes. */
export interface CodeList {
  codes: string[];
  invalid: string[];
}

/**
 * Reads collaborator codes separated by spaces, commas, semicolons or lines: `CTV0012`,
 * `ctv12` and `CTV-0012` are the same code. Repeats are dropped; the order is kept.
 */
export function parseCodes(text: string): CodeList {
  const codes: string[] = [];
  const invalid: string[] = [];
  for (const word of text.split(/[\s,;]+/).filter(Boolean)) {
    const match = /^ctv-?(\d{1,9})$/i.exec(word);
    if (!match) {
      invalid.push(word);
      continue;
    }
    const code = collaboratorCode(Number(match[1]));
    if (!codes.includes(code)) codes.push(code);
  }
  return { codes, invalid };
}

/**
 * Reads a month or a range of months: `2026-11`, `tháng 11/2026`, `2026-09 - 2026-11`,
 * `09/2026 đến 11/2026`. A range written backwards is turned round. `reference` lets
 * `tháng này` and a month without its year be read (see `parsePeriod`).
 */
export function parseJoinedRange(
  text: string,
  reference: Date,
): { from: Period; to: Period } | undefined {
  const parts = fold(text).split(/\s+(?:-|–|—|den|toi|to)\s+|\s*\.\.\s*/);
  if (parts.length > 2) return undefined;
  const [first = '', second = first] = parts;
  const from = parsePeriod(first, reference);
  const to = parsePeriod(second, reference);
  if (!from || !to) return undefined;
  return from <= to ? { from, to } : { from: to, to: from };
}

/** The registration instants a `joined` audience covers: `start` inclusive, `end` exclusive. */
export function joinedBounds(audience: { from: Period; to: Period }): { start: Date; end: Date } {
  return { start: periodBounds(audience.from).start, end: periodBounds(audience.to).end };
}

/**
 * Checks an audience that comes back from storage or a flow's saved data (plain JSON),
 * so that a damaged record can never widen a broadcast to everybody.
 */
export function readAudience(value: unknown): Audience | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const item = value as Record<string, unknown>;
  switch (item.kind) {
    case 'all':
      return { kind: 'all' };
    case 'province': {
      const province = findProvince(String(item.province ?? ''));
      return province ? { kind: 'province', province: province.code } : undefined;
    }
    case 'joined': {
      const from = parsePeriod(String(item.from ?? ''));
      const to = parsePeriod(String(item.to ?? ''));
      return from && to && from <= to ? { kind: 'joined', from, to } : undefined;
    }
    case 'codes': {
      const codes = Array.isArray(item.codes) ? parseCodes(item.codes.join(' ')).codes : [];
      return codes.length > 0 && codes.length <= MAX_AUDIENCE_CODES
        ? { kind: 'codes', codes }
        : undefined;
    }
    default:
      return undefined;
  }
}
