import {
  canonicalJson,
  statementDigest,
  statementProblems,
  type StatementModel,
} from '../../src/domain/statement.js';
import { sampleStatement } from '../../src/pdf/statement-sample.js';

/** The same statement as a fresh object graph, so nothing is shared with the original. */
function copy(model: StatementModel): StatementModel {
  return structuredClone(model);
}

describe('canonical JSON', () => {
  test('sorts keys at every depth, whatever order they were written in', () => {
    const a = canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: 'x' } });
    const b = canonicalJson({ a: { c: 'x', d: [2, { y: 2, z: 1 }] }, b: 1 });
    expect(a).toBe(b);
    expect(a).toBe('{"a":{"c":"x","d":[2,{"y":2,"z":1}]},"b":1}');
  });

  test('leaves undefined fields out, writes dates as ISO UTC and keeps array order', () => {
    const at = new Date('2026-11-30T17:00:00+07:00');
    expect(canonicalJson({ at, none: undefined, list: [3, 1, 2] })).toBe(
      '{"at":"2026-11-30T10:00:00.000Z","list":[3,1,2]}',
    );
  });

  test('puts strings in NFC, so a decomposed name digests like the composed one', () => {
    const composed = 'Nguyễn Thị Hương';
    expect(canonicalJson(composed.normalize('NFD'))).toBe(JSON.stringify(composed));
  });

  test('refuses values that have no single spelling', () => {
    expect(() => canonicalJson({ amount: Number.NaN })).toThrow(RangeError);
    expect(() => canonicalJson({ at: new Date('nope') })).toThrow(RangeError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
  });
});

describe('statementDigest', () => {
  const model = sampleStatement({ orders: 12 });

  test('is a SHA-256 in hex', () => {
    expect(statementDigest(model)).toMatch(/^[0-9a-f]{64}$/);
  });

  test('is the same for the same data, even built again from scratch', () => {
    expect(statementDigest(copy(model))).toBe(statementDigest(model));
    expect(statementDigest(sampleStatement({ orders: 12 }))).toBe(statementDigest(model));
  });

  test('does not depend on when the document was generated', () => {
    const later = { ...copy(model), generatedAt: new Date('2027-01-01T00:00:00Z') };
    expect(statementDigest(later)).toBe(statementDigest(model));
  });

  test('changes when one order amount changes by one đồng', () => {
    const changed = copy(model);
    const [first, ...rest] = changed.orders;
    changed.orders = [{ ...first!, amount: first!.amount + 1 }, ...rest];
    expect(statementDigest(changed)).not.toBe(statementDigest(model));
  });

  test('changes with a total, a reason, the payout, the version or the provisional mark', () => {
    const digest = statementDigest(model);
    const variants: StatementModel[] = [
      { ...model, totals: { ...model.totals, taxWithheld: model.totals.taxWithheld + 1 } },
      { ...model, items: [{ ...model.items[0]!, reason: 'other' }, ...model.items.slice(1)] },
      { ...model, payout: { state: 'pending' } },
      { ...model, version: 2 },
      { ...model, provisional: !model.provisional },
    ];
    for (const variant of variants) expect(statementDigest(variant)).not.toBe(digest);
  });
});

describe('statementProblems', () => {
  test('finds nothing wrong with a sound statement, empty or full', () => {
    expect(statementProblems(sampleStatement({ orders: 60 }))).toEqual([]);
    expect(statementProblems(sampleStatement({ orders: 0, noItems: true }))).toEqual([]);
  });

  test('lists amounts not in whole đồng, a bad period or version, a repeated order', () => {
    const model = copy(sampleStatement({ orders: 2 }));
    model.period = '2026-13';
    model.version = 0;
    model.orders = [model.orders[0]!, { ...model.orders[0]!, commission: 10.5 }];
    model.totals = { ...model.totals, net: Number.NaN };

    const problems = statementProblems(model);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('period'),
        expect.stringContaining('version'),
        expect.stringContaining('listed twice'),
        expect.stringContaining('commission is not whole đồng'),
        expect.stringContaining('totals.net'),
      ]),
    );
  });

  test('refuses a quantity that is not a whole number of at least one', () => {
    const model = copy(sampleStatement({ orders: 1 }));
    const order = model.orders[0]!;
    model.orders = [{ ...order, lines: [{ name: 'Kem', quantity: 0 }] }];
    expect(statementProblems(model)).toEqual([expect.stringContaining('quantity of Kem is 0')]);
  });
});
