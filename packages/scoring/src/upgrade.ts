import type { z } from 'zod';
import { dvcCountInputs, dvcCountMetrics, dvcCountRelations, labels, onTimeOnlineCase, shortLabels, unscoredNoCases } from './presets/dvc-counts.js';
import type { ScoringIssue } from './schema/evaluation.js';
import type { Adjustment, RuleSet } from './schema/rule-set.js';
import { ruleSetV1Schema, type RuleSetV1 } from './schema/rule-set-v1.js';
import { isVersion1, toScoringIssue, validateRuleSet } from './validate-rule-set.js';

export interface RuleSetUpgrade {
  ok: boolean;
  /** The rule set in version 2 (the input itself when it already was). */
  ruleSet: RuleSet | null;
  /** True when the input was a version 1 rule set. */
  upgraded: boolean;
  errors: ScoringIssue[];
  /** As `validateRuleSet`'s: what the source itself does not make add up. */
  warnings: ScoringIssue[];
}

/**
 * Reads a rule set of either version: a version 2 rule set is validated as it is; a version 1 rule
 * set (@thidua/scoring 0.1, Núi Thành's shape) is validated as version 1, then converted — every
 * figure, citation and policy carried over — into the version 2 model, where it scores exactly as
 * before. Used by `thidua rules upgrade` and by everything that reads stored or uploaded rules.
 */
export function upgradeRuleSet(input: unknown): RuleSetUpgrade {
  if (!isVersion1(input)) {
    const v = validateRuleSet(input);
    return { ok: v.ok, ruleSet: v.ruleSet, upgraded: false, errors: v.errors, warnings: v.warnings };
  }
  const parsed = ruleSetV1Schema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      ruleSet: null,
      upgraded: true,
      errors: parsed.error.issues.map((issue) => toScoringIssue(issue, input, ruleSetV1Schema as unknown as z.core.$ZodType)),
      warnings: [],
    };
  }
  const converted = validateRuleSet(fromVersion1(parsed.data));
  return { ok: converted.ok, ruleSet: converted.ruleSet, upgraded: true, errors: converted.errors, warnings: converted.warnings };
}

/** The version 2 form of a version 1 rule set. */
export function fromVersion1(v1: RuleSetV1): RuleSet {
  const s = v1.score;
  const shareCitation = v1.groups[0]?.eligibility.citation ?? s.base.citation;
  const adjustments: Adjustment[] = [
    {
      id: 'deduction',
      kind: 'deduction',
      label: labels.deduction,
      short: shortLabels.deduction,
      metric: 'lateShare',
      per: '1',
      points: s.deduction.pointsPerPercent,
      max: s.deduction.maxPoints,
      mode: s.deduction.mode,
      show: { decimals: 2, rounding: 'half-up' },
      citation: s.deduction.citation,
    },
    {
      id: 'coefficient',
      kind: 'multiplier',
      label: labels.coefficient,
      short: shortLabels.coefficient,
      metric: 'onlineCases',
      brackets: s.coefficient.brackets.map((b) => ({ from: String(b.minResolvedOnline), value: b.coefficient })),
      show: true,
      citation: s.coefficient.citation,
    },
  ];
  if (s.combination.floorAtZero) adjustments.push({ id: 'floorAtZero', kind: 'floor', label: labels.floorAtZero, at: '0', citation: s.combination.citation });

  return {
    schemaVersion: 2,
    id: v1.id,
    title: v1.title,
    authority: v1.authority,
    sources: [{ id: 'plan', title: v1.source.title, ...(v1.source.note !== undefined ? { note: v1.source.note } : {}) }],
    period: v1.period,
    currency: v1.currency,
    inputs: dvcCountInputs,
    relations: dvcCountRelations,
    metrics: dvcCountMetrics({ share: shareCitation, onTime: s.base.citation, late: s.deduction.citation, volume: s.coefficient.citation }),
    score: {
      criteria: {
        id: 'base',
        label: labels.base,
        max: String(s.base.scale),
        citation: s.base.citation,
        score: { kind: 'linear', metric: 'onTimeShare' },
      },
      adjustments,
      combination: { mode: s.combination.mode, citation: s.combination.citation },
      rounding: s.rounding,
      unscored: { ...unscoredNoCases, citation: shareCitation },
    },
    ranking: { ties: [{ metric: 'onlineShare', order: 'desc' }, { metric: 'onlineCases', order: 'desc' }], citation: v1.ranking.citation },
    prizePolicy: v1.prizePolicy,
    moves: [onTimeOnlineCase],
    groups: v1.groups.map((g) => ({
      id: g.id,
      name: g.name,
      shortName: g.shortName,
      citation: g.citation,
      eligibility: {
        conditions: [
          { code: 'online-share-below-floor', metric: 'onlineShare', op: '>=', value: g.eligibility.minOnlineSharePercent },
          ...(g.eligibility.minResolvedOnline > 0
            ? [{ code: 'online-cases-below-minimum', metric: 'onlineCases', op: '>=' as const, value: String(g.eligibility.minResolvedOnline) }]
            : []),
        ],
        citation: g.eligibility.citation,
      },
      prizes: g.prizes.map((p) => ({
        id: p.id,
        label: p.label,
        count: p.count,
        amountVnd: p.amountVnd,
        ...(p.minOnlineSharePercent !== undefined
          ? {
              conditions: [{ code: 'prize-online-share-below-floor', metric: 'onlineShare', op: '>=' as const, value: p.minOnlineSharePercent }],
              ...(p.floorCitation !== undefined ? { conditionsCitation: p.floorCitation } : {}),
            }
          : {}),
        citation: p.citation,
      })),
      prizesCitation: g.prizesCitation,
    })),
  };
}
