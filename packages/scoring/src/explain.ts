import { cmp, flat, lastDisplayExact, toDisplay, toFixed, type Num } from './decimal.js';
import { baseScore } from './rules/base-score.js';
import { rawScore } from './rules/combine-score.js';
import type { Counts } from './rules/counts.js';
import { onlineShareDown } from './rules/eligibility.js';
import { lateDeduction, latePercent } from './rules/late-deduction.js';
import { formatScore, publishScore } from './rules/publish-score.js';
import { volumeBracketIndex } from './rules/volume-coefficient.js';
import type { RuleSet } from './schema/rule-set.js';
import type { BreakdownStep, Citation, LocalizedText, Policies, UnitMetrics } from './types.js';

const labels = {
  base: { vi: 'Tỷ lệ hồ sơ trực tuyến đúng hạn, trước hạn (thang điểm 100)', en: 'On-time online cases (100-point scale)' },
  latePercent: { vi: 'Tỷ lệ hồ sơ trễ hạn (%)', en: 'Late cases (%)' },
  deduction: { vi: 'Điểm trừ trễ hạn', en: 'Late-case deduction' },
  coefficient: { vi: 'Hệ số phát sinh hồ sơ (theo số hồ sơ trực tuyến)', en: 'Volume coefficient (by online cases)' },
  rawScore: { vi: 'Điểm chưa làm tròn', en: 'Score before rounding' },
  score: { vi: 'Điểm công bố', en: 'Published score' },
} satisfies Record<string, LocalizedText>;

const roundingVi = { 'half-up': 'làm tròn nửa lên', 'half-even': 'làm tròn nửa chẵn', down: 'làm tròn xuống' };

/** A unit's score and the figures shown beside it. */
export interface ScoreFigures {
  published: Num;
  score: string;
  breakdown: BreakdownStep[];
  metrics: UnitMetrics;
}

/**
 * The parts of every formula that depend only on the rule set and policies, written once per
 * evaluation; a unit's formula is then its own numbers joined to them. A national roster has tens
 * of thousands of formulas, and most of each is the same text.
 */
interface FormulaParts {
  baseTail: string;
  /** "min(5, 1 × " and its closing, by deduction policy. */
  deductionHead: string;
  deductionTail: string;
  /** Per coefficient bracket: ": 300 ≤ " and " < 600 → 0.2" (or ": " and " ≥ 2700 → 1" at the top). */
  bracketMiddle: string[];
  bracketTail: string[];
  /**
   * The score before rounding is rawHead + base + rawMiddle[bracket] + deduction + rawTail[bracket]:
   * "max(0, (" … " − " … ") × 0.4)" deducting first, "max(0, " … " × 0.4 − " … ")" multiplying first.
   */
  rawHead: string;
  rawMiddle: string[];
  rawTail: string[];
  scoreHead: string;
}

function formulaParts(rules: RuleSet, policies: Policies): FormulaParts {
  const s = rules.score;
  const brackets = s.coefficient.brackets;
  const deductFirst = policies.combination === 'deduct-then-multiply';
  const floorAtZero = s.combination.floorAtZero;
  const open = floorAtZero ? 'max(0, ' : '';
  const close = floorAtZero ? ')' : '';
  return {
    baseTail: ` × ${s.base.scale}`,
    deductionHead: `min(${s.deduction.maxPoints}, ${s.deduction.pointsPerPercent} × ${policies.deduction === 'proportional' ? '' : '⌊'}`,
    deductionTail: policies.deduction === 'proportional' ? ')' : '⌋)',
    bracketMiddle: brackets.map((b, i) => (brackets[i + 1] ? `: ${b.minResolvedOnline} ≤ ` : ': ')),
    bracketTail: brackets.map((b, i) => {
      const next = brackets[i + 1];
      return next ? ` < ${next.minResolvedOnline} → ${b.coefficient}` : ` ≥ ${b.minResolvedOnline} → ${b.coefficient}`;
    }),
    rawHead: deductFirst ? open + '(' : open,
    rawMiddle: brackets.map((b) => (deductFirst ? ' − ' : ` × ${b.coefficient} − `)),
    rawTail: brackets.map((b) => (deductFirst ? `) × ${b.coefficient}${close}` : close)),
    scoreHead: `${roundingVi[s.rounding.mode]} ${s.rounding.decimals} chữ số thập phân / ${s.rounding.mode}, ${s.rounding.decimals} decimals: `,
  };
}

const step = (
  id: string,
  label: LocalizedText,
  formula: string,
  value: string,
  exact: boolean,
  citation: Citation,
): BreakdownStep => ({ id, label, formula: flat(formula), value, exact, citation });

/**
 * A scorer for one rule set and policies: a unit's score with every step spelled out — value,
 * formula with the unit's own numbers, and the plan sentence behind it — so a person can redo it
 * by hand. The score itself is computed exactly by the rules; the intermediate values here are for
 * reading.
 */
export function scoreExplainer(rules: RuleSet, policies: Policies): (c: Counts) => ScoreFigures {
  const s = rules.score;
  const parts = formulaParts(rules, policies);
  // The coefficient's formula depends on O alone, which the units of a national roster share many
  // times over: each such text is made once per explainer (that is, per evaluation) and shared.
  const coefficientFormulas = new Map<number, string>();
  const coefficientFormula = (O: number, index: number): string => {
    let formula = coefficientFormulas.get(O);
    if (formula === undefined) {
      const shown = String(O);
      formula = flat(shown + (parts.bracketMiddle[index] as string) + shown + parts.bracketTail[index]);
      coefficientFormulas.set(O, formula);
    }
    return formula;
  };
  return (c) => {
    const base = baseScore(c, rules);
    const late = latePercent(c);
    const deduction = lateDeduction(c, rules, policies.deduction);
    const index = volumeBracketIndex(c.O, rules);
    const coefficient = (s.coefficient.brackets[index] as { coefficient: string }).coefficient;
    const raw = rawScore(c, rules, policies.deduction, policies.combination, deduction.pointsTimesR);
    const published = publishScore(raw, rules);
    const score = formatScore(published, rules);

    const baseShown = toDisplay(base);
    const baseExact = lastDisplayExact();
    const lateShown = toDisplay(late);
    const lateExact = lastDisplayExact();
    // Below the cap at one point per percent, the deduction is the late share itself: its figures
    // are the same text, made once.
    const sameAsLate = cmp(deduction.points, late) === 0;
    const deductionShown = sameAsLate ? lateShown : toDisplay(deduction.points);
    const deductionExact = sameAsLate ? lateExact : lastDisplayExact();
    const rawShown = toDisplay(raw);
    const rawExact = lastDisplayExact();
    const latePercentFixed = toFixed(late, 2);
    const R = String(c.R);

    return {
      published,
      score,
      breakdown: [
        step('base', labels.base, c.T + ' / ' + R + parts.baseTail, baseShown, baseExact, s.base.citation),
        step('latePercent', labels.latePercent, c.L + ' / ' + R + ' × 100', lateShown, lateExact, s.deduction.citation),
        step(
          'deduction',
          labels.deduction,
          parts.deductionHead + lateShown + parts.deductionTail,
          deductionShown,
          deductionExact,
          s.deduction.citation,
        ),
        step('coefficient', labels.coefficient, coefficientFormula(c.O, index), coefficient, true, s.coefficient.citation),
        step(
          'rawScore',
          labels.rawScore,
          parts.rawHead + baseShown + parts.rawMiddle[index] + deductionShown + parts.rawTail[index],
          rawShown,
          rawExact,
          s.combination.citation,
        ),
        // Left as the shared rounding text joined to the shared raw figure: as one flat string it
        // would be the longest text of every unit.
        { id: 'score', label: labels.score, formula: parts.scoreHead + rawShown, value: score, exact: true, citation: s.rounding.citation },
      ],
      metrics: {
        onlineSharePercent: onlineShareDown(c),
        onTimeOnlinePercent: toFixed(base, 2),
        latePercent: latePercentFixed,
        deduction: sameAsLate ? latePercentFixed : toFixed(deduction.points, 2),
        coefficient,
      },
    };
  };
}
