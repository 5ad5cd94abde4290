import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { agendaStatementQueue } from '../../jobs/send-statements.job.js';
import { createScheduler } from '../../jobs/scheduler.js';
import { isPeriod } from '../domain/period.js';
import { type CliCommand, parseOptions } from './command.js';

/** `statement CODE YYYY-MM --out FILE.pdf` and `statement send YYYY-MM`. */

export const statementCommand: CliCommand = {
  name: 'statement',
  summary: "Write a collaborator's monthly statement (PDF) to a file",
  usage: 'statement CODE YYYY-MM [--out FILE.pdf]',
  help:
    'Writes the commission statement of collaborator CODE for YYYY-MM, the same document the\n' +
    'chat sends: the stored version while the data is unchanged, else a new version (older\n' +
    'ones are kept). A month not closed yet gives a provisional statement.\n' +
    '  --out FILE   where to write it (default: sao-ke-CODE-YYYY-MM.pdf here)\n' +
    'Exit code: 0 written, 2 refused (unknown code, bad month, no activity in the month).',
  async run(core, args, out) {
    const { positional, options } = parseOptions(args);
    const [code = '', period = ''] = positional;
    if (positional.length !== 2 || !isPeriod(period)) {
      out('Usage: npm run ctv -- statement CODE YYYY-MM [--out FILE.pdf]');
      return 2;
    }

    const collaborator = await core.services.collaborators.byCode(code.toUpperCase());
    if (!collaborator) {
      out(`No collaborator ${code.toUpperCase()}.`);
      return 2;
    }
    const result = await core.services.statements.get(collaborator, period, new Date());
    if (result.outcome !== 'ready') {
      const why = result.outcome === 'future' ? 'has not started' : 'has no activity for them';
      out(`No statement: ${period} ${why}.`);
      return 2;
    }

    const { statement, pdf, created } = result;
    // `npm run` moves to the project folder; a relative path means where the command was typed.
    const base = process.env.INIT_CWD ?? process.cwd();
    const file = path.resolve(base, options.get('out') ?? statement.fileName);
    await writeFile(file, pdf);
    const kind = statement.provisional ? 'provisional' : 'final';
    const made = created ? 'new' : 'stored';
    out(
      `Wrote ${file}: ${statement.statementId} version ${statement.version} (${made}, ${kind}), ` +
        `${Math.ceil(pdf.length / 1024)} KB.`,
    );
    return 0;
  },
};

export const statementSendCommand: CliCommand = {
  name: 'statement send',
  summary: "Queue the sending of a closed month's statements to every collaborator",
  usage: 'statement send YYYY-MM',
  help:
    'Puts the job send-statements on the queue for YYYY-MM; a running worker (npm start)\n' +
    'sends each collaborator with activity in the month their statement, then reports to the\n' +
    'admins. Each statement goes out once, however often this is run; failed ones are tried\n' +
    'again. Month close queues it by itself; this is for sending again by hand.',
  async run(core, args, out) {
    const { positional } = parseOptions(args);
    const period = positional[0];
    if (!period || !isPeriod(period) || positional.length > 1) {
      out('Usage: npm run ctv -- statement send YYYY-MM');
      return 2;
    }
    if (!(await core.services.monthClose.closedAt(period))) {
      out(`${period} is not closed: close it first (close-month ${period}).`);
      return 2;
    }

    // A scheduler that defines no job: it only writes to the queue the workers read.
    const scheduler = createScheduler({ core, jobs: [] });
    await scheduler.start();
    try {
      await agendaStatementQueue(scheduler.agenda).enqueue(period);
    } finally {
      await scheduler.stop();
    }
    out(`Queued the statements of ${period}: a running worker sends them and tells the admins.`);
    return 0;
  },
};
