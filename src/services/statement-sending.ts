import type { Collaborator } from '../domain/collaborator.js';
import { formatPeriod, periodOf, previousPeriod, type Period } from '../domain/period.js';
import type { Reply } from '../conversation/types.js';
import type { Translator } from '../i18n/i18n.js';
import type { Logger } from '../logger.js';
import type { LedgerRepository } from '../store/ledger.repository.js';
import type { Store } from '../store/repositories.js';
import type { StatementRepository } from '../store/statement.repository.js';
import type { DeliveryService } from './delivery.service.js';
import type { CloseReport } from './month-close.service.js';
import type { Notifier } from './notifier.js';
import type { ReadyStatement, StatementResult } from './statement.service.js';

/** Puts the sending of a closed month's statements on the job queue (Agenda, in production). */
export interface StatementQueue {
  enqueue(period: Period): Promise<void>;
}

/** What one sending run did, in people; no amounts and no names. */
export interface SendCounts {
  collaborators: number;
  sent: number;
  /** Sent by an earlier run. */
  alreadySent: number;
  /** Held by another worker right now (or by one that died, until its lease goes stale). */
  inProgress: number;
  failed: number;
  /** Every identity blocked the bot, or none is left. */
  unreachable: number;
}

export type SendResult =
  | { outcome: 'sent'; period: Period; counts: SendCounts }
  | { outcome: 'not-closed' | 'done-before'; period: Period };

/** A started run older than this without finishing is taken for dead by the daily check. */
const RUN_STALE_MS = 60 * 60_000;

/** The delivery key of a period's statement: one per (collaborator, period), whatever version. */
export const statementDeliveryKey = (period: Period, code: string) => `statement:${period}:${code}`;

/** The message that carries a statement: a caption in the reader's language and the PDF. */
export function statementReply(
  i18n: Translator,
  ready: Pick<ReadyStatement, 'statement' | 'pdf'>,
): Reply {
  const { statement } = ready;
  const args = {
    period: formatPeriod(statement.period, i18n.locale),
    code: statement.collaboratorCode,
    version: statement.version,
  };
  const provisional = statement.provisional ? '-provisional' : '';
  return {
    text: i18n.t(`statement-chat-caption${provisional}`, args),
    attachment: {
      kind: 'document',
      fileName: statement.fileName,
      mimeType: 'application/pdf',
      data: ready.pdf,
    },
  };
}

interface Deps {
  store: Store;
  deliveries: DeliveryService;
  notifier: Notifier;
  logger: Logger;
  repo: StatementRepository;
  ledger: LedgerRepository;
  get(collaborator: Collaborator, period: Period, now: Date): Promise<StatementResult>;
}

/**
 * The monthly sending: after a close, every collaborator with activity in the month gets their
 * statement once, through the delivery service's keyed, paced send. A second run, or a run
 * resumed after a crash, skips those already sent and tries the failed ones again.
 */
export function createStatementSending(deps: Deps) {
  let queue: StatementQueue | undefined;

  async function sendOne(id: string, period: Period, now: Date, counts: SendCounts, log: Logger) {
    const collaborator = await deps.store.collaborators.byId(id);
    if (!collaborator) return void (counts.failed += 1);
    const key = statementDeliveryKey(period, collaborator.code);
    // Checked before rendering, so a re-run over thousands costs a lookup each, not a PDF.
    if ((await deps.deliveries.byKey(key))?.state === 'sent') return void (counts.alreadySent += 1);

    const ready = await deps.get(collaborator, period, now);
    if (ready.outcome !== 'ready') return;
    const result = await deps.deliveries.send(
      collaborator,
      (i18n) => statementReply(i18n, ready),
      key,
    );
    let counted: keyof SendCounts =
      result.outcome === 'sent' || result.outcome === 'failed' ? result.outcome : 'unreachable';
    if (result.outcome === 'duplicate') {
      // Sent by another run meanwhile, or held by a worker that is sending it (or died).
      counted = (await deps.deliveries.byKey(key))?.state === 'sent' ? 'alreadySent' : 'inProgress';
    }
    counts[counted] += 1;
    if (result.outcome === 'failed' || result.outcome === 'blocked') {
      log.warn({ code: collaborator.code, reason: result.reason }, 'statement not delivered');
    }
  }

  /** Sends the statements of a closed `period`, then tells the admins how it went. */
  async function sendAll(
    period: Period,
    { log = deps.logger, now = new Date() }: { log?: Logger; now?: Date } = {},
  ): Promise<SendResult> {
    if (!(await deps.ledger.closes.byPeriod(period))) return { outcome: 'not-closed', period };
    await deps.repo.runs.start(period, now);

    const ids = await deps.repo.withActivity(period);
    const counts: SendCounts = {
      collaborators: ids.length,
      sent: 0,
      alreadySent: 0,
      inProgress: 0,
      failed: 0,
      unreachable: 0,
    };
    for (const id of ids) {
      try {
        await sendOne(id, period, now, counts, log);
      } catch (error) {
        // One broken statement must not stop everyone else's; the next run tries it again.
        counts.failed += 1;
        log.error({ collaboratorId: id, error: (error as Error).message }, 'statement failed');
      }
    }

    // A statement another worker still holds is not known to be sent: the run stays open, so
    // the daily check comes back for it once that lease has gone stale.
    if (counts.inProgress === 0) await deps.repo.runs.finish(period, new Date(), { ...counts });
    // Nobody had activity: a report of zeros is noise.
    if (ids.length === 0) return { outcome: 'sent', period, counts };
    await deps.notifier.toAdmins((i18n) => ({
      text: i18n.t('statement-chat-report', {
        period: formatPeriod(period, i18n.locale),
        ...counts,
      }),
    }));
    return { outcome: 'sent', period, counts };
  }

  return {
    sendAll,

    /** Lets month close queue the sending (the scheduler attaches Agenda at start). */
    attachQueue(attached: StatementQueue) {
      queue = attached;
    },

    /**
     * Month close's hook: the first close of a month queues its sending. A failure here must
     * not fail the close, which is done; the daily check sends what was not queued.
     */
    async afterClose(report: CloseReport): Promise<void> {
      if (!report.firstRun || !queue) return;
      try {
        await queue.enqueue(report.period);
      } catch (error) {
        deps.logger.warn(
          { period: report.period, error: (error as Error).message },
          'statement sending not queued; the daily check will send them',
        );
      }
    },

    /**
     * The daily check: last month, once closed, is sent if no run finished it, as when the
     * close was made where no job queue runs (the command line) or a run died midway.
     */
    async catchUp(now: Date, log?: Logger): Promise<SendResult> {
      const period = previousPeriod(periodOf(now));
      const run = await deps.repo.runs.of(period);
      const running = run && now.getTime() - run.startedAt.getTime() < RUN_STALE_MS;
      if (run?.finishedAt || running) return { outcome: 'done-before', period };
      return sendAll(period, { log, now });
    },
  };
}
