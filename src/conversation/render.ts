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
    const cut = space > limit / 2 ? space : limit;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut).trimStart();
  }
  parts.push(rest);
  return parts;
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
