/**
 * Text rules shared by storage and search: text is kept in Unicode NFC, and search keys are
 * "folded" so that "Hoa hồng", "HOA HONG" and "hoa hong" compare equal.
 */

/**
 * Returns the NFC form with runs of white space collapsed and the ends trimmed. Control and
 * invisible formatting characters (NUL, zero-width space, right-to-left override) and broken
 * surrogates are dropped: what is stored is what the person saw.
 */
export function cleanText(input: string): string {
  return input
    .toWellFormed()
    .replace(/[\p{Cc}\p{Cf}\uFFFD]/gu, (char) => (/\s/u.test(char) ? ' ' : ''))
    .normalize('NFC')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Lower case, no diacritics, `đ` → `d`, white space collapsed: the key used for matching. */
export function fold(input: string): string {
  return input
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/đ/gu, 'd')
    .replace(/Đ/gu, 'D')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Escapes the characters that HTML (and Telegram's HTML parse mode) treat as markup. */
export function escapeHtml(input: string): string {
  return input.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Shows only the last `visible` characters: `0123456789` → `••••••6789`. */
export function mask(value: string, visible = 4): string {
  if (value.length <= visible) return '•'.repeat(value.length);
  return '•'.repeat(Math.min(value.length - visible, 6)) + value.slice(-visible);
}
