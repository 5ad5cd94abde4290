/**
 * Reads PDFs back in tests with pdf.js (the legacy build, made for Node), so checking what a
 * document says needs no system tool such as pdftotext.
 */

// A non-literal specifier: the worker module ships no type declarations.
const WORKER = 'pdfjs-dist/legacy/build/pdf.worker.mjs';

/**
 * pdf.js parses in a worker; in Node it runs that worker in the same thread, found through
 * `globalThis.pdfjsWorker`. Importing it here, once, keeps it from being looked up by a path
 * relative to pdf.js's own file, which jest's module loader does not follow.
 */
async function loadPdfJs() {
  const scope = globalThis as { pdfjsWorker?: unknown };
  scope.pdfjsWorker ??= await import(WORKER);
  return import('pdfjs-dist/legacy/build/pdf.mjs');
}

/**
 * The text of each page, in the order it was drawn: pieces on one line are joined as pdf.js
 * finds them (with the spaces it sees between them), lines are ended by `\n`. Text is taken
 * exactly as the PDF maps its glyphs back to Unicode, without pdf.js's own normalisation, so a
 * test sees what a copy-paste or `pdftotext` would see.
 */
export async function pdfPages(pdf: Buffer | Uint8Array): Promise<string[]> {
  const pdfjs = await loadPdfJs();
  const document = await pdfjs.getDocument({
    data: new Uint8Array(pdf),
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    isEvalSupported: false,
  }).promise;

  try {
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const content = await page.getTextContent({ disableNormalization: true });
      // Marked-content items carry no text; text items end a line with `hasEOL`.
      const text = content.items.map((item) =>
        'str' in item ? item.str + (item.hasEOL ? '\n' : '') : '',
      );
      pages.push(text.join(''));
    }
    return pages;
  } finally {
    await document.destroy();
  }
}

/** White space collapsed to single spaces and trimmed, for comparing text that may wrap. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** How many times `needle` occurs in `text` (not overlapping). */
export function occurrences(text: string, needle: string): number {
  return needle === '' ? 0 : text.split(needle).length - 1;
}

/**
 * The base font names a PDF refers to (`BZJHXS+DejaVuSans`). pdfkit writes font dictionaries
 * uncompressed, so reading the raw bytes finds every font the document uses.
 */
export function pdfFontNames(pdf: Buffer): string[] {
  const names = pdf.toString('latin1').matchAll(/\/BaseFont\s*\/([^\s/<>[\]()]+)/g);
  return [...new Set([...names].map((match) => match[1]!))].sort();
}
