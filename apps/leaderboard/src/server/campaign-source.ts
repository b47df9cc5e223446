import { readFileSync } from 'node:fs';
import { checkCampaignText, type CampaignFile } from '@thidua/stats-io';

/**
 * A district's campaign file (LEADERBOARD_CAMPAIGN): `{ id?, ruleSet, roster }`, read and checked
 * by @thidua/stats-io exactly as `thidua rules check` reads it — a version 1 rule set converted,
 * every problem with its line and column.
 */
export class CampaignFileError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Tệp chiến dịch không hợp lệ — invalid campaign file:\n  ${problems.join('\n  ')}`);
    this.problems = problems;
  }
}

export interface CampaignFromFile extends CampaignFile {
  /** The file held a version 1 rule set, converted on reading. */
  upgraded: boolean;
}

/** Checks a campaign file's text; throws CampaignFileError listing every problem at `where:line:col`. */
export function campaignFromText(text: string, where = 'campaign'): CampaignFromFile {
  const checked = checkCampaignText(text, { upgrade: true });
  if (!checked.rules) {
    throw new CampaignFileError(checked.problems.map((p) => `${where}:${p.line}:${p.column}  ${p.message.vi} — ${p.message.en}`));
  }
  return { ...checked.rules, upgraded: checked.upgraded };
}

/** A campaign file as a value (tests, and callers that already hold the JSON). */
export function campaignFromJson(value: unknown): CampaignFromFile {
  return campaignFromText(JSON.stringify(value, null, 2));
}

export function readCampaignFile(path: string): CampaignFromFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new CampaignFileError([`${path}: ${(err as Error).message}`]);
  }
  return campaignFromText(text, path);
}
