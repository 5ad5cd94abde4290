import { readFile } from 'node:fs/promises';
import { formatMoney, type CommissionTerms } from '../domain/money.js';
import { periodOf } from '../domain/period.js';
import { ruleBookAt, ruleSettings } from '../domain/rule-book.js';
import { parseRulesFile } from '../domain/rules-file.js';
import { taxTableAt } from '../domain/tax.js';
import { type CliCommand, parseOptions } from './command.js';

const money = (amount: number) => formatMoney(amount, 'vi');
const terms = (value: CommissionTerms) =>
  value.kind === 'rate' ? `${value.rate}%` : `${money(value.amount)}/unit`;

export const rulesLoadCommand: CliCommand = {
  name: 'rules load',
  summary: 'Load dated rule books and tax tables from a JSON file',
  usage: 'rules load FILE [--dry-run]',
  help:
    'Reads FILE, a JSON object with "ruleBooks" and/or "taxTables", each a list of versions\n' +
    'with an "effectiveFrom" day (midnight in Asia/Ho_Chi_Minh) or instant. A version with the\n' +
    'date of a stored one replaces it; others are added. An order keeps the rules in force\n' +
    'when it was submitted; month close uses those in force on the last day of the month.\n' +
    'Rule book fields: defaultRate, categories {name: {rate}|{fixed}}, products {SKU: …},\n' +
    'tiers [{threshold, rate}], holdingDays, payoutMinimum, override {enabled, rate}.\n' +
    'Tax table fields: threshold, rate. See README "Commissions and month close".\n' +
    '  --dry-run    check the file, write nothing\n' +
    'Exit code: 0 loaded, 2 the file was refused (nothing written).',
  async run(core, args, out) {
    const { positional, options } = parseOptions(args);
    const dryValue = options.get('dry-run');
    if (dryValue !== undefined && dryValue !== 'true') positional.unshift(dryValue);
    const file = positional[0];
    if (!file || positional.length > 1) {
      out('Usage: npm run ctv -- rules load FILE [--dry-run]');
      return 2;
    }

    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      out(`Cannot read ${file}: ${(error as Error).message}`);
      return 2;
    }
    const parsed = parseRulesFile(text);
    if (!parsed.ok) {
      out(`Refused ${file}; nothing was loaded:`);
      parsed.problems.forEach((problem) => out(`  ${problem}`));
      return 2;
    }

    const { ruleBooks, taxTables } = parsed.rules;
    const counts = `${ruleBooks.length} rule books and ${taxTables.length} tax tables`;
    if (options.has('dry-run')) {
      out(`The file is valid: ${counts} (dry run: nothing written).`);
      return 0;
    }
    const at = new Date();
    for (const book of ruleBooks) await core.services.catalog.saveRuleBook(book, 'cli:rules', at);
    for (const table of taxTables) await core.services.payouts.saveTaxTable(table, 'cli:rules', at);
    out(`Loaded ${counts}.`);
    return 0;
  },
};

export const rulesShowCommand: CliCommand = {
  name: 'rules show',
  summary: 'Show the rule book and tax table in force (now or at a date)',
  usage: 'rules show [--at YYYY-MM-DDTHH:MM:SS+07:00]',
  help: 'Prints the commission rules and the withholding rule in force at --at (default now).',
  async run(core, args, out) {
    const { options } = parseOptions(args);
    const at = new Date(options.get('at') ?? Date.now());
    if (Number.isNaN(at.getTime())) {
      out('--at must be a date such as 2026-12-01T00:00:00+07:00.');
      return 2;
    }
    const rules = ruleSettings(ruleBookAt(await core.services.catalog.ruleBooks(), at));
    const tax = taxTableAt(await core.services.payouts.taxTables(), at);
    out(`In force at ${at.toISOString()} (period ${periodOf(at)}):`);
    out(`  rule book from ${rules.effectiveFrom.toISOString()}`);
    out(`  default rate       ${rules.defaultRate}%`);
    for (const [name, value] of Object.entries(rules.categories))
      out(`  category ${name}: ${terms(value)}`);
    for (const [sku, value] of Object.entries(rules.products))
      out(`  product ${sku}: ${terms(value)}`);
    for (const tier of rules.tiers) out(`  tier from ${money(tier.threshold)}: +${tier.rate}%`);
    out(`  holding days       ${rules.holdingDays}`);
    out(`  payout minimum     ${money(rules.payoutMinimum)}`);
    out(`  recruiter override ${rules.override.enabled ? `on, ${rules.override.rate}%` : 'off'}`);
    out(
      `  income tax         ${tax.rate}% of payments from ${money(tax.threshold)} (table from ${tax.effectiveFrom.toISOString()})`,
    );
    return 0;
  },
};

export const rulesCommitmentCommand: CliCommand = {
  name: 'rules commitment',
  summary: 'Record that a collaborator filed (or withdrew) the 08/CK-TNCN tax commitment',
  usage: 'rules commitment CODE on|off [--year YYYY]',
  help:
    'With the commitment (form 08/CK-TNCN) filed for a year, no income tax is withheld from\n' +
    "that year's payouts of the collaborator. The year defaults to the current one in Vietnam.\n" +
    'The change is written to the audit log.',
  async run(core, args, out) {
    const { positional, options } = parseOptions(args);
    const [code, value] = positional;
    const year = Number(options.get('year') ?? periodOf(new Date()).slice(0, 4));
    if (!code || (value !== 'on' && value !== 'off') || !Number.isInteger(year) || year < 2000) {
      out('Usage: npm run ctv -- rules commitment CODE on|off [--year YYYY]');
      return 2;
    }

    const filed = value === 'on';
    const result = await core.services.payouts.setCommitment(
      code,
      year,
      filed,
      'cli:rules',
      new Date(),
    );
    if (!result) {
      out(`No collaborator ${code.toUpperCase()}.`);
      return 1;
    }
    const state = filed ? 'filed' : 'not filed';
    out(
      result.changed
        ? `${result.collaborator.code}: commitment for ${year} is now ${state}.`
        : `${result.collaborator.code}: commitment for ${year} was already ${state}.`,
    );
    return 0;
  },
};
