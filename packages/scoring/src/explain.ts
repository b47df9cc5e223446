import * as X from './arithmetic/exact.js';
import { issueMessages, ScoringInputError } from './errors.js';
import { resolvePolicies, type EvaluateOptions } from './evaluate.js';
import { Calculator, type UnitValues } from './model/calculator.js';
import { compile, type CompiledCondition, type Figure, type Program } from './model/program.js';
import { emptyRatioRules, render, valueText } from './model/render.js';
import { conditionFormula, holds } from './rules/conditions.js';
import { publishExact, scoreText } from './rules/publish.js';
import type { LocalizedText } from './schema/common.js';
import type { Explanation, ExplanationStep, Policies, ScoringIssue } from './schema/evaluation.js';
import type { RuleSet } from './schema/rule-set.js';
import type { UnitInput } from './schema/units.js';
import { validateRuleSet } from './validate-rule-set.js';
import { validateUnits } from './validate-units.js';

export interface ExplainOptions {
  /** The policies to explain under (default: the rule set's). */
  policies?: Partial<Policies>;
}

/** The published rounding as a formula writes it, in no language (like min and max); its citation says it in words. */
const roundingFunction = { 'half-up': 'round', 'half-even': 'roundHalfEven', down: 'roundDown' } as const;

/**
 * Makes an explainer for one rule set: the rule set is checked and compiled once, then each unit
 * is explained in well under a millisecond. `explain` is the one-off form.
 *
 * @throws ScoringInputError when the rule set or the options are invalid.
 */
export function explainer(ruleSet: RuleSet, options: ExplainOptions = {}): (unit: UnitInput) => Explanation {
  const checked = validateRuleSet(ruleSet);
  if (!checked.ok || !checked.ruleSet) throw new ScoringInputError(checked.errors);
  const evaluateOptions: EvaluateOptions = options.policies ? { policies: options.policies } : {};
  const program = compile(ruleSet, resolvePolicies(ruleSet, evaluateOptions));
  const calculator = new Calculator(program, true);
  return (unit) => {
    const v = validateUnits([unit], ruleSet);
    if (!v.ok) throw new ScoringInputError(v.errors);
    return explainUnit(program, calculator, unit, v.warnings);
  };
}

/**
 * One unit's score worked out step by step, as a person would redo it by hand: each metric,
 * criterion (children before their parent) and adjustment with its formula in the unit's own
 * numbers, its exact value (10 decimals at most, flagged where cut) and the sentence it comes
 * from; then the score before rounding and the published score; the eligibility conditions and
 * targets with the unit's numbers. Pass the evaluation's policies to explain a published result.
 *
 * @throws ScoringInputError when the unit, the rule set or the options are invalid.
 */
export function explain(unit: UnitInput, ruleSet: RuleSet, options: ExplainOptions = {}): Explanation {
  return explainer(ruleSet, options)(unit);
}

function explainUnit(program: Program, calculator: Calculator, unit: UnitInput, validationWarnings: ScoringIssue[]): Explanation {
  const u = calculator.values(unit);
  const run = calculator.runExact(u);
  const tape = program.tape;
  const inputText = (id: string) => {
    const index = program.inputIndex.get(id) as number;
    if (u.notApplicable?.[index] === 1) return 'x';
    return X.toDisplay(u.exactX()[index] as X.Exact).text;
  };
  const figureText = (id: string) => {
    const entered = program.entered.get(id);
    return entered && u.notApplicable?.[entered.input] === 1 ? 'x' : null;
  };
  const ctx = { tape, run, inputText, figureText };
  const valueOf = (id: string) => {
    const slot = tape.slotOf.get(id);
    return slot === undefined ? null : (run.values[slot] ?? null);
  };

  const countedMax = countedMaxima(program, u);
  const steps: ExplanationStep[] = program.figures.map((f) => step(f, program, u, ctx, valueOf, countedMax));

  let score: string | null = null;
  const rounding = program.rounding;
  const raw = program.rawSlot === null ? null : (run.values[program.rawSlot] ?? null);
  if (rounding && program.rules.score) {
    const published = raw === null ? NaN : publishExact(raw, rounding);
    score = Number.isNaN(published) ? null : scoreText(published, rounding);
    steps.push({
      ...blankStep,
    disagreements: [],
      id: 'score',
      kind: 'score',
      label: { vi: 'Điểm công bố', en: 'Published score' },
      formula: `${roundingFunction[rounding.mode]}(${valueText(raw)}, ${rounding.decimals})`,
      value: score,
      exact: true,
      citation: program.rules.score.rounding.citation,
    });
  }

  const group = program.groups.get(unit.group);
  const inputValue = (index: number) => inputText((program.inputs[index] as { id: string }).id);
  const conditionLabel = (c: CompiledCondition) => ({
    vi: `${c.metric.short.vi} ${opSymbol[c.op]} ${c.value.replace('.', ',')}${c.metric.unit}`,
    en: `${c.metric.short.en} ${opSymbol[c.op]} ${c.value}${c.metric.unit}`,
  });
  const flagged = new Map<string, LocalizedText[]>();
  const flag = (criterion: string, message: LocalizedText) => flagged.set(criterion, [...(flagged.get(criterion) ?? []), message]);
  for (const d of program.maximumDisagreements) flag(d.criterion, issueMessages.stated_maximum_mismatch(d.number, d.stated, d.sum));
  const warnings: ScoringIssue[] = [...program.sourceWarnings, ...validationWarnings.map((w) => ({ ...w, path: w.path.slice(1) }))];
  for (const s of program.stated) {
    const stated = unit[(program.inputs[s.input] as { id: string }).id];
    const computed = run.values[s.slot] ?? null;
    if (stated === undefined || stated === null || stated === 'x' || computed === null) continue;
    const statedExact = X.exact(String(stated));
    if (X.cmp(statedExact, computed) !== 0) {
      const message = issueMessages.stated_subtotal_mismatch(s.number, X.toDisplay(statedExact).text, X.toDisplay(computed).text);
      warnings.push({ path: [(program.inputs[s.input] as { id: string }).id], code: 'stated_subtotal_mismatch', message });
      flag(s.criterion, message);
    }
  }
  // Each disagreement also in place, at its criterion (the scorecard flags it there).
  for (const step of steps) {
    const found = flagged.get(step.id);
    if (found) step.disagreements = found;
  }

  return {
    unitId: unit.id,
    unitName: unit.name,
    groupId: unit.group,
    ruleSetId: program.rules.id,
    policies: program.policies,
    score,
    steps,
    conditions: (group?.eligibility ?? []).map((c) => ({
      code: c.code,
      label: conditionLabel(c),
      formula: conditionFormula(c, u, inputValue),
      met: holds(c, u),
      citation: c.citation,
    })),
    targets: program.targets.map((t) => ({
      id: t.id,
      label: (program.rules.targets ?? []).find((x) => x.id === t.id)?.label ?? conditionLabel(t.condition),
      formula: conditionFormula(t.condition, u, inputValue),
      met: holds(t.condition, u),
      citation: (program.rules.targets ?? []).find((x) => x.id === t.id)?.citation ?? (t.condition.citation as NonNullable<typeof t.condition.citation>),
    })),
    warnings,
  };
}

const opSymbol = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' } as const;

const blankStep = {
  number: null,
  citation: null,
  parent: null,
  depth: 0,
  max: null,
  countedMax: null,
  notApplicable: false,
  stated: null,
  selfAssessed: null,
  comment: null,
  note: null,
} as const;

/** What a formula's arrows mean, in words: the empty-denominator rules and "did not arise". */
const notes: Record<'none' | 'zero' | 'full' | 'fallback' | 'notApplicable', LocalizedText> = {
  zero: { vi: 'Mẫu số bằng 0: theo quy tắc của chỉ số, tỷ lệ tính bằng 0.', en: 'The denominator is 0: by the metric\u2019s rule, the share counts as 0.' },
  full: { vi: 'Mẫu số bằng 0: theo quy tắc của chỉ số, tỷ lệ tính là 100% (đủ điểm).', en: 'The denominator is 0: by the metric\u2019s rule, the share counts as 100% (full marks).' },
  none: {
    vi: 'Mẫu số bằng 0: theo quy tắc của chỉ số, tỷ lệ không có giá trị nên đơn vị không được chấm điểm.',
    en: 'The denominator is 0: by the metric\u2019s rule, the share has no value, so the unit is not scored.',
  },
  fallback: {
    vi: 'Mẫu số của kỳ này bằng 0: theo văn bản, dùng mẫu số thay thế (số liệu năm trước liền kề).',
    en: 'This period\u2019s denominator is 0: as the source says, its fallback (the previous year\u2019s figure) is used.',
  },
  notApplicable: {
    vi: 'Không phát sinh: không chấm điểm và không tính vào điểm tối đa của tiêu chí trên.',
    en: 'Did not arise: not scored, and not counted in the maximum of the criterion above.',
  },
};

function noteOf(rules: readonly (keyof typeof notes)[]): LocalizedText | null {
  if (rules.length === 0) return null;
  const picked = rules.map((r) => notes[r]);
  return { vi: picked.map((n) => n.vi).join(' '), en: picked.map((n) => n.en).join(' ') };
}

function step(
  f: Figure,
  program: Program,
  u: UnitValues,
  ctx: Parameters<typeof render>[1],
  valueOf: (id: string) => X.Exact | null,
  countedMax: ReadonlyMap<string, X.Exact>,
): ExplanationStep {
  const value = valueOf(f.id);
  const shown = value === null ? null : X.toDisplay(value);
  const entered = program.entered.get(f.id);
  const inputAt = (index: number | null | undefined) => (index === null || index === undefined ? null : u.input[(program.inputs[index] as { id: string }).id]);
  const stated = f.criterion?.stated !== undefined ? u.input[f.criterion.stated] : undefined;
  const self = inputAt(entered?.selfInput);
  const comment = inputAt(entered?.commentInput);
  const notApplicable = entered !== undefined && u.notApplicable?.[entered.input] === 1;
  return {
    ...blankStep,
    disagreements: [],
    id: f.id,
    kind: f.kind,
    number: f.number,
    label: f.label,
    formula: notApplicable ? 'x' : render(f.expr, ctx),
    value: shown?.text ?? null,
    exact: shown?.exact ?? true,
    citation: f.citation,
    parent: f.parent,
    depth: f.depth,
    max: f.max,
    countedMax: f.kind === 'criterion' ? X.toDisplay(countedMax.get(f.id) as X.Exact).text : null,
    notApplicable,
    stated: stated === undefined || stated === null ? null : String(stated),
    selfAssessed: self === undefined || self === null ? null : String(self),
    comment: typeof comment === 'string' ? comment : null,
    note: noteOf(notApplicable ? ['notApplicable'] : emptyRatioRules(f.expr, ctx)),
  };
}

/** Each criterion's maximum without the maxima of its criteria that did not arise ("x"). */
function countedMaxima(program: Program, u: UnitValues): Map<string, X.Exact> {
  const counted = new Map<string, X.Exact>();
  for (const f of program.figures) {
    if (f.kind !== 'criterion' || !f.criterion) continue;
    const node = f.criterion;
    const entered = program.entered.get(f.id);
    if (entered && u.notApplicable?.[entered.input] === 1) counted.set(f.id, X.ZERO);
    else if (node.children) {
      const left = node.children.reduce((sum, c) => X.add(sum, X.sub(X.exact(c.max), counted.get(c.id) as X.Exact)), X.ZERO);
      counted.set(f.id, X.max(X.ZERO, X.sub(X.exact(node.max), left)));
    } else counted.set(f.id, X.exact(node.max));
  }
  return counted;
}
