import { z } from 'zod';
import type { RuleCheckKey } from '../errors.js';

/**
 * The rule set of version 1 (@thidua/scoring 0.1): one shape of plan, Núi Thành's. Kept only to read
 * such files and convert them (upgrade.ts); everything else speaks version 2.
 */

const localizedText = z
  .object({
    vi: z.string().min(1),
    en: z.string().min(1),
  })
  .strict();

const citationSchema = z
  .object({
    section: z.string().min(1).describe('Section of the plan, e.g. "III.1"'),
    text: z.string().min(1).describe('The Vietnamese sentence, quoted'),
    textEn: z.string().min(1).optional().describe('An English rendering'),
  })
  .strict();

/** A non-negative decimal written as a string ("65", "0.1", "62.5"), never a float. */
const decimalString = z
  .string()
  .regex(/^\d+(\.\d+)?$/, { error: 'non_negative_decimal' });

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'iso_date' });

const vnd = z.number().int().nonnegative().describe('Integer number of đồng');

const prizeSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, { error: 'id' }),
    label: localizedText,
    /** How many of this prize (e.g. two encouragement prizes). */
    count: z.number().int().positive(),
    amountVnd: vnd,
    /**
     * An extra floor on the online share for this prize only (Núi Thành: first prize needs 70%).
     * Percent as a decimal string.
     */
    minOnlineSharePercent: decimalString.optional(),
    citation: citationSchema,
    floorCitation: citationSchema.optional(),
  })
  .strict();

const groupSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, { error: 'id' }),
    name: localizedText,
    /** e.g. "Nhóm 1" / "Group 1". */
    shortName: localizedText,
    citation: citationSchema,
    eligibility: z
      .object({
        /** O / R × 100 must be at least this (compared exactly). */
        minOnlineSharePercent: decimalString,
        /** O must be at least this many cases. 0 when there is no such floor. */
        minResolvedOnline: z.number().int().nonnegative(),
        citation: citationSchema,
      })
      .strict(),
    /** In award order: first, second, third, encouragement… */
    prizes: z.array(prizeSchema),
    prizesCitation: citationSchema,
  })
  .strict();

const bracketSchema = z
  .object({
    /** Inclusive lower bound on O (resolvedOnline). The first bracket starts at 0. */
    minResolvedOnline: z.number().int().nonnegative(),
    coefficient: decimalString,
  })
  .strict();

export const ruleSetV1Schema = z
  .object({
    schemaVersion: z.literal(1),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'rule_set_id' }),
    title: localizedText,
    authority: localizedText,
    source: z
      .object({
        title: z.string().min(1),
        note: z.string().optional(),
      })
      .strict(),
    period: z
      .object({
        start: isoDate,
        end: isoDate,
        timeZone: z.string().min(1),
      })
      .strict(),
    currency: z.literal('VND'),
    score: z
      .object({
        base: z
          .object({
            /** Points for 100% on time: "thang điểm 100". */
            scale: z.number().int().positive(),
            citation: citationSchema,
          })
          .strict(),
        deduction: z
          .object({
            /** Points deducted per 1% of cases resolved late. */
            pointsPerPercent: decimalString,
            maxPoints: decimalString,
            mode: z.enum(['proportional', 'whole-percent']),
            citation: citationSchema,
          })
          .strict(),
        coefficient: z
          .object({
            brackets: z.array(bracketSchema).min(1),
            citation: citationSchema,
          })
          .strict(),
        combination: z
          .object({
            mode: z.enum(['deduct-then-multiply', 'multiply-then-deduct']),
            /** Scores below zero become zero. */
            floorAtZero: z.boolean(),
            citation: citationSchema,
          })
          .strict(),
        rounding: z
          .object({
            decimals: z.number().int().min(0).max(10),
            mode: z.enum(['half-up', 'half-even', 'down']),
            citation: citationSchema,
          })
          .strict(),
      })
      .strict(),
    ranking: z
      .object({
        citation: citationSchema,
      })
      .strict(),
    prizePolicy: z
      .object({
        mode: z.enum(['best-qualified', 'vacate']),
        citation: citationSchema,
      })
      .strict(),
    groups: z.array(groupSchema).min(1),
  })
  .strict()
  .superRefine((rs, ctx) => {
    const add = (path: (string | number)[], key: RuleCheckKey, ...args: string[]) =>
      ctx.addIssue({ code: 'custom', path, message: key, params: { key, args } });
    const brackets = rs.score.coefficient.brackets;
    if (brackets[0] && brackets[0].minResolvedOnline !== 0) add(['score', 'coefficient', 'brackets', 0, 'minResolvedOnline'], 'first_bracket_at_zero');
    for (let i = 1; i < brackets.length; i++) {
      const prev = brackets[i - 1];
      const cur = brackets[i];
      if (prev && cur && cur.minResolvedOnline <= prev.minResolvedOnline) add(['score', 'coefficient', 'brackets', i, 'minResolvedOnline'], 'not_ascending');
    }
    if (rs.period.end < rs.period.start) add(['period', 'end'], 'period_ends_before_start');
    const groupIds = new Set<string>();
    rs.groups.forEach((g, gi) => {
      if (groupIds.has(g.id)) add(['groups', gi, 'id'], 'duplicate_id', g.id);
      groupIds.add(g.id);
      if (Number(g.eligibility.minOnlineSharePercent) > 100) add(['groups', gi, 'eligibility', 'minOnlineSharePercent'], 'share_above_100');
      const prizeIds = new Set<string>();
      g.prizes.forEach((p, pi) => {
        if (prizeIds.has(p.id)) add(['groups', gi, 'prizes', pi, 'id'], 'duplicate_prize', p.id);
        prizeIds.add(p.id);
      });
    });
  });

/** A version 1 rule set. */
export type RuleSetV1 = z.infer<typeof ruleSetV1Schema>;
