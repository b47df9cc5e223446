import { z } from 'zod';
import { ruleSetSchema } from '@thidua/scoring';

/**
 * The HTTP API's shapes as zod schemas: route handlers parse queries and params with them, and
 * /openapi.json is generated from them (z.toJSONSchema), so the document cannot drift from the code.
 */

export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .describe('A calendar date, YYYY-MM-DD');

export const localizedTextSchema = z.object({ vi: z.string(), en: z.string() }).meta({ id: 'LocalizedText' });

export const citationSchema = z
  .object({ section: z.string(), text: z.string(), textEn: z.string().optional() })
  .meta({ id: 'Citation' });

export const sheetIssueSchema = z
  .object({
    row: z.number().int().nullable().describe('Spreadsheet row as Excel shows it (header = 1); null = whole file'),
    column: z.string().nullable().describe('Column title as written in the file; null = whole row'),
    field: z.string().nullable(),
    code: z.string(),
    message: localizedTextSchema,
  })
  .meta({ id: 'SheetIssue' });

export const errorSchema = z
  .object({
    error: z.string().describe('Stable error code (docs/errors-http.md)'),
    message: z.string().describe('"Vietnamese — English"'),
    issues: z.array(sheetIssueSchema).optional(),
  })
  .meta({ id: 'Error' });

const prizeSchema = z
  .object({ id: z.string(), label: localizedTextSchema, amount: z.number().int().describe('đồng') })
  .meta({ id: 'Prize' });

const scoringIssueSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  code: z.string(),
  message: localizedTextSchema,
});

export const unitResultSchema = z
  .object({
    unitId: z.string(),
    unitName: z.string(),
    groupId: z.string(),
    input: z.object({
      resolvedTotal: z.number().int(),
      resolvedOnline: z.number().int(),
      resolvedOnlineOnTime: z.number().int(),
      resolvedLate: z.number().int(),
      resolvedOnlineFull: z.number().int().optional(),
      resolvedOnlinePartial: z.number().int().optional(),
    }),
    eligible: z.boolean(),
    reasons: z.array(
      z.object({
        code: z.enum(['no-cases', 'online-share-below-floor', 'online-cases-below-minimum']),
        message: localizedTextSchema,
        citation: citationSchema,
      }),
    ),
    score: z.string().nullable(),
    rank: z.number().int().nullable(),
    meetsFirstPrizeFloor: z.boolean(),
    prize: prizeSchema.nullable(),
    undecidedPrizeIds: z.array(z.string()),
    metrics: z.object({
      onlineSharePercent: z.string().nullable(),
      onTimeOnlinePercent: z.string().nullable(),
      latePercent: z.string().nullable(),
      deduction: z.string().nullable(),
      coefficient: z.string(),
    }),
    breakdown: z.array(
      z.object({
        id: z.string(),
        label: localizedTextSchema,
        formula: z.string(),
        value: z.string(),
        exact: z.boolean(),
        citation: citationSchema,
      }),
    ),
    gaps: z
      .object({
        eligibility: z.number().int().nullable(),
        firstPrizeFloor: z.number().int().nullable(),
        nextBracket: z.object({ cases: z.number().int(), coefficient: z.string() }).nullable(),
        passUnitAbove: z.object({ cases: z.number().int(), unitId: z.string(), unitName: z.string() }).nullable(),
      })
      .nullable(),
  })
  .meta({ id: 'UnitResult' });

export const evaluationSchema = z
  .object({
    ruleSetId: z.string(),
    libraryVersion: z.string(),
    policies: z.object({
      deduction: z.enum(['proportional', 'whole-percent']),
      combination: z.enum(['deduct-then-multiply', 'multiply-then-deduct']),
      prizes: z.enum(['best-qualified', 'vacate']),
    }),
    units: z.array(unitResultSchema),
    groups: z.array(
      z.object({
        id: z.string(),
        name: localizedTextSchema,
        ranking: z.array(z.object({ rank: z.number().int(), unitId: z.string(), score: z.string() })),
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
        vacantPrizes: z.array(z.string()),
        undecided: z.array(
          z.object({
            prizeIds: z.array(z.string()),
            amount: z.number().int(),
            unitIds: z.array(z.string()),
            rank: z.number().int(),
            message: localizedTextSchema,
          }),
        ),
        totalAwarded: z.number().int(),
        budget: z.number().int(),
      }),
    ),
    totalAwarded: z.number().int(),
    warnings: z.array(scoringIssueSchema),
  })
  .meta({ id: 'Evaluation', description: 'The result of @thidua/scoring evaluate(): every figure the server publishes' });

export const snapshotMetaSchema = z
  .object({
    id: z.number().int(),
    asOf: isoDateSchema,
    sourceFileName: z.string(),
    sha256: z.string().describe('SHA-256 of the uploaded file, hex'),
    rowCount: z.number().int(),
    createdBy: z.string(),
    createdAt: z.string().describe('ISO 8601'),
    retracted: z.boolean(),
    sample: z.boolean().describe('Demo data (dữ liệu minh họa)'),
    superseded: z.boolean().describe('A later upload for the same asOf replaces this one'),
  })
  .meta({ id: 'SnapshotMeta' });

export const campaignInfoSchema = z
  .object({
    id: z.string(),
    title: localizedTextSchema,
    period: z.object({ start: isoDateSchema, end: isoDateSchema, timeZone: z.string() }),
    ruleSetId: z.string(),
    sample: z.boolean().describe('Demo data (dữ liệu minh họa)'),
    groups: z.array(
      z.object({
        id: z.string(),
        name: localizedTextSchema,
        shortName: localizedTextSchema,
        minOnlineSharePercent: z.string(),
        minResolvedOnline: z.number().int(),
        firstPrizeMinOnlineSharePercent: z.string().nullable(),
        prizes: z.array(z.object({ id: z.string(), label: localizedTextSchema, count: z.number().int(), amountVnd: z.number().int() })),
      }),
    ),
  })
  .meta({ id: 'Campaign' });

export const statusSchema = z.enum(['provisional', 'final']).describe('tạm tính / chính thức');

export const rankChangeSchema = z.object({
  previousRank: z.number().int().nullable(),
  change: z.number().int().nullable().describe('previousRank − rank; positive = moved up'),
});

export const leaderboardResponseSchema = z
  .object({
    campaign: campaignInfoSchema,
    status: statusSchema,
    snapshot: snapshotMetaSchema.nullable(),
    previousSnapshot: z.object({ id: z.number().int(), asOf: isoDateSchema }).nullable(),
    evaluation: evaluationSchema.nullable(),
    rankChanges: z.record(z.string(), rankChangeSchema),
  })
  .meta({ id: 'LeaderboardResponse' });

export const unitResponseSchema = z
  .object({
    campaign: campaignInfoSchema,
    unit: z.object({ id: z.string(), name: z.string(), group: z.string() }),
    status: statusSchema,
    snapshot: snapshotMetaSchema.nullable(),
    result: unitResultSchema.nullable(),
    rankChange: rankChangeSchema.nullable(),
    history: z.array(
      z.object({
        snapshotId: z.number().int(),
        asOf: isoDateSchema,
        score: z.string().nullable(),
        rank: z.number().int().nullable(),
        eligible: z.boolean(),
        prize: prizeSchema.nullable(),
      }),
    ),
  })
  .meta({ id: 'UnitResponse' });

export const snapshotsResponseSchema = z.object({ snapshots: z.array(snapshotMetaSchema) });
export const rulesResponseSchema = z.object({ ruleSet: ruleSetSchema });
export const healthResponseSchema = z.object({ ok: z.literal(true) });

export const snapshotEventSchema = z
  .object({
    type: z.enum(['published', 'retracted', 'finalized']),
    snapshotId: z.number().int().nullable(),
    asOf: isoDateSchema.nullable(),
  })
  .meta({ id: 'SnapshotEvent' });

export const uploadResultSchema = z
  .object({
    dryRun: z.boolean(),
    snapshot: snapshotMetaSchema.nullable().describe('The stored snapshot; null on a dry run'),
    rowCount: z.number().int(),
    evaluation: evaluationSchema,
    issues: z.array(sheetIssueSchema).describe('Always empty on success: any issue refuses the file'),
    warnings: z.array(sheetIssueSchema),
  })
  .meta({ id: 'UploadResult' });

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  outcome: z.enum(['ok', 'refused']),
  snapshotId: z.number().int().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
export const auditResponseSchema = z.object({ entries: z.array(auditEntrySchema) });

export const finalizeResponseSchema = z.object({ status: z.literal('final'), snapshot: snapshotMetaSchema });
export const retractResponseSchema = z.object({ snapshot: snapshotMetaSchema });

// ── inputs ───────────────────────────────────────────────────────────────────────────────

export const asOfQuerySchema = z.object({ asOf: isoDateSchema.optional().describe('Latest snapshot on or before this date') });
export const unitParamsSchema = z.object({ id: z.string().min(1).max(200) });
export const snapshotParamsSchema = z.object({ id: z.coerce.number().int().positive() });
export const uploadQuerySchema = z.object({
  asOf: isoDateSchema.describe('The date the cumulative statistics run to; inside the campaign period'),
  dryRun: z.enum(['0', '1', 'true', 'false']).optional().describe('1: validate and evaluate, store nothing'),
});
export const auditQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  before: z.coerce.number().int().positive().optional().describe('Entries with an id below this'),
});
