import { parseProduct, type Product } from './product.js';
import { fold } from './text.js';

/**
 * Reads a catalog file for the admin command line: CSV or JSON, UTF-8 with or without a byte
 * order mark. Every row is checked on its own and either accepted whole or refused with a
 * reason; nothing is written here, so a refused row can never be half-imported.
 */

/** The columns (CSV) or keys (JSON) a catalog file may have; the first four are required. */
export const CATALOG_COLUMNS = [
  'sku',
  'name',
  'category',
  'price',
  'commission_rate',
  'commission_fixed',
  'description',
  'photo_url',
  'active',
  'stock',
] as const;

const REQUIRED_COLUMNS = CATALOG_COLUMNS.slice(0, 4);

export type CatalogFormat = 'csv' | 'json';

/**
 * A row that was not imported. `row` is the spreadsheet row number for CSV (the header is
 * row 1) and the 1-based position in the array for JSON.
 */
export interface RefusedRow {
  row: number;
  sku?: string;
  reason: string;
}

/** The outcome of reading a catalog file. */
export interface CatalogImport {
  accepted: Product[];
  refused: RefusedRow[];
  /** Problems with the file as a whole (not UTF-8, missing columns …); then nothing is accepted. */
  problems: string[];
  /** Columns or keys that are not product fields and were left out. */
  ignored: string[];
}

/** A rectangular-ish table read from CSV; `unterminatedRow` is where an open quote began. */
export interface CsvTable {
  rows: string[][];
  unterminatedRow?: number;
}

/**
 * A small RFC 4180 reader: fields separated by `delimiter`, records by CRLF, LF or CR; a field
 * in double quotes may hold delimiters, line breaks and doubled quotes (`""`). A quote inside an
 * unquoted field is kept as a character, as spreadsheet programs do.
 */
export function parseCsv(text: string, delimiter = ','): CsvTable {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let quoteRow = 0;

  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char !== '"') field += char;
      else if (text[i + 1] === '"') field += text[(i += 1)];
      else quoted = false;
    } else if (char === '"' && field === '') {
      quoted = true;
      quoteRow = rows.length + 1;
    } else if (char === delimiter) {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      rows.push([...row, field]);
      row = [];
      field = '';
    } else {
      field += char;
    }
  }

  if (field !== '' || row.length > 0 || quoted) rows.push([...row, field]);
  return quoted ? { rows, unterminatedRow: quoteRow } : { rows };
}

/** `Photo URL`, `photoUrl`, ` PHOTO_URL ` → `photo_url`. */
function columnKey(name: string): string {
  return fold(name.replace(/([a-z])([A-Z])/g, '$1_$2')).replace(/[\s-]+/g, '_');
}

/** Decodes bytes as strict UTF-8 and drops a leading byte order mark. */
function decode(input: string | Buffer): string | undefined {
  let text: string;
  try {
    text =
      typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    return undefined;
  }
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/** Empty outcome carrying file-level problems. */
const failed = (...problems: string[]): CatalogImport => ({
  accepted: [],
  refused: [],
  problems,
  ignored: [],
});

/**
 * Reads a catalog from the file's contents. Without `format`, text starting with `[` is JSON and
 * anything else CSV (comma, semicolon or tab separated, told from the header). Duplicate SKUs
 * (compared in upper case) keep the first row; later ones are refused, naming that row.
 */
export function parseCatalog(input: string | Buffer, format?: CatalogFormat): CatalogImport {
  const text = decode(input);
  if (text === undefined) {
    return failed('The file is not UTF-8 text; save it as "CSV UTF-8" or JSON and try again.');
  }
  const kind = format ?? (text.trimStart().startsWith('[') ? 'json' : 'csv');
  return kind === 'json' ? readJson(text) : readCsv(text);
}

/** One record with its row number, keyed by normalised column name; `refusal` if unreadable. */
interface RawRow {
  row: number;
  cells: Record<string, unknown>;
  refusal?: string;
}

function readCsv(text: string): CatalogImport {
  const headerLine = /^[^\r\n]*/.exec(text)?.[0] ?? '';
  const delimiter = [',', ';', '\t'].find((d) => headerLine.includes(d)) ?? ',';
  const table = parseCsv(text, delimiter);

  const [header = [], ...body] = table.rows;
  const columns = header.map(columnKey);
  const problems = checkColumns(columns);
  if (problems.length > 0) return failed(...problems);

  const rows: RawRow[] = [];
  body.forEach((cells, index) => {
    const row = index + 2;
    if (cells.every((cell) => cell.trim() === '')) return;

    const record = Object.fromEntries(columns.map((column, i) => [column, cells[i] ?? '']));
    const refusal =
      table.unterminatedRow === row
        ? 'a quoted cell opened on this row is never closed (the rest of the file went into it)'
        : cells.length > columns.length
          ? `has ${cells.length} cells but the header has ${columns.length}; ` +
            `put cells containing "${delimiter}" (such as 129,900) in double quotes`
          : undefined;
    rows.push({ row, cells: record, ...(refusal !== undefined && { refusal }) });
  });

  return finish(rows, ignoredColumns(columns));
}

function readJson(text: string): CatalogImport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return failed(`The file is not valid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(data)) {
    return failed('A JSON catalog must be an array of products: [ {…}, … ]');
  }

  const rows: RawRow[] = [];
  const keys = new Set<string>();
  data.forEach((item: unknown, index) => {
    const row = index + 1;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      rows.push({ row, cells: {}, refusal: 'is not an object with product fields' });
      return;
    }
    const cells = Object.fromEntries(
      Object.entries(item).map(([key, value]) => [columnKey(key), value]),
    );
    Object.keys(cells).forEach((key) => keys.add(key));
    rows.push({ row, cells });
  });

  return finish(rows, ignoredColumns([...keys]));
}

function checkColumns(columns: string[]): string[] {
  if (columns.every((column) => column === '')) {
    return ['The file is empty: it needs a header row.'];
  }

  const problems: string[] = [];
  const missing = REQUIRED_COLUMNS.filter((column) => !columns.includes(column));
  if (missing.length > 0) {
    problems.push(
      `The header row lacks ${missing.join(', ')} (columns: ${CATALOG_COLUMNS.join(',')}).`,
    );
  }
  const repeated = columns.filter((column, i) => column !== '' && columns.indexOf(column) !== i);
  if (repeated.length > 0) {
    problems.push(`The header row repeats ${[...new Set(repeated)].join(', ')}.`);
  }
  return problems;
}

function ignoredColumns(columns: string[]): string[] {
  const known: readonly string[] = CATALOG_COLUMNS;
  return [...new Set(columns.filter((column) => column !== '' && !known.includes(column)))];
}

function skuOf(cell: unknown): string | undefined {
  const sku = typeof cell === 'string' || typeof cell === 'number' ? String(cell).trim() : '';
  return sku === '' ? undefined : sku.toUpperCase();
}

/**
 * Validates each row in file order. A SKU seen before is refused on every later row, even when
 * its first row was refused too: the admin has to say which copy is meant.
 */
function finish(rows: RawRow[], ignored: string[]): CatalogImport {
  if (rows.length === 0) return { ...failed('The file has no product rows.'), ignored };

  const accepted: Product[] = [];
  const refused: RefusedRow[] = [];
  const firstRow = new Map<string, number>();

  for (const { row, cells, refusal } of rows) {
    const sku = skuOf(cells.sku);
    const first = sku === undefined ? undefined : firstRow.get(sku);
    if (sku !== undefined && first === undefined) firstRow.set(sku, row);

    const result = refusal === undefined ? parseProduct(cells) : undefined;
    const reasons = result === undefined ? [refusal ?? ''] : result.ok ? [] : result.problems;
    if (first !== undefined) reasons.unshift(`duplicate sku ${sku}: row ${first} has it first`);

    if (result?.ok && reasons.length === 0) accepted.push(result.product);
    else refused.push({ row, ...(sku && { sku }), reason: reasons.join('; ') });
  }

  return { accepted, refused, problems: [], ignored };
}
