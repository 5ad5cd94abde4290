/**
 * Vietnamese mobile numbers, stored in E.164 (`+84912345678`).
 *
 * Accepted forms: `0912 345 678`, `84912345678`, `+84 912-345-678`, `(+84) 912.345.678`.
 * Numbers still written with an 11-digit prefix from before the 2018 renumbering are mapped
 * to their 10-digit successor, so `01641234567` becomes `+84341234567`.
 */

/** Old three-digit (after the 0) prefixes and the two-digit prefixes that replaced them. */
// prettier-ignore
const RENUMBERED: Readonly<Record<string, string>> = {
  // Viettel
  '162': '32', '163': '33', '164': '34', '165': '35', '166': '36', '167': '37', '168': '38',
  '169': '39',
  // MobiFone
  '120': '70', '121': '79', '122': '77', '126': '76', '128': '78',
  // VinaPhone
  '123': '83', '124': '84', '125': '85', '127': '81', '129': '82',
  // Vietnamobile, Gmobile
  '186': '56', '188': '58', '199': '59',
};

/** Mobile numbers after the 0: a network prefix of 3, 5, 7, 8 or 9 and eight more digits. */
const MOBILE = /^[35789]\d{8}$/;

export type PhoneResult = { ok: true; e164: string } | { ok: false };

/** Normalises a typed or shared phone number; `{ok: false}` when it is not a Vietnamese mobile. */
export function normalizePhone(input: string): PhoneResult {
  const compact = input.trim().replace(/[\s.\-()]/g, '');
  if (!/^\+?\d+$/.test(compact)) return { ok: false };

  let national: string;
  if (compact.startsWith('+84')) national = compact.slice(3);
  else if (compact.startsWith('0084')) national = compact.slice(4);
  else if (compact.startsWith('84') && compact.length >= 11) national = compact.slice(2);
  else if (compact.startsWith('0')) national = compact.slice(1);
  else return { ok: false };

  if (national.startsWith('0')) national = national.slice(1);
  if (national.length === 10) {
    const successor = RENUMBERED[national.slice(0, 3)];
    if (successor === undefined) return { ok: false };
    national = successor + national.slice(3);
  }

  return MOBILE.test(national) ? { ok: true, e164: `+84${national}` } : { ok: false };
}

/** Shows a stored number the way Vietnamese people write it: `+84912345678` → `0912 345 678`. */
export function formatPhone(e164: string): string {
  const national = `0${e164.slice(3)}`;
  return `${national.slice(0, 4)} ${national.slice(4, 7)} ${national.slice(7)}`;
}
