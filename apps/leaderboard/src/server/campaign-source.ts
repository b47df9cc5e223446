import { readFileSync } from 'node:fs';
import { validateRuleSet, type RuleSet } from '@thidua/scoring';
import { z } from 'zod';
import type { RosterUnit } from '../store/store.js';

/**
 * Where the campaign comes from: the built-in demo (Núi Thành 2023 with synthetic statistics),
 * or a district's own campaign file `{ ruleSet, roster }` (LEADERBOARD_CAMPAIGN).
 */
export type CampaignSource =
  | { kind: 'demo' }
  | { kind: 'file'; id?: string; ruleSet: RuleSet; roster: RosterUnit[] };

export class CampaignFileError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Tệp chiến dịch không hợp lệ — invalid campaign file:\n  ${problems.join('\n  ')}`);
    this.problems = problems;
  }
}

const rosterSchema = z
  .array(
    z
      .object({
        id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'ASCII letters, digits, dot, dash, underscore'),
        name: z.string().trim().min(1),
        group: z.string().min(1),
      })
      .strict(),
  )
  .min(1);

const campaignFileSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).optional(),
    ruleSet: z.unknown(),
    roster: z.unknown(),
  })
  .strict();

/**
 * Validates a campaign file's content: the rule set with the library's validateRuleSet, the
 * roster here (unique ids, known groups). Throws CampaignFileError listing every problem.
 */
export function campaignFromJson(input: unknown): CampaignSource & { kind: 'file' } {
  const problems: string[] = [];
  const top = campaignFileSchema.safeParse(input);
  if (!top.success) {
    throw new CampaignFileError(top.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  const rs = validateRuleSet(top.data.ruleSet);
  for (const e of rs.errors) problems.push(`${e.message.vi} — ${e.message.en}`);
  const roster = rosterSchema.safeParse(top.data.roster);
  if (!roster.success) {
    for (const i of roster.error.issues) problems.push(`roster.${i.path.join('.')}: ${i.message}`);
  }
  if (rs.ruleSet && roster.success) {
    const groups = new Set(rs.ruleSet.groups.map((g) => g.id));
    const seen = new Set<string>();
    roster.data.forEach((u, i) => {
      if (seen.has(u.id)) problems.push(`roster.${i}.id: mã đơn vị "${u.id}" bị trùng — duplicate unit id "${u.id}"`);
      seen.add(u.id);
      if (!groups.has(u.group)) {
        problems.push(`roster.${i}.group: nhóm "${u.group}" không có trong bộ quy tắc — group "${u.group}" is not in the rule set`);
      }
    });
  }
  if (problems.length > 0 || !rs.ruleSet || !roster.success) throw new CampaignFileError(problems);
  const source: CampaignSource & { kind: 'file' } = { kind: 'file', ruleSet: rs.ruleSet, roster: roster.data };
  if (top.data.id !== undefined) source.id = top.data.id;
  return source;
}

export function readCampaignFile(path: string): CampaignSource & { kind: 'file' } {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new CampaignFileError([`${path}: ${(err as Error).message}`]);
  }
  return campaignFromJson(json);
}
