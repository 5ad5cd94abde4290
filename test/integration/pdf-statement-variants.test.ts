import { formatMoney } from '../../src/domain/money.js';
import {
  PAYOUT_STATES,
  STATEMENT_ORDER_STATES,
  type StatementModel,
} from '../../src/domain/statement.js';
import { Catalogue } from '../../src/i18n/i18n.js';
import { sampleStatement } from '../../src/pdf/statement-sample.js';
import { renderStatement } from '../../src/pdf/statement.renderer.js';
import { occurrences, pdfFontNames, pdfPages, squash } from '../support/pdf-text.js';

/** Statements other than the plain Vietnamese month: English, provisional, empty, odd data. */

const catalogue = new Catalogue();

async function read(model: StatementModel): Promise<{ pdf: Buffer; pages: string[] }> {
  const pdf = await renderStatement(model, catalogue);
  return { pdf, pages: await pdfPages(pdf) };
}

describe('an English statement', () => {
  let model: StatementModel;
  let pages: string[];
  let all: string;

  beforeAll(async () => {
    model = sampleStatement({ orders: 30, locale: 'en', provisional: true });
    ({ pages } = await read(model));
    all = squash(pages.join('\n'));
  });

  test('has English labels and no Vietnamese ones', () => {
    expect(all).toContain('Commission statement for November 2026');
    expect(all).toContain('Order no. Date Products Order amount Commission');
    expect(all).toContain('Bonuses, clawbacks and adjustments');
    expect(all).toContain('Collaborator Nguyễn Thị Hương');
    expect(all).toContain('Generated (Vietnam time, GMT+7) 1 Dec 2026, 08:30');
    for (const word of ['Bảng kê', 'Số đơn', 'Hoa hồng', 'Thực nhận', 'Trang']) {
      expect(all).not.toContain(word);
    }
  });

  test('writes amounts the English way: ₫1,250,000', () => {
    const order = model.orders.find((o) => o.amount >= 1_000_000)!;
    expect(formatMoney(order.amount, 'en')).toMatch(/^₫\d{1,3}(,\d{3})+$/);
    expect(all).toContain(
      `${formatMoney(order.amount, 'en')} ${formatMoney(order.commission, 'en')}`,
    );
    expect(all).toContain(`Net payable ${formatMoney(model.totals.net, 'en')}`);
    expect(all).toContain('-₫45,900');
    expect(all).not.toMatch(/\d\.\d{3} ₫/);
  });

  test('is marked PROVISIONAL on every page, with no payout due yet', () => {
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) expect(page).toContain('PROVISIONAL');
    expect(all).toContain('This month is not closed yet');
    expect(all).toContain('Payout Not due yet (month not closed)');
  });

  test('numbers its pages "Page i of N"', () => {
    pages.forEach((page, index) => expect(page).toContain(`Page ${index + 1} of ${pages.length}`));
  });
});

describe('a provisional Vietnamese statement', () => {
  test('says TẠM TÍNH on every page', async () => {
    const { pages } = await read(sampleStatement({ orders: 40, provisional: true }));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) expect(page).toContain('TẠM TÍNH');
  });

  test('shows the commission still awaiting approval beside the totals', async () => {
    const model = sampleStatement({ orders: 3, noItems: true, provisional: true });
    model.orders = model.orders.map((order, index) =>
      index === 0 ? { ...order, state: 'pending' as const, commission: 52_610 } : order,
    );
    const { pages } = await read(model);
    const all = squash(pages.join('\n'));
    expect(all).toContain('Hoa hồng chờ duyệt (chưa tính vào tổng) 52.610 ₫');
  });
});

describe('a statement without orders or items', () => {
  test('renders one page that says so, with zero totals', async () => {
    const model = sampleStatement({ orders: 0, noItems: true, provisional: true });
    const { pdf, pages } = await read(model);
    const all = squash(pages.join('\n'));

    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pages).toHaveLength(1);
    expect(all).toContain('Đơn hàng trong kỳ (0 đơn) Không có đơn hàng nào trong kỳ.');
    expect(all).toContain('Không có khoản thưởng, thu hồi hay điều chỉnh nào.');
    expect(all).toContain('Thực nhận 0 ₫');
    expect(all).toContain('Trang 1/1');
    expect(all).not.toContain('Số đơn Ngày');
    expect(pdfFontNames(pdf).every((name) => name.includes('DejaVuSans'))).toBe(true);
  });
});

describe('rendering', () => {
  test('gives the same bytes for the same statement, so a stored copy can be made again', async () => {
    const first = await renderStatement(sampleStatement({ orders: 5 }), catalogue);
    const again = await renderStatement(sampleStatement({ orders: 5 }), catalogue);
    expect(again.equals(first)).toBe(true);
  });
});

describe('awkward data', () => {
  test('a decomposed name comes out in NFC; markup characters stay literal', async () => {
    const model = sampleStatement({ orders: 2 });
    model.collaborator = { ...model.collaborator, fullName: 'Nguyễn Thị Hương'.normalize('NFD') };
    model.business = { ...model.business, name: 'Lan & Hoa <Mỹ phẩm>' };
    const all = squash((await read(model)).pages.join('\n'));

    expect(all).toContain('Nguyễn Thị Hương'.normalize('NFC'));
    expect(all).not.toContain('Nguyễn Thị Hương'.normalize('NFD'));
    expect(all).toContain('Lan & Hoa <Mỹ phẩm>');
    expect(all).not.toContain('&amp;');
  });

  test('a reason longer than a page is split between pages, every word kept once', async () => {
    const words = Array.from({ length: 1600 }, (_, i) => `w${String(i).padStart(4, '0')}`);
    const model = sampleStatement({ orders: 3 });
    model.items = [{ kind: 'adjustment', reason: words.join(' '), amount: 1_000 }];
    const { pages } = await read(model);
    const text = pages.join('\n');

    expect(pages.length).toBeGreaterThanOrEqual(3);
    const missing = words.filter((word) => occurrences(text, word) !== 1);
    expect(missing).toEqual([]);
    // Each page the long row reaches starts with the items' header row.
    const reached = pages.filter((page) => /w\d{4}/.test(page));
    for (const page of reached.slice(1)) expect(squash(page)).toContain('Loại Lý do Đơn Số tiền');
  });

  test('every payout state, order state and item kind has words in both languages', () => {
    const keys = [
      ...PAYOUT_STATES.map((state) => `statement-payout-${state}`),
      ...STATEMENT_ORDER_STATES.map((state) => `statement-order-${state}`),
      ...['bonus', 'clawback', 'adjustment'].map((kind) => `statement-kind-${kind}`),
    ];
    for (const locale of ['vi', 'en'] as const) {
      const i18n = catalogue.translator(locale);
      const missing = keys.filter((key) => i18n.t(key) === key);
      expect(missing).toEqual([]);
      // Printed, not sent to a chat: no markup may reach the page. (`statement-chat-` messages
      // are the chat's; the reasons among them that are printed are checked with the service.)
      const printed = (k: string) => k.startsWith('statement-') && !k.startsWith('statement-chat-');
      for (const key of catalogue.keys(locale).filter(printed)) {
        expect(i18n.t(key, { period: 'P', count: 2, page: '1', pages: '2' })).not.toMatch(/[<>]/);
      }
    }
  });

  test('a statement with an amount that is not whole đồng is refused, not printed', async () => {
    const model = sampleStatement({ orders: 2 });
    model.totals = { ...model.totals, net: 10.5 };
    await expect(renderStatement(model, catalogue)).rejects.toThrow(/totals\.net/);
  });
});
