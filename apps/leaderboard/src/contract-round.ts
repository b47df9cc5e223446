import { z } from 'zod';
import { localizedTextSchema } from '@thidua/scoring';
import { actorSchema, campaignIdSchema, unitIdSchema } from './contract.js';
import { phaseIds, roundSchema } from './process/phases.js';

/**
 * The API of an index's round (issue 15; ADR 0020): its criteria, each unit's sheet — the unit's
 * self-assessment, the appraisal, the unit's explanation and the appraiser's answer — its evidence
 * files, and what the council reads. The routes declare these schemas; the store and the pages take
 * their types from here.
 */

/** Points as entered: a decimal with a point or a comma ("0,75" is read as 0.75), or "x" where the criterion may not arise. */
export const pointsTextSchema = z
  .string()
  .trim()
  .regex(/^(x|X|\d{1,4}([.,]\d{1,3})?)$/)
  .transform((s) => (s === 'X' ? 'x' : s.replace(',', '.')))
  .describe('Points, e.g. "0.75" or "0,75" (at most 3 decimals), or "x": did not arise (where the criterion allows it)');

/** A short text: a note, a comment, an explanation, a reason. */
const noteSchema = z.string().max(2000).describe('At most 2,000 characters');

export const roundParamsSchema = z.object({ campaignId: campaignIdSchema, unitId: unitIdSchema });
export const criterionParamsSchema = roundParamsSchema.extend({ criterionId: z.string().min(1).max(64) });
export const evidenceParamsSchema = z.object({ campaignId: campaignIdSchema, fileId: z.coerce.number().int().positive() });
export const phaseParamsSchema = z.object({ campaignId: campaignIdSchema, phase: z.enum(phaseIds) });

/** One criterion to score: a leaf of the campaign's criteria tree. */
export const roundCriterionSchema = z
  .object({
    id: z.string(),
    number: z.string().nullable(),
    label: localizedTextSchema,
    max: z.string(),
    notApplicable: z.boolean().describe('May be "x": did not arise'),
    selfAssessed: z.boolean().describe('The unit assesses it itself (else the appraisers alone score it)'),
    evidenceRequired: z.boolean(),
    /** The task (top-level criterion under the groups) it belongs to, for "Thống nhất" on a whole task. */
    taskId: z.string(),
    taskLabel: localizedTextSchema,
    taskNumber: z.string().nullable(),
  })
  .meta({ id: 'RoundCriterion' });

export const roundUnitStateSchema = z
  .object({
    unitId: z.string(),
    name: z.string(),
    submittedAt: z.string().nullable(),
    submittedBy: z.string().nullable(),
    confirmedAt: z.string().nullable(),
    confirmedBy: z.string().nullable(),
    /** Criteria with self-assessed points, of all. */
    done: z.number().int(),
    total: z.number().int(),
    /** Criteria that require evidence, have points other than "x" or 0, and no file. */
    missingEvidence: z.number().int(),
    /** Criteria with appraised points. */
    appraised: z.number().int(),
  })
  .meta({ id: 'RoundUnitState' });

export const roundOverviewSchema = z
  .object({
    campaignId: z.string(),
    /** Synthetic units and figures (dữ liệu minh họa), labelled on the page. */
    sample: z.boolean(),
    round: roundSchema,
    openPhase: z.enum(phaseIds).nullable(),
    criteria: z.array(roundCriterionSchema),
    /** The units the reader works on (an officer: theirs; an appraiser: those assigned; the council: all). */
    units: z.array(roundUnitStateSchema),
    /** What the reader may do here. */
    may: z.object({ selfAssess: z.array(z.string()), appraise: z.boolean(), council: z.boolean(), admin: z.boolean() }),
  })
  .meta({ id: 'RoundOverview' });

const stampSchema = { at: z.string().nullable(), by: z.string().nullable() };

export const evidenceFileSchema = z
  .object({
    id: z.number().int(),
    criterionId: z.string(),
    stage: z.enum(['self_assessment', 'explanation']),
    name: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    mediaType: z.string(),
    uploadedAt: z.string(),
    uploadedBy: actorSchema,
    /** Where the page reads it (with the reader's session). */
    url: z.string(),
  })
  .meta({ id: 'EvidenceFile' });

export const roundEntrySchema = z
  .object({
    criterionId: z.string(),
    self: z.object({ points: z.string().nullable(), note: z.string(), ...stampSchema }),
    /** Null when the reader may not see the appraisal yet (a unit, before the explanation phase). */
    appraisal: z.object({ points: z.string().nullable(), comment: z.string(), ...stampSchema }).nullable(),
    explanation: z.object({ text: z.string(), ...stampSchema }).nullable(),
    answer: z.object({ outcome: z.enum(['kept', 'changed']), reason: z.string(), ...stampSchema }).nullable(),
    evidence: z.array(evidenceFileSchema),
  })
  .meta({ id: 'RoundEntry' });

/** What the reader may do on this unit's sheet now — the same rules the routes enforce (round-context.ts). */
export const sheetAbilitiesSchema = z
  .object({
    selfAssess: z.boolean().describe('Enter self-assessed points, notes and evidence (the unit\u2019s officer, self-assessment phase, not submitted)'),
    submit: z.boolean(),
    withdraw: z.boolean(),
    appraise: z.boolean().describe('Appraise and "Thống nhất" (an appraiser of the unit, appraisal phase, not confirmed)'),
    explain: z.boolean(),
    answer: z.boolean(),
    confirm: z.boolean().describe('The council confirms the unit\u2019s appraisal (final phase, not yet confirmed, not final)'),
  })
  .meta({ id: 'SheetAbilities' });

export const roundSheetSchema = z
  .object({
    state: roundUnitStateSchema,
    openPhase: z.enum(phaseIds).nullable(),
    may: sheetAbilitiesSchema,
    entries: z.array(roundEntrySchema),
  })
  .meta({ id: 'RoundSheet' });

export const selfBodySchema = z.object({ points: pointsTextSchema.nullable(), note: noteSchema }).strict().meta({ id: 'SelfAssessment' });
export const appraisalBodySchema = z.object({ points: pointsTextSchema.nullable(), comment: noteSchema }).strict().meta({ id: 'Appraisal' });
export const agreeBodySchema = z
  .object({ taskId: z.string().min(1).max(64).optional().describe('One task (its criteria); absent: every criterion of the unit') })
  .strict();
export const explanationBodySchema = z.object({ text: z.string().trim().min(1).max(2000) }).strict().meta({ id: 'RoundExplanation' });
export const answerBodySchema = z
  .object({
    outcome: z.enum(['kept', 'changed']),
    reason: z.string().trim().min(1).max(2000),
    points: pointsTextSchema.optional().describe('The new appraised points (outcome "changed")'),
  })
  .strict()
  .meta({ id: 'ExplanationAnswer' });
export const confirmBodySchema = z
  .object({ unitIds: z.array(unitIdSchema).max(20_000).optional().describe('Absent: every unit') })
  .strict();
export const extendBodySchema = z.object({ closesAt: z.string().max(40) }).strict();

export const differenceSchema = z
  .object({
    unitId: z.string(),
    unitName: z.string(),
    criterionId: z.string(),
    number: z.string().nullable(),
    label: localizedTextSchema,
    self: z.string().nullable(),
    appraised: z.string().nullable(),
    comment: z.string(),
  })
  .meta({ id: 'RoundDifference' });
export const differencesResponseSchema = z.object({ differences: z.array(differenceSchema) });

export const evidenceQuerySchema = z.object({ stage: z.enum(['self_assessment', 'explanation']).default('self_assessment') });

export type RoundCriterion = z.infer<typeof roundCriterionSchema>;
export type RoundUnitState = z.infer<typeof roundUnitStateSchema>;
export type RoundOverview = z.infer<typeof roundOverviewSchema>;
export type RoundEntry = z.infer<typeof roundEntrySchema>;
export type RoundSheet = z.infer<typeof roundSheetSchema>;
export type SheetAbilities = z.infer<typeof sheetAbilitiesSchema>;
export type EvidenceFile = z.infer<typeof evidenceFileSchema>;
export type RoundDifference = z.infer<typeof differenceSchema>;
export type EvidenceStage = EvidenceFile['stage'];
