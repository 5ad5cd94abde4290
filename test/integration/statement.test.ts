import type { Core } from '../../src/app.js';
import type { Collaborator } from '../../src/domain/collaborator.js';
import type { ReadyStatement, StatementResult } from '../../src/services/statement.service.js';
import { LEDGER_PRODUCTS } from '../fixtures/ledger-orders.js';
import { OCTOBER_CLOSE, scriptOctober } from '../fixtures/statement-october.js';
import { startTestCore } from '../support/core.js';
import { seedProducts } from '../support/orders.js';
import { pdfPages, squash } from '../support/pdf-text.js';
import { activeCollaborator } from '../support/register.js';

let core: Core;
let huong: Collaborator;
let minh: Collaborator;
let numbers: Record<string, string>;
const NOV_20 = new Date('2026-11-20T03:00:00Z');

function ready(result: StatementResult): ReadyStatement {
  if (result.outcome !== 'ready') throw new Error(`no statement: ${result.outcome}`);
  return result;
}

beforeAll(async () => {
  core = await startTestCore({ BUSINESS_NAME: 'Công ty TNHH Hương Sen' });
  await seedProducts(core, LEDGER_PRODUCTS);
  huong = await activeCollaborator(core, 'huong', {
    fullName: 'Nguyễn Thị Hương',
    phone: '0905 000 001',
    accountNumber: '0011 0023 4567 89',
  });
  minh = await activeCollaborator(core, 'minh', {
    fullName: 'Trần Văn Minh',
    phone: '0905 000 002',
  });
  numbers = await scriptOctober(core, huong, minh);
  const closed = await core.services.monthClose.close('2026-10', 'test', OCTOBER_CLOSE);
  if (closed.outcome !== 'closed') throw new Error(closed.outcome);
}, 60_000);

afterAll(async () => {
  await core.database.close();
});

describe('the statement of a closed month', () => {
  it('has the totals of the ledger: payout gross, tax, net, nothing carried', async () => {
    const { model, activity } = await core.services.statements.preview(huong, '2026-10', NOV_20);
    expect(activity).toBe(true);
    const payout = (await core.services.payouts.of(huong.id, '2026-10'))!;
    // Approved 52,610 + 2,000,000 + 20,000 (O4, clawed back −20,000) + tier 412,990
    // = 2,465,600; tax 10% = 246,560; net 2,219,040.
    expect(model.totals).toEqual({
      gross: payout.gross,
      taxWithheld: payout.tax,
      net: payout.net,
      carriedForward: 0,
    });
    expect(model.totals).toEqual({
      gross: 2_465_600,
      taxWithheld: 246_560,
      net: 2_219_040,
      carriedForward: 0,
    });
    expect(model.payout).toEqual({ state: 'pending' });
    expect(model.provisional).toBe(false);
    expect(model.collaborator).toEqual({
      code: huong.code,
      fullName: 'Nguyễn Thị Hương',
      bankName: 'Techcombank',
      maskedAccount: '••••••6789',
    });

    // Oldest delivery first; the void earns nothing, the pending one waits for November.
    expect(model.orders.map((o) => [o.number, o.commission, o.state])).toEqual([
      [numbers.O4, 20_000, 'clawed-back'],
      [numbers.O1, 52_610, undefined],
      [numbers.O2, 2_000_000, undefined],
      [numbers.O3, 0, 'voided'],
      [numbers.O5, 5_846, 'pending'],
    ]);
    expect(model.orders[1]).toMatchObject({
      amount: 1_169_100,
      lines: [{ name: 'Kem chống nắng SPF50', quantity: 9 }],
    });
    expect(model.items).toEqual([
      {
        kind: 'bonus',
        amount: 412_990,
        reason: 'Thưởng doanh số: doanh số trong tháng 41.299.000 ₫, thưởng 1%',
      },
      {
        kind: 'clawback',
        amount: -20_000,
        orderNumber: numbers.O4,
        reason: 'Thu hồi hoa hồng: đơn bị trả lại sau khi đã duyệt: hỏng',
      },
    ]);
  });

  it('words bonuses and clawbacks without markup in both languages: they are printed', () => {
    for (const locale of ['vi', 'en'] as const) {
      const i18n = core.catalogue.translator(locale);
      const reasons = core.catalogue.keys(locale).filter((key) => key.includes('-chat-reason-'));
      expect(reasons).toHaveLength(5);
      for (const key of reasons) {
        expect(i18n.t(key, { sales: '1.000 ₫', rate: '1', code: 'CTV0001' })).not.toMatch(/[<>&]/);
      }
    }
  });

  it('carries Minh’s small month forward, as the ledger does', async () => {
    const { model } = await core.services.statements.preview(minh, '2026-10', NOV_20);
    expect(model.totals).toEqual({ gross: 9_900, taxWithheld: 0, net: 0, carriedForward: 9_900 });
    expect(model.payout).toEqual({ state: 'carried-forward' });
    expect(await core.services.ledger.balances(minh.id)).toEqual({ pending: 0, approved: 9_900 });
  });

  it('is a PDF that says what the model says', async () => {
    const { statement, pdf } = ready(await core.services.statements.get(huong, '2026-10', NOV_20));
    expect(statement.fileName).toBe(`sao-ke-${huong.code}-2026-10.pdf`);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = squash((await pdfPages(pdf)).join('\n'));
    expect(text).toContain('Bảng kê hoa hồng tháng 10/2026');
    expect(text).toContain('Nguyễn Thị Hương');
    for (const number of Object.values(numbers).filter((n) => n !== numbers.M1)) {
      expect(text).toContain(number);
    }
    expect(text).not.toContain(numbers.M1);
    expect(text).toContain('2.219.040 ₫');
    expect(text).not.toContain('TẠM TÍNH');
  });
});

describe('an open month', () => {
  it('gives a provisional statement: O5 approved and O1 clawed back so far', async () => {
    await core.services.ledger.daily(new Date('2026-11-04T17:10:00Z'));
    const admin = { role: 'admin' as const, id: 'web:admin' };
    const at = new Date('2026-11-10T03:00:00Z');
    await core.services.orders.move(numbers.O1!, 'returned', admin, at, 'đổi ý');

    const result = ready(await core.services.statements.get(huong, '2026-11', NOV_20));
    expect(result.statement.provisional).toBe(true);
    const { model } = await core.services.statements.preview(huong, '2026-11', NOV_20);
    // 5,846 approved − 52,610 clawed back; nothing is paid or carried before the close.
    expect(model.totals).toEqual({ gross: -46_764, taxWithheld: 0, net: 0, carriedForward: 0 });
    expect(model.payout).toEqual({ state: 'not-due' });
    expect(model.orders.map((o) => o.number)).toEqual([numbers.O5]);
    const text = squash((await pdfPages(result.pdf)).join('\n'));
    expect(text).toContain('TẠM TÍNH');
  });

  it('answers politely when there was no activity, or the month has not begun', async () => {
    const lan = await activeCollaborator(core, 'lan', { phone: '0905 000 003' });
    expect(await core.services.statements.get(lan, '2026-10', NOV_20)).toEqual({
      outcome: 'no-activity',
      period: '2026-10',
    });
    expect(await core.services.statements.get(huong, '2026-12', NOV_20)).toEqual({
      outcome: 'future',
      period: '2026-12',
    });
    expect(await core.services.statements.versions(lan.id, '2026-10')).toEqual([]);
  });
});

describe('versions', () => {
  it('the same ledger gives the stored statement; a new entry makes version 2, keeping 1', async () => {
    const first = ready(await core.services.statements.get(huong, '2026-11', NOV_20));
    const again = ready(await core.services.statements.get(huong, '2026-11', NOV_20));
    expect(again.created).toBe(false);
    expect(again.statement).toEqual(first.statement);
    expect(again.pdf.equals(first.pdf)).toBe(true);

    await core.services.ledger.adjust({
      code: huong.code,
      amount: 30_000,
      reason: 'Bù phí ship đơn DH-000001',
      actor: 'web:admin',
      at: new Date('2026-11-21T03:00:00Z'),
      id: 'ship-1',
    });
    const second = ready(await core.services.statements.get(huong, '2026-11', NOV_20));
    expect(second.created).toBe(true);
    expect(second.statement.version).toBe(2);
    expect(second.statement.digest).not.toBe(first.statement.digest);

    const versions = await core.services.statements.versions(huong.id, '2026-11');
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions[0]).toEqual(first.statement);
    const text = squash((await pdfPages(second.pdf)).join('\n'));
    expect(text).toContain('Bù phí ship đơn DH-000001');
  });

  it('a closed month changes only when its payout does: paid makes version 2', async () => {
    const before = ready(await core.services.statements.get(huong, '2026-10', NOV_20));
    expect(before.statement.version).toBe(1);
    await core.services.payouts.markPaid({
      period: '2026-10',
      code: huong.code,
      reference: 'VCB-20261105',
      actor: 'web:admin',
      at: new Date('2026-11-05T03:00:00Z'),
    });
    const after = ready(await core.services.statements.get(huong, '2026-10', NOV_20));
    expect(after.statement.version).toBe(2);
    expect(squash((await pdfPages(after.pdf)).join('\n'))).toContain('VCB-20261105');
  });
});
