import type { Collaborator } from '../domain/collaborator.js';
import { APPROVED_KINDS, LEDGER_KINDS } from '../domain/ledger.js';
import { formatMoney, sumDong } from '../domain/money.js';
import { periodOf, previousPeriod, type Period } from '../domain/period.js';
import {
  canonicalJson,
  statementDigest,
  type StatementItem,
  type StatementModel,
  type StatementOrder,
} from '../domain/statement.js';
import {
  statementFromLedger,
  statementOrderNumbers,
  type StatementItemDraft,
} from '../domain/statement-ledger.js';
import type { Catalogue, Translator } from '../i18n/i18n.js';
import type { Logger } from '../logger.js';
import { renderStatement } from '../pdf/statement.renderer.js';
import { createLedgerRepository } from '../store/ledger.repository.js';
import { createPayoutRepository } from '../store/payout.repository.js';
import type { Store } from '../store/repositories.js';
import {
  createStatementRepository,
  statementKey,
  type StoredStatement,
} from '../store/statement.repository.js';
import type { DeliveryService } from './delivery.service.js';
import type { Notifier } from './notifier.js';
import { createStatementSending } from './statement-sending.js';

export { statementDeliveryKey, statementReply } from './statement-sending.js';

export type { StoredStatement } from '../store/statement.repository.js';

/** A statement to hand over: the stored version and its PDF bytes. */
export interface ReadyStatement {
  outcome: 'ready';
  statement: StoredStatement;
  pdf: Buffer;
  /** True when this call made a new version (first ask, or the ledger changed since). */
  created: boolean;
}

/** What asking for a statement gives: the document, or why there is none. */
export type StatementResult =
  | ReadyStatement
  | { outcome: 'no-activity'; period: Period }
  | { outcome: 'future'; period: Period };

interface Deps {
  store: Store;
  catalogue: Catalogue;
  deliveries: DeliveryService;
  notifier: Notifier;
  businessName: string;
  /** `BUSINESS_ADDRESS`, printed under the name. */
  businessAddress?: string;
  logger: Logger;
}

/** The part of a model the stored version fixes: a rebuild with it digests the same. */
type Identity = Pick<StatementModel, 'statementId' | 'version' | 'generatedAt'>;

/** `sao-ke-CTV0042-2026-11.pdf`, or `statement-…` for an English collaborator. */
export function statementFileName(
  model: Pick<StatementModel, 'collaborator' | 'period' | 'locale'>,
) {
  const stem = model.locale === 'vi' ? 'sao-ke' : 'statement';
  return `${stem}-${model.collaborator.code}-${model.period}.pdf`;
}

/**
 * Monthly statements: the model built from the ledger, orders and payout record; one stored
 * version per (collaborator, period) until the data changes; the monthly sending after each
 * close (see statement-sending.ts).
 */
export function createStatementService(deps: Deps) {
  const { store, catalogue } = deps;
  const ledger = createLedgerRepository(store.connection);
  const payouts = createPayoutRepository(store.connection);
  const repo = createStatementRepository(store.connection);

  /** Words for a bonus, clawback or adjustment, in the collaborator's language. */
  function reason(i18n: Translator, item: StatementItemDraft): string {
    const entry = item.entry;
    const money = (amount: number) => formatMoney(amount, i18n.locale);
    if (!entry) return i18n.t('statement-chat-reason-carried-in');
    switch (entry.kind) {
      case 'tier':
        return i18n.t('statement-chat-reason-tier', {
          sales: money(entry.base ?? 0),
          rate: entry.rate ?? '',
        });
      case 'override':
        return i18n.t('statement-chat-reason-override', {
          code: entry.reason ?? '',
          rate: entry.rate ?? '',
        });
      case 'clawback': {
        // The return's reason is an admin's free text: kept out of the catalogue, which escapes.
        const text = i18n.t('statement-chat-reason-clawback');
        return entry.reason ? `${text}: ${entry.reason}` : text;
      }
      default:
        return entry.reason ?? i18n.t('statement-chat-reason-adjustment');
    }
  }

  /** The model of `period` as the data stands now, and whether the period had any activity. */
  async function build(collaborator: Collaborator, period: Period, identity: Identity) {
    const [inPeriod, sums, closed, payout] = await Promise.all([
      ledger.of(collaborator.id, period, LEDGER_KINDS),
      ledger.periodKindSums(collaborator.id),
      ledger.closes.byPeriod(period),
      payouts.of(collaborator.id, period),
    ]);
    const numbers = statementOrderNumbers(inPeriod);
    const [orderEntries, details] = await Promise.all([
      numbers.length > 0 ? ledger.forOrders(numbers) : [],
      repo.orders(numbers),
    ]);
    const carriedIn = sumDong(
      sums
        .filter((row) => row.period < period && APPROVED_KINDS.includes(row.kind))
        .map((row) => row.amount),
    );
    const view = statementFromLedger({
      period,
      inPeriod,
      orderEntries,
      carriedIn,
      closed: closed !== undefined,
      payout,
    });

    const byNumber = new Map(details.map((order) => [order.number, order]));
    const orders = view.orders.map((row): StatementOrder => {
      const order = byNumber.get(row.orderNumber);
      if (!order) throw new Error(`Order ${row.orderNumber} is in the ledger but not stored`);
      return {
        number: row.orderNumber,
        submittedAt: order.submittedAt,
        lines: order.lines,
        amount: order.total,
        commission: row.commission,
        ...(row.state && { state: row.state }),
      };
    });
    const i18n = catalogue.translator(collaborator.locale);
    const items = view.items.map((item): StatementItem => ({
      kind: item.kind,
      reason: reason(i18n, item),
      amount: item.amount,
      ...(item.orderNumber && { orderNumber: item.orderNumber }),
    }));

    const model: StatementModel = {
      business: { name: deps.businessName, address: deps.businessAddress ?? '' },
      collaborator: {
        code: collaborator.code,
        fullName: collaborator.fullName,
        bankName: collaborator.bank.bankName,
        maskedAccount: `••••••${collaborator.bank.accountLast4}`,
      },
      period,
      locale: collaborator.locale,
      provisional: closed === undefined,
      orders,
      items,
      totals: view.totals,
      payout: view.payout,
      // Only these three: `identity` may be a whole stored record.
      statementId: identity.statementId,
      version: identity.version,
      generatedAt: identity.generatedAt,
    };
    return { model, activity: view.activity };
  }

  /**
   * The statement of `period` for `collaborator`: the stored version when the data it was made
   * from has not changed (its digest, rebuilt with the stored id and version, is the same);
   * else a new version, the older ones kept. An open month gives a provisional statement; a
   * month without a single ledger entry gives none.
   */
  async function get(
    collaborator: Collaborator,
    period: Period,
    now: Date,
  ): Promise<StatementResult> {
    if (period > periodOf(now)) return { outcome: 'future', period };
    const latest = await repo.latest(collaborator.id, period);
    // Built with the stored id, version and time, an unchanged month digests as stored.
    const statementId = `BK-${collaborator.code}-${period}`;
    const identity: Identity = latest ?? { statementId, version: 0, generatedAt: now };
    const { model, activity } = await build(collaborator, period, identity);
    if (!activity) return { outcome: 'no-activity', period };
    if (latest && statementDigest(model) === latest.digest) {
      const pdf = await repo.read(latest.fileId);
      return { outcome: 'ready', statement: latest, pdf, created: false };
    }

    const fresh: StatementModel = { ...model, version: identity.version + 1, generatedAt: now };
    const pdf = await renderStatement(fresh, catalogue);
    const { statement, created } = await repo.insertOnce(
      {
        key: statementKey(collaborator.code, period, fresh.version),
        collaboratorId: collaborator.id,
        collaboratorCode: collaborator.code,
        period,
        version: fresh.version,
        statementId: fresh.statementId,
        digest: statementDigest(fresh),
        provisional: fresh.provisional,
        model: canonicalJson(fresh),
        fileName: statementFileName(fresh),
        generatedAt: now,
      },
      pdf,
    );
    // Codes, periods and versions only: a statement's figures belong to the document.
    const log = deps.logger.child({ statement: statement.key });
    if (created) log.info({ bytes: pdf.length, provisional: fresh.provisional }, 'statement made');
    // Another worker stored this version first: hand over its document, not ours.
    const bytes = created ? pdf : await repo.read(statement.fileId);
    return { outcome: 'ready', statement, pdf: bytes, created };
  }

  /** What `/statement` without a month means: the last closed month, else last month. */
  async function defaultPeriod(now: Date): Promise<Period> {
    return (await repo.lastClosed()) ?? previousPeriod(periodOf(now));
  }

  const sending = createStatementSending({ ...deps, repo, ledger, get });

  return {
    get,
    defaultPeriod,
    /** The model as it would be built now (for tests and previews); nothing is stored. */
    preview: (collaborator: Collaborator, period: Period, now: Date) =>
      build(collaborator, period, {
        statementId: `BK-${collaborator.code}-${period}`,
        version: 1,
        generatedAt: now,
      }),
    versions: repo.versions,
    ...sending,
  };
}

export type StatementService = ReturnType<typeof createStatementService>;
