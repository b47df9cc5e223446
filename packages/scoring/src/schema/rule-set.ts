import { z } from 'zod';
import {
  citationSchema,
  decimalSchema,
  idSchema,
  inputIdSchema,
  isoDateSchema,
  localizedTextSchema,
  nonNegativeDecimalSchema,
  roundingModeSchema,
  showSchema,
} from './common.js';
import { checkRuleSet } from './rule-set-checks.js';

/**
 * The rule set, version 2: a campaign's (or an index's) whole scoring as cited, JSON-serialisable
 * data. Núi Thành 2023 is one preset among several; the design is in
 * docs/decisions/0010-rule-set-v2.md. Reading order of a rule set:
 *
 *   inputs → metrics → criteria tree → adjustments → published score
 *                    ↘ eligibility, prizes, classes, targets, ranking, moves (gaps)
 *
 * Everything a unit is judged by names its citation: the source's section and sentence.
 */

// ── inputs ──────────────────────────────────────────────────────────────────────────────

export const inputSchema = z
  .object({
    id: inputIdSchema,
    /** The column title of the statistics sheet (Vietnamese) and its English rendering. */
    label: localizedTextSchema,
    /** A short name for messages, e.g. "Số hồ sơ trực tuyến" / "Online cases". Default: the label. */
    short: localizedTextSchema.optional(),
    /**
     * count: a whole number of cases ≥ 0. points: points entered by a person (self-assessment or
     * appraisal), a decimal ≥ 0. text: a comment.
     */
    kind: z.enum(['count', 'points', 'text']),
    /** The field may be left out (default: required). */
    optional: z.boolean().optional(),
    /** Points only: "x" (or null) means the criterion did not arise — neither scored nor counted. */
    notApplicable: z.boolean().optional(),
    /** One line for the template's guide sheet. */
    help: localizedTextSchema.optional(),
    citation: citationSchema.optional(),
  })
  .strict();

const comparisonSchema = z.enum(['<=', '<', '=', '>=', '>']);

export const relationSchema = z.discriminatedUnion('kind', [
  z
    .object({
      /** sum(left) op sum(right), checked when every field is present and valid. */
      kind: z.literal('compare'),
      /** The error (or warning) code, e.g. "on_time_exceeds_online". */
      code: idSchema,
      left: z.array(inputIdSchema).min(1),
      op: comparisonSchema,
      right: z.array(inputIdSchema).min(1),
      /** The field the problem is reported on (default: the last of `left`). */
      field: inputIdSchema.optional(),
      severity: z.enum(['error', 'warning']),
      /** Text with {inputId}, {left} and {right} placeholders; default: said from the labels. */
      message: localizedTextSchema.optional(),
      citation: citationSchema.optional(),
    })
    .strict(),
  z
    .object({
      /** Either every one of `fields` is given, or none. */
      kind: z.literal('together'),
      code: idSchema,
      fields: z.array(inputIdSchema).min(2),
      message: localizedTextSchema.optional(),
      citation: citationSchema.optional(),
    })
    .strict(),
]);

// ── metrics ─────────────────────────────────────────────────────────────────────────────

const metricBase = {
  id: idSchema,
  label: localizedTextSchema,
  /** A short name for messages, e.g. "Tỷ lệ trực tuyến" / "Online share". Default: the label. */
  short: localizedTextSchema.optional(),
  /** Published with the unit's figures, written this way; absent: used, not shown. */
  show: showSchema.optional(),
  citation: citationSchema.optional(),
};

export const metricSchema = z.discriminatedUnion('kind', [
  z
    .object({
      ...metricBase,
      /** sum(of) / sum(per); × 100 and written with "%" when `percent`. */
      kind: z.literal('ratio'),
      of: z.array(inputIdSchema).min(1),
      per: z.array(inputIdSchema).min(1),
      percent: z.boolean(),
      /** When sum(per) = 0 (and sum(perWhenEmpty) = 0, if given): no value (the unit has no score), 0, or full marks (100%). */
      whenEmpty: z.enum(['none', 'zero', 'full']),
      /**
       * When sum(per) = 0, the denominator the source falls back to, e.g. QĐ 766 item 1.4: "Nếu hệ
       * thống BCQG và DVCQG không có số lượng hồ sơ cần đồng bộ (mẫu số = 0 hoặc null) … Mẫu số (kỳ
       * báo cáo năm) = Tổng số lượng hồ sơ của năm trước liền kề". When it is 0 too, `whenEmpty`.
       */
      perWhenEmpty: z.array(inputIdSchema).min(1).optional(),
      /**
       * The complement: 1 − sum(of) / sum(per) (100% − the share when `percent`), e.g. "tỷ lệ giải
       * quyết đúng hạn = 100% − tỷ lệ trễ hạn". Cannot be combined with `perWhenEmpty`.
       */
      complement: z.boolean().optional(),
    })
    .strict(),
  z
    .object({
      ...metricBase,
      /** sum(of): a count. */
      kind: z.literal('sum'),
      of: z.array(inputIdSchema).min(1),
    })
    .strict(),
  z
    .object({
      ...metricBase,
      /** sum(of) − sum(less): a count that is a difference, e.g. received − resolved = pending. */
      kind: z.literal('difference'),
      of: z.array(inputIdSchema).min(1),
      less: z.array(inputIdSchema).min(1),
    })
    .strict(),
]);

// ── the criteria tree ───────────────────────────────────────────────────────────────────

/** How a leaf criterion turns a metric (or an entered figure) into points. */
export const leafScoreSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('linear'), metric: idSchema }).strict().describe('maximum × ratio'),
  z
    .object({ kind: z.literal('capped'), metric: idSchema, target: nonNegativeDecimalSchema })
    .strict()
    .describe('min(maximum, maximum × ratio / target); target in the metric\u2019s own unit (a percent for a percent metric)'),
  z
    .object({
      kind: z.literal('table'),
      metric: idSchema,
      /** Ascending `from`: the points of the last step whose `from` the metric reaches; below all, 0. */
      steps: z.array(z.object({ from: decimalSchema, points: nonNegativeDecimalSchema }).strict()).min(1),
    })
    .strict()
    .describe('a points table on the metric'),
  z
    .object({
      kind: z.literal('entered'),
      /** The points a person entered (the round that scores, e.g. the appraisal); above the maximum they are refused. */
      input: inputIdSchema,
      /** The unit's own figure from an earlier round (self-assessment), shown beside it. */
      selfInput: inputIdSchema.optional(),
      /** The assessors' comment. */
      commentInput: inputIdSchema.optional(),
    })
    .strict()
    .describe('points entered per criterion, at most its maximum (more is refused as an entry error)'),
]);

export const criterionSchema = z
  .object({
    id: idSchema,
    /** As the source numbers it, e.g. "1.1.1". */
    number: z.string().min(1).optional(),
    label: localizedTextSchema,
    /** Maximum points, as the source states them. */
    max: nonNegativeDecimalSchema,
    citation: citationSchema,
    /** A leaf's scoring; a parent has `children` instead. */
    score: leafScoreSchema.optional(),
    get children(): z.ZodOptional<z.ZodArray<typeof criterionSchema>> {
      return z.array(criterionSchema).min(1).optional();
    },
    /** A parent's points: the sum of its children (default), or the sum of weight × child. */
    aggregate: z.enum(['sum', 'weighted']).optional(),
    /** A child's weight under a weighted parent. */
    weight: nonNegativeDecimalSchema.optional(),
    /**
     * The criterion's points as its source publishes them, rounded before its parent adds them:
     * QĐ 766 publishes each item and each group to 2 decimals, and the groups add up to the total.
     */
    rounded: z.object({ decimals: z.number().int().min(0).max(10), mode: z.enum(['half-up', 'down']) }).strict().optional(),
    /** An input holding the source's own sub-total for this parent, checked against the sum. */
    stated: inputIdSchema.optional(),
    /** Published with the unit's figures. */
    show: showSchema.optional(),
  })
  .strict()
  .meta({ id: 'Criterion' });

// ── adjustments ─────────────────────────────────────────────────────────────────────────

export const adjustmentSchema = z.discriminatedUnion('kind', [
  z
    .object({
      id: idSchema,
      /** points × (metric / per), capped at `max`; `whole-percent` counts whole steps only. */
      kind: z.literal('deduction'),
      label: localizedTextSchema,
      /** A short name for a column heading. Default: the label. */
      short: localizedTextSchema.optional(),
      metric: idSchema,
      per: nonNegativeDecimalSchema,
      points: nonNegativeDecimalSchema,
      max: nonNegativeDecimalSchema,
      mode: z.enum(['proportional', 'whole-percent']),
      show: showSchema.optional(),
      citation: citationSchema,
    })
    .strict(),
  z
    .object({
      id: idSchema,
      /** The score times the value of the bracket the metric falls in (each `from` inclusive). */
      kind: z.literal('multiplier'),
      label: localizedTextSchema,
      /** A short name for a column heading. Default: the label. */
      short: localizedTextSchema.optional(),
      metric: idSchema,
      brackets: z.array(z.object({ from: decimalSchema, value: nonNegativeDecimalSchema }).strict()).min(1),
      /** Published with the unit's figures, as the bracket's value is written. */
      show: z.boolean().optional(),
      citation: citationSchema,
    })
    .strict(),
  z
    .object({
      id: idSchema,
      /** Scores below `at` become `at` (Núi Thành: no score below zero). */
      kind: z.literal('floor'),
      label: localizedTextSchema,
      at: decimalSchema,
      citation: citationSchema,
    })
    .strict(),
]);

// ── conditions, groups, prizes ──────────────────────────────────────────────────────────

/** metric (or input) op value, compared exactly in integers. */
export const conditionSchema = z
  .object({
    /** The reason code a unit gets when it fails the condition, e.g. "online-share-below-floor". */
    code: idSchema,
    metric: idSchema.optional(),
    input: inputIdSchema.optional(),
    op: comparisonSchema,
    /** In the metric's own unit: a percent for a percent metric ("65"), cases for a count. */
    value: decimalSchema,
    citation: citationSchema.optional(),
  })
  .strict();

export const prizeSchema = z
  .object({
    id: idSchema,
    label: localizedTextSchema,
    /** How many of this prize (two encouragement prizes: 2). */
    count: z.number().int().positive(),
    amountVnd: z.number().int().nonnegative().describe('Integer number of đồng'),
    /** Extra conditions for this prize only (Núi Thành: first prize needs 70% online). */
    conditions: z.array(conditionSchema).optional(),
    conditionsCitation: citationSchema.optional(),
    citation: citationSchema,
  })
  .strict();

export const groupSchema = z
  .object({
    id: idSchema,
    name: localizedTextSchema,
    /** e.g. "Nhóm 1" / "Group 1". */
    shortName: localizedTextSchema,
    citation: citationSchema,
    /** Who may be ranked and awarded; every condition must hold. */
    eligibility: z
      .object({
        conditions: z.array(conditionSchema),
        citation: citationSchema,
      })
      .strict()
      .optional(),
    /** In award order: first, second, third, encouragement… */
    prizes: z.array(prizeSchema).optional(),
    prizesCitation: citationSchema.optional(),
  })
  .strict();

// ── the whole rule set ──────────────────────────────────────────────────────────────────

export const sourceSchema = z
  .object({
    id: idSchema,
    /** The document's title, as issued. */
    title: z.string().min(1),
    /** Number and date, e.g. "Số 69/KH-UBND ngày 12/12/2022". */
    reference: z.string().min(1).optional(),
    url: z.string().min(1).optional(),
    /** What this source is, e.g. that formulas were reproduced from published data, not the decision text. */
    note: z.string().min(1).optional(),
  })
  .strict();

export const scoreSchema = z
  .object({
    /** The root of the criteria tree: its points are the score before adjustments. */
    criteria: criterionSchema,
    /** Applied in order to the root's points (see `combination`). */
    adjustments: z.array(adjustmentSchema),
    /** Whether deductions or multipliers apply first, where a rule set has both. */
    combination: z
      .object({
        mode: z.enum(['deduct-then-multiply', 'multiply-then-deduct']),
        citation: citationSchema,
      })
      .strict()
      .optional(),
    /**
     * What the source's stated sub-totals (`stated` inputs) are: `checked` (default) — each parent
     * sums its children, and a stated figure that differs is a warning; `authoritative` — the
     * appraisal council signed them, so a parent whose figure the unit's file states takes that
     * figure (its parts are still added, and a difference still warned of).
     */
    statedSubtotals: z
      .object({
        use: z.enum(['checked', 'authoritative']),
        citation: citationSchema,
      })
      .strict()
      .optional(),
    /** The published score: rounded once, at the end. */
    rounding: z
      .object({
        decimals: z.number().int().min(0).max(10),
        mode: roundingModeSchema,
        citation: citationSchema,
      })
      .strict(),
    /** The reason a unit without a score (a needed ratio of nothing) gets. */
    unscored: z
      .object({
        code: idSchema,
        message: localizedTextSchema,
        citation: citationSchema,
      })
      .strict(),
  })
  .strict();

export const ruleSetSchema = z
  .object({
    schemaVersion: z.literal(2),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'rule_set_id' }),
    title: localizedTextSchema,
    authority: localizedTextSchema,
    /** The documents cited, the first being the plan itself. */
    sources: z.array(sourceSchema).min(1),
    period: z
      .object({
        start: isoDateSchema,
        end: isoDateSchema,
        timeZone: z.string().min(1),
        /** How often results are published: the whole campaign, or each week, month… */
        cadence: z.enum(['campaign', 'week', 'month', 'quarter', 'year']).optional(),
      })
      .strict(),
    currency: z.literal('VND'),
    inputs: z.array(inputSchema).min(1),
    relations: z.array(relationSchema),
    metrics: z.array(metricSchema),
    score: scoreSchema.optional(),
    ranking: z
      .object({
        /** After the published score (descending), in order; units equal on all share a rank. */
        ties: z.array(
          z
            .object({
              metric: idSchema.optional(),
              criterion: idSchema.optional(),
              order: z.enum(['desc', 'asc']),
            })
            .strict(),
        ),
        citation: citationSchema,
        /**
         * Ranks by a criterion's points as well, each beside the rank by score, e.g. the CCHC
         * index's group I: "đứng thứ 02/10 xã, phường với số điểm 49.97/70 điểm". Among the ranked
         * units of a group; equal points share a rank.
         */
        alsoBy: z.array(z.object({ criterion: idSchema, citation: citationSchema }).strict()).optional(),
      })
      .strict()
      .optional(),
    prizePolicy: z
      .object({
        mode: z.enum(['best-qualified', 'vacate']),
        citation: citationSchema,
      })
      .strict()
      .optional(),
    classes: z
      .object({
        /** Descending `min` on the published score; a score below every `min` has no class. */
        levels: z.array(z.object({ id: idSchema, label: localizedTextSchema, min: nonNegativeDecimalSchema }).strict()).min(1),
        citation: citationSchema,
      })
      .strict()
      .optional(),
    targets: z
      .array(
        z
          .object({
            id: idSchema,
            label: localizedTextSchema,
            metric: idSchema,
            op: z.enum(['>=', '<=']),
            value: decimalSchema,
            /** The move that gets a unit there (default: the first move). */
            move: idSchema.optional(),
            citation: citationSchema,
          })
          .strict(),
      )
      .optional(),
    /**
     * What a unit can do to improve, for "cases still needed": e.g. one more case resolved online on
     * time adds 1 to total, online and on-time cases. The first is the default move.
     */
    moves: z
      .array(
        z
          .object({
            id: idSchema,
            /** What one move is, e.g. "hồ sơ trực tuyến đúng hạn" / "on-time online case". */
            label: localizedTextSchema,
            adds: z.record(inputIdSchema, z.number().int().positive()),
            citation: citationSchema.optional(),
          })
          .strict(),
      )
      .optional(),
    groups: z.array(groupSchema).min(1),
  })
  .strict()
  .superRefine(checkRuleSet)
  .meta({ id: 'RuleSet', description: '@thidua/scoring rule set, version 2 (docs/decisions/0010-rule-set-v2.md)' });

/** A campaign's rules, as data. */
export type RuleSet = z.infer<typeof ruleSetSchema>;
export type RuleSetInput = z.infer<typeof inputSchema>;
export type Relation = z.infer<typeof relationSchema>;
export type Metric = z.infer<typeof metricSchema>;

export type LeafScore = z.infer<typeof leafScoreSchema>;
export type Criterion = z.infer<typeof criterionSchema>;
export type Adjustment = z.infer<typeof adjustmentSchema>;
export type Condition = z.infer<typeof conditionSchema>;
export type RuleSetGroup = z.infer<typeof groupSchema>;
export type RuleSetPrize = z.infer<typeof prizeSchema>;
export type Target = NonNullable<RuleSet['targets']>[number];
export type Move = NonNullable<RuleSet['moves']>[number];
export type ClassLevel = NonNullable<RuleSet['classes']>['levels'][number];
export type Source = z.infer<typeof sourceSchema>;
