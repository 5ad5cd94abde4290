/**
 * JSON from the Zalo Bot Platform with ids kept exact.
 *
 * Zalo ids are 64-bit numbers written as strings, but nothing guarantees that every field of
 * every answer is quoted. `JSON.parse` turns an unquoted `2468458835291979922` into
 * `2468458835291980000`, silently addressing someone else (Node 20 has no reviver `source`
 * argument to recover the digits). So before parsing, the integer value of every key named
 * `id` or ending in `_id` is wrapped in quotes: ids then arrive as strings whatever Zalo sent.
 */

/** A JSON number at `lastIndex` (sticky, so no copy of the rest of the text is made). */
const NUMBER = /-?\d+(\.\d+)?([eE][+-]?\d+)?/y;

/** A cheap first look: an id key directly followed by a number somewhere in the text. */
const MAYBE_BARE_ID = /"(?:id|[^"\\]*_id)"\s*:\s*-?\d/;

/** True for the keys whose values are identifiers: `id`, `message_id`, `chat_id` … */
export function isIdKey(key: string): boolean {
  return key === 'id' || key.endsWith('_id');
}

/**
 * Returns `raw` with every integer value of an id key quoted. It walks the text as a JSON
 * tokenizer would, so digits inside strings (a message saying `"id": 1`) are never touched.
 */
export function quoteIdNumbers(raw: string): string {
  // The usual answer quotes its ids already: then there is nothing to walk through.
  if (!MAYBE_BARE_ID.test(raw)) return raw;

  let out = '';
  let lastKey: string | undefined;
  let afterColon = false;
  let i = 0;

  while (i < raw.length) {
    const char = raw[i]!;
    if (char === '"') {
      const end = stringEnd(raw, i);
      const literal = raw.slice(i, end);
      // A string followed by a colon is a key; anything else ends the key-value pair.
      let next = end;
      while (next < raw.length && /\s/.test(raw[next]!)) next += 1;
      lastKey = raw[next] === ':' ? safeParse(literal) : undefined;
      afterColon = false;
      out += literal;
      i = end;
      continue;
    }
    if (char === ':') {
      afterColon = lastKey !== undefined;
      out += char;
      i += 1;
      continue;
    }
    if (afterColon && (char === '-' || (char >= '0' && char <= '9'))) {
      NUMBER.lastIndex = i;
      const number = NUMBER.exec(raw)?.[0] ?? char;
      const integer = /^-?\d+$/.test(number);
      out += integer && isIdKey(lastKey!) ? `"${number}"` : number;
      i += number.length;
      afterColon = false;
      continue;
    }
    if (!/\s/.test(char)) afterColon = false;
    out += char;
    i += 1;
  }
  return out;
}

/** Parses a Zalo answer or webhook body; see {@link quoteIdNumbers}. */
export function parseZaloJson(raw: string): unknown {
  return JSON.parse(quoteIdNumbers(raw));
}

/** The index just past the string literal that starts at `start` (an opening quote). */
function stringEnd(raw: string, start: number): number {
  let i = start + 1;
  while (i < raw.length) {
    if (raw[i] === '\\') i += 2;
    else if (raw[i] === '"') return i + 1;
    else i += 1;
  }
  return raw.length;
}

function safeParse(literal: string): string | undefined {
  try {
    return JSON.parse(literal) as string;
  } catch {
    return undefined;
  }
}
