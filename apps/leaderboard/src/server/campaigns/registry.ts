import { EventEmitter } from 'node:events';
import { VERSION, type RuleSet } from '@thidua/scoring';
import { checkRoster } from '@thidua/stats-io';
import type { Actor, SnapshotEvent } from '../../contract.js';
import type { AuditInput, AuditScope, RosterUnit, Store } from '../../store/store.js';
import { auditText } from '../audit-text.js';
import { HttpError } from '../errors.js';
import type { Round } from '../../process/phases.js';
import { Campaign } from './campaign.js';
import { CampaignChanges } from './changes.js';
import type { WorkPool } from '../work/pool.js';
import { storageFailure } from '../work/storage-failure.js';
import type { DatabaseRef } from '../work/tasks.js';
import { ruleSetSha256 } from '../work/results-record.js';

export interface NewCampaign {
  id: string;
  ruleSet: RuleSet;
  roster: readonly RosterUnit[];
  sample: boolean;
  actor: Actor;
}

/**
 * Every campaign the server hosts, read from the one database: listing, the default campaign
 * (today's URLs), creating, archiving, replacing a roster or rule set, and the snapshot events of
 * all of them. Each campaign's reading is a Campaign; its published changes, CampaignChanges.
 */
export class Campaigns {
  private readonly entries = new Map<string, { campaign: Campaign; changes: CampaignChanges }>();
  private readonly events = new EventEmitter();

  constructor(
    private readonly store: Store,
    private readonly work: WorkPool,
    /** The database as the worker threads open it. */
    private readonly database: DatabaseRef,
    private readonly clock: () => Date,
  ) {
    this.events.setMaxListeners(0);
    for (const stored of store.listCampaigns()) this.add(stored.id);
  }

  private add(id: string): Campaign {
    const stored = this.store.getCampaign(id);
    if (!stored) throw new HttpError('campaign_not_found', { detail: { vi: id, en: id } });
    const campaign = new Campaign(this.store, stored);
    const changes = new CampaignChanges(this.store, campaign, this.work, this.database, this.clock, (e) => this.events.emit('snapshot', e));
    this.entries.set(id, { campaign, changes });
    return campaign;
  }

  /** In listing order (the order they were created). */
  list(): Campaign[] {
    return [...this.entries.values()].map((e) => e.campaign);
  }

  get(id: string): Campaign | undefined {
    return this.entries.get(id)?.campaign;
  }

  require(id: string): Campaign {
    const campaign = this.get(id);
    if (!campaign) throw new HttpError('campaign_not_found', { detail: { vi: id, en: id } });
    return campaign;
  }

  changes(id: string): CampaignChanges {
    const entry = this.entries.get(id);
    if (!entry) throw new HttpError('campaign_not_found', { detail: { vi: id, en: id } });
    return entry.changes;
  }

  /** What the public pages and API list: every campaign but an index round in progress (ADR 0020). */
  publicList(): Campaign[] {
    return this.list().filter((c) => !c.inProgress);
  }

  /** A campaign as the public pages and API see it: an index round in progress is not there. */
  getPublic(id: string): Campaign | undefined {
    const campaign = this.get(id);
    return campaign && !campaign.inProgress ? campaign : undefined;
  }

  requirePublic(id: string): Campaign {
    const campaign = this.getPublic(id);
    if (!campaign) throw new HttpError('campaign_not_found', { detail: { vi: id, en: id } });
    return campaign;
  }

  /** The campaign today's URLs show: the first public one not archived (else the first public one). */
  defaultId(): string | null {
    const all = this.publicList();
    return (all.find((c) => !c.archived) ?? all[0])?.id ?? null;
  }

  private checkRoster(roster: readonly RosterUnit[], ruleSet: RuleSet): void {
    const problems = checkRoster(roster, ruleSet);
    if (problems.length > 0) {
      throw new HttpError('invalid_roster', {
        issues: problems.map((p) => ({ row: p.index + 1, column: p.field, field: p.field, code: p.code, message: p.message })),
      });
    }
  }

  create(c: NewCampaign): Campaign {
    if (this.entries.has(c.id)) throw new HttpError('campaign_exists', { detail: { vi: c.id, en: c.id } });
    this.checkRoster(c.roster, c.ruleSet);
    this.store.createCampaign({ id: c.id, ruleSet: c.ruleSet, sample: c.sample, createdAt: this.clock().toISOString() }, c.roster, c.actor);
    return this.add(c.id);
  }

  /** The server's time (the demo places its round's phases from it). */
  now(): Date {
    return this.clock();
  }

  /** Sets a campaign's index round (ADR 0020), with its audit line. */
  setRound(id: string, round: Round, actor: Actor): Campaign {
    const campaign = this.require(id);
    this.store.round.setRound(id, round, 'round_set', { from: campaign.round, to: round }, actor, this.clock().toISOString());
    campaign.reload();
    return campaign;
  }

  /** Replaces the roster of a campaign that is neither final nor archived. */
  replaceRoster(id: string, roster: readonly RosterUnit[], actor: Actor, detail: Record<string, unknown> = {}): Campaign {
    const campaign = this.require(id);
    this.refuseIfClosed(campaign);
    this.checkRoster(roster, campaign.ruleSet);
    this.store.replaceRoster(id, roster, actor, this.clock().toISOString(), detail);
    campaign.reload();
    return campaign;
  }

  /**
   * Replaces the rule set of a campaign that is not final (and its roster with it, when given):
   * its snapshots are then evaluated under the new rules; the audit lines record both rule set ids.
   */
  replaceRuleSet(id: string, ruleSet: RuleSet, actor: Actor, roster?: readonly RosterUnit[]): Campaign {
    const campaign = this.require(id);
    this.refuseIfClosed(campaign);
    this.checkRoster(roster ?? campaign.roster, ruleSet);
    const at = this.clock().toISOString();
    this.store.updateRuleSet(id, ruleSet, actor, at);
    if (roster) this.store.replaceRoster(id, roster, actor, at);
    this.entries.delete(id);
    return this.add(id);
  }

  /**
   * Makes the stored results of every snapshot of the campaign current: those of a database of an
   * earlier release (none stored yet), made under a rule set since replaced, or by another version
   * of the library, are evaluated again and stored by the worker threads, a snapshot at a time, then
   * one audit line says so. The server does this at start, before it listens; an interrupted run is
   * taken up at the next start (each stored result says what made it).
   */
  async refreshResults(id: string, actor: Actor): Promise<number> {
    const campaign = this.require(id);
    const sha = ruleSetSha256(campaign.ruleSet);
    const stale = this.store.results.stale(id, sha, VERSION);
    if (stale.length === 0) return 0;
    const at = this.clock().toISOString();
    const outcomes = await Promise.all(
      stale.map(({ snapshotId }) => this.work.recompute({ ...this.database, snapshotId, ruleSet: campaign.ruleSet, ruleSetSha256: sha, at })),
    );
    for (const o of outcomes) if (!o.ok) throw storageFailure(o.sqlite);
    const reasons = new Set(stale.map((s) => s.reason));
    const reason = reasons.has('rule_set') ? 'rule_set' : reasons.has('library') ? 'library' : 'first';
    this.audit({ actor, action: 'results_recomputed', outcome: 'ok', campaignId: id, detail: { reason, ruleSetId: campaign.ruleSet.id, libraryVersion: VERSION, snapshots: stale.length } });
    return stale.length;
  }

  archive(id: string, actor: Actor): Campaign {
    const campaign = this.require(id);
    if (campaign.archived) throw new HttpError('campaign_archived');
    this.store.archiveCampaign(id, actor, this.clock().toISOString());
    campaign.reload();
    return campaign;
  }

  private refuseIfClosed(campaign: Campaign): void {
    if (campaign.timeline.isFinal) throw new HttpError('campaign_finalized');
    if (campaign.archived) throw new HttpError('campaign_archived');
  }

  /** Subscribes to every campaign's snapshot events (or one campaign's); returns the unsubscribe. */
  onSnapshotEvent(listener: (e: SnapshotEvent) => void, campaignId?: string): () => void {
    const wrapped = campaignId === undefined ? listener : (e: SnapshotEvent) => e.campaignId === campaignId && listener(e);
    this.events.on('snapshot', wrapped);
    return () => this.events.off('snapshot', wrapped);
  }

  audit(entry: Omit<AuditInput, 'at'>): void {
    this.store.appendAudit({ ...entry, at: this.clock().toISOString() });
  }

  /**
   * Newest first, each line also said as a sentence (audit-text.ts). Without `addresses`, client
   * addresses are taken out of every line (only administrators read them).
   */
  listAudit(opts: { limit: number; beforeId?: number; scope: AuditScope; addresses: boolean }) {
    return this.store.listAudit(opts).map((e) => {
      const line = opts.addresses ? e : { ...e, detail: withoutAddress(e.detail) };
      return { ...line, text: auditText(line) };
    });
  }
}

function withoutAddress(detail: Record<string, unknown>): Record<string, unknown> {
  const { ip: _ip, ...rest } = detail;
  return rest;
}
