import { overrideBonus, tierBonus, tierReached } from './commission-rules.js';
import { ledgerKey, type LedgerDraft } from './ledger.js';
import { sumDong, type Dong } from './money.js';
import type { Period } from './period.js';
import type { RuleSettings } from './rule-book.js';
import { withholding, type TaxTable } from './tax.js';

/**
 * Month close as a pure plan: given each collaborator's month in numbers, the entries and
 * payouts that close it. The service approves what is due first, then feeds the sums in and
 * writes the plan with keyed upserts; because the sums leave out the close's own entries, a
 * second close computes the same plan and writes nothing new.
 */

/** One collaborator's month as month close sees it. */
export interface CloseAccount {
  collaboratorId: string;
  collaboratorCode: string;
  /** Who recruited them, for the override (when it is on). */
  referrerCode?: string;
  /** Net delivered sales counted in the period: the base of the tier bonus and the override. */
  sales: Dong;
  /** Approved balance of every period up to the closed one, without this close's entries. */
  approved: Dong;
  /** Filed the 08/CK-TNCN commitment for the period's year: no tax is withheld. */
  commitmentFiled: boolean;
}

/** The payout a close creates: one per (collaborator, period). */
export interface PayoutDraft {
  collaboratorId: string;
  collaboratorCode: string;
  period: Period;
  /** The payable amount: approved entries, bonuses and what was carried forward. */
  gross: Dong;
  tax: Dong;
  net: Dong;
}

/** A balance left for next month: under the payout minimum, or negative. */
export interface Carry {
  collaboratorId: string;
  collaboratorCode: string;
  amount: Dong;
}

/** What closing a month writes: ledger entries, payout records, and the balances it leaves. */
export interface ClosePlan {
  entries: LedgerDraft[];
  payouts: PayoutDraft[];
  carried: Carry[];
}

/** The rules month close reads: those of the book in force on the period's last day. */
export type CloseRules = Pick<RuleSettings, 'tiers' | 'payoutMinimum' | 'override'>;

/** Plans the close of `period` for the given accounts. */
export function planMonthClose(
  period: Period,
  accounts: readonly CloseAccount[],
  rules: CloseRules,
  taxTable: TaxTable,
): ClosePlan {
  const entries: LedgerDraft[] = [];
  const bonuses = new Map<string, Dong[]>();
  const byCode = new Map(accounts.map((account) => [account.collaboratorCode, account]));
  const add = (code: string, amount: Dong) =>
    bonuses.set(code, [...(bonuses.get(code) ?? []), amount]);

  for (const account of accounts) {
    const bonus = tierBonus(rules.tiers, account.sales);
    if (bonus === 0) continue;
    entries.push({
      ...owner(account),
      key: ledgerKey.tier(account.collaboratorCode, period),
      kind: 'tier',
      amount: bonus,
      base: account.sales,
      rate: tierReached(rules.tiers, account.sales)!.rate,
      period,
    });
    add(account.collaboratorCode, bonus);
  }

  for (const recruit of accounts) {
    const referrer = recruit.referrerCode ? byCode.get(recruit.referrerCode) : undefined;
    const bonus = overrideBonus(rules.override, recruit.sales);
    if (!referrer || referrer === recruit || bonus === 0) continue;
    entries.push({
      ...owner(referrer),
      key: ledgerKey.override(referrer.collaboratorCode, recruit.collaboratorCode, period),
      kind: 'override',
      amount: bonus,
      base: recruit.sales,
      rate: rules.override.rate,
      period,
      reason: recruit.collaboratorCode,
    });
    add(referrer.collaboratorCode, bonus);
  }

  const payouts: PayoutDraft[] = [];
  const carried: Carry[] = [];
  for (const account of accounts) {
    const gross = sumDong([account.approved, ...(bonuses.get(account.collaboratorCode) ?? [])]);
    if (gross <= 0 || gross < rules.payoutMinimum) {
      if (gross !== 0) carried.push({ ...owner(account), amount: gross });
      continue;
    }

    const { tax, rate } = withholding(gross, taxTable, account.commitmentFiled);
    const net = gross - tax;
    if (tax > 0) {
      entries.push({
        ...owner(account),
        key: ledgerKey.tax(account.collaboratorCode, period),
        kind: 'tax',
        amount: -tax,
        base: gross,
        rate,
        period,
      });
    }
    entries.push({
      ...owner(account),
      key: ledgerKey.payout(account.collaboratorCode, period),
      kind: 'payout',
      amount: -net,
      base: gross,
      period,
    });
    payouts.push({ ...owner(account), period, gross, tax, net });
  }
  return { entries, payouts, carried };
}

function owner(account: CloseAccount) {
  return { collaboratorId: account.collaboratorId, collaboratorCode: account.collaboratorCode };
}
