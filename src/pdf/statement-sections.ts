import { formatMoney, sumDong, type Dong } from '../domain/money.js';
import { formatDateVN } from '../domain/period.js';
import type { StatementItem, StatementModel, StatementOrder } from '../domain/statement.js';
import type { Translator } from '../i18n/i18n.js';
import { CONTENT_WIDTH, INK, PAGE, type Sheet } from './layout.js';
import { drawTable, type Column } from './table.js';

/**
 * The body of a statement, section by section, each drawn from the cursor down. Every value
 * is written as the model holds it; the only arithmetic here is layout.
 *
 * Catalogue messages get only dates, periods and counts as arguments, never names or reasons:
 * the translator escapes HTML for chat, which would put `&amp;` on paper.
 */

/** What every section needs: the model, its language and the sheet to draw on. */
export interface StatementContext {
  model: StatementModel;
  i18n: Translator;
  sheet: Sheet;
}

const GAP = 14;
const HEADING = { weight: 'bold', size: 11 } as const;
const MUTED = { size: 8.5, color: INK.muted } as const;

function money(ctx: StatementContext, amount: Dong): string {
  return formatMoney(amount, ctx.model.locale);
}

/** A section title, kept on the same page as at least `keepWith` points of what follows. */
function heading(ctx: StatementContext, text: string, keepWith: number): void {
  const { sheet } = ctx;
  sheet.y += GAP;
  const height = sheet.measure(text, CONTENT_WIDTH, HEADING);
  sheet.ensure(height + 4 + keepWith);
  sheet.y += sheet.write(text, PAGE.left, sheet.y, CONTENT_WIDTH, HEADING) + 4;
}

/** A muted sentence in place of an empty table. */
function sentence(ctx: StatementContext, text: string): void {
  ctx.sheet.y += ctx.sheet.write(text, PAGE.left, ctx.sheet.y, CONTENT_WIDTH, MUTED);
}

/** The period's orders: number (and state), date, product lines, amount, commission. */
export function drawOrders(ctx: StatementContext): void {
  const { model, i18n } = ctx;
  heading(ctx, i18n.t('statement-orders-heading', { count: model.orders.length }), 40);
  if (model.orders.length === 0) return sentence(ctx, i18n.t('statement-orders-none'));

  const columns: Column<StatementOrder>[] = [
    {
      header: i18n.t('statement-column-number'),
      width: 72,
      cell: (order) => ({
        text: order.number,
        note: order.state ? i18n.t(`statement-order-${order.state}`) : undefined,
      }),
    },
    {
      header: i18n.t('statement-column-date'),
      width: 64,
      cell: (order) => formatDateVN(order.submittedAt, model.locale),
    },
    {
      header: i18n.t('statement-column-products'),
      width: 0,
      // One product line per text line; a long name wraps inside its cell, whole.
      cell: (order) => order.lines.map((line) => `${line.name} × ${line.quantity}`).join('\n'),
    },
    {
      header: i18n.t('statement-column-amount'),
      width: 86,
      align: 'right',
      cell: (order) => money(ctx, order.amount),
    },
    {
      header: i18n.t('statement-column-commission'),
      width: 80,
      align: 'right',
      cell: (order) => money(ctx, order.commission),
    },
  ];
  drawTable(ctx.sheet, columns, model.orders);
}

/** Bonuses, clawbacks and adjustments with their reasons. */
export function drawItems(ctx: StatementContext): void {
  const { model, i18n } = ctx;
  heading(ctx, i18n.t('statement-items-heading'), 40);
  if (model.items.length === 0) return sentence(ctx, i18n.t('statement-items-none'));

  const columns: Column<StatementItem>[] = [
    {
      header: i18n.t('statement-column-kind'),
      width: 72,
      cell: (item) => i18n.t(`statement-kind-${item.kind}`),
    },
    { header: i18n.t('statement-column-reason'), width: 0, cell: (item) => item.reason },
    {
      header: i18n.t('statement-column-order'),
      width: 80,
      cell: (item) => item.orderNumber ?? '',
    },
    {
      header: i18n.t('statement-column-value'),
      width: 86,
      align: 'right',
      cell: (item) => money(ctx, item.amount),
    },
  ];
  drawTable(ctx.sheet, columns, model.items);
}

interface Entry {
  label: string;
  value: string;
  strong?: boolean;
}

const SUMMARY_WIDTH = 320;
const ROW_PAD = 3.5;

/** Gross, tax withheld, net payable, carried forward, then the payout: a block on the right. */
export function drawTotals(ctx: StatementContext): void {
  const { model, i18n, sheet } = ctx;
  const { totals, payout } = model;
  // Commission still in its holding period is in the table but not yet in the gross: say so,
  // or a month of fresh orders reads as "0 ₫ earned".
  const pending = sumDong(
    model.orders.filter((order) => order.state === 'pending').map((order) => order.commission),
  );
  const entries: Entry[] = [
    ...(pending > 0
      ? [{ label: i18n.t('statement-pending-total'), value: money(ctx, pending) }]
      : []),
    { label: i18n.t('statement-gross'), value: money(ctx, totals.gross) },
    { label: i18n.t('statement-tax-withheld'), value: money(ctx, totals.taxWithheld) },
    { label: i18n.t('statement-net'), value: money(ctx, totals.net), strong: true },
    { label: i18n.t('statement-carried-forward'), value: money(ctx, totals.carriedForward) },
    {
      label: i18n.t('statement-payout-state'),
      value: i18n.t(`statement-payout-${payout.state}`),
    },
  ];
  if (payout.reference) {
    entries.push({ label: i18n.t('statement-payout-reference'), value: payout.reference });
  }
  if (payout.paidAt) {
    const paidOn = formatDateVN(payout.paidAt, model.locale);
    entries.push({ label: i18n.t('statement-paid-at'), value: paidOn });
  }

  const left = PAGE.right - SUMMARY_WIDTH;
  // Labels as wide as the longest needs (within reason); values, often long states, get the rest.
  const widest = Math.max(...entries.map((e) => sheet.widthOf(e.label, { weight: 'bold' })));
  const labelWidth = Math.min(widest + 2, SUMMARY_WIDTH * 0.55);
  const valueWidth = SUMMARY_WIDTH - labelWidth - 16;
  const styleOf = (entry: Entry) =>
    ({ weight: entry.strong ? 'bold' : 'regular', size: 9 }) as const;
  const heights = entries.map((entry) => {
    const label = sheet.measure(entry.label, labelWidth, styleOf(entry));
    return Math.max(label, sheet.measure(entry.value, valueWidth, styleOf(entry))) + 2 * ROW_PAD;
  });

  // The summary is read as one block: it moves to the next page whole, with its heading.
  heading(ctx, i18n.t('statement-totals-heading'), sumHeights(heights));
  entries.forEach((entry, index) => {
    const height = heights[index]!;
    const style = styleOf(entry);
    if (entry.strong) sheet.band(left, sheet.y, SUMMARY_WIDTH, height);
    sheet.write(entry.label, left + 4, sheet.y + ROW_PAD, labelWidth, style);
    const valueLeft = PAGE.right - 4 - valueWidth;
    sheet.write(entry.value, valueLeft, sheet.y + ROW_PAD, valueWidth, {
      ...style,
      align: 'right',
    });
    sheet.y += height;
    sheet.rule(sheet.y, left, PAGE.right);
  });
}

function sumHeights(heights: readonly number[]): number {
  return heights.reduce((sum, height) => sum + height, 0);
}

/** The SHA-256 of the data, with a sentence on what it is for. */
export function drawVerification(ctx: StatementContext, digest: string): void {
  const { i18n, sheet } = ctx;
  const label = `${i18n.t('statement-digest')}: `;
  const labelWidth = sheet.widthOf(label, { size: 8.5 }) + 1;
  const digestWidth = CONTENT_WIDTH - labelWidth;
  const strong = { size: 8.5, weight: 'bold' } as const;
  const note = i18n.t('statement-digest-note');
  const block =
    sheet.measure(digest, digestWidth, strong) + 3 + sheet.measure(note, CONTENT_WIDTH, MUTED);

  heading(ctx, i18n.t('statement-verification-heading'), block);
  sheet.write(label, PAGE.left, sheet.y, labelWidth, { size: 8.5 });
  sheet.y += sheet.write(digest, PAGE.left + labelWidth, sheet.y, digestWidth, strong) + 3;
  sentence(ctx, note);
}
