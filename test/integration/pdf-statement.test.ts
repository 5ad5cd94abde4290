import { formatMoney } from '../../src/domain/money.js';
import { formatDateVN } from '../../src/domain/period.js';
import { statementDigest, type StatementModel } from '../../src/domain/statement.js';
import { Catalogue } from '../../src/i18n/i18n.js';
import { SAMPLE_LONG_PRODUCT, sampleStatement } from '../../src/pdf/statement-sample.js';
import { renderStatement } from '../../src/pdf/statement.renderer.js';
import { occurrences, pdfFontNames, pdfPages, squash } from '../support/pdf-text.js';

/**
 * The Vietnamese statement of a busy month (60 orders) for Nguyễn Thị Hương, read back from the
 * PDF with pdf.js: what a collaborator, their family or the tax office would read.
 */

const catalogue = new Catalogue();
const HEADER_ROW = 'Số đơn Ngày Sản phẩm Tiền đơn Hoa hồng';

let model: StatementModel;
let pdf: Buffer;
let pages: string[];
let all: string;

beforeAll(async () => {
  model = sampleStatement({ orders: 60 });
  pdf = await renderStatement(model, catalogue);
  pages = await pdfPages(pdf);
  all = squash(pages.join('\n'));
});

const vnd = (amount: number) => formatMoney(amount, 'vi');

describe('a 60-order Vietnamese statement', () => {
  test('is a PDF of at least two pages', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pages.length).toBeGreaterThanOrEqual(2);
  });

  test('gives back every string exactly as written, in NFC', () => {
    for (const page of pages) expect(page.normalize('NFC')).toBe(page);
    expect(all).toContain('Nguyễn Thị Hương'.normalize('NFC'));
    expect(all).toContain('Công ty TNHH Mỹ phẩm Hương Sen');
    expect(all).toContain(squash(model.business.address));
    expect(all).toContain('Bảng kê hoa hồng tháng 11/2026');
  });

  test('names the collaborator, their code and only the masked bank account', () => {
    expect(all).toContain('Cộng tác viên Nguyễn Thị Hương');
    expect(all).toContain('CTV0042');
    expect(all).toContain('Vietcombank · ••••••6789');
  });

  test('lists every order number exactly once', () => {
    const text = pages.join('\n');
    const counts = model.orders.map((order) => [order.number, occurrences(text, order.number)]);
    expect(counts).toEqual(model.orders.map((order) => [order.number, 1]));
  });

  test('repeats the header row on every page that holds orders', () => {
    const withOrders = pages.filter((page) => /DH-0001\d\d/.test(page));
    expect(withOrders.length).toBeGreaterThanOrEqual(2);
    for (const page of withOrders) expect(squash(page)).toContain(HEADER_ROW);
  });

  test('shows the long product name whole wherever it is ordered, wrapped but never cut', () => {
    const lines = model.orders.flatMap((order) => order.lines);
    const long = lines.filter((line) => line.name === SAMPLE_LONG_PRODUCT);
    expect(long.length).toBeGreaterThan(5);
    expect(occurrences(all, `${SAMPLE_LONG_PRODUCT} × `)).toBe(long.length);
    // It does not fit the column on one line: the PDF holds it as wrapped lines.
    expect(pages.join('\n')).not.toContain(SAMPLE_LONG_PRODUCT);
    // Nothing else was drawn with a quantity mark: no name was split into two lines of its own.
    expect(occurrences(all, ' × ')).toBe(lines.length);
  });

  test('shows each order as a row: number, state, date, product lines, amount, commission', () => {
    for (const order of model.orders) {
      const date = formatDateVN(order.submittedAt, 'vi');
      const state = order.state ? ' trả lại, không tính' : '';
      const lines = order.lines.map((line) => `${line.name} × ${line.quantity}`).join(' ');
      const money = `${vnd(order.amount)} ${vnd(order.commission)}`;
      expect(all).toContain(`${order.number}${state} ${date} ${lines} ${money}`);
    }
  });

  test('lists bonuses, clawbacks and adjustments with their whole reasons', () => {
    for (const item of model.items) {
      expect(all).toContain(squash(item.reason));
      expect(all).toContain(vnd(item.amount));
    }
    expect(all).toContain('Thu hồi');
    expect(all).toContain('-45.900 ₫');
  });

  test('shows the totals exactly as the model holds them', () => {
    const { totals } = model;
    expect(all).toContain(`Tổng hoa hồng ${vnd(totals.gross)}`);
    expect(all).toContain(`Thuế TNCN đã khấu trừ ${vnd(totals.taxWithheld)}`);
    expect(all).toContain(`Thực nhận ${vnd(totals.net)}`);
    expect(all).toContain(`Chuyển sang kỳ sau ${vnd(totals.carriedForward)}`);
  });

  test('shows the payout state, its reference and the day it was paid', () => {
    expect(all).toContain('Trạng thái chi trả Đã chuyển khoản');
    expect(all).toContain('Mã giao dịch FT26339012345678');
    expect(all).toContain('Ngày chi trả 05/12/2026');
  });

  test('numbers every page "Trang i/N"', () => {
    const count = pages.length;
    expect(pages[0]).toContain(`Trang 1/${count}`);
    expect(pages[count - 1]).toContain(`Trang ${count}/${count}`);
    pages.forEach((page, index) => expect(page).toContain(`Trang ${index + 1}/${count}`));
  });

  test('carries the id, version, SHA-256 of the data and time of making in Vietnam', () => {
    expect(all).toContain('Mã bảng kê BK-CTV0042-2026-11');
    expect(all).toContain('Phiên bản 1');
    expect(all).toContain(`SHA-256 của dữ liệu: ${statementDigest(model)}`);
    // Generated at 01:30 UTC on 1 December: 08:30 on the Vietnamese clock.
    expect(all).toContain('Lập lúc (giờ Việt Nam, GMT+7) 01/12/2026 08:30');
  });

  test('is not marked provisional when the month is closed', () => {
    expect(all).not.toContain('TẠM TÍNH');
  });

  test('embeds only subsets of DejaVu Sans: nothing fell back to Helvetica', () => {
    const fonts = pdfFontNames(pdf);
    expect(fonts).toHaveLength(2);
    for (const font of fonts) expect(font).toMatch(/^[A-Z]{6}\+DejaVuSans(-Bold)?$/);
    expect(pdf.includes('Helvetica')).toBe(false);
  });
});
