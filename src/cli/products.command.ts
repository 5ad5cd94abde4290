import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CATALOG_COLUMNS, parseCatalog, type CatalogFormat } from '../domain/catalog-import.js';
import { formatMoney, type CommissionTerms } from '../domain/money.js';
import { type CliCommand, parseOptions, table } from './command.js';

/** Exit codes of `products import`, as the help text promises them. */
const ALL_ACCEPTED = 0;
const SOME_REFUSED = 1;
const FILE_REFUSED = 2;

function formatOf(file: string): CatalogFormat | undefined {
  const extension = path.extname(file).toLowerCase();
  return extension === '.json' ? 'json' : extension === '.csv' ? 'csv' : undefined;
}

const rows = (count: number) => `${count} ${count === 1 ? 'row' : 'rows'}`;

function describeTerms(terms: CommissionTerms): string {
  return terms.kind === 'rate' ? `${terms.rate}%` : `${formatMoney(terms.amount, 'vi')}/unit`;
}

export const productsImportCommand: CliCommand = {
  name: 'products import',
  summary: 'Load or update the product catalog from a CSV or JSON file',
  usage: 'products import FILE [--dry-run]',
  help:
    'Reads FILE (CSV or JSON, UTF-8 with or without BOM) and writes every valid row, keyed on\n' +
    'its sku: a new sku is added, a known one is replaced whole (a hidden product becomes\n' +
    'visible again if the file says active=true or leaves it empty). A refused row is not\n' +
    'written at all; the report names its row and the reason.\n' +
    `  columns: ${CATALOG_COLUMNS.join(',')}\n` +
    '           (the first four are required; prices in whole đồng: 129900 or 129.900)\n' +
    '  --dry-run    check the file and report, write nothing\n' +
    'Exit code: 0 all rows accepted, 1 some rows refused, 2 the file could not be used.',
  async run(core, args, out) {
    const { positional, options } = parseOptions(args);
    // `--dry-run FILE`: the option parser takes FILE as the flag's value; give it back.
    const dryRunValue = options.get('dry-run');
    if (dryRunValue !== undefined && dryRunValue !== 'true') positional.unshift(dryRunValue);
    const file = positional[0];
    if (!file || positional.length > 1) {
      out('Usage: npm run ctv -- products import FILE [--dry-run]');
      return FILE_REFUSED;
    }

    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      out(`Cannot read ${file}: ${(error as Error).message}`);
      return FILE_REFUSED;
    }

    const result = parseCatalog(bytes, formatOf(file));
    if (result.problems.length > 0) {
      out(`Refused the whole file ${file}; nothing was imported:`);
      for (const problem of result.problems) out(`  ${problem}`);
      return FILE_REFUSED;
    }
    if (result.ignored.length > 0) out(`Ignored columns: ${result.ignored.join(', ')}`);

    const dryRun = options.has('dry-run');
    const outcome = dryRun
      ? { created: 0, updated: 0, failed: [] }
      : await core.services.catalog.importProducts(
          result.accepted,
          'cli:products-import',
          new Date(),
        );
    const written = result.accepted.length - outcome.failed.length;

    out(
      dryRun
        ? `Accepted ${rows(result.accepted.length)} (dry run: nothing written).`
        : `Accepted ${rows(written)}: ${outcome.created} new, ${outcome.updated} updated.`,
    );
    const refusals = [
      ...result.refused.map(
        (item) => `row ${item.row}${item.sku ? ` (${item.sku})` : ''}: ${item.reason}`,
      ),
      ...outcome.failed.map((item) => `sku ${item.sku}: could not be saved: ${item.reason}`),
    ];
    if (refusals.length === 0) return ALL_ACCEPTED;

    out(`Refused ${rows(refusals.length)}:`);
    for (const line of refusals) out(`  ${line}`);
    return SOME_REFUSED;
  },
};

export const productsListCommand: CliCommand = {
  name: 'products list',
  summary: 'List the product catalog, hidden products included',
  usage: 'products list [--category C] [--json]',
  help:
    'Lists products by name with their price, commission terms and what a collaborator earns\n' +
    'per unit today (the product rate, else the rule book).\n' +
    '  --category C   only this category (diacritics and case ignored)\n' +
    '  --json         one JSON object per line instead of a table',
  async run(core, args, out) {
    const { options } = parseOptions(args);
    const category = options.get('category');
    if (category === 'true') {
      out('--category needs a name, e.g. --category "Mỹ phẩm".');
      return 2;
    }

    const catalog = core.services.catalog;
    const products = await catalog.list(category ? { category } : {});
    const earnings = await catalog.earnings(products, new Date());
    if (options.has('json')) {
      for (const product of products) {
        const { terms, perUnit } = earnings.get(product.sku)!;
        out(
          JSON.stringify({
            sku: product.sku,
            name: product.name,
            category: product.category,
            price: product.price,
            commission: product.commission ?? null,
            terms,
            earnPerUnit: perUnit,
            description: product.description,
            photoUrl: product.photoUrl ?? null,
            active: product.active,
            stock: product.stock,
          }),
        );
      }
      return 0;
    }

    if (products.length === 0) {
      out(category ? `No products in category "${category}".` : 'The catalog is empty.');
      return 0;
    }
    const header = [
      'SKU',
      'NAME',
      'CATEGORY',
      'PRICE',
      'COMMISSION',
      'EARN/UNIT',
      'SHOWN',
      'STOCK',
    ];
    const rows = products.map((product) => {
      const { terms, perUnit } = earnings.get(product.sku)!;
      return [
        product.sku,
        product.name,
        product.category,
        formatMoney(product.price, 'vi'),
        product.commission ? describeTerms(terms) : `${describeTerms(terms)} (rule book)`,
        formatMoney(perUnit, 'vi'),
        product.active ? 'yes' : 'hidden',
        product.stock,
      ];
    });
    table([header, ...rows]).forEach((line) => out(line));
    out(`${products.length} products.`);
    return 0;
  },
};
