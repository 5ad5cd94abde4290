import { splitText, toPlainText } from '../../src/conversation/render.js';
import type { Choice, Reply } from '../../src/conversation/types.js';
import { fold } from '../../src/domain/text.js';

/** One Zalo API call that a reply turns into. Texts are plain: Zalo shows no markup. */
export type ZaloOutgoing =
  | { method: 'sendMessage'; text: string }
  | { method: 'sendPhoto'; photo: string; caption?: string };

/** The lines the renderer adds, in the recipient's language (catalogue markup allowed). */
export interface ZaloRenderTexts {
  /** Shown under a numbered list of choices. */
  choiceHint: string;
  /** Added when the reply asks for a phone number: Zalo has no "share contact" button. */
  typePhone: string;
  /** Stands in for a file Zalo cannot carry: its signed download link, or where else to get it. */
  document?: string;
}

/**
 * The choices as lines "1. Đồng ý", "2. Không đồng ý", numbered across rows in reading order:
 * the same order in which the engine maps a typed number back to a choice.
 */
export function numberedList(choices: Choice[][]): string {
  return choices
    .flat()
    .map((choice, index) => `${index + 1}. ${choice.label}`)
    .join('\n');
}

/**
 * The choice a typed answer picks from a numbered list: its label (folded, so "dong y" is
 * "Đồng ý") or its number. The engine reads answers to flow steps the same way.
 */
export function choiceFromTyped<T extends Choice>(text: string, choices: T[]): T | undefined {
  const typed = fold(text);
  const byLabel = choices.find((choice) => fold(choice.label) === typed);
  if (byLabel) return byLabel;
  return /^\d{1,3}$/.test(typed) ? choices[Number(typed) - 1] : undefined;
}

/**
 * Turns a reply into Zalo calls: the text as plain text with the numbered choices, the
 * phone hint and the document line after it, split on line breaks under `limit`; a photo
 * goes last, with the final piece as its caption. Pure, so the rules are tested without a
 * server; storing a document and signing its link happen before (see the sender).
 */
export function renderZaloReply(
  reply: Reply,
  texts: ZaloRenderTexts,
  limit: number,
): ZaloOutgoing[] {
  const parts = [toPlainText(reply.text).trim()];
  const choices = reply.choices?.filter((row) => row.length > 0) ?? [];
  if (choices.length > 0) {
    parts.push(`${numberedList(choices)}\n${toPlainText(texts.choiceHint)}`);
  }
  if (reply.requestContact) parts.push(toPlainText(texts.typePhone));
  if (texts.document) parts.push(toPlainText(texts.document));
  const text = parts.filter(Boolean).join('\n\n');
  const pieces = text ? splitText(text, limit) : [];

  const out: ZaloOutgoing[] = pieces.map((piece) => ({ method: 'sendMessage', text: piece }));
  if (reply.attachment?.kind === 'photo') {
    const caption = out.pop();
    out.push({
      method: 'sendPhoto',
      photo: reply.attachment.url,
      ...(caption?.method === 'sendMessage' ? { caption: caption.text } : {}),
    });
  }
  return out;
}
