import { createRequire } from 'node:module';

/**
 * The statement's fonts: DejaVu Sans from the `dejavu-fonts-ttf` package. A complete TrueType
 * file is needed because pdfkit's built-in Helvetica has no Vietnamese letters ("Nguyễn" comes
 * out as "NguyÅn"), and fonts split by Unicode range lose the Latin letters Vietnamese shares
 * with other languages. pdfkit embeds only the glyphs a document uses (a subset), so the whole
 * font costs nothing in the output, and reading it from node_modules fetches nothing at run time.
 */

const require = createRequire(import.meta.url);

/** The weights the statement uses. */
export type FontWeight = 'regular' | 'bold';

/**
 * Absolute paths of the font files. pdfkit caches an opened font under the string it was given,
 * so always passing these exact paths parses each file once per document.
 *
 * TODO(#5): parse each font once per process and hand pdfkit the parsed font; about half of a
 * typical render (~22 of ~45 ms) is this per-document parsing, and it needs fontkit as a direct
 * dependency.
 */
export const STATEMENT_FONTS: Readonly<Record<FontWeight, string>> = Object.freeze({
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
});
