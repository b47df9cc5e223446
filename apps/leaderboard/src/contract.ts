import { z } from 'zod';
import { textProblem } from '@thidua/stats-io';
import {
  evaluationSchema,
  explanationSchema,
  localizedTextSchema,
  ruleSetDigestSchema,
  standingSchema,
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
    /** The same message in each language apart, for a page to show in its own. */
    text: localizedTextSchema.optional(),
    issues: z.array(sheetIssueSchema).optional(),
  })
  .meta({ id: 'Error' });

export const publicationStatusSchema = z.enum(['provisional', 'final']).describe('tạm tính / chính thức');

export const snapshotStateSchema = z
  .enum(['pending', 'live', 'published', 'replaced', 'retracted'])
  .describe(
    'pending: uploaded, waiting for a publisher (never public); live: the published figures the board shows now; ' +
      'published: the figures of an earlier date, still in the history; replaced: a later publication for the same date took its place; retracted: withdrawn',
  );

export const snapshotMetaSchema = z
  .object({
    id: z.number().int(),
    asOf: isoDateSchema,
    sourceFileName: z.string(),
    sha256: z.string().describe('SHA-256 of the uploaded file, hex'),
    rowCount: z.number().int(),
    createdBy: z.string().describe('Who uploaded it (the person\u2019s name)'),
    createdAt: z.string().describe('ISO 8601'),
    state: snapshotStateSchema,
    publishedBy: z.string().nullable(),
    publishedAt: z.string().nullable(),
    retracted: z.boolean(),
    retractedBy: z.string().nullable(),
    retractedAt: z.string().nullable(),
    sample: z.boolean().describe('Demo data (dữ liệu minh họa)'),
    superseded: z.boolean().describe('A later publication for the same asOf replaces this one'),
    /** The snapshot that took this one's place (state "replaced"). */
    replacedBy: z.number().int().nullable(),
  })
  .meta({ id: 'SnapshotMeta' });

/**
 * One line a person types and others read — a name, a title, a decision's field: trimmed, and free
 * of line breaks, control, bidi and invisible characters (stats-io `textProblem`), so that it cannot
 * look like another text in the audit log or split a row of an export. The refusal names the field
 * and the character.
 */
export function lineTextSchema(max: number, field: { vi: string; en: string }) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .superRefine((value, ctx) => {
      const problem = textProblem(value, { field });
      if (problem) ctx.addIssue({ code: 'custom', message: problem.message.en, params: { vi: problem.message.vi, textProblem: problem.kind } });
    });
}

/** The award decision a final result rests on (quyết định khen thưởng). */
export const decisionSchema = z
  .object({
    number: lineTextSchema(60, { vi: 'Số quyết định', en: 'The decision number' }).describe('Số quyết định, e.g. "1234/QĐ-UBND"'),
    date: isoDateSchema.describe('Ngày ký quyết định'),
    signerName: lineTextSchema(120, { vi: 'Tên người ký', en: 'The signer\u2019s name' }).describe('Người ký'),
    signerTitle: lineTextSchema(120, { vi: 'Chức vụ người ký', en: 'The signer\u2019s title' }).describe('Chức vụ người ký, e.g. "Chủ tịch UBND huyện"'),
    kind: lineTextSchema(40, { vi: 'Loại văn bản', en: 'The kind of document' })
      .optional()
      .describe('The kind of document when it is not a decision (default "Quyết định"), e.g. "Kế hoạch"'),
  })
  .meta({ id: 'Decision' });

export const finalisationSchema = z
  .object({
    snapshotId: z.number().int(),
    asOf: isoDateSchema,
    finalizedBy: z.string().describe('The person\u2019s name'),
    finalizedAt: z.string().describe('ISO 8601'),
    /** Null only for a result finalised before decisions were recorded (release 0.1). */
    decision: decisionSchema.nullable(),
  })
  .meta({ id: 'Finalisation' });

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
    /** When final: the snapshot, who finalised it, when, and the decision it rests on. */
    finalisation: finalisationSchema.nullable(),
    /** The rule set awards prizes (it has an award list to print and sign). */
    awardsPrizes: z.boolean(),
    /** An index round (self-assessment, appraisal, explanations: ADR 0020) produces its result. */
    round: z.boolean(),
    /** Some criterion is scored by entered points: an index round could produce the result. */
    roundable: z.boolean(),
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
    /** When final: the decision it rests on ("Chính thức theo Quyết định số … ngày …"); else null. */
    decision: decisionSchema.nullable(),
    snapshot: snapshotMetaSchema.nullable(),
    previousSnapshot: z.object({ id: z.number().int(), asOf: isoDateSchema }).nullable(),
    /** The evaluation without the units' gaps (the unit endpoint has them, with the explanation). */
    evaluation: evaluationSchema.nullable(),
    /** Units whose rank moved since the previous snapshot, or were not ranked then (absent: same rank). */
    rankChanges: z.record(z.string(), rankChangeSchema),
  })
  .meta({ id: 'LeaderboardResponse' });

/**
 * What a campaign page embeds: the leaderboard, holding for a large roster only the rows the page
 * painted (and their ties and prizes), with each group's counts so that the page can say how many
 * more there are. Not an API response: the pages' own state.
 */
export const leaderboardPageStateSchema = leaderboardResponseSchema.extend({
  totals: z.record(z.string(), z.object({ ranked: z.number().int(), unranked: z.number().int() })).optional(),
});

/** Every unit of a campaign, for one search over every group: the roster, small. */
export const unitIndexResponseSchema = z
  .object({ units: z.array(z.object({ id: z.string(), name: z.string(), groupId: z.string() })) })
  .meta({ id: 'UnitIndexResponse' });

export const unitHistoryPointSchema = z.object({
  snapshotId: z.number().int(),
  asOf: isoDateSchema,
  score: z.string().nullable(),
  rank: z.number().int().nullable(),
  eligible: z.boolean(),
  prize: unitResultSchema.shape.prize.unwrap().nullable(),
  class: z.string().nullable(),
});

/** What an index round adds to a criterion of the published scorecard: the unit's explanation, the appraiser's answer, published evidence. */
export const roundNoteSchema = z
  .object({
    criterionId: z.string(),
    explanation: z.string().nullable(),
    answer: z.object({ outcome: z.enum(['kept', 'changed']), reason: z.string() }).nullable(),
    evidence: z.array(z.object({ name: z.string(), url: z.string(), mediaType: z.string(), size: z.number().int() })),
  })
  .meta({ id: 'RoundNote' });

export const unitResponseSchema = z
  .object({
    campaign: campaignInfoSchema,
    unit: z.object({ id: z.string(), name: z.string(), group: z.string() }),
    status: publicationStatusSchema,
    /** When final: the decision it rests on; else null. */
    decision: decisionSchema.nullable(),
    snapshot: snapshotMetaSchema.nullable(),
    result: unitResultSchema.nullable(),
    /** Where the unit stands, in words: rank of how many, class, the tie rule and figures that decided a tie. */
    standing: standingSchema.nullable(),
    /** The unit's working: every figure with its formula in the unit's numbers and its citation. */
    explanation: explanationSchema.nullable(),
    /** The unit's statistics as uploaded (the rule set's inputs). */
    inputs: z.record(z.string(), z.union([z.number(), z.string(), z.null()])).nullable(),
    rankChange: rankChangeSchema.nullable(),
    history: z.array(unitHistoryPointSchema),
    /** Names of the other units the result speaks of (the unit to pass), by id. */
    unitNames: z.record(z.string(), z.string()),
    /**
     * An index round's explanations and answers per criterion (ADR 0020), and its evidence files
     * where the round publishes them; empty for other campaigns.
     */
    roundNotes: z.array(roundNoteSchema),
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

const prizeAmountSchema = z.object({ label: localizedTextSchema, amount: z.number().int().describe('đồng') });

/** What an upload changes against what is published: for the official to read before publishing. */
export const uploadComparisonSchema = z
  .object({
    /** The published snapshot compared with: the one for the same date if any, else the one the board shows. */
    against: z.object({ snapshotId: z.number().int(), asOf: isoDateSchema }).nullable(),
    /** The board shows this date now; null when nothing is published. */
    shownAsOf: isoDateSchema.nullable(),
    /** Publishing replaces the figures already published for this date. */
    replacesPublished: z.boolean(),
    /** The date is older than the one the board shows: publishing will not change what the board shows. */
    olderThanShown: z.boolean(),
    /** Units whose rank moves (before → now; null: not ranked). */
    rankMoves: z.array(
      z.object({ unitId: z.string(), unitName: z.string(), groupId: z.string(), before: z.number().int().nullable(), now: z.number().int().nullable() }),
    ),
    /** Units whose prize changes: gained (before null), lost (now null) or another prize. */
    prizeChanges: z.array(
      z.object({ unitId: z.string(), unitName: z.string(), groupId: z.string(), before: prizeAmountSchema.nullable(), now: prizeAmountSchema.nullable() }),
    ),
    totalAwardedBefore: z.number().int().nullable(),
    totalAwardedNow: z.number().int(),
    /** How many input cells differ from the figures compared with (`against`), in all (the list below holds the first 200). */
    inputChangeCount: z.number().int(),
    /** The inputs that differ from the figures compared with, per unit (before → now): what the clerk edited. The first 200. */
    inputChanges: z.array(
      z.object({
        unitId: z.string(),
        unitName: z.string(),
        input: z.string(),
        label: localizedTextSchema,
        before: z.union([z.number(), z.string()]).nullable(),
        now: z.union([z.number(), z.string()]).nullable(),
      }),
    ),
    /** How many counts are lower than in the published snapshot before this date, in all (the list below holds the first 100). */
    decreaseCount: z.number().int(),
    /** Cumulative counts lower than in the published snapshot before this date (a unit's figures went down): the first 100, by unit and input. */
    decreases: z.array(
      z.object({
        unitId: z.string(),
        unitName: z.string(),
        input: z.string(),
        label: localizedTextSchema,
        before: z.number(),
        now: z.number(),
        previousAsOf: isoDateSchema,
      }),
    ),
  })
  .meta({ id: 'UploadComparison' });

/** A pending upload compared with what is published now: what its publisher reads before publishing. */
export const snapshotComparisonResponseSchema = z
  .object({ snapshot: snapshotMetaSchema, comparison: uploadComparisonSchema, warnings: z.array(sheetIssueSchema) })
  .meta({ id: 'SnapshotComparison' });

/** What retracting a snapshot would change, for its publisher to read first: the comparison in reverse. */
export const snapshotRetractionResponseSchema = z
  .object({
    snapshot: snapshotMetaSchema,
    changes: z
      .enum(['board', 'history', 'nothing'])
      .describe('What the retraction changes: the board (the snapshot is shown now), the history of its date (published earlier), or nothing public (pending or replaced)'),
    standsFor: z
      .object({ snapshotId: z.number().int(), asOf: isoDateSchema })
      .nullable()
      .describe("The published snapshot that would then stand for the retracted one's date (an earlier publication of that date, else the last before it); null if none"),
    comparison: uploadComparisonSchema
      .nullable()
      .describe("The retracted snapshot's figures (before) against those that would stand for its date (after); null when nothing public changes or nothing would stand"),
  })
  .meta({ id: 'SnapshotRetraction' });

export const uploadResultSchema = z
  .object({
    dryRun: z.boolean(),
    snapshot: snapshotMetaSchema.nullable().describe('The stored snapshot (pending or published); null on a dry run'),
    rowCount: z.number().int(),
    evaluation: evaluationSchema,
    issues: z.array(sheetIssueSchema).describe('Always empty on success: any issue refuses the file'),
    /** The file's warnings, then the comparison's (replaces_published, older_than_shown, counts_decrease). */
    warnings: z.array(sheetIssueSchema),
    comparison: uploadComparisonSchema,
  })
  .meta({ id: 'UploadResult' });

/** Who did something: the account's user name and the person's name at the time. */
export const actorSchema = z.object({ username: z.string(), name: z.string() });

// ── accounts ───────────────────────────────────────────────────────────────────────────

/**
 * What an account may do (the plan's section V divides the work): a statistics clerk uploads and
 * checks files; a publisher publishes and retracts them; the council finalises the result; an
 * administrator manages campaigns and accounts, and may do everything.
 */
export const roleSchema = z
  .enum(['clerk', 'publisher', 'council', 'admin', 'officer', 'appraiser'])
  .describe(
    'clerk: upload, dry-run · publisher: publish, retract · council: finalise (and, in an index round, confirm the appraisal) · admin: campaigns, accounts, everything · ' +
      'officer: one unit\u2019s self-assessment in an index round · appraiser: appraises the units assigned (or all)',
  );

/**
 * A role on one campaign, or on every campaign ("*"); administrators are always "*". In an index
 * round (ADR 0020) an officer holds one unit of one campaign (`unitId`); an appraiser the units
 * named, one grant each, or every unit when no unit is named.
 */
export const grantSchema = z
  .object({
    role: roleSchema,
    campaignId: z.union([campaignIdSchema, z.literal('*')]),
    unitId: z.string().min(1).max(64).optional().describe('officer: the unit (required) · appraiser: a unit assigned (absent: every unit)'),
  })
  .superRefine((g, ctx) => {
    if (g.unitId !== undefined && g.role !== 'officer' && g.role !== 'appraiser') ctx.addIssue({ code: 'custom', path: ['unitId'], message: 'only an officer or an appraiser holds a unit' });
    if (g.role === 'officer' && (g.unitId === undefined || g.campaignId === '*')) ctx.addIssue({ code: 'custom', path: ['unitId'], message: 'an officer holds one unit of one campaign' });
    if (g.role === 'appraiser' && g.campaignId === '*') ctx.addIssue({ code: 'custom', path: ['campaignId'], message: 'an appraiser works on one campaign' });
  })
  .meta({ id: 'Grant' });

export const usernameSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{1,63}$/i)
  .describe('User name: 2–64 ASCII letters, digits, ". _ -"');
export const passwordSchema = z.string().min(10).max(200).describe('At least 10 characters');
export const displayNameSchema = lineTextSchema(120, { vi: 'Họ tên', en: 'The name' }).describe('The person\u2019s name, as the audit log shows it');

export const accountSchema = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    grants: z.array(grantSchema),
    disabled: z.boolean(),
    hasPassword: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'Account' });

export const tokenInfoSchema = z
  .object({ id: z.number().int(), label: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable(), revokedAt: z.string().nullable() })
  .meta({ id: 'TokenInfo' });

export const loginBodySchema = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(200) }).strict().meta({ id: 'Login' });
export const sessionResponseSchema = z
  .object({
    account: accountSchema.nullable().describe('The signed-in account; null when nobody is'),
    /** Send it back as the x-csrf-token header with every change made through the session. */
    csrfToken: z.string().nullable(),
  })
  .meta({ id: 'Session' });
export const changePasswordBodySchema = z.object({ currentPassword: z.string().min(1).max(200), newPassword: passwordSchema }).strict();

export const createAccountBodySchema = z
  .object({
    username: usernameSchema,
    displayName: displayNameSchema,
    /** Absent: a password is generated and returned once. */
    password: passwordSchema.optional(),
    grants: z.array(grantSchema).max(200),
  })
  .strict()
  .meta({ id: 'CreateAccount' });
export const updateAccountBodySchema = z
  .object({ displayName: displayNameSchema.optional(), grants: z.array(grantSchema).max(200).optional(), disabled: z.boolean().optional() })
  .strict()
  .meta({ id: 'UpdateAccount' });
export const accountResponseSchema = z.object({
  account: accountSchema,
  /** Only when the server generated it: shown once, never stored in clear. */
  password: z.string().optional(),
});
export const accountsResponseSchema = z.object({ accounts: z.array(accountSchema) });
export const createTokenBodySchema = z.object({ label: z.string().trim().min(1).max(80) }).strict();
export const tokenCreatedResponseSchema = z.object({ token: z.string().describe('Shown once: keep it'), info: tokenInfoSchema });
export const tokensResponseSchema = z.object({ tokens: z.array(tokenInfoSchema) });
export const resetPasswordResponseSchema = z.object({ password: z.string().describe('Generated; shown once') });

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string().describe('User name (or system, anonymous)'),
  actorName: z.string().describe('The person\u2019s name at the time'),
  /** What happened, as a sentence for an official (without the time), in both languages. */
  text: localizedTextSchema,
  action: z.string(),
  outcome: z.enum(['ok', 'refused']),
  campaignId: z.string().nullable(),
  snapshotId: z.number().int().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
export const auditResponseSchema = z.object({ entries: z.array(auditEntrySchema) });

export const finalizeBodySchema = z.object({ decision: decisionSchema }).strict().meta({ id: 'FinalizeRequest' });
export const finalizeResponseSchema = z.object({ status: z.literal('final'), snapshot: snapshotMetaSchema, finalisation: finalisationSchema });
export const publishResponseSchema = z.object({ snapshot: snapshotMetaSchema });
export const retractResponseSchema = z.object({ snapshot: snapshotMetaSchema });

export const rosterUnitSchema = z.object({ id: unitIdSchema, name: lineTextSchema(200, { vi: 'Tên đơn vị', en: 'The unit name' }), group: z.string().min(1) });

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
export const csvExportQuerySchema = asOfQuerySchema.extend({
  dialect: z
    .enum(['standard', 'excel-vn'])
    .optional()
    .describe('excel-vn: ";" between cells and decimal commas, so that Excel set to Vietnamese opens scores as numbers (default standard: "," and ".")'),
});
export const unitParamsSchema = z.object({ campaignId: campaignIdSchema, unitId: z.string().min(1).max(200) });
/** A positive whole number written in plain decimal digits: "0x1", "1e3", "01" and " 1" are not ids. */
export const positiveIdSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,14}$/)
  .transform(Number)
  .describe('A positive whole number, written in decimal digits');
export const snapshotParamsSchema = z.object({ campaignId: campaignIdSchema, snapshotId: positiveIdSchema });
const flagSchema = z.enum(['0', '1', 'true', 'false']);
export const uploadQuerySchema = z.object({
  asOf: isoDateSchema.describe('The date the cumulative statistics run to; inside the campaign period'),
  dryRun: flagSchema.optional().describe('1: validate and evaluate, store nothing'),
  publish: flagSchema
    .optional()
    .describe('Publish at once (needs the publisher role). Default: yes for a publisher, no for a statistics clerk, whose upload waits as "pending"'),
});
export const accountParamsSchema = z.object({ accountId: positiveIdSchema });
export const tokenParamsSchema = z.object({ accountId: positiveIdSchema, tokenId: positiveIdSchema });
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
export type LeaderboardPageState = z.infer<typeof leaderboardPageStateSchema>;
export type SnapshotComparison = z.infer<typeof snapshotComparisonResponseSchema>;
export type SnapshotRetraction = z.infer<typeof snapshotRetractionResponseSchema>;
export type UnitIndexResponse = z.infer<typeof unitIndexResponseSchema>;
export type UnitHistoryPoint = z.infer<typeof unitHistoryPointSchema>;
export type UnitResponse = z.infer<typeof unitResponseSchema>;
export type SnapshotEvent = z.infer<typeof snapshotEventSchema>;
export type UploadResult = z.infer<typeof uploadResultSchema>;
export type UploadComparison = z.infer<typeof uploadComparisonSchema>;
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type CreateCampaignBody = z.infer<typeof createCampaignBodySchema>;
export type RosterUnit = z.infer<typeof rosterUnitSchema>;
export type Actor = z.infer<typeof actorSchema>;
export type Role = z.infer<typeof roleSchema>;
export type Grant = z.infer<typeof grantSchema>;
export type RoundNote = z.infer<typeof roundNoteSchema>;
export type Account = z.infer<typeof accountSchema>;
export type TokenInfo = z.infer<typeof tokenInfoSchema>;
export type SessionResponse = z.infer<typeof sessionResponseSchema>;
export type SnapshotState = z.infer<typeof snapshotStateSchema>;
export type Decision = z.infer<typeof decisionSchema>;
export type Finalisation = z.infer<typeof finalisationSchema>;
