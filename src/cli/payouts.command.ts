import { formatMoney, parseMoney } from '../domain/money.js';
import { isPeriod } from '../domain/period.js';
import { UserError } from '../services/errors.js';
import { type CliCommand, parseOptions, table } from './command.js';

const money = (amount: number) => formatMoney(amount, 'vi');

export const payoutsListCommand: CliCommand = {
  name: 'payouts list',
  summary: "List a closed month's payouts (code, name, gross, tax, net, status)",
  usage: 'payouts list YYYY-MM [--status pending|paid] [--json]',
  help:
    'Lists the payouts month close created for YYYY-MM, by collaborator code. Bank details\n' +
    'are never printed.\n' +
    '  --status S   only pending or only paid payouts\n' +
    '  --json       one JSON object per line instead of a table',
  async run(core, args, out) {
    const { positional, options } = parseOptions(args);
    const period = positional[0];
    const status = options.get('status');
    if (!period || !isPeriod(period) || (status && status !== 'pending' && status !== 'paid')) {
      out('Usage: npm run ctv -- payouts list YYYY-MM [--status pending|paid] [--json]');
      return 2;
    }

    const payouts = await core.services.payouts.list(period, status as 'pending' | 'paid');
    if (options.has('json')) {
      for (const payout of payouts) out(JSON.stringify(payout));
      return 0;
    }
    if (payouts.length === 0) {
      out(`No ${status ?? ''}${status ? ' ' : ''}payouts for ${period}.`);
      return 0;
    }
    const rows = [];
    for (const payout of payouts) {
      const collaborator = await core.store.collaborators.byId(payout.collaboratorId);
      rows.push([
        payout.collaboratorCode,
        collaborator?.fullName ?? '—',
        money(payout.gross),
        money(payout.tax),
        money(payout.net),
        payout.status === 'paid' ? `paid ${payout.reference ?? ''}`.trim() : 'pending',
      ]);
    }
    table([['CODE', 'NAME', 'GROSS', 'TAX', 'NET', 'STATUS'], ...rows]).forEach((l) => out(l));
    out(`${payouts.length} payouts.`);
    return 0;
  },
};

export const payoutsMarkPaidCommand: CliCommand = {
  name: 'payouts mark-paid',
  summary: "Mark a month's pending payouts paid with the bank transfer reference",
  usage: 'payouts mark-paid YYYY-MM --ref REF [--code CTV0001]',
  help:
    'Marks every pending payout of YYYY-MM paid (or only that of --code) and tells each\n' +
    'collaborator, with the reference. Payouts already paid are left as they are, so running\n' +
    'it again marks nothing and notifies nobody.\n' +
    '  --ref REF     the bank transfer or batch reference (required)\n' +
    '  --code CODE   one collaborator only',
  async run(core, args, out) {
    const { positional, options } = parseOptions(args);
    const period = positional[0];
    const reference = options.get('ref');
    const code = options.get('code');
    if (!period || !isPeriod(period) || !reference || reference === 'true' || code === 'true') {
      out('Usage: npm run ctv -- payouts mark-paid YYYY-MM --ref REF [--code CTV0001]');
      return 2;
    }

    const result = await core.services.payouts.markPaid({
      period,
      ...(code && { code }),
      reference,
      actor: 'cli:payouts',
      at: new Date(),
    });
    if (result.notFound) {
      out(`${result.notFound} has no payout for ${period}.`);
      return 1;
    }
    out(`Marked ${result.marked.length} payouts of ${period} paid (reference ${reference}).`);
    if (result.alreadyPaid > 0) out(`Left as they were, paid before: ${result.alreadyPaid}.`);
    return 0;
  },
};

export const payoutsAdjustCommand: CliCommand = {
  name: 'payouts adjust',
  summary: "Add a manual adjustment (+ or −) to a collaborator's earnings, with a reason",
  usage: 'payouts adjust CODE AMOUNT --reason TEXT [--id ID]',
  help:
    'Writes an adjustment entry in the current month: a positive AMOUNT adds to what the\n' +
    'collaborator is owed, a negative one (e.g. -50000) takes away. It is paid or deducted at\n' +
    'the next month close.\n' +
    '  --reason TEXT   why (required; shown on the statement)\n' +
    '  --id ID         a key of your own: the same id twice writes one adjustment',
  async run(core, args, out) {
    // A negative amount looks like an option to the parser; take it out first.
    const amountIndex = args.findIndex((arg, index) => index > 0 && /^[-+]?\d[\d.,]*$/.test(arg));
    const amountText = amountIndex > 0 ? args[amountIndex]! : '';
    const { positional, options } = parseOptions(args.filter((_, index) => index !== amountIndex));
    const code = positional[0];
    const reason = options.get('reason');
    const parsed = parseMoney(amountText.replace(/^[-+]/, ''));
    if (!code || !parsed.ok || !reason || reason === 'true') {
      out('Usage: npm run ctv -- payouts adjust CODE AMOUNT --reason TEXT [--id ID]');
      return 2;
    }

    const amount = amountText.startsWith('-') ? -parsed.amount : parsed.amount;
    const id = options.get('id');
    let result;
    try {
      result = await core.services.ledger.adjust({
        code,
        amount,
        reason,
        actor: 'cli:payouts-adjust',
        at: new Date(),
        ...(id && { id }),
      });
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      out(core.catalogue.translator('en').t(error.key, error.args));
      return 1;
    }
    const { entry, created } = result;
    out(
      created
        ? `Adjustment ${entry.key}: ${money(entry.amount)} for ${entry.collaboratorCode} in ${entry.period}.`
        : `Adjustment ${entry.key} exists already; nothing written.`,
    );
    return 0;
  },
};
