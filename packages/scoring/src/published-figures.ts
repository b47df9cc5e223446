import { z } from 'zod';
import { localizedTextSchema } from './schema/common.js';
import type { Criterion, RuleSet } from './schema/rule-set.js';

/**
 * A figure the rule set publishes with each unit (`show`), as a table column or a line of a unit
 * page: its id (the key of `UnitResult.metrics`), what it is called, and how it reads.
 */
export const publishedFigureSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['metric', 'adjustment', 'criterion']),
    label: localizedTextSchema,
    /** A short name for a column heading: the metric's `short`, a criterion's number, else the label. */
    short: localizedTextSchema,
    /** A share written as a percentage (the value is already ×100). */
    percent: z.boolean(),
    /** A criterion's number as the source gives it, e.g. "1.1". */
    number: z.string().nullable(),
    /** A criterion's maximum, as the source states it. */
    max: z.string().nullable(),
    /** A criterion's parent (null for the root, a metric or an adjustment) and its depth below the root. */
    parent: z.string().nullable(),
    depth: z.number().int(),
  })
  .meta({ id: 'PublishedFigure' });

export type PublishedFigure = z.infer<typeof publishedFigureSchema>;

/**
 * The figures the rule set publishes, in reading order: metrics, then adjustments, then criteria
 * (parents before their children, as the source lists them). Every view of an evaluation — the
 * command line, the spreadsheets, the leaderboard — takes its columns from here.
 */
export function publishedFigures(ruleSet: RuleSet): PublishedFigure[] {
  const out: PublishedFigure[] = [];
  for (const m of ruleSet.metrics) {
    if (m.show) out.push({ id: m.id, kind: 'metric', label: m.label, short: m.short ?? m.label, percent: m.kind === 'ratio' && m.percent === true, number: null, max: null, parent: null, depth: 0 });
  }
  for (const a of ruleSet.score?.adjustments ?? []) {
    if ((a.kind === 'deduction' || a.kind === 'multiplier') && a.show) {
      out.push({ id: a.id, kind: 'adjustment', label: a.label, short: a.short ?? a.label, percent: false, number: null, max: null, parent: null, depth: 0 });
    }
  }
  const visit = (c: Criterion, parent: string | null, depth: number) => {
    if (c.show) {
      const short = c.number ? { vi: c.number, en: c.number } : c.label;
      out.push({ id: c.id, kind: 'criterion', label: c.label, short, percent: false, number: c.number ?? null, max: c.max, parent, depth });
    }
    for (const child of c.children ?? []) visit(child, c.id, depth + 1);
  };
  if (ruleSet.score) visit(ruleSet.score.criteria, null, 0);
  return out;
}
