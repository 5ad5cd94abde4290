import { readFileSync } from 'node:fs';
import { parseCatalog, parseCsv } from '../../src/domain/catalog-import.js';
import { parseProduct } from '../../src/domain/product.js';

const HEADER =
  'sku,name,category,price,commission_rate,commission_fixed,description,photo_url,active,stock';
const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url));

describe('parseCsv', () => {
  test('quoted cells keep commas, doubled quotes and line breaks', () => {
    const table = parseCsv('a,"b, ""c""\nd",e\r\nf,,g');
    expect(table.rows).toEqual([
      ['a', 'b, "c"\nd', 'e'],
      ['f', '', 'g'],
    ]);
  });

  test('an unclosed quote is reported with the record it opened on', () => {
    expect(parseCsv('a,b\nc,"d\ne,f').unterminatedRow).toBe(2);
  });

  test('a quote inside an unquoted cell is kept', () => {
    expect(parseCsv('5" screen,x').rows).toEqual([['5" screen', 'x']]);
  });
});

describe('the fixture file (BOM, bad price, duplicate SKU)', () => {
  const result = parseCatalog(fixture('catalog-bom.csv'));

  test('reads the header despite the byte order mark', () => {
    expect(result.problems).toEqual([]);
    expect(result.ignored).toEqual([]);
  });

  test('accepts the three good rows, whole', () => {
    expect(result.accepted.map((product) => product.sku)).toEqual(['CF-001', 'NM-002', 'MP-004']);
  });

  test('keeps a rate, a fixed amount and an empty commission apart', () => {
    const [coffee, fishSauce, sunscreen] = result.accepted;
    expect(coffee?.commission).toEqual({ kind: 'rate', rate: '4.5' });
    expect(fishSauce?.commission).toEqual({ kind: 'fixed', amount: 5_000 });
    expect(sunscreen?.commission).toBeUndefined();
  });

  test('reads grouped prices: "85.000" is 85,000 and "1.250.000" is 1,250,000', () => {
    expect(result.accepted.map((product) => product.price)).toEqual([129_900, 85_000, 1_250_000]);
  });

  test('stores a name written in NFD as NFC, with a folded search key', () => {
    const fishSauce = result.accepted[1];
    expect(fishSauce?.name).toBe('Nước mắm Phú Quốc 500ml'.normalize('NFC'));
    expect(fishSauce?.name.normalize('NFC')).toBe(fishSauce?.name);
    expect(fishSauce?.nameKey).toBe('nuoc mam phu quoc 500ml');
  });

  test('keeps a quoted description with a comma, quotes and a line break', () => {
    expect(result.accepted[1]?.description).toBe('Đậm đà, "nhãn đỏ"\nChai thủy tinh');
  });

  test('reads flags and stock words', () => {
    const [, fishSauce, sunscreen] = result.accepted;
    expect([fishSauce?.active, fishSauce?.stock]).toEqual([true, 'low']);
    expect([sunscreen?.active, sunscreen?.stock]).toEqual([false, 'out_of_stock']);
  });

  test('refuses the bad price and the later copy of a SKU, naming the first row', () => {
    // spreadsheet rows: header 1, CF-001 2, NM-002 3 (two text lines), TR-003 4, cf-001 5
    expect(result.refused).toEqual([
      {
        row: 4,
        sku: 'TR-003',
        reason: 'price must be whole đồng, without decimals: "12.5" (write 129900 or 129.900)',
      },
      { row: 5, sku: 'CF-001', reason: 'duplicate sku CF-001: row 2 has it first' },
    ]);
  });
});

describe('CSV rows', () => {
  const csv = (...rows: string[]) => parseCatalog([HEADER, ...rows].join('\n'));

  test('a row with both commission kinds is refused', () => {
    const result = csv('A1,Áo thun,Thời trang,150000,5,10000,,,,');
    expect(result.refused).toEqual([
      { row: 2, sku: 'A1', reason: 'give either commission_rate or commission_fixed, not both' },
    ]);
  });

  test('a row without a name is refused', () => {
    expect(csv('A1,,Thời trang,150000,,,,,,').refused[0]?.reason).toBe('name is required');
  });

  test('an unquoted price with a comma is refused with a hint', () => {
    const [refusal] = csv('A1,Áo thun,Thời trang,150,000,,,,,,').refused;
    expect(refusal?.reason).toMatch(/has 11 cells but the header has 10; put cells containing ","/);
  });

  test('a duplicate is refused even when the first copy was refused too', () => {
    const result = csv('A1,Áo,Thời trang,abc,,,,,,', 'A1,Áo,Thời trang,1000,,,,,,');
    expect(result.accepted).toEqual([]);
    expect(result.refused.map((refusal) => refusal.row)).toEqual([2, 3]);
  });

  test('a SKU on a row refused for its cell count still blocks a later copy', () => {
    const result = csv('A1,Áo,Thời trang,150,000,,,,,,', 'A1,Áo,Thời trang,150000,,,,,,');
    expect(result.refused[1]).toEqual({
      row: 3,
      sku: 'A1',
      reason: 'duplicate sku A1: row 2 has it first',
    });
  });

  test('blank lines are skipped but still counted as rows', () => {
    const result = csv('', ',,,,,,,,,', 'A1,Áo,Thời trang,1000,,,,,,');
    expect(result.accepted).toHaveLength(1);
    expect(result.refused).toEqual([]);
  });

  test('a semicolon-separated file is read', () => {
    const text = `${HEADER.replaceAll(',', ';')}\nA1;Áo;Thời trang;"150.000";4,5;;;;;`;
    const result = parseCatalog(text);
    expect(result.accepted[0]).toMatchObject({ price: 150_000, commission: { rate: '4.5' } });
  });

  test('a header without the required columns refuses the file', () => {
    const result = parseCatalog('sku,name\nA1,Áo');
    expect(result.accepted).toEqual([]);
    expect(result.problems[0]).toMatch(/lacks category, price/);
  });

  test('unknown columns are reported and left out', () => {
    const result = parseCatalog('SKU,Name,Category,Price,Ghi chú\nA1,Áo,Thời trang,1000,x');
    expect(result.ignored).toEqual(['ghi_chu']);
    expect(result.accepted).toHaveLength(1);
  });

  test('bytes that are not UTF-8 refuse the file', () => {
    const latin1 = Buffer.from(`${HEADER}\nA1,Caf\xe9,Drinks,1000,,,,,,`, 'latin1');
    expect(parseCatalog(latin1).problems[0]).toMatch(/not UTF-8/);
  });
});

describe('JSON files', () => {
  test('an array of products is read with typed values', () => {
    const json = JSON.stringify([
      { sku: 'B1', name: 'Bánh pía', category: 'Bánh', price: 60000, commission_rate: 4.5 },
      { sku: 'B2', name: 'Bánh tráng', category: 'Bánh', price: '45.000đ', active: false },
    ]);
    const result = parseCatalog(json);
    expect(result.refused).toEqual([]);
    expect(result.accepted.map((p) => [p.sku, p.price, p.commission, p.active])).toEqual([
      ['B1', 60_000, { kind: 'rate', rate: '4.5' }, true],
      ['B2', 45_000, undefined, false],
    ]);
  });

  test('items are numbered from 1 and refused one by one', () => {
    const json = JSON.stringify([
      { sku: 'B1', name: 'Bánh pía', category: 'Bánh', price: 60000.5 },
      'not a product',
      { sku: 'b1', name: 'Bánh pía', category: 'Bánh', price: 60000 },
    ]);
    expect(parseCatalog(json).refused).toEqual([
      { row: 1, sku: 'B1', reason: 'price must be whole đồng ≥ 0, not 60000.5' },
      { row: 2, reason: 'is not an object with product fields' },
      { row: 3, sku: 'B1', reason: 'duplicate sku B1: row 1 has it first' },
    ]);
  });

  test('JSON that is not an array refuses the file', () => {
    expect(parseCatalog('{"sku":"B1"}', 'json').problems[0]).toMatch(/must be an array/);
  });
});

describe('one product', () => {
  test('lists every problem of a bad record for the admin', () => {
    const result = parseProduct({ sku: 'a b', price: 0, photo_url: 'ftp://x', stock: 'soon' });
    expect(result.ok ? [] : result.problems).toEqual([
      'sku may only use letters, digits, ".", "_" and "-" (no spaces)',
      'name is required',
      'category is required',
      'price must be more than 0 ₫',
      'photo_url must be a web address starting with https://',
      'stock must be in_stock, low or out_of_stock, not "soon"',
    ]);
  });

  test('a fixed commission above the price is refused', () => {
    const result = parseProduct({
      sku: 'A',
      name: 'Áo',
      category: 'X',
      price: 1000,
      commission_fixed: 2000,
    });
    expect(result.ok ? [] : result.problems).toEqual([
      'commission_fixed (2000) is more than the price (1000)',
    ]);
  });
});
