import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Jest cannot change `TZ` for code already running, so the month-close scenario runs in
 * child processes started with other zones; every zone must print the same ledger.
 */
const script = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '../fixtures/period-close-scenario.ts',
);

function runUnder(zone: string) {
  const child = spawnSync(process.execPath, ['--import', 'tsx', script], {
    env: {
      PATH: process.env.PATH,
      TZ: zone,
      ...(process.env.MONGODB_URI && { MONGODB_URI: process.env.MONGODB_URI }),
    },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (child.status !== 0) throw new Error(`TZ=${zone} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!);
}

test('an order at 2024-03-31T18:30Z counts in April 2024 under TZ=UTC and TZ=America/Los_Angeles', () => {
  const utc = runUnder('UTC');
  const losAngeles = runUnder('America/Los_Angeles');
  expect(losAngeles).toEqual(utc);

  expect(utc.orderPeriod).toBe('2024-04');
  // March closes with nothing; April has the commission, its approval and the payout.
  expect(utc.reports[0]).toMatchObject({ period: '2024-03', approved: 0, payouts: { count: 0 } });
  expect(utc.reports[1]).toMatchObject({ period: '2024-04', approved: 1, payouts: { count: 1 } });
  expect(utc.ledger.map((row: { kind: string; period: string }) => [row.kind, row.period])).toEqual(
    [
      ['commission', '2024-04'],
      ['payout', '2024-04'],
      ['approval', '2024-04'],
    ],
  );
  expect(utc.payouts).toEqual([
    { collaboratorCode: 'CTV0001', period: '2024-04', gross: 500_000, tax: 0, net: 500_000 },
  ]);
}, 120_000);
