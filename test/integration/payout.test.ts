import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Core } from '../../src/app.js';
import type { CliCommand } from '../../src/cli/command.js';
import {
  payoutsAdjustCommand,
  payoutsListCommand,
  payoutsMarkPaidCommand,
} from '../../src/cli/payouts.command.js';
import {
  rulesCommitmentCommand,
  rulesLoadCommand,
  rulesShowCommand,
} from '../../src/cli/rules.command.js';
import type { Collaborator } from '../../src/domain/collaborator.js';
import type { Reply } from '../../src/conversation/types.js';
import { chatAs } from '../support/chat.js';
import { startTestCore } from '../support/core.js';
import { activeCollaborator } from '../support/register.js';

let core: Core;
let an: Collaborator;
let binh: Collaborator;
let chi: Collaborator;

async function run(command: CliCommand, ...args: string[]) {
  const lines: string[] = [];
  const code = await command.run(core, args, (line) => lines.push(line));
  return { code, lines };
}

const noticesTo = async (userId: string) =>
  (await core.store.playground.since(userId, 0)).map((message) => (message.reply as Reply).text);

/**
 * October 2026 by adjustments alone: An +2,500,000 (taxed 10%: 250,000), Bình +300,000,
 * Chi +2,000,000 with the 08/CK-TNCN commitment filed for 2026 (untaxed).
 */
beforeAll(async () => {
  core = await startTestCore();
  an = await activeCollaborator(core, 'an', { fullName: 'Lê Văn An', phone: '0906 100 001' });
  binh = await activeCollaborator(core, 'binh', { fullName: 'Đỗ Thị Bình', phone: '0906 100 002' });
  chi = await activeCollaborator(core, 'chi', { fullName: 'Vũ Thị Chi', phone: '0906 100 003' });

  const at = new Date('2026-10-15T03:00:00Z');
  const adjust = (who: Collaborator, amount: number, id: string) =>
    core.services.ledger.adjust({
      code: who.code,
      amount,
      reason: 'thưởng thi đua',
      actor: 'test',
      at,
      id,
    });
  await adjust(an, 2_500_000, 'pay-an');
  await adjust(binh, 300_000, 'pay-binh');
  await adjust(chi, 2_000_000, 'pay-chi');
});

afterAll(async () => {
  await core.database.close();
});

describe('the 08/CK-TNCN commitment', () => {
  it('is set from the command line per year, and spares the payout its tax', async () => {
    expect(await run(rulesCommitmentCommand, chi.code, 'on', '--year', '2026')).toEqual({
      code: 0,
      lines: [`${chi.code}: commitment for 2026 is now filed.`],
    });
    expect((await run(rulesCommitmentCommand, chi.code, 'on', '--year', '2026')).lines).toEqual([
      `${chi.code}: commitment for 2026 was already filed.`,
    ]);
    expect((await run(rulesCommitmentCommand, 'CTV9999', 'on')).code).toBe(1);
    expect((await run(rulesCommitmentCommand, chi.code, 'maybe')).code).toBe(2);

    const result = await core.services.monthClose.close(
      '2026-10',
      'test',
      new Date('2026-11-01T00:00:00Z'),
    );
    if (result.outcome !== 'closed') throw new Error(result.outcome);
    expect(
      (await core.services.payouts.list('2026-10')).map((p) => [
        p.collaboratorCode,
        p.gross,
        p.tax,
        p.net,
      ]),
    ).toEqual([
      [an.code, 2_500_000, 250_000, 2_250_000],
      [binh.code, 300_000, 0, 300_000],
      [chi.code, 2_000_000, 0, 2_000_000],
    ]);
  });
});

describe('marking payouts paid', () => {
  it('lists the month in chat with a button per unpaid payout', async () => {
    const admin = chatAs(core, 'admin');
    await admin.say('/payouts 2026-10');
    expect(admin.text).toBe(
      [
        '<b>Chi trả tháng 10/2026</b>: 3 CTV, 3 khoản chưa chi.',
        `<b>${an.code}</b> · Lê Văn An · thực nhận 2.250.000 ₫ · chưa chi`,
        `<b>${binh.code}</b> · Đỗ Thị Bình · thực nhận 300.000 ₫ · chưa chi`,
        `<b>${chi.code}</b> · Vũ Thị Chi · thực nhận 2.000.000 ₫ · chưa chi`,
        '',
        'Đánh dấu tất cả đã chi kèm mã giao dịch: /payout_paid all 2026-10 MÃ_GD',
      ].join('\n'),
    );
    expect(admin.last[0]!.choices!.map((row) => row[0]!.payload)).toEqual([
      `/payout_paid ${an.code} 2026-10`,
      `/payout_paid ${binh.code} 2026-10`,
      `/payout_paid ${chi.code} 2026-10`,
    ]);
  });

  it('marks one paid from its button; the collaborator is told once', async () => {
    const admin = chatAs(core, 'admin');
    await admin.say('/payouts 2026-10');
    const before = (await noticesTo('binh')).length;
    await admin.press(`✅ Đã chi ${binh.code}`);
    expect(admin.text).toBe(
      'Đã đánh dấu 1 khoản chi trả tháng 10/2026 là đã chi; cộng tác viên đã được báo.',
    );
    expect((await noticesTo('binh')).slice(before)).toEqual([
      '💸 Hoa hồng tháng 10/2026 đã được chuyển khoản: thực nhận <b>300.000 ₫</b> ' +
        '(đã khấu trừ thuế TNCN 0 ₫).',
    ]);

    await admin.say(`/payout_paid ${binh.code} 2026-10`);
    expect(admin.text).toBe(
      `Khoản chi trả tháng 10/2026 của ${binh.code} đã được đánh dấu từ trước.`,
    );
    expect((await noticesTo('binh')).slice(before)).toHaveLength(1);

    await admin.say('/payout_paid all 2026-10');
    expect(admin.text).toContain('Cách dùng: /payout_paid');
  });

  it('marks the rest of the month from the command line with the bank reference', async () => {
    expect(await run(payoutsMarkPaidCommand, '2026-10', '--ref', 'VCB-20261105')).toEqual({
      code: 0,
      lines: [
        'Marked 2 payouts of 2026-10 paid (reference VCB-20261105).',
        'Left as they were, paid before: 1.',
      ],
    });
    expect((await noticesTo('an')).at(-1)).toBe(
      '💸 Hoa hồng tháng 10/2026 đã được chuyển khoản: thực nhận <b>2.250.000 ₫</b> ' +
        '(đã khấu trừ thuế TNCN 250.000 ₫). Mã giao dịch: VCB-20261105.',
    );
    expect((await run(payoutsMarkPaidCommand, '2026-10', '--ref', 'again')).lines[0]).toBe(
      'Marked 0 payouts of 2026-10 paid (reference again).',
    );
    expect((await run(payoutsMarkPaidCommand, '2026-10')).code).toBe(2);

    const list = await run(payoutsListCommand, '2026-10');
    expect(list.lines).toEqual([
      'CODE     NAME         GROSS        TAX        NET          STATUS',
      `${an.code}  Lê Văn An    2.500.000 ₫  250.000 ₫  2.250.000 ₫  paid VCB-20261105`,
      `${binh.code}  Đỗ Thị Bình  300.000 ₫    0 ₫        300.000 ₫    paid`,
      `${chi.code}  Vũ Thị Chi   2.000.000 ₫  0 ₫        2.000.000 ₫  paid VCB-20261105`,
      '3 payouts.',
    ]);
    const audit = await core.store.audit.forSubject(`collaborator:${an.code}`);
    expect(audit.at(-1)).toMatchObject({ action: 'payout.paid', actor: 'cli:payouts' });
  });
});

describe('adjustments and rules from the command line', () => {
  it('adds an adjustment with a reason, once per id', async () => {
    const first = await run(
      payoutsAdjustCommand,
      an.code,
      '-50000',
      '--reason',
      'trừ phí ship',
      '--id',
      'cli-1',
    );
    expect(first.code).toBe(0);
    expect(first.lines[0]).toMatch(
      /^Adjustment adjustment:cli-1: -50\.000 ₫ for CTV0001 in \d{4}-\d{2}\.$/,
    );
    expect(
      (
        await run(
          payoutsAdjustCommand,
          an.code,
          '-50000',
          '--reason',
          'trừ phí ship',
          '--id',
          'cli-1',
        )
      ).lines,
    ).toEqual(['Adjustment adjustment:cli-1 exists already; nothing written.']);
    expect((await run(payoutsAdjustCommand, 'CTV9999', '1000', '--reason', 'xyz')).lines).toEqual([
      'Collaborator CTV9999 was not found.',
    ]);
    expect((await run(payoutsAdjustCommand, an.code, '1000')).code).toBe(2);
  });

  it('loads dated rule books and tax tables from a file, and shows what is in force', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ctv-rules-'));
    const file = path.join(dir, 'rules.json');
    writeFileSync(
      file,
      JSON.stringify({
        ruleBooks: [
          {
            effectiveFrom: '2027-01-01',
            defaultRate: '9',
            payoutMinimum: 500_000,
            tiers: [{ threshold: 30_000_000, rate: '1.5' }],
          },
        ],
        taxTables: [{ effectiveFrom: '2027-01-01', threshold: 3_000_000, rate: '10' }],
      }),
    );
    expect(await run(rulesLoadCommand, file, '--dry-run')).toEqual({
      code: 0,
      lines: ['The file is valid: 1 rule books and 1 tax tables (dry run: nothing written).'],
    });
    expect(await core.services.catalog.ruleBooks()).toEqual([]);
    expect((await run(rulesLoadCommand, file)).lines).toEqual([
      'Loaded 1 rule books and 1 tax tables.',
    ]);

    const shown = await run(rulesShowCommand, '--at', '2027-02-01T00:00:00+07:00');
    expect(shown.lines).toEqual(
      expect.arrayContaining([
        '  default rate       9%',
        '  tier from 30.000.000 ₫: +1.5%',
        '  payout minimum     500.000 ₫',
        '  recruiter override off',
        expect.stringMatching(/^ {2}income tax {9}10% of payments from 3\.000\.000 ₫/),
      ]),
    );
    const before = await run(rulesShowCommand, '--at', '2026-12-31T23:59:59+07:00');
    expect(before.lines).toContain('  payout minimum     200.000 ₫');

    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ruleBooks: [{ defaultRate: 'ten' }] }));
    const refused = await run(rulesLoadCommand, bad);
    expect(refused.code).toBe(2);
    expect(refused.lines[0]).toBe(`Refused ${bad}; nothing was loaded:`);
  });
});
