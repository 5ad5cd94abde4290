import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Core } from '../../src/app.js';
import { productsImportCommand, productsListCommand } from '../../src/cli/products.command.js';
import { startTestCore } from '../support/core.js';

let core: Core;
const fixture = (name: string) =>
  path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures', name);
const scratch = mkdtempSync(path.join(tmpdir(), 'ctv-catalog-'));

beforeAll(async () => {
  core = await startTestCore();
});

afterAll(async () => {
  await core.database.close();
});

/** Runs a command as `npm run ctv -- …` would, keeping what it prints. */
async function run(command: typeof productsImportCommand, ...args: string[]) {
  const lines: string[] = [];
  const code = await command.run(core, args, (line) => lines.push(line));
  return { code, lines };
}

function scratchFile(name: string, content: string | Buffer): string {
  const file = path.join(scratch, name);
  writeFileSync(file, content);
  return file;
}

describe('products import', () => {
  it('imports the CSV with a BOM, naming the refused rows and their reasons', async () => {
    const { code, lines } = await run(productsImportCommand, fixture('catalog-bom.csv'));

    expect(lines).toEqual([
      'Accepted 3 rows: 3 new, 0 updated.',
      'Refused 2 rows:',
      '  row 4 (TR-003): price must be whole đồng, without decimals: "12.5" (write 129900 or 129.900)',
      '  row 5 (CF-001): duplicate sku CF-001: row 2 has it first',
    ]);
    expect(code).toBe(1);

    // The refused rows left nothing behind; the duplicate did not overwrite the first CF-001.
    expect(await core.services.catalog.bySku('TR-003')).toBeUndefined();
    expect(await core.services.catalog.bySku('CF-001')).toMatchObject({
      name: 'Cà phê sữa đá hòa tan',
      price: 129_900,
      commission: { kind: 'rate', rate: '4.5' },
    });
  });

  it('stores the Vietnamese names in NFC with a folded search key', async () => {
    const fishSauce = await core.services.catalog.bySku('nm-002');
    expect(fishSauce?.name).toBe('Nước mắm Phú Quốc 500ml'.normalize('NFC'));
    expect(fishSauce?.name).toBe(fishSauce?.name.normalize('NFC'));
    expect(fishSauce?.nameKey).toBe('nuoc mam phu quoc 500ml');
    expect(await core.services.catalog.search('nuoc mam', { activeOnly: false })).toHaveLength(1);
  });

  it('updates instead of duplicating when the same file is imported again', async () => {
    const { code, lines } = await run(productsImportCommand, fixture('catalog-bom.csv'));
    expect(code).toBe(1);
    expect(lines[0]).toBe('Accepted 3 rows: 0 new, 3 updated.');
    expect(await core.services.catalog.count()).toBe(3);
  });

  it('replaces a product whole: a new price, and an emptied commission falls back to the rules', async () => {
    const file = scratchFile(
      'changed.csv',
      'sku,name,category,price,commission_rate\nCF-001,Cà phê sữa đá hòa tan,Đồ uống,135000,\n',
    );
    const { code, lines } = await run(productsImportCommand, file);
    expect({ code, lines }).toEqual({ code: 0, lines: ['Accepted 1 row: 0 new, 1 updated.'] });

    const coffee = (await core.services.catalog.bySku('CF-001'))!;
    expect(coffee).toMatchObject({ price: 135_000, commission: undefined });
    // No rule book stored: the default 10%. 135,000 × 10% = 13,500.
    expect(await core.services.catalog.earnPerUnit(coffee, new Date('2026-11-20T00:00:00Z'))).toBe(
      13_500,
    );
  });

  it('imports JSON, reporting rows by their position in the array', async () => {
    const { code, lines } = await run(productsImportCommand, fixture('catalog.json'));
    expect(lines).toEqual([
      'Accepted 2 rows: 2 new, 0 updated.',
      'Refused 2 rows:',
      '  row 3 (GD-102): price must be whole đồng ≥ 0, not -199000',
      '  row 4 (MP-101): category is required',
    ]);
    expect(code).toBe(1);
    expect(await core.services.catalog.bySku('GD-101')).toMatchObject({
      price: 1_990_000,
      commission: { kind: 'fixed', amount: 150_000 },
      photoUrl: 'https://shop.example/gd-101.jpg',
    });
    expect((await core.services.catalog.bySku('TP-101'))?.name).toBe(
      'Tinh bột nghệ nguyên chất 500g'.normalize('NFC'),
    );
  });

  it('with --dry-run reports and writes nothing', async () => {
    const file = scratchFile('new.csv', 'sku,name,category,price\nXX-1,Thử,Khác,1000\n');
    const { code, lines } = await run(productsImportCommand, '--dry-run', file);
    expect({ code, lines }).toEqual({
      code: 0,
      lines: ['Accepted 1 row (dry run: nothing written).'],
    });
    expect(await core.services.catalog.bySku('XX-1')).toBeUndefined();
  });

  it.each([
    ['a missing file', () => path.join(scratch, 'nope.csv'), /^Cannot read .*nope\.csv: ENOENT/],
    [
      'an empty file',
      () => scratchFile('empty.csv', ''),
      / {2}The file is empty: it needs a header row\./,
    ],
    [
      'a header only',
      () => scratchFile('header.csv', 'sku,name,category,price\n'),
      /no product rows/,
    ],
    [
      'a file that is not UTF-8',
      () => scratchFile('latin1.csv', Buffer.from([0x73, 0xe0, 0x0a])),
      /not UTF-8/,
    ],
    ['broken JSON', () => scratchFile('broken.json', '[{"sku": '), /not valid JSON/],
    ['missing columns', () => scratchFile('cols.csv', 'sku,name\nA,B\n'), /lacks category, price/],
  ])('refuses %s with exit code 2 and imports nothing', async (_what, file, message) => {
    const before = await core.services.catalog.count();
    const { code, lines } = await run(productsImportCommand, file());
    expect(code).toBe(2);
    expect(lines.join('\n')).toMatch(message);
    expect(await core.services.catalog.count()).toBe(before);
  });

  it('asks for a file when none is given', async () => {
    const { code, lines } = await run(productsImportCommand);
    expect({ code, lines }).toEqual({
      code: 2,
      lines: ['Usage: npm run ctv -- products import FILE [--dry-run]'],
    });
  });
});

describe('products list', () => {
  it('prints a table with price, commission terms and earning per unit', async () => {
    const { code, lines } = await run(productsListCommand, '--category', 'do uong');
    expect(code).toBe(0);
    expect(lines[0]).toMatch(
      /^SKU\s+NAME\s+CATEGORY\s+PRICE\s+COMMISSION\s+EARN\/UNIT\s+SHOWN\s+STOCK$/,
    );
    expect(lines[1]).toMatch(
      /^CF-001\s+Cà phê sữa đá hòa tan\s+Đồ uống\s+135\.000 ₫\s+10% \(rule book\)\s+13\.500 ₫\s+yes\s+in_stock$/,
    );
    expect(lines.at(-1)).toBe('1 products.');
  });

  it('prints one JSON object per product with --json, hidden ones included', async () => {
    const { lines } = await run(productsListCommand, '--json');
    const rows = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(rows.map((row) => row.sku)).toHaveLength(await core.services.catalog.count());
    // 1,250,000 × 10% = 125,000; the sunscreen is hidden in the fixture (active=false).
    expect(rows.find((row) => row.sku === 'MP-004')).toMatchObject({
      price: 1_250_000,
      commission: null,
      terms: { kind: 'rate', rate: '10' },
      earnPerUnit: 125_000,
      active: false,
      stock: 'out_of_stock',
    });
  });

  it('says so when a category has no products', async () => {
    const { code, lines } = await run(productsListCommand, '--category', 'Sách');
    expect({ code, lines }).toEqual({ code: 0, lines: ['No products in category "Sách".'] });
  });
});
