import { z } from 'zod';
import { citationSchema, localizedTextSchema } from './common.js';

/**
 * What the library returns, as zod schemas: the TypeScript types are inferred from them (never
 * written twice), and the leaderboard's API contract reuses them. Plain JSON: no Decimal, no Date,
 * no class instances — an evaluation can be stored, sent, signed and re-checked anywhere.
 *
 * An evaluation is lean on purpose (about 350 bytes a unit): the step-by-step working of a unit's
 * score is `explain`'s, made on demand.
 */

export const scoringIssueSchema = z
  .object({
    /** e.g. [3, "resolvedLate"]: index in the unit list, then the field. */
    path: z.array(z.union([z.string(), z.number()])),
    /** Stable machine code, listed in docs/errors.md. */
    code: z.string(),
    message: localizedTextSchema,
  })
  .meta({ id: 'ScoringIssue' });

export const policiesSchema = z
  .object({
    deduction: z.enum(['proportional', 'whole-percent']),
    combination: z.enum(['deduct-then-multiply', 'multiply-then-deduct']),
    prizes: z.enum(['best-qualified', 'vacate']),
  })
  .strict()
  .meta({ id: 'Policies', description: 'Interpretation switches, each documented in docs/rules.md' });

export const reasonSchema = z.object({ code: z.string(), message: localizedTextSchema });

export const prizeResultSchema = z
  .object({ id: z.string(), label: localizedTextSchema, amount: z.number().int().describe('đồng') })
  .meta({ id: 'Prize' });

export const gapsSchema = z
  .object({
    /** Moves to meet every eligibility condition (absent when eligible; null when out of reach). */
    eligibility: z.number().int().nullable().optional(),
    /** Moves to meet the conditions of the group's first prize that has its own (Núi Thành: 70% online). */
    prizeFloor: z.number().int().nullable().optional(),
    /** Moves to the next bracket of the first multiplier, and that bracket's value. */
    nextBracket: z.object({ moves: z.number().int(), value: z.string() }).nullable().optional(),
    /** Moves to the next class up. */
    nextClass: z.object({ moves: z.number().int(), classId: z.string() }).nullable().optional(),
    /** Moves to rank strictly ahead of the nearest unit ranked above (its figures held fixed). */
    passUnitAbove: z.object({ moves: z.number().int(), unitId: z.string() }).nullable().optional(),
    /** Per target not yet met: moves (of the target's move) to meet it; null when out of reach. */
    targets: z.record(z.string(), z.number().int().nullable()).optional(),
  })
  .meta({
    id: 'Gaps',
    description:
      'Fewest moves (the rule set\u2019s declared move, e.g. one more on-time online case) to get somewhere. A key is absent when there is nowhere to go (already there, or nothing of the kind), null when no number of moves gets there.',
  });

export const unitResultSchema = z
  .object({
    unitId: z.string(),
    unitName: z.string(),
    groupId: z.string(),
    eligible: z.boolean(),
    /** Why the unit is not eligible; present only then. */
    reasons: z.array(reasonSchema).optional(),
    /** Published score with exactly the rule set's decimals; null when the unit has no score. */
    score: z.string().nullable(),
    /** Competition rank within the group (1, 2, 2, 4); null when not ranked. */
    rank: z.number().int().nullable(),
    /** Present when the unit is awarded a prize. */
    prize: prizeResultSchema.optional(),
    /** Present when the unit is in a tie that straddles a prize boundary: the prize ids it is tied for. */
    undecidedPrizeIds: z.array(z.string()).optional(),
    /** Where the group has a prize with conditions of its own, for an eligible unit: whether it meets them. */
    meetsPrizeFloor: z.boolean().optional(),
    /** Where the rule set has classes: the class (xếp loại) of the published score, by id; null below them all. */
    class: z.string().nullable().optional(),
    /**
     * Where the rule set ranks by criteria as well (ranking.alsoBy), for a ranked unit: its rank by
     * each criterion's points among the group's ranked units (equal points share a rank).
     */
    criterionRanks: z.record(z.string(), z.number().int()).optional(),
    /** Where the rule set has targets: each target, met or not. */
    targets: z.record(z.string(), z.boolean()).optional(),
    /** The figures the rule set publishes (metrics, adjustments, criteria with `show`), written out. */
    metrics: z.record(z.string(), z.string().nullable()),
    /** Present unless the evaluation was asked for none. */
    gaps: gapsSchema.optional(),
  })
  .meta({ id: 'UnitResult', description: 'One unit\u2019s result. Optional keys are present only where they apply, so that a national roster stays small.' });

export const groupResultSchema = z
  .object({
    id: z.string(),
    name: localizedTextSchema,
    /** Ranked units' ids in rank order (ties listed by unit id, which does not affect their rank). */
    ranking: z.array(z.string()),
    /** Runs of ranked units with one published score (in rank order), and which tie rules (indices into the rule set's ranking.ties) ordered them; none: they share a rank. */
    ties: z.array(
      z.object({
        unitIds: z.array(z.string()),
        decidedBy: z.array(z.number().int()),
        /**
         * Where the rule set has tie rules: the units' figures on each of them, one row a unit in
         * `unitIds` order (each row in `ranking.ties` order, decimal text as the figure is
         * published; null: no value), so that a tie is said with the figures that decided it. Where
         * no tie rule set them apart (`decidedBy` empty) they are equal on every rule: one row, theirs.
         */
        figures: z.array(z.array(z.string().nullable())).optional(),
      }),
    ),
    /** Units not ranked, by unit id. */
    ineligibleUnitIds: z.array(z.string()),
    prizes: z.array(
      z.object({
        prizeId: z.string(),
        label: localizedTextSchema,
        amount: z.number().int(),
        unitId: z.string(),
        unitName: z.string(),
        rank: z.number().int(),
      }),
    ),
    /** One prize id per vacant slot, in prize order. */
    vacantPrizes: z.array(z.string()),
    undecided: z.array(
      z.object({
        prizeIds: z.array(z.string()),
        /** Sum of the undecided slots' amounts, in đồng. */
        amount: z.number().int(),
        unitIds: z.array(z.string()),
        rank: z.number().int(),
        message: localizedTextSchema,
      }),
    ),
    /** Sum of awarded (decided) prizes, in đồng. */
    totalAwarded: z.number().int(),
    /** Sum of every prize slot of the group, in đồng. */
    budget: z.number().int(),
  })
  .meta({ id: 'GroupResult' });

export const evaluationSchema = z
  .object({
    ruleSetId: z.string(),
    libraryVersion: z.string(),
    policies: policiesSchema,
    /** Grouped in rule-set group order, then rank, then unit id. */
    units: z.array(unitResultSchema),
    groups: z.array(groupResultSchema),
    /** Sum over groups, in đồng. */
    totalAwarded: z.number().int(),
    warnings: z.array(scoringIssueSchema),
  })
  .meta({ id: 'Evaluation', description: 'The result of @thidua/scoring evaluate()' });

export const explanationStepSchema = z
  .object({
    /** The figure's id in the rule set, or "rawScore" / "score". */
    id: z.string(),
    kind: z.enum(['metric', 'criterion', 'adjustment', 'raw', 'score']),
    /** As the source numbers a criterion, e.g. "1.1.1". */
    number: z.string().nullable(),
    label: localizedTextSchema,
    /** The formula with the unit's own numbers, e.g. "100 × 1700 / 2345". */
    formula: z.string(),
    /** Decimal text, at most 10 places; null when the figure has no value. */
    value: z.string().nullable(),
    /** False when `value` is a rounding of a longer exact value. */
    exact: z.boolean(),
    citation: citationSchema.nullable(),
    /** The parent criterion, for a criterion below the root. */
    parent: z.string().nullable(),
    depth: z.number().int(),
    /** A criterion's maximum; and the part of it that counts (without criteria that did not arise). */
    max: z.string().nullable(),
    countedMax: z.string().nullable(),
    /** Entered points marked "x": the criterion did not arise. */
    notApplicable: z.boolean(),
    /** The source's own sub-total, where the rule set records one. */
    stated: z.string().nullable(),
    /** The unit's self-assessed points and the assessors' comment, where given. */
    selfAssessed: z.string().nullable(),
    comment: z.string().nullable(),
    /**
     * In words, a rule the formula applied that its symbols cannot say: an empty denominator's rule
     * ("Mẫu số bằng 0: … tính bằng 0"), a criterion that did not arise.
     */
    note: localizedTextSchema.nullable(),
    /**
     * Where the source does not add up at this criterion, in words: its stated sub-total against the
     * sum of its parts, its stated maximum against its parts' maxima (also among the warnings).
     */
    disagreements: z.array(localizedTextSchema),
  })
  .meta({ id: 'ExplanationStep' });

export const explanationSchema = z
  .object({
    unitId: z.string(),
    unitName: z.string(),
    groupId: z.string(),
    ruleSetId: z.string(),
    policies: policiesSchema,
    score: z.string().nullable(),
    /** In the order a person would work it out: metrics, criteria (children first), adjustments, raw, published. */
    steps: z.array(explanationStepSchema),
    /** The group's eligibility conditions with the unit's numbers. */
    conditions: z.array(
      z.object({
        code: z.string(),
        label: localizedTextSchema,
        formula: z.string(),
        met: z.boolean(),
        citation: citationSchema.nullable(),
      }),
    ),
    targets: z.array(
      z.object({
        id: z.string(),
        label: localizedTextSchema,
        formula: z.string(),
        met: z.boolean(),
        citation: citationSchema,
      }),
    ),
    warnings: z.array(scoringIssueSchema),
  })
  .meta({ id: 'Explanation', description: 'One unit\u2019s score worked out step by step (explain())' });

export type ScoringIssue = z.infer<typeof scoringIssueSchema>;
export type Policies = z.infer<typeof policiesSchema>;
export type Reason = z.infer<typeof reasonSchema>;
export type Prize = z.infer<typeof prizeResultSchema>;
export type Gaps = z.infer<typeof gapsSchema>;
export type UnitResult = z.infer<typeof unitResultSchema>;
export type GroupResult = z.infer<typeof groupResultSchema>;
export type Evaluation = z.infer<typeof evaluationSchema>;
export type ExplanationStep = z.infer<typeof explanationStepSchema>;
export type Explanation = z.infer<typeof explanationSchema>;
export type AwardedPrize = GroupResult['prizes'][number];
export type UndecidedPrizes = GroupResult['undecided'][number];
