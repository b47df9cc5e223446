import { z } from 'zod';

/**
 * The small shapes every schema shares. Messages given here are keys of `schemaMessages`
 * (errors.ts), which says them in Vietnamese and English: the validator's own English never stands
 * in for the Vietnamese.
 */

export const localizedTextSchema = z
  .object({
    vi: z.string().min(1),
    en: z.string().min(1),
  })
  .strict()
  .meta({ id: 'LocalizedText', description: 'Vietnamese first, English second' });

export const citationSchema = z
  .object({
    /** e.g. "III.1" */
    section: z.string().min(1).describe('Section of the source document, e.g. "III.1"'),
    /** The source's sentence, quoted verbatim (Vietnamese). */
    text: z.string().min(1).describe('The Vietnamese sentence, quoted'),
    textEn: z.string().min(1).optional().describe('An English rendering, or a note on how the rule reads the sentence'),
    /** Which of the rule set's `sources` (by id); the first source when absent. */
    source: z.string().min(1).optional().describe('Id of one of the rule set\u2019s sources (default: the first)'),
  })
  .strict()
  .meta({ id: 'Citation' });

/** A decimal written as a string ("65", "0.1", "62.5"), never a float. */
export const decimalSchema = z.string().regex(/^-?\d+(\.\d+)?$/, { error: 'decimal' });
export const nonNegativeDecimalSchema = z.string().regex(/^\d+(\.\d+)?$/, { error: 'non_negative_decimal' });

/** Ids of inputs: they are JSON keys and spreadsheet column keys. */
export const inputIdSchema = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/, { error: 'input_id' });
/** Ids of metrics, criteria, adjustments, targets, classes, prizes, groups, moves. */
export const idSchema = z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9._-]*$/, { error: 'id' });

export const roundingModeSchema = z.enum(['half-up', 'half-even', 'down']);

export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'iso_date' });

/** How a published figure is written: this many decimals, rounded this way. */
export const showSchema = z
  .object({
    decimals: z.number().int().min(0).max(10),
    rounding: roundingModeSchema,
  })
  .strict();

export type LocalizedText = z.infer<typeof localizedTextSchema>;
export type Citation = z.infer<typeof citationSchema>;
export type RoundingMode = z.infer<typeof roundingModeSchema>;
export type Show = z.infer<typeof showSchema>;
