import { planMonthClose, type CloseAccount } from '../domain/month-close.js';
import { sumDong, type Dong } from '../domain/money.js';
import { periodBounds, periodOf, type Period } from '../domain/period.js';
import { ruleSettings, type RuleBook } from '../domain/rule-book.js';
import { taxTableAt } from '../domain/tax.js';
import { createLedgerRepository } from '../store/ledger.repository.js';
import { createPayoutRepository } from '../store/payout.repository.js';
import type { Store } from '../store/repositories.js';
import type { LedgerService } from './ledger.service.js';

/** What a month close did; amounts are totals over all collaborators (no names). */
export interface CloseReport {
  period: Period;
  /** False when an earlier run had already closed the month. */
  firstRun: boolean;
  approved: number;
  newEntries: number;
  tiers: { count: number; total: Dong };
  overrides: { count: number; total: Dong };
  payouts: { count: number; gross: Dong; tax: Dong; net: Dong };
  carried: { count: number; total: Dong };
}

/** The report of a close, or why the month cannot be closed yet. */
export type CloseResult =
  | { outcome: 'closed'; report: CloseReport }
  | { outcome: 'not-ended'; period: Period; current: Period }
  | { outcome: 'superseded'; period: Period; latest: Period };

interface Deps {
  store: Store;
  ledger: LedgerService;
  catalog: { ruleBookAt(at: Date): Promise<RuleBook> };
  /** Told after every close that ran (statements queue their sending on the first). */
  onClosed?(report: CloseReport): Promise<void>;
}

/**
 * Closes a month: approves what became due in it, adds tier bonuses (and overrides when on),
 * withholds tax and creates the payouts, carrying forward what stays under the minimum.
 * Everything it writes is keyed, and its sums leave out its own entries, so running it again
 * computes the same plan and changes nothing.
 */
export function createMonthCloseService({ store, ledger, catalog, onClosed }: Deps) {
  const entries = createLedgerRepository(store.connection);
  const payouts = createPayoutRepository(store.connection);

  /** Each collaborator's sums, with referrer links, and referrers who earned nothing else. */
  async function accounts(period: Period, overrideOn: boolean): Promise<CloseAccount[]> {
    const sums = await entries.closeSums(period);
    const links = new Map(
      (await entries.collaboratorLinks({ ids: sums.map((row) => row.collaboratorId) })).map(
        (link) => [link.id, link],
      ),
    );
    const list: Omit<CloseAccount, 'commitmentFiled'>[] = sums.map((row) => ({
      ...row,
      referrerCode: links.get(row.collaboratorId)?.referrerCode,
    }));

    if (overrideOn) {
      const known = new Set(list.map((account) => account.collaboratorCode));
      const missing = [...new Set(list.flatMap((a) => (a.referrerCode ? [a.referrerCode] : [])))];
      const referrers = await entries.collaboratorLinks({
        codes: missing.filter((code) => !known.has(code)),
      });
      for (const referrer of referrers) {
        list.push({
          collaboratorId: referrer.id,
          collaboratorCode: referrer.code,
          sales: 0,
          approved: 0,
        });
      }
    }

    const year = Number(period.slice(0, 4));
    const filed = await payouts.commitments.filed(
      list.map((a) => a.collaboratorId),
      year,
    );
    return list.map((account) => ({
      ...account,
      commitmentFiled: filed.has(account.collaboratorId),
    }));
  }

  return {
    /**
     * Closes `period` as `actor` at `now`. A month that has not ended in Vietnam yet (the
     * current one or a later one) is refused: its sales are still coming in.
     */
    async close(period: Period, actor: string, now: Date): Promise<CloseResult> {
      const current = periodOf(now);
      if (period >= current) return { outcome: 'not-ended', period, current };

      // A later month's close already paid everything approved up to its end, this month's
      // included: closing this one now would pay the same commission a second time.
      const latest = await entries.closes.latest();
      if (latest !== undefined && period < latest) {
        return { outcome: 'superseded', period, latest };
      }

      const { end } = periodBounds(period);
      const lastInstant = new Date(end.getTime() - 1);
      const { approved } = await ledger.approveDue(end, undefined, actor);

      // The rules of the month's last day decide its bonuses, minimum and tax.
      const rules = ruleSettings(await catalog.ruleBookAt(lastInstant));
      const taxTable = taxTableAt(await payouts.taxTables.all(), lastInstant);
      const plan = planMonthClose(
        period,
        await accounts(period, rules.override.enabled),
        rules,
        taxTable,
      );

      let newEntries = 0;
      for (const draft of plan.entries) {
        if ((await entries.append({ ...draft, actor, at: now })).created) newEntries += 1;
      }
      for (const draft of plan.payouts) await payouts.createOnce(draft, now);
      const firstRun = await entries.closes.markOnce(period, now, actor);

      const sum = (values: Dong[]) => sumDong(values);
      const ofKind = (kind: string) => plan.entries.filter((entry) => entry.kind === kind);
      const report: CloseReport = {
        period,
        firstRun,
        approved,
        newEntries,
        tiers: { count: ofKind('tier').length, total: sum(ofKind('tier').map((e) => e.amount)) },
        overrides: {
          count: ofKind('override').length,
          total: sum(ofKind('override').map((e) => e.amount)),
        },
        payouts: {
          count: plan.payouts.length,
          gross: sum(plan.payouts.map((p) => p.gross)),
          tax: sum(plan.payouts.map((p) => p.tax)),
          net: sum(plan.payouts.map((p) => p.net)),
        },
        carried: { count: plan.carried.length, total: sum(plan.carried.map((c) => c.amount)) },
      };

      if (firstRun || newEntries > 0 || approved > 0) {
        await store.audit.record({
          at: now,
          actor,
          action: 'month.closed',
          subject: `period:${period}`,
          details: { firstRun, approved, newEntries, payouts: plan.payouts.length },
        });
      }
      await onClosed?.(report);
      return { outcome: 'closed', report };
    },

    /** When `period` was closed, if it was. */
    closedAt: async (period: Period) => (await entries.closes.byPeriod(period))?.closedAt,
  };
}

export type MonthCloseService = ReturnType<typeof createMonthCloseService>;
