import PDFDocument from 'pdfkit';
import { STATEMENT_FONTS, type FontWeight } from './fonts.js';

/**
 * A thin layer over pdfkit for documents laid out by hand: our own y cursor, our own page
 * breaks, and every string put in NFC on its way to the page. pdfkit would otherwise break pages
 * by itself whenever wrapped text crosses the bottom margin, which is how repeated table headers
 * get lost; so the document's own margin sits below everything drawn, and {@link Sheet.ensure}
 * decides where pages end.
 */

/** A4 portrait in points, with the area content may use. */
export const PAGE = Object.freeze({
  width: 595.28,
  height: 841.89,
  left: 40,
  right: 555.28,
  top: 40,
  /** Content stops here; the footer lives below. */
  bottom: 790,
  footer: 806,
});

/** Width between the side margins. */
export const CONTENT_WIDTH = PAGE.right - PAGE.left;

/** The few colours of the document; dark enough to print and photocopy. */
export const INK = Object.freeze({
  text: '#1f2328',
  muted: '#5b6570',
  rule: '#c6ced6',
  band: '#edf1f5',
  alert: '#b42318',
});

/** How a piece of text looks. */
export interface TextStyle {
  weight?: FontWeight;
  size?: number;
  color?: string;
  align?: 'left' | 'right' | 'center';
}

const BODY: Required<Omit<TextStyle, 'align'>> = { weight: 'regular', size: 9, color: INK.text };
const LINE_GAP = 1.5;

/** What a new document records about itself in the PDF's info dictionary. */
export interface SheetInfo {
  title: string;
  author: string;
  lang: string;
  createdAt: Date;
}

/** A document being laid out, top to bottom, page after page. */
export class Sheet {
  readonly doc: PDFKit.PDFDocument;
  /** Where the next block starts on the current page. */
  y: number = PAGE.top;
  private readonly done: Promise<Buffer>;

  /** @param continuationTop where content starts on pages after the first (room for a header) */
  constructor(
    info: SheetInfo,
    private readonly continuationTop: number = PAGE.top,
  ) {
    // Opening the document with our font means pdfkit never loads its default Helvetica:
    // nothing can fall back to a font without Vietnamese letters.
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: PAGE.top, left: PAGE.left, right: PAGE.width - PAGE.right, bottom: 8 },
      font: STATEMENT_FONTS.regular,
      bufferPages: true,
      lang: info.lang,
      displayTitle: true,
      info: {
        Title: info.title.normalize('NFC'),
        Author: info.author.normalize('NFC'),
        CreationDate: info.createdAt,
      },
    });

    const chunks: Buffer[] = [];
    this.done = new Promise((resolve, reject) => {
      this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
    });
  }

  private use(style: TextStyle): void {
    const weight = style.weight ?? BODY.weight;
    this.doc
      .font(STATEMENT_FONTS[weight])
      .fontSize(style.size ?? BODY.size)
      .fillColor(style.color ?? BODY.color);
  }

  /** The height `text` takes when wrapped to `width`. */
  measure(text: string, width: number, style: TextStyle = {}): number {
    this.use(style);
    return this.doc.heightOfString(text.normalize('NFC'), { width, lineGap: LINE_GAP });
  }

  /** The width of `text` on one line. */
  widthOf(text: string, style: TextStyle = {}): number {
    this.use(style);
    return this.doc.widthOfString(text.normalize('NFC'));
  }

  /** Draws `text` wrapped to `width` at (x, y), in full; returns the height it took. */
  write(text: string, x: number, y: number, width: number, style: TextStyle = {}): number {
    const height = this.measure(text, width, style);
    this.doc.text(text.normalize('NFC'), x, y, {
      width,
      lineGap: LINE_GAP,
      align: style.align ?? 'left',
    });
    return height;
  }

  /**
   * Draws one unwrapped line whose right end (align right) or start is at `x`. Used in the page
   * margins, where wrapped text would make pdfkit start a page of its own.
   */
  line(text: string, x: number, y: number, style: TextStyle = {}): void {
    const width = this.widthOf(text, style);
    const start = style.align === 'right' ? x - width : x;
    this.doc.text(text.normalize('NFC'), start, y, { lineBreak: false });
  }

  /** A horizontal rule at `y`. */
  rule(y: number, from: number = PAGE.left, to: number = PAGE.right, color: string = INK.rule) {
    this.doc.save().moveTo(from, y).lineTo(to, y).lineWidth(0.6).strokeColor(color).stroke();
    this.doc.restore();
  }

  /** A filled rectangle behind text (table header bands, the provisional mark). */
  band(x: number, y: number, width: number, height: number, color: string = INK.band): void {
    this.doc.save().rect(x, y, width, height).fill(color).restore();
  }

  /** The height left on the current page. */
  room(): number {
    return PAGE.bottom - this.y;
  }

  /** The height a block may take on a page of its own. */
  fullRoom(): number {
    return PAGE.bottom - this.continuationTop;
  }

  /** Starts a new page and moves the cursor to its top. */
  newPage(): void {
    this.doc.addPage();
    this.y = this.continuationTop;
  }

  /** Starts a new page unless `height` still fits on this one; true when a page was added. */
  ensure(height: number): boolean {
    if (height <= this.room()) return false;
    this.newPage();
    return true;
  }

  /**
   * Calls `stamp` once on every page, knowing the page count (page numbers, repeated marks),
   * then ends the document and returns its bytes.
   */
  async finish(stamp: (page: number, pages: number) => void): Promise<Buffer> {
    const { start, count } = this.doc.bufferedPageRange();
    for (let index = 0; index < count; index += 1) {
      this.doc.switchToPage(start + index);
      stamp(index + 1, count);
    }
    this.doc.end();
    return this.done;
  }
}
