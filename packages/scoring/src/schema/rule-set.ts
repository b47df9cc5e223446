import { z } from 'zod';

/**
 * The rule set: every threshold, bracket, amount and policy of a campaign, each with the plan
 * sentence it comes from. JSON-serialisable; other districts write their own and validate it here.
 */

const localizedText = z
  .object({
    vi: z.string().min(1),
    en: z.string().min(1),
  })
  .strict();

export const citationSchema = z
  .object({
    section: z.string().min(1).describe('Section of the plan, e.g. "III.1"'),
    text: z.string().min(1).describe('The Vietnamese sentence, quoted'),
    textEn: z.string().min(1).optional().describe('An English rendering'),
  })
  .strict();

/** A non-negative decimal written as a string ("65", "0.1", "62.5"), never a float. */
const decimalString = z
  .string()
  .regex(/^\d+(\.\d+)?$/, 'a non-negative decimal written as a string, e.g. "65" or "0.1"');

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');

const vnd = z.number().int().nonnegative().describe('Integer number of đồng');

export const prizeSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
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

export const groupSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
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

export const bracketSchema = z
  .object({
    /** Inclusive lower bound on O (resolvedOnline). The first bracket starts at 0. */
    minResolvedOnline: z.number().int().nonnegative(),
    coefficient: decimalString,
  })
  .strict();

export const ruleSetSchema = z
  .object({
    schemaVersion: z.literal(1),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
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
    const brackets = rs.score.coefficient.brackets;
    if (brackets[0] && brackets[0].minResolvedOnline !== 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['score', 'coefficient', 'brackets', 0, 'minResolvedOnline'],
        message: 'the first bracket must start at 0 cases',
      });
    }
    for (let i = 1; i < brackets.length; i++) {
      const prev = brackets[i - 1];
      const cur = brackets[i];
      if (prev && cur && cur.minResolvedOnline <= prev.minResolvedOnline) {
        ctx.addIssue({
          code: 'custom',
          path: ['score', 'coefficient', 'brackets', i, 'minResolvedOnline'],
          message: 'brackets must be in increasing order of minResolvedOnline',
        });
      }
    }
    if (rs.period.end < rs.period.start) {
      ctx.addIssue({ code: 'custom', path: ['period', 'end'], message: 'the period ends before it starts' });
    }
    const groupIds = new Set<string>();
    rs.groups.forEach((g, gi) => {
      if (groupIds.has(g.id)) {
        ctx.addIssue({ code: 'custom', path: ['groups', gi, 'id'], message: `duplicate group id "${g.id}"` });
      }
      groupIds.add(g.id);
      const share = Number(g.eligibility.minOnlineSharePercent);
      if (share > 100) {
        ctx.addIssue({
          code: 'custom',
          path: ['groups', gi, 'eligibility', 'minOnlineSharePercent'],
          message: 'a share floor cannot exceed 100%',
        });
      }
      const prizeIds = new Set<string>();
      g.prizes.forEach((p, pi) => {
        if (prizeIds.has(p.id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['groups', gi, 'prizes', pi, 'id'],
            message: `duplicate prize id "${p.id}" (use count for several prizes of one kind)`,
          });
        }
        prizeIds.add(p.id);
      });
    });
  });

/** A campaign's rules, as data. */
export type RuleSet = z.infer<typeof ruleSetSchema>;
export type RuleSetGroup = z.infer<typeof groupSchema>;
export type RuleSetPrize = z.infer<typeof prizeSchema>;
export type CoefficientBracket = z.infer<typeof bracketSchema>;
