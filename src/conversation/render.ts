import type { Reply } from './types.js';

/**
 * Splits text so that no piece is longer than `limit`, cutting at line breaks where possible
 * (then at spaces, then anywhere) and never inside a line that fits.
 */
export function splitText(text: string, limit: number): string[] {
  if (text.length <= limit) return [text];

  const pieces: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    for (const part of cutLine(line, limit)) {
      const joined = current ? `${current}\n${part}` : part;
      if (joined.length <= limit) {
        current = joined;
      } else {
        if (current) pieces.push(current);
        current = part;
      }
    }
  }
  if (current) pieces.push(current);
  return pieces;
}

function cutLine(line: string, limit: number): string[] {
  const parts: string[] = [];
  let rest = line;
  while (rest.length > limit) {
    const space = rest.lastIndexOf(' ', limit);
    const cut = space > limit / 2 ? space : safeCut(rest, limit);
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut).trimStart();
  }
  parts.push(rest);
  return parts;
}

/**
 * Moves a cut made anywhere back so that it splits neither a surrogate pair (an emoji, which
 * would become two invalid halves) nor an HTML entity (`&amp;`, which the parse mode refuses).
 */
function safeCut(text: string, at: number): number {
  let cut = at;
  if (/[\uD800-\uDBFF]/.test(text[cut - 1] ?? '')) cut -= 1;

  const amp = text.lastIndexOf('&', cut - 1);
  const entity = amp >= 0 ? /^&#?\w{1,8};/.exec(text.slice(amp, amp + 11)) : null;
  if (entity && amp + entity[0].length > cut) cut = amp;

  return cut > 0 ? cut : at;
}

/** The catalogue markup as plain text, for channels without formatting (Zalo). */
export function toPlainText(html: string): string {
  return html
    .replace(/<\/?(b|i|u|s|code|pre)>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** Splits a reply into several under the limit; buttons and files stay on the last piece. */
export function splitReply(reply: Reply, limit: number): Reply[] {
  const pieces = splitText(reply.text, limit);
  return pieces.map((text, index) => (index === pieces.length - 1 ? { ...reply, text } : { text }));
}

/**
 * Button labels are plain text on every channel, but they are often built with the
 * catalogue, which escapes its arguments for HTML: undo that so "Dầu gội & xả" shows as typed.
 */
export function withPlainLabels(reply: Reply): Reply {
  if (!reply.choices) return reply;
  return {
    ...reply,
    choices: reply.choices.map((row) =>
      row.map((choice) => ({ ...choice, label: toPlainText(choice.label) })),
    ),
  };
}
