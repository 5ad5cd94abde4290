import { CONTENT_WIDTH, INK, PAGE, type Sheet, type TextStyle } from './layout.js';

/**
 * A table that flows over pages: its header row is drawn again at the top of every page it
 * reaches, and every cell is shown in full. A row normally moves whole to the next page; only a
 * row taller than a page is split, between words, so that nothing is ever cut off.
 */

/** A cell's text, with an optional smaller grey note under it (an order's state). */
export type Cell = string | { text: string; note?: string };

/** One column: its header, width (0 = what the others leave) and how to fill it from a row. */
export interface Column<Row> {
  header: string;
  width: number;
  align?: 'left' | 'right';
  cell(row: Row): Cell;
}

const PAD_X = 4;
const PAD_Y = 4;
const BODY: TextStyle = { size: 8.5 };
const HEAD: TextStyle = { size: 8, weight: 'bold' };
const NOTE: TextStyle = { size: 7, color: INK.muted };

interface Part {
  text: string;
  note?: string;
}

interface Laid<Row> {
  column: Column<Row>;
  x: number;
  inner: number;
}

/** Places the columns side by side; the one of width 0 takes the rest of the line. */
function place<Row>(columns: readonly Column<Row>[]): Laid<Row>[] {
  const fixed = columns.reduce((sum, column) => sum + column.width, 0);
  let x = PAGE.left;
  return columns.map((column) => {
    const width = column.width || CONTENT_WIDTH - fixed;
    const laid = { column, x, inner: width - 2 * PAD_X };
    x += width;
    return laid;
  });
}

function partOf(cell: Cell): Part {
  return typeof cell === 'string' ? { text: cell } : cell;
}

function partHeight(sheet: Sheet, part: Part, width: number): number {
  const text = part.text === '' ? 0 : sheet.measure(part.text, width, BODY);
  return part.note ? text + 1 + sheet.measure(part.note, width, NOTE) : text;
}

function rowHeight<Row>(sheet: Sheet, laid: Laid<Row>[], parts: Part[]): number {
  const tallest = Math.max(...parts.map((part, i) => partHeight(sheet, part, laid[i]!.inner)));
  return tallest + 2 * PAD_Y;
}

function headerHeight<Row>(sheet: Sheet, laid: Laid<Row>[]): number {
  const tallest = Math.max(
    ...laid.map(({ column, inner }) => sheet.measure(column.header, inner, HEAD)),
  );
  return tallest + 2 * PAD_Y;
}

function drawHeader<Row>(sheet: Sheet, laid: Laid<Row>[], height: number): void {
  sheet.band(PAGE.left, sheet.y, CONTENT_WIDTH, height);
  for (const { column, x, inner } of laid) {
    sheet.write(column.header, x + PAD_X, sheet.y + PAD_Y, inner, { ...HEAD, align: column.align });
  }
  sheet.y += height;
}

function drawParts<Row>(sheet: Sheet, laid: Laid<Row>[], parts: Part[], height: number): void {
  parts.forEach((part, i) => {
    const { column, x, inner } = laid[i]!;
    const top = sheet.y + PAD_Y;
    const style = { ...BODY, align: column.align };
    const used = part.text === '' ? 0 : sheet.write(part.text, x + PAD_X, top, inner, style);
    if (part.note) {
      sheet.write(part.note, x + PAD_X, top + used + 1, inner, { ...NOTE, align: column.align });
    }
  });
  sheet.y += height;
  sheet.rule(sheet.y);
}

/** The index of the last cut whose start of `text` fits in `height`; -1 when none does. */
function lastFitting(sheet: Sheet, text: string, cuts: number[], width: number, height: number) {
  let low = 0;
  let high = cuts.length - 1;
  let best = -1;
  // Binary search: measuring wraps the whole candidate, so trying every cut would be slow.
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (sheet.measure(text.slice(0, cuts[mid]), width, BODY) <= height) {
      best = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return best;
}

/**
 * The longest start of `text` that fits in `height`, cut at a space where one allows it (else
 * between characters), and the rest.
 */
function splitText(sheet: Sheet, text: string, width: number, height: number): [string, string] {
  let cuts = [...text.matchAll(/\s+/g)].map((match) => match.index);
  let best = lastFitting(sheet, text, cuts, width, height);
  if (best < 0) {
    cuts = [...text].map((_, i) => i).slice(1);
    best = lastFitting(sheet, text, cuts, width, height);
  }
  if (best < 0) return ['', text];

  const cut = cuts[best]!;
  return [text.slice(0, cut).trimEnd(), text.slice(cut).trimStart()];
}

/** Splits a row too tall for any page into what fits in `height` now and what follows. */
function splitRow<Row>(sheet: Sheet, laid: Laid<Row>[], parts: Part[], height: number) {
  const head: Part[] = [];
  const tail: Part[] = [];
  parts.forEach((part, i) => {
    const inner = laid[i]!.inner;
    if (partHeight(sheet, part, inner) <= height) {
      head.push(part);
      tail.push({ text: '' });
      return;
    }
    // The note stays under the first piece, so that piece gets the height the note leaves.
    const note = partHeight(sheet, { text: '', note: part.note }, inner);
    const [now, later] = splitText(sheet, part.text, inner, height - note);
    head.push({ ...part, text: now });
    tail.push({ text: later });
  });
  return { head, tail };
}

/**
 * Draws `rows` under a header row from the cursor on, breaking pages as needed and repeating
 * the header on each new page. Callers show a sentence instead of a table without rows.
 */
export function drawTable<Row>(
  sheet: Sheet,
  columns: readonly Column<Row>[],
  rows: readonly Row[],
): void {
  const laid = place(columns);
  const headHeight = headerHeight(sheet, laid);
  const header = () => drawHeader(sheet, laid, headHeight);

  // A header alone at the foot of a page is useless: keep it with the first row.
  const cells = (row: Row) => columns.map((column) => partOf(column.cell(row)));
  const first = rows.length > 0 ? rowHeight(sheet, laid, cells(rows[0]!)) : 0;
  sheet.ensure(headHeight + Math.min(first, sheet.fullRoom() / 2));
  header();

  for (const row of rows) {
    let parts = cells(row);
    let height = rowHeight(sheet, laid, parts);

    while (height > sheet.room()) {
      // Move the row whole to the next page when it fits there; split it only when no page can
      // hold it, and then start here unless this page is nearly full.
      if (height <= sheet.fullRoom() - headHeight || sheet.room() < sheet.fullRoom() / 4) {
        sheet.newPage();
        header();
        if (height <= sheet.room()) break;
      }
      const { head, tail } = splitRow(sheet, laid, parts, sheet.room() - 2 * PAD_Y);
      if (head.every((part) => part.text === '')) {
        throw new RangeError('A table cell cannot be split to fit on a page');
      }
      drawParts(sheet, laid, head, sheet.room());
      sheet.newPage();
      header();
      parts = tail;
      height = rowHeight(sheet, laid, parts);
    }
    drawParts(sheet, laid, parts, height);
  }
}
