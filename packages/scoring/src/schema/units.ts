import { z } from 'zod';

/**
 * A unit's statistics, as zod: the one schema behind `evaluate`, the server's uploads and the
 * published JSON Schema (units.schema.json).
 */
const count = (description: string) => z.number().int().nonnegative().describe(description);

export const unitSchema = z
  .object({
    id: z.string().min(1).describe('Stable identifier, unique within the roster'),
    name: z.string().min(1).describe('Display name, e.g. "Xã Tam Xuân I"'),
    group: z.string().min(1).describe('Group id from the rule set, e.g. "departments" or "communes"'),
    resolvedTotal: count('R — tổng số hồ sơ TTHC đã giải quyết (every channel)'),
    resolvedOnline: count('O — hồ sơ giải quyết bằng DVC trực tuyến toàn trình, một phần'),
    resolvedOnlineOnTime: count('T — hồ sơ trực tuyến giải quyết đúng hạn, trước hạn'),
    resolvedLate: count('L — hồ sơ giải quyết trễ hạn (every channel)'),
    resolvedOnlineFull: count('Optional: online cases filed fully online (toàn trình)').optional(),
    resolvedOnlinePartial: count('Optional: online cases filed partly online (một phần)').optional(),
  })
  .strict();

export const unitListSchema = z.array(unitSchema);

export const countFields = [
  'resolvedTotal',
  'resolvedOnline',
  'resolvedOnlineOnTime',
  'resolvedLate',
  'resolvedOnlineFull',
  'resolvedOnlinePartial',
] as const;

/**
 * Every field of a unit, in schema order. Award bundles hash units with their keys in exactly this
 * order, so it is part of the bundle format: append, never reorder.
 */
export const unitFields = ['id', 'name', 'group', ...countFields] as const;
