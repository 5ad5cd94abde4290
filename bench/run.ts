import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * A small benchmark runner: `npm run bench` runs every `bench/*.bench.ts`; words after `--`
 * keep only the benchmarks whose file or name contains one of them, and `--runs=N` overrides
 * the number of timed runs. Each benchmark is warmed up first (JIT, font parsing, caches), then
 * timed run by run; figures are per operation, so they compare across machines and run counts.
 */

/** Extra figures one operation reports, averaged per operation (bytes of output, say). */
export type Figures = Record<string, number>;

/** One measured operation, as a `*.bench.ts` file exports it in `benchmarks`. */
export interface Benchmark {
  name: string;
  /** Timed runs. */
  runs: number;
  /** Untimed runs before them; 3 unless said. */
  warmup?: number;
  run(): Promise<Figures | void> | Figures | void;
}

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

/** Runs one benchmark and returns its line of results. */
async function measure(bench: Benchmark, runs: number): Promise<string> {
  for (let i = 0; i < (bench.warmup ?? 3); i += 1) await bench.run();

  const times: number[] = [];
  const totals: Figures = {};
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    const figures = await bench.run();
    times.push(performance.now() - start);
    for (const [key, value] of Object.entries(figures ?? {})) {
      totals[key] = (totals[key] ?? 0) + value;
    }
  }

  const sorted = [...times].sort((a, b) => a - b);
  const mean = times.reduce((sum, time) => sum + time, 0) / times.length;
  const ms = (value: number) => `${value.toFixed(2)} ms`;
  const extras = Object.entries(totals).map(
    ([key, total]) => `${key}/op ${Math.round(total / runs).toLocaleString('en')}`,
  );
  return [
    bench.name.padEnd(48),
    `runs ${runs}`,
    `mean ${ms(mean)}/op`,
    `median ${ms(quantile(sorted, 0.5))}`,
    `p95 ${ms(quantile(sorted, 0.95))}`,
    ...extras,
  ].join('  ');
}

async function main(args: readonly string[]): Promise<void> {
  const runsArg = args.find((arg) => arg.startsWith('--runs='));
  const runs = runsArg ? Number(runsArg.slice('--runs='.length)) : undefined;
  if (runs !== undefined && (!Number.isSafeInteger(runs) || runs < 1)) {
    throw new Error(`--runs must be a whole number ≥ 1, got ${runsArg}`);
  }
  const filters = args.filter((arg) => !arg.startsWith('--'));
  const wanted = (text: string) => filters.length === 0 || filters.some((f) => text.includes(f));

  const files = readdirSync(BENCH_DIR)
    .filter((name) => name.endsWith('.bench.ts'))
    .sort();
  for (const file of files) {
    const module = (await import(pathToFileURL(path.join(BENCH_DIR, file)).href)) as {
      benchmarks?: Benchmark[];
    };
    const chosen = (module.benchmarks ?? []).filter((b) => wanted(file) || wanted(b.name));
    if (chosen.length === 0) continue;

    console.log(`\n${file}`);
    for (const bench of chosen) console.log(`  ${await measure(bench, runs ?? bench.runs)}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
