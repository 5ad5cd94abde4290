import { normalizePhone } from '../../domain/phone.js';
import { findProvince, PROVINCES, provinceName } from '../../domain/provinces.js';
import { cleanText, fold } from '../../domain/text.js';
import { grid, type StepInput, type TurnContext } from '../flow.js';

/**
 * How each collaborator field is read from chat input, shared by registration and profile
 * editing. A reader returns the value to store or the catalogue key of a polite retry.
 */
export type FieldResult = { ok: true; value: string } | { ok: false; retry: string };

const NAME = /^[\p{L}][\p{L}\p{M}' .-]*$/u;

export function readFullName(input: StepInput): FieldResult {
  if (input.kind !== 'text') return { ok: false, retry: 'retry-full-name' };
  const name = capitalizeWords(cleanText(input.text));
  if (name.length < 2 || name.length > 80 || !NAME.test(name) || !name.includes(' ')) {
    return { ok: false, retry: 'retry-full-name' };
  }
  return { ok: true, value: name };
}

/** "tran van minh" → "Tran Van Minh"; names typed with capitals are left as they are. */
function capitalizeWords(name: string): string {
  if (name !== name.toLocaleLowerCase('vi')) return name;
  return name.replace(
    /(^|\s)(\p{Ll})/gu,
    (_, space: string, letter: string) => space + letter.toLocaleUpperCase('vi'),
  );
}

export async function readPhone(
  input: StepInput,
  ctx: TurnContext,
  exceptId?: string,
): Promise<FieldResult> {
  let raw: string;
  if (input.kind === 'contact') {
    if (!input.own) return { ok: false, retry: 'retry-phone-not-own' };
    raw = input.phone;
  } else if (input.kind === 'text') {
    raw = input.text;
  } else {
    return { ok: false, retry: 'retry-phone' };
  }

  const phone = normalizePhone(raw);
  if (!phone.ok) return { ok: false, retry: 'retry-phone' };
  if (await ctx.services.collaborators.phoneTaken(phone.e164, exceptId)) {
    return { ok: false, retry: 'retry-phone-taken' };
  }
  return { ok: true, value: phone.e164 };
}

export function readProvince(input: StepInput): FieldResult {
  const typed = input.kind === 'choice' ? input.value : input.kind === 'text' ? input.text : '';
  const province = findProvince(typed);
  return province ? { ok: true, value: province.code } : { ok: false, retry: 'retry-province' };
}

/** Province buttons, three to a row, alphabetical after the six cities. */
export function provinceChoices() {
  return grid(
    PROVINCES.map((province) => [province.code, province.name]),
    3,
  );
}

export { provinceName };

/** Banks most collaborators use; any other name can be typed. */
export const COMMON_BANKS = [
  'Vietcombank',
  'VietinBank',
  'BIDV',
  'Agribank',
  'Techcombank',
  'MB Bank',
  'ACB',
  'VPBank',
  'Sacombank',
  'TPBank',
];

export function readBankName(input: StepInput): FieldResult {
  const typed = input.kind === 'choice' ? input.value : input.kind === 'text' ? input.text : '';
  const name = cleanText(typed);
  if (name.length < 2 || name.length > 60) return { ok: false, retry: 'retry-bank-name' };
  const squeezed = (text: string) => fold(text).replace(/[\s.-]/g, '');
  const known = COMMON_BANKS.find((bank) => squeezed(bank) === squeezed(name));
  return { ok: true, value: known ?? name };
}

export function readAccountNumber(input: StepInput): FieldResult {
  if (input.kind !== 'text') return { ok: false, retry: 'retry-account-number' };
  const digits = input.text.replace(/[\s.-]/g, '');
  if (!/^\d{6,19}$/.test(digits)) return { ok: false, retry: 'retry-account-number' };
  return { ok: true, value: digits };
}

export function readAccountHolder(input: StepInput): FieldResult {
  const typed = input.kind === 'choice' ? input.value : input.kind === 'text' ? input.text : '';
  const holder = cleanText(typed);
  if (holder.length < 2 || holder.length > 80 || !NAME.test(holder)) {
    return { ok: false, retry: 'retry-account-holder' };
  }
  return { ok: true, value: holder.toLocaleUpperCase('vi') };
}

export function readNationalId(input: StepInput): FieldResult {
  if (input.kind !== 'text') return { ok: false, retry: 'retry-national-id' };
  const digits = input.text.replace(/\s/g, '');
  if (!/^\d{12}$/.test(digits)) return { ok: false, retry: 'retry-national-id' };
  return { ok: true, value: digits };
}

/** The name as banks print it: capitals, no diacritics ("Nguyễn Thị Hương" → "NGUYEN THI HUONG"). */
export function bankStyleName(name: string): string {
  return fold(name).toUpperCase();
}
