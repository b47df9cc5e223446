import { demoCampaigns, type DemoCampaign } from '../../demo/index.js';
import type { CampaignFile } from '@thidua/stats-io';
import { campaignFileActor, demoActor } from '../actors.js';
import type { Campaigns } from './registry.js';

/** Where the server's campaigns come from at start. */
export type CampaignSource =
  /** The demo (three campaigns), seeded into an empty database only. */
  | { kind: 'demo' }
  /** A district's campaign file (LEADERBOARD_CAMPAIGN): created, or brought up to date. */
  | ({ kind: 'file' } & CampaignFile);

export class CampaignStartError extends Error {}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Brings the database's campaigns in line with the source. The demo is seeded into an empty
 * database, its statistics uploaded as the offices would (so its audit log reads like a real
 * one). A campaign file creates its campaign, or replaces the rules and roster of the stored one
 * if they changed — refused when that campaign is final (its published result cannot change).
 */
export async function ensureCampaigns(campaigns: Campaigns, source: CampaignSource): Promise<DemoCampaign[]> {
  if (source.kind === 'demo') {
    if (campaigns.list().length > 0) return [];
    const seeded = demoCampaigns();
    for (const demo of seeded) {
      campaigns.create({ id: demo.id, ruleSet: demo.ruleSet, roster: demo.roster, sample: demo.sample, actor: demoActor });
      if (demo.round) campaigns.setRound(demo.id, demo.round(campaigns.now()), demoActor);
      const changes = campaigns.changes(demo.id);
      for (const s of demo.snapshots) {
        await changes.upload({ bytes: s.csv, fileName: s.sourceFileName, asOf: s.asOf, actor: demoActor, dryRun: false, publish: true, sample: demo.sample });
      }
      if (demo.final) changes.finalize(demo.final, demoActor);
    }
    return seeded;
  }
  const id = source.id ?? source.ruleSet.id;
  const existing = campaigns.get(id);
  if (!existing) {
    campaigns.create({ id, ruleSet: source.ruleSet, roster: source.roster, sample: false, actor: campaignFileActor });
    return [];
  }
  const rulesChanged = !sameJson(existing.ruleSet, source.ruleSet);
  const rosterChanged = !sameJson(existing.roster, source.roster);
  if (!rulesChanged && !rosterChanged) return [];
  if (existing.timeline.isFinal) {
    throw new CampaignStartError(
      `Chiến dịch "${id}" đã chốt kết quả chính thức: không thể đổi bộ quy tắc hay danh sách đơn vị theo tệp chiến dịch — ` +
        `campaign "${id}" is final: the campaign file cannot change its rules or roster`,
    );
  }
  if (rulesChanged) campaigns.replaceRuleSet(id, source.ruleSet, campaignFileActor, rosterChanged ? source.roster : undefined);
  else campaigns.replaceRoster(id, source.roster, campaignFileActor);
  return [];
}
