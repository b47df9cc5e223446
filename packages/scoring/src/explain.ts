import { toDisplay, toFixed, type Num } from './decimal.js';
import { baseScore } from './rules/base-score.js';
import { rawScore } from './rules/combine-score.js';
import type { Counts } from './rules/counts.js';
import { lateDeduction, latePercent } from './rules/late-deduction.js';
import { formatScore, publishScore } from './rules/publish-score.js';
import { volumeBracket } from './rules/volume-coefficient.js';
import type { RuleSet } from './schema/rule-set.js';
import type { BreakdownStep, Citation, LocalizedText, Policies } from './types.js';

const labels = {
  base: { vi: 'Tỷ lệ hồ sơ trực tuyến đúng hạn, trước hạn (thang điểm 100)', en: 'On-time online cases (100-point scale)' },
  latePercent: { vi: 'Tỷ lệ hồ sơ trễ hạn (%)', en: 'Late cases (%)' },
  deduction: { vi: 'Điểm trừ trễ hạn', en: 'Late-case deduction' },
  coefficient: { vi: 'Hệ số phát sinh hồ sơ (theo số hồ sơ trực tuyến)', en: 'Volume coefficient (by online cases)' },
  rawScore: { vi: 'Điểm chưa làm tròn', en: 'Score before rounding' },
  score: { vi: 'Điểm công bố', en: 'Published score' },
} satisfies Record<string, LocalizedText>;

const roundingVi = { 'half-up': 'làm tròn nửa lên', 'half-even': 'làm tròn nửa chẵn', down: 'làm tròn xuống' };

/**
 * One flat string from its parts. A template literal keeps a tree of its pieces, about three times
 * the memory of the text, and an evaluation keeps six formulas for each of thousands of units.
 */
const text = (...parts: (string | number)[]): string => parts.join('');

export interface ScoreFigures {
  published: Num;
  score: string;
  steps: BreakdownStep[];
  metrics: { onTimeOnlinePercent: string; latePercent: string; deduction: string; coefficient: string };
}

/**
 * A unit's score with every step spelled out — value, formula with the unit's own numbers, and the
 * plan sentence behind it — so a person can redo it by hand. The score itself is computed exactly
 * by the rules; the intermediate values here are for reading.
 */
export function explainScore(c: Counts, rules: RuleSet, policies: Policies): ScoreFigures {
  const s = rules.score;
  const base = baseScore(c, rules);
  const late = latePercent(c);
  const deduction = lateDeduction(c, rules, policies.deduction);
  const { index, bracket } = volumeBracket(c.O, rules);
  const nextBracket = s.coefficient.brackets[index + 1];
  const raw = rawScore(c, rules, policies.deduction, policies.combination, deduction);
  const published = publishScore(raw, rules);
  const score = formatScore(published, rules);

  const baseShown = toDisplay(base);
  const lateShown = toDisplay(late);
  const deductionShown = toDisplay(deduction.points);
  const rawShown = toDisplay(raw);
  const coefficient = bracket.coefficient;

  const step = (
    id: string,
    label: LocalizedText,
    formula: string,
    shown: { value: string; exact: boolean },
    citation: Citation,
  ): BreakdownStep => ({ id, label, formula, value: shown.value, exact: shown.exact, citation });

  const deductionFormula =
    policies.deduction === 'proportional'
      ? text('min(', s.deduction.maxPoints, ', ', s.deduction.pointsPerPercent, ' × ', lateShown.value, ')')
      : text('min(', s.deduction.maxPoints, ', ', s.deduction.pointsPerPercent, ' × ⌊', lateShown.value, '⌋)');
  const bracketText = nextBracket
    ? text(c.O, ': ', bracket.minResolvedOnline, ' ≤ ', c.O, ' < ', nextBracket.minResolvedOnline, ' → ', coefficient)
    : text(c.O, ': ', c.O, ' ≥ ', bracket.minResolvedOnline, ' → ', coefficient);
  const inner =
    policies.combination === 'deduct-then-multiply'
      ? text('(', baseShown.value, ' − ', deductionShown.value, ') × ', coefficient)
      : text(baseShown.value, ' × ', coefficient, ' − ', deductionShown.value);
  const rawFormula = s.combination.floorAtZero ? text('max(0, ', inner, ')') : inner;
  const modeVi = roundingVi[s.rounding.mode];

  const steps: BreakdownStep[] = [
    step(
      'base',
      labels.base,
      text(c.T, ' / ', c.R, ' × ', s.base.scale),
      baseShown,
      s.base.citation,
    ),
    step(
      'latePercent',
      labels.latePercent,
      text(c.L, ' / ', c.R, ' × 100'),
      lateShown,
      s.deduction.citation,
    ),
    step(
      'deduction',
      labels.deduction,
      deductionFormula,
      deductionShown,
      s.deduction.citation,
    ),
    step(
      'coefficient',
      labels.coefficient,
      bracketText,
      { value: coefficient, exact: true },
      s.coefficient.citation,
    ),
    step('rawScore', labels.rawScore, rawFormula, rawShown, s.combination.citation),
    step(
      'score',
      labels.score,
      text(modeVi, ' ', s.rounding.decimals, ' chữ số thập phân / ', s.rounding.mode, ', ', s.rounding.decimals, ' decimals: ', rawShown.value),
      { value: score, exact: true },
      s.rounding.citation,
    ),
  ];

  return {
    published,
    score,
    steps,
    metrics: {
      onTimeOnlinePercent: toFixed(base, 2),
      latePercent: toFixed(late, 2),
      deduction: toFixed(deduction.points, 2),
      coefficient,
    },
  };
}
