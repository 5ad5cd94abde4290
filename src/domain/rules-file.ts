import { z } from 'zod';
import { parseMoney, parseRate, type CommissionTerms, type Dong } from './money.js';
import { VIETNAM_OFFSET_MS } from './period.js';
import type { RuleBook } from './rule-book.js';
import type { TaxTable } from './tax.js';

/**
 * The rules file an admin loads with `npm run ctv -- rules load FILE`: dated rule books and
 * dated tax tables in one JSON document. Every part of a rule book but the date and default
 * rate may be left out (the defaults then apply). Example:
 *
 * ```json
 * { "ruleBooks": [{ "effectiveFrom": "2026-12-01", "defaultRate": "10",
 *     "categories": { "Mỹ phẩm": { "rate": "12" } }, "products": { "KCN-01": { "fixed": 5000 } },
 *     "tiers": [{ "threshold": 20000000, "rate": "1" }, { "threshold": 50000000, "rate": "2" }],
 *     "holdingDays": 7, "payoutMinimum": 200000, "override": { "enabled": false, "rate": "2" } }],
 *   "taxTables": [{ "effectiveFrom": "2026-01-01", "threshold": 2000000, "rate": "10" }] }
 * ```
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A day (`2026-12-01`, midnight in Vietnam) or an instant with its offset (`…T00:00:00+07:00`). */
const effectiveFrom = z.string().transform((text, ctx) => {
  const day = DAY.exec(text.trim());
  const [year, month, date] = day ? [Number(day[1]), Number(day[2]), Number(day[3])] : [0, 0, 0];
  // Date.UTC quietly rolls 2026-02-31 over to 3 March: a day must exist as written.
  const exists =
    day !== null &&
    year >= 2000 &&
    new Date(Date.UTC(year, month - 1, date)).getUTCMonth() === month - 1 &&
    date >= 1;
  const at = day
    ? exists
      ? new Date(Date.UTC(year, month - 1, date) - VIETNAM_OFFSET_MS)
      : new Date(Number.NaN)
    : /[zZ]|[+-]\d{2}:\d{2}$/.test(text)
      ? new Date(text)
      : new Date(Number.NaN);
  if (!Number.isNaN(at.getTime())) return at;
  ctx.addIssue({
    code: 'custom',
    message: `effectiveFrom must be a day such as 2026-12-01 or an instant with its offset, not "${text}"`,
  });
  return z.NEVER;
});

const rate = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const parsed = parseRate(String(value));
  if (parsed !== undefined) return parsed;
  ctx.addIssue({ code: 'custom', message: `"${value}" is not a percentage from 0 to 100` });
  return z.NEVER;
});

const dong = z.union([z.number(), z.string()]).transform((value, ctx): Dong => {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  const parsed = typeof value === 'string' ? parseMoney(value) : undefined;
  if (parsed?.ok) return parsed.amount;
  ctx.addIssue({ code: 'custom', message: `"${value}" is not an amount in whole đồng` });
  return z.NEVER;
});

const terms = z
  .union([z.object({ rate }).strict(), z.object({ fixed: dong }).strict()], {
    error: 'terms must be { "rate": "4.5" } or { "fixed": 20000 }',
  })
  .transform((value): CommissionTerms =>
    'rate' in value ? { kind: 'rate', rate: value.rate } : { kind: 'fixed', amount: value.fixed },
  );

const ruleBook = z
  .object({
    effectiveFrom,
    defaultRate: rate,
    categories: z.record(z.string(), terms).default({}),
    products: z.record(z.string(), terms).optional(),
    tiers: z.array(z.object({ threshold: dong, rate }).strict()).optional(),
    holdingDays: z.number().int().min(0).max(365).optional(),
    payoutMinimum: dong.optional(),
    override: z.object({ enabled: z.boolean(), rate }).strict().optional(),
  })
  .strict()
  .transform((book): RuleBook => ({
    ...book,
    ...(book.products && {
      products: Object.fromEntries(
        Object.entries(book.products).map(([sku, value]) => [sku.trim().toUpperCase(), value]),
      ),
    }),
    ...(book.tiers && { tiers: [...book.tiers].sort((a, b) => a.threshold - b.threshold) }),
  }));

const taxTable = z.object({ effectiveFrom, threshold: dong, rate }).strict();

const rulesFile = z
  .object({
    ruleBooks: z.array(ruleBook).default([]),
    taxTables: z.array(taxTable).default([]),
  })
  .strict()
  .refine((file) => file.ruleBooks.length + file.taxTables.length > 0, {
    message: 'the file holds no ruleBooks and no taxTables',
  });

/** The versions a rules file holds, validated. */
export interface RulesFile {
  ruleBooks: RuleBook[];
  taxTables: TaxTable[];
}

/** A valid file's rules, or every problem found in it. */
export type RulesFileResult = { ok: true; rules: RulesFile } | { ok: false; problems: string[] };

/** Reads a rules file's text; on failure, one line per problem naming where it is. */
export function parseRulesFile(text: string): RulesFileResult {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, problems: [`not valid JSON: ${(error as Error).message}`] };
  }

  const result = rulesFile.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues.map((issue) =>
      issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
    );
    return { ok: false, problems: [...new Set(problems)] };
  }

  const duplicates = [
    ...dated(result.data.ruleBooks, 'ruleBooks'),
    ...dated(result.data.taxTables, 'taxTables'),
  ];
  if (duplicates.length > 0) return { ok: false, problems: duplicates };
  return { ok: true, rules: result.data };
}

/** Two versions with the same date would make "the one in force" ambiguous. */
function dated(items: readonly { effectiveFrom: Date }[], what: string): string[] {
  const seen = new Set<number>();
  const problems: string[] = [];
  items.forEach((item, index) => {
    const time = item.effectiveFrom.getTime();
    if (seen.has(time))
      problems.push(`${what}.${index}: a second version takes effect at the same instant`);
    seen.add(time);
  });
  return problems;
}
