import { z } from 'zod';
import {
  evaluationSchema,
  explanationSchema,
  localizedTextSchema,
  ruleSetDigestSchema,
  ruleSetSchema,
  unitResultSchema,
} from '@thidua/scoring';

/**
 * The HTTP API's contract: every request and response shape as a zod schema, and the TypeScript
 * types inferred from them. The routes declare these schemas (fastify-type-provider-zod), so the
 * handlers are type-checked against them and /openapi.json is generated from them; the pages import
 * the types only (nothing of zod reaches the browser). Nothing here is written twice.
 */

// ── common ─────────────────────────────────────────────────────────────────────────────

export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .describe('A calendar date, YYYY-MM-DD');

/** Campaign ids and unit ids as they appear in URLs: ASCII, no spaces. */
export const campaignIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/)
  .describe('Campaign id: lowercase ASCII letters, digits and "-"');
export const unitIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/)
  .describe('Unit id: ASCII letters, digits, ". _ -"');

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

export const publicationStatusSchema = z.enum(['provisional', 'final']).describe('tạm tính / chính thức');

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

// ── campaigns ──────────────────────────────────────────────────────────────────────────

export const campaignInfoSchema = z
  .object({
    id: z.string(),
    title: localizedTextSchema,
    authority: localizedTextSchema,
    period: z.object({
      start: isoDateSchema,
      end: isoDateSchema,
      timeZone: z.string(),
      cadence: z.enum(['campaign', 'week', 'month', 'quarter', 'year']).optional(),
    }),
    ruleSetId: z.string(),
    sample: z.boolean().describe('Demo data (dữ liệu minh họa)'),
    archived: z.boolean(),
    /** The rule set in words: published figures, conditions, prizes, ties, classes, targets. */
    rules: ruleSetDigestSchema,
  })
  .meta({ id: 'Campaign' });

export const leaderSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  rank: z.number().int().nullable(),
  score: z.string().nullable(),
  class: localizedTextSchema.nullable(),
  prize: localizedTextSchema.nullable(),
  /** For a rule set of targets: how many the unit meets, of how many. */
  targetsMet: z.object({ met: z.number().int(), of: z.number().int() }).nullable(),
});

export const campaignSummarySchema = z
  .object({
    id: z.string(),
    title: localizedTextSchema,
    authority: localizedTextSchema,
    period: campaignInfoSchema.shape.period,
    ruleSetId: z.string(),
    sample: z.boolean(),
    archived: z.boolean(),
    status: publicationStatusSchema,
    latestAsOf: isoDateSchema.nullable(),
    units: z.number().int(),
    /** Per group, the first three (by rank; or, without a score, by targets met). */
    leaders: z.array(z.object({ groupId: z.string(), groupName: localizedTextSchema, units: z.array(leaderSchema) })),
  })
  .meta({ id: 'CampaignSummary' });

export const campaignsResponseSchema = z
  .object({
    /** Today's URLs (/api/leaderboard, /units/…) show this campaign. */
    defaultCampaignId: z.string().nullable(),
    campaigns: z.array(campaignSummarySchema),
  })
  .meta({ id: 'CampaignsResponse' });

export const rankChangeSchema = z.object({
  previousRank: z.number().int().nullable(),
  change: z.number().int().nullable().describe('previousRank − rank; positive = moved up'),
});

export const leaderboardResponseSchema = z
  .object({
    campaign: campaignInfoSchema,
    status: publicationStatusSchema,
    snapshot: snapshotMetaSchema.nullable(),
    previousSnapshot: z.object({ id: z.number().int(), asOf: isoDateSchema }).nullable(),
    /** The evaluation without the units' gaps (the unit endpoint has them, with the explanation). */
    evaluation: evaluationSchema.nullable(),
    /** Units whose rank moved since the previous snapshot, or were not ranked then (absent: same rank). */
    rankChanges: z.record(z.string(), rankChangeSchema),
  })
  .meta({ id: 'LeaderboardResponse' });

export const unitHistoryPointSchema = z.object({
  snapshotId: z.number().int(),
  asOf: isoDateSchema,
  score: z.string().nullable(),
  rank: z.number().int().nullable(),
  eligible: z.boolean(),
  prize: unitResultSchema.shape.prize.unwrap().nullable(),
  class: z.string().nullable(),
});

export const unitResponseSchema = z
  .object({
    campaign: campaignInfoSchema,
    unit: z.object({ id: z.string(), name: z.string(), group: z.string() }),
    status: publicationStatusSchema,
    snapshot: snapshotMetaSchema.nullable(),
    result: unitResultSchema.nullable(),
    /** The unit's working: every figure with its formula in the unit's numbers and its citation. */
    explanation: explanationSchema.nullable(),
    /** The unit's statistics as uploaded (the rule set's inputs). */
    inputs: z.record(z.string(), z.union([z.number(), z.string(), z.null()])).nullable(),
    rankChange: rankChangeSchema.nullable(),
    history: z.array(unitHistoryPointSchema),
    /** Names of the other units the result speaks of (the unit to pass), by id. */
    unitNames: z.record(z.string(), z.string()),
  })
  .meta({ id: 'UnitResponse' });

export const snapshotsResponseSchema = z.object({ snapshots: z.array(snapshotMetaSchema) });
export const rulesResponseSchema = z.object({ ruleSet: ruleSetSchema });
export const healthResponseSchema = z.object({ ok: z.literal(true) });

export const snapshotEventSchema = z
  .object({
    type: z.enum(['published', 'retracted', 'finalized']),
    campaignId: z.string(),
    snapshotId: z.number().int().nullable(),
    asOf: isoDateSchema.nullable(),
  })
  .meta({ id: 'SnapshotEvent' });

// ── administration ─────────────────────────────────────────────────────────────────────

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
  campaignId: z.string().nullable(),
  snapshotId: z.number().int().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
export const auditResponseSchema = z.object({ entries: z.array(auditEntrySchema) });

export const finalizeResponseSchema = z.object({ status: z.literal('final'), snapshot: snapshotMetaSchema });
export const retractResponseSchema = z.object({ snapshot: snapshotMetaSchema });

export const rosterUnitSchema = z.object({ id: unitIdSchema, name: z.string().trim().min(1).max(200), group: z.string().min(1) });

export const createCampaignBodySchema = z
  .object({
    id: campaignIdSchema,
    /** A preset of @thidua/scoring… */
    preset: z.string().max(100).optional(),
    /** …or the text of a rule-set file (its problems come back with line and column). */
    ruleSetText: z.string().max(2_000_000).optional(),
    /** The roster; or upload it afterwards as a sheet. */
    roster: z.array(rosterUnitSchema).max(100_000).optional(),
  })
  .strict()
  .meta({ id: 'CreateCampaign' });

export const campaignResponseSchema = z.object({ campaign: campaignInfoSchema, units: z.number().int() });

export const presetsResponseSchema = z.object({
  presets: z.array(z.object({ id: z.string(), title: localizedTextSchema, authority: localizedTextSchema })),
});

export const rosterResponseSchema = z.object({ roster: z.array(z.object({ id: z.string(), name: z.string(), group: z.string() })) });

// ── requests ───────────────────────────────────────────────────────────────────────────

export const asOfQuerySchema = z.object({ asOf: isoDateSchema.optional().describe('Latest snapshot on or before this date') });
export const campaignParamsSchema = z.object({ campaignId: campaignIdSchema });
export const unitParamsSchema = z.object({ campaignId: campaignIdSchema, unitId: z.string().min(1).max(200) });
/** A positive whole number written in plain decimal digits: "0x1", "1e3", "01" and " 1" are not ids. */
export const positiveIdSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,14}$/)
  .transform(Number)
  .describe('A positive whole number, written in decimal digits');
export const snapshotParamsSchema = z.object({ campaignId: campaignIdSchema, snapshotId: positiveIdSchema });
export const uploadQuerySchema = z.object({
  asOf: isoDateSchema.describe('The date the cumulative statistics run to; inside the campaign period'),
  dryRun: z.enum(['0', '1', 'true', 'false']).optional().describe('1: validate and evaluate, store nothing'),
});
export const auditQuerySchema = z.object({
  limit: positiveIdSchema.pipe(z.number().max(1000)).optional(),
  before: positiveIdSchema.optional().describe('Entries with an id below this'),
  campaign: campaignIdSchema.optional().describe("One campaign's lines (and the server's own)"),
});

// ── types ──────────────────────────────────────────────────────────────────────────────

export type SheetIssue = z.infer<typeof sheetIssueSchema>;
export type ApiErrorBody = z.infer<typeof errorSchema>;
export type PublicationStatus = z.infer<typeof publicationStatusSchema>;
export type SnapshotMeta = z.infer<typeof snapshotMetaSchema>;
export type CampaignInfo = z.infer<typeof campaignInfoSchema>;
export type CampaignGroup = CampaignInfo['rules']['groups'][number];
export type CampaignSummary = z.infer<typeof campaignSummarySchema>;
export type CampaignsResponse = z.infer<typeof campaignsResponseSchema>;
export type Leader = z.infer<typeof leaderSchema>;
export type RankChange = z.infer<typeof rankChangeSchema>;
export type LeaderboardResponse = z.infer<typeof leaderboardResponseSchema>;
export type UnitHistoryPoint = z.infer<typeof unitHistoryPointSchema>;
export type UnitResponse = z.infer<typeof unitResponseSchema>;
export type SnapshotEvent = z.infer<typeof snapshotEventSchema>;
export type UploadResult = z.infer<typeof uploadResultSchema>;
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type CreateCampaignBody = z.infer<typeof createCampaignBodySchema>;
export type RosterUnit = z.infer<typeof rosterUnitSchema>;
