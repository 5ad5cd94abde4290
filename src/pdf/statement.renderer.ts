import { formatDateVN, formatPeriod } from '../domain/period.js';
import { statementDigest, statementProblems, type StatementModel } from '../domain/statement.js';
import type { Catalogue } from '../i18n/i18n.js';
import { CONTENT_WIDTH, INK, PAGE, Sheet } from './layout.js';
import {
  drawItems,
  drawOrders,
  drawTotals,
  drawVerification,
  type StatementContext,
} from './statement-sections.js';

/**
 * The monthly commission statement as an A4 PDF: a business header, the collaborator, the
 * period's orders, bonuses and clawbacks, the totals and the payout, then the digest of the
 * data. Pages after the first carry a running header naming the collaborator, every page a
 * footer with the statement id and "Trang 1/3", and a provisional statement a mark on every
 * page, so that no single sheet can pass for something it is not.
 */

/** Room for the running header on pages after the first. */
const RUNNING_HEADER = 24;
const STAMP_WIDTH = 118;

/** A label above its value, as in the block under the title. */
function field(
  ctx: StatementContext,
  x: number,
  y: number,
  width: number,
  label: string,
  value: string,
) {
  const { sheet } = ctx;
  const top = sheet.write(label, x, y, width, { size: 7.5, color: INK.muted });
  return top + 1 + sheet.write(value, x, y + top + 1, width, { size: 9.5, weight: 'bold' });
}

/** Business, title, the provisional note, then who and what the statement is about. */
function drawHeading(ctx: StatementContext, title: string): void {
  const { model, i18n, sheet } = ctx;
  const nameWidth = CONTENT_WIDTH - STAMP_WIDTH - 12;

  sheet.y += sheet.write(model.business.name, PAGE.left, sheet.y, nameWidth, {
    weight: 'bold',
    size: 13,
  });
  sheet.y += 2;
  sheet.y += sheet.write(model.business.address, PAGE.left, sheet.y, nameWidth, {
    size: 8.5,
    color: INK.muted,
  });
  sheet.y += 8;
  sheet.rule(sheet.y);
  sheet.y += 12;

  sheet.y += sheet.write(title, PAGE.left, sheet.y, CONTENT_WIDTH, { weight: 'bold', size: 16 });
  if (model.provisional) {
    sheet.y += 3;
    const note = i18n.t('statement-provisional-note');
    sheet.y += sheet.write(note, PAGE.left, sheet.y, CONTENT_WIDTH, {
      size: 9,
      color: INK.alert,
    });
  }
  sheet.y += 10;

  const { collaborator } = model;
  const generated = formatDateVN(model.generatedAt, model.locale, { time: true });
  const grid: [string, string][][] = [
    [
      [i18n.t('statement-collaborator'), collaborator.fullName],
      [
        i18n.t('statement-bank-account'),
        `${collaborator.bankName} · ${collaborator.maskedAccount}`,
      ],
    ],
    [
      [i18n.t('statement-code'), collaborator.code],
      [i18n.t('statement-version'), String(model.version)],
    ],
    [
      [i18n.t('statement-id'), model.statementId],
      [i18n.t('statement-generated-at'), generated],
    ],
  ];
  const widths = [200, 95, CONTENT_WIDTH - 200 - 95];

  for (let row = 0; row < 2; row += 1) {
    let x = PAGE.left;
    let height = 0;
    grid.forEach((column, index) => {
      const [label, value] = column[row]!;
      const width = widths[index]!;
      height = Math.max(height, field(ctx, x, sheet.y, width - 10, label, value));
      x += width;
    });
    sheet.y += height + 8;
  }
}

/** What goes on every page once the page count is known. */
function stamp(ctx: StatementContext, title: string, page: number, pages: number): void {
  const { model, i18n, sheet } = ctx;
  const small = { size: 7.5, color: INK.muted } as const;

  if (page > 1) {
    const who = `${model.collaborator.fullName} · ${model.collaborator.code}`;
    sheet.line(who, PAGE.left, PAGE.top, small);
    sheet.line(title, PAGE.right, PAGE.top, { ...small, align: 'right' });
    sheet.rule(PAGE.top + 13);
  }

  if (model.provisional) {
    // Above the top margin, clear of the content, like a rubber stamp.
    const x = PAGE.right - STAMP_WIDTH;
    sheet.doc.save().lineWidth(1.2).strokeColor(INK.alert).rect(x, 14, STAMP_WIDTH, 19).stroke();
    sheet.doc.restore();
    const mark = i18n.t('statement-provisional');
    const style = { weight: 'bold', size: 10, color: INK.alert } as const;
    const width = sheet.widthOf(mark, style);
    sheet.line(mark, x + (STAMP_WIDTH - width) / 2, 18.5, style);
  }

  sheet.rule(PAGE.footer - 6);
  const id = `${i18n.t('statement-id')} ${model.statementId}`;
  const version = `${i18n.t('statement-version')} ${model.version}`;
  sheet.line(`${id} · ${version}`, PAGE.left, PAGE.footer, small);
  const number = i18n.t('statement-page', { page: String(page), pages: String(pages) });
  sheet.line(number, PAGE.right, PAGE.footer, { ...small, align: 'right' });
}

/**
 * Draws `model` as a PDF in the collaborator's language (labels from `catalogue`, amounts by
 * `formatMoney`, dates on the Vietnamese clock) and returns its bytes. Throws a RangeError
 * listing every problem when the model would print something wrong (see statementProblems).
 */
export async function renderStatement(
  model: StatementModel,
  catalogue: Catalogue,
): Promise<Buffer> {
  const problems = statementProblems(model);
  if (problems.length > 0) {
    throw new RangeError(`Statement ${model.statementId} is not sound: ${problems.join('; ')}`);
  }

  const i18n = catalogue.translator(model.locale);
  const title = i18n.t('statement-title', { period: formatPeriod(model.period, model.locale) });
  const sheet = new Sheet(
    { title, author: model.business.name, lang: model.locale, createdAt: model.generatedAt },
    PAGE.top + RUNNING_HEADER,
  );
  const ctx: StatementContext = { model, i18n, sheet };

  drawHeading(ctx, title);
  drawOrders(ctx);
  drawItems(ctx);
  drawTotals(ctx);
  drawVerification(ctx, statementDigest(model));
  return sheet.finish((page, pages) => stamp(ctx, title, page, pages));
}
