import { statementDigest } from '../src/domain/statement.js';
import { Catalogue } from '../src/i18n/i18n.js';
import { sampleStatement } from '../src/pdf/statement-sample.js';
import { renderStatement } from '../src/pdf/statement.renderer.js';
import type { Benchmark } from './run.js';

/**
 * What one monthly statement costs: render time and PDF size of a typical month (30 orders) and
 * a busy one (60 orders), and the digest alone. The monthly job renders one per collaborator
 * with activity, so ms/op × collaborators is the job's PDF time.
 */

const catalogue = new Catalogue();
const typical = sampleStatement({ orders: 30 });
const busy = sampleStatement({ orders: 60 });
const english = sampleStatement({ orders: 30, locale: 'en', provisional: true });

async function render(model: typeof typical) {
  const pdf = await renderStatement(model, catalogue);
  return { bytes: pdf.length };
}

export const benchmarks: Benchmark[] = [
  { name: 'render statement, 30 orders (vi)', runs: 40, run: () => render(typical) },
  { name: 'render statement, 30 orders (en, provisional)', runs: 20, run: () => render(english) },
  { name: 'render statement, 60 orders (vi)', runs: 20, run: () => render(busy) },
  { name: 'statementDigest, 60 orders', runs: 2000, run: () => void statementDigest(busy) },
];
