import { createHash } from 'node:crypto';
import { describeRuleSet, standingOf, type Criterion, type Evaluation, type RuleSet, type UnitResult } from '@thidua/scoring';
import type { ExportMeta } from '@thidua/stats-io';
import type {
  Decision,
  CampaignInfo,
  CampaignSummary,
  Finalisation,
  Leader,
  LeaderboardResponse,
  RankChange,
  RoundNote,
  SnapshotMeta,
  UnitHistoryPoint,
  UnitResponse,
} from '../../contract.js';
import type { RosterUnit, StoredCampaign, Store } from '../../store/store.js';
import { HttpError } from '../errors.js';
import { jsonText, type JsonBody } from '../plugins/cached-json.js';
import { StoredResults } from './results.js';
import type { Round } from '../../process/phases.js';
import { SnapshotTimeline } from './timeline.js';

/** Whether any criterion of the tree is scored by entered points (what an index round scores). */
function hasEnteredCriteria(c: Criterion | undefined): boolean {
  if (!c) return false;
  return c.score?.kind === 'entered' || (c.children ?? []).some(hasEnteredCriteria);
}

/** The campaign as the pages and the API present it: from the rule set alone. */
export function campaignInfo(stored: Pick<StoredCampaign, 'id' | 'ruleSet' | 'sample' | 'archivedAt'>): CampaignInfo {
  const { ruleSet } = stored;
  return {
    id: stored.id,
    title: ruleSet.title,
    authority: ruleSet.authority,
    period: ruleSet.period,
    ruleSetId: ruleSet.id,
    sample: stored.sample,
    archived: stored.archivedAt !== null,
    rules: describeRuleSet(ruleSet),
  };
}

/**
 * One campaign, read-only: its rule set and roster, its snapshots in time and their evaluations.
 * Both the JSON API and the HTML pages read from here, so they always show the same figures.
 * Changes (upload, retract, finalise) go through CampaignChanges, which then calls `reload`.
 */
export class Campaign {
  readonly id: string;
  readonly ruleSet: RuleSet;
  readonly sample: boolean;
  readonly timeline: SnapshotTimeline;
  readonly results: StoredResults;
  private stored: StoredCampaign;
  private rosterList: RosterUnit[];
  private rosterById: Map<string, RosterUnit>;
  private infoValue: CampaignInfo;
  private rosterKeyValue: string | null = null;

  constructor(
    private readonly store: Store,
    stored: StoredCampaign,
  ) {
    this.stored = stored;
    this.id = stored.id;
    this.ruleSet = stored.ruleSet;
    this.roundable = hasEnteredCriteria(stored.ruleSet.score?.criteria);
    this.sample = stored.sample;
    this.timeline = new SnapshotTimeline(store, stored.id);
    this.results = new StoredResults(store, stored.ruleSet);
    this.rosterList = store.listRoster(stored.id);
    this.rosterById = new Map(this.rosterList.map((u) => [u.id, u]));
    this.infoValue = campaignInfo(stored);
  }

  /** Re-reads what a change may have touched: snapshots, finalisation, roster, archiving. */
  reload(): void {
    this.stored = this.store.getCampaign(this.id) ?? this.stored;
    this.timeline.reload();
    this.rosterList = this.store.listRoster(this.id);
    this.rosterById = new Map(this.rosterList.map((u) => [u.id, u]));
    this.rosterKeyValue = null;
    this.infoValue = campaignInfo(this.stored);
  }

  get info(): CampaignInfo {
    return this.infoValue;
  }

  get roster(): readonly RosterUnit[] {
    return this.rosterList;
  }

  /** What identifies the roster's content: the unit index's cache key. */
  get rosterKey(): string {
    return (this.rosterKeyValue ??= `${this.id}:units:${createHash('sha256').update(JSON.stringify(this.rosterList)).digest('base64url')}`);
  }

  /** Every unit, for one search over every group (GET …/units). */
  unitIndexJson(): string {
    return JSON.stringify({ units: this.rosterList.map((u) => ({ id: u.id, name: u.name, groupId: u.group })) });
  }

  /** Some criterion is scored by entered points: an index round could produce the result (fixed with the rule set). */
  readonly roundable: boolean;

  /** The index's round (ADR 0020), or null. */
  get round(): Round | null {
    return this.stored.round;
  }

  /**
   * A round not yet finalised (which the council does in its final phase): the public pages show
   * nothing of it (ADR 0020) — the work is between the units, the appraisers and the council.
   */
  get inProgress(): boolean {
    return this.stored.round !== null && this.timeline.finalisation === null;
  }

  get archived(): boolean {
    return this.stored.archivedAt !== null;
  }

  /** When final: the snapshot, who finalised it and when, and the decision it rests on. */
  finalisation(): Finalisation | null {
    const f = this.timeline.finalisation;
    if (!f) return null;
    const snapshot = this.timeline.find(f.snapshotId);
    return { snapshotId: f.snapshotId, asOf: snapshot?.asOf ?? '', finalizedBy: f.finalizedBy, finalizedAt: f.finalizedAt, decision: f.decision };
  }

  unit(id: string): RosterUnit | undefined {
    return this.rosterById.get(id);
  }

  // ── the leaderboard ────────────────────────────────────────────────────────────────────

  /** What identifies the leaderboard's content for `asOf`: it changes exactly when the body does. */
  leaderboardKey(asOf?: string): string {
    const snapshot = this.timeline.resolve(asOf);
    if (!snapshot) return `${this.id}:none:${this.archived ? 'a' : ''}`;
    const previous = this.timeline.previousOf(snapshot);
    return `${this.id}:${snapshot.id}:${this.timeline.statusOf(snapshot)}:${previous?.id ?? '-'}:${this.timeline.list().length}:${this.archived ? 'a' : ''}`;
  }

  /** Every ranked unit whose rank differs from the previous snapshot's: from the two snapshots' stored ranks. */
  private rankChanges(snapshotId: number, previousId: number | null): Record<string, RankChange> {
    const changes: Record<string, RankChange> = {};
    if (previousId === null) return changes;
    const before = this.results.standings(previousId);
    for (const [unitId, now] of this.results.standings(snapshotId)) {
      if (now.rank === null) continue;
      const previousRank = before.get(unitId)?.rank ?? null;
      if (previousRank === now.rank) continue;
      changes[unitId] = { previousRank, change: previousRank === null ? null : previousRank - now.rank };
    }
    return changes;
  }

  /** The decision a final snapshot rests on; null for any other (or a result finalised before decisions were recorded). */
  private decisionOf(snapshot: { id: number } | null): Decision | null {
    return this.timeline.statusOf(snapshot) === 'final' ? (this.timeline.finalisation?.decision ?? null) : null;
  }

  /** The rule set awards prizes: it has an award list to print and sign. */
  get awardsPrizes(): boolean {
    return this.ruleSet.groups.some((g) => (g.prizes ?? []).length > 0);
  }

  /** The leaderboard's parts other than the evaluation (which is stored serialised, apart). */
  private leaderboardParts(asOf?: string) {
    const snapshot = this.timeline.resolve(asOf);
    if (!snapshot) {
      return { snapshot: null, head: { campaign: this.info, status: 'provisional' as const, decision: null, snapshot: null, previousSnapshot: null, rankChanges: {} } };
    }
    const previous = this.timeline.previousOf(snapshot);
    return {
      snapshot,
      head: {
        campaign: this.info,
        status: this.timeline.statusOf(snapshot),
        decision: this.decisionOf(snapshot),
        snapshot: this.timeline.meta(snapshot),
        previousSnapshot: previous ? { id: previous.id, asOf: previous.asOf } : null,
        rankChanges: this.rankChanges(snapshot.id, previous?.id ?? null),
      },
    };
  }

  getLeaderboard(asOf?: string): LeaderboardResponse {
    const { snapshot, head } = this.leaderboardParts(asOf);
    return { ...head, evaluation: snapshot ? this.results.evaluationOf(snapshot.id) : null };
  }

  /**
   * The leaderboard as a JSON body: the head made now, around the evaluation stored with the
   * snapshot — its bytes and their compressed form, sent as they are (plugins/cached-json.ts).
   */
  leaderboardBody(asOf?: string): JsonBody {
    const { snapshot, head } = this.leaderboardParts(asOf);
    const text = JSON.stringify(head);
    if (!snapshot) return jsonText(`${text.slice(0, -1)},"evaluation":null}`);
    return { prefix: Buffer.from(`${text.slice(0, -1)},"evaluation":`), part: this.results.evaluation(snapshot.id), suffix: Buffer.from('}') };
  }

  // ── a unit ─────────────────────────────────────────────────────────────────────────────

  /** A unit's page: its stored result, its gaps and working found for it alone, its history from one query. */
  getUnit(id: string, asOf?: string): UnitResponse | null {
    const unit = this.rosterById.get(id);
    if (!unit) return null;
    const snapshot = this.timeline.resolve(asOf);
    // The unit's stored result and statistics, read once: its gaps and working are found from them.
    const record = snapshot ? this.results.unitRecord(snapshot.id, id) : null;
    const stored = record?.result ?? null;
    const statistics = snapshot && stored ? this.results.unitInputs(snapshot.id, id) : null;
    const result: UnitResult | null = snapshot && stored ? { ...stored, gaps: statistics ? this.results.gapsOf(snapshot.id, stored, statistics) : {} } : null;
    const working = statistics ? { explanation: this.results.explanationOf(statistics), inputs: statistics } : null;
    const previous = snapshot ? this.timeline.previousOf(snapshot) : null;
    let rankChange: RankChange | null = null;
    if (previous && result?.rank != null) {
      const previousRank = this.results.rankOf(previous.id, id);
      rankChange = { previousRank, change: previousRank === null ? null : previousRank - result.rank };
    }
    const upTo = snapshot ? this.timeline.effective().filter((s) => s.asOf <= snapshot.asOf) : [];
    const history: UnitHistoryPoint[] = this.results.history(id, upTo);
    let inputs: UnitResponse['inputs'] = null;
    if (working) {
      const { id: _id, name: _name, group: _group, ...values } = working.inputs;
      inputs = Object.fromEntries(Object.entries(values).filter((e): e is [string, number | string | null] => e[1] !== undefined));
    }
    const unitNames: Record<string, string> = {};
    const above = result?.gaps?.passUnitAbove?.unitId;
    if (above) unitNames[above] = this.rosterById.get(above)?.name ?? above;
    return {
      campaign: this.info,
      unit,
      unitNames,
      status: this.timeline.statusOf(snapshot),
      decision: this.decisionOf(snapshot),
      snapshot: snapshot ? this.timeline.meta(snapshot) : null,
      result,
      standing: record ? standingOf(record.result, record.context, this.info.rules, (other) => this.rosterById.get(other)?.name ?? other) : null,
      explanation: working?.explanation ?? null,
      inputs,
      rankChange,
      history,
      roundNotes: this.roundNotes(id),
    };
  }

  /** A round's explanations, answers and (where published) evidence of one unit: one indexed read each. */
  private roundNotes(unitId: string): RoundNote[] {
    const round = this.stored.round;
    if (!round) return [];
    const files = round.publishEvidence ? this.store.round.evidence(this.id, unitId) : [];
    const withFiles = new Set(files.map((f) => f.criterionId));
    return this.store.round
      .entries(this.id, unitId)
      .filter((e) => e.explanation !== null || e.answer !== null || withFiles.has(e.criterionId))
      .map((e) => ({
        criterionId: e.criterionId,
        explanation: e.explanation?.text ?? null,
        answer: e.answer ? { outcome: e.answer.outcome, reason: e.answer.reason } : null,
        evidence: files
          .filter((f) => f.criterionId === e.criterionId)
          .map((f) => ({ name: f.name, url: `/api/campaigns/${encodeURIComponent(this.id)}/round/evidence/${f.id}`, mediaType: f.mediaType, size: f.size })),
      }));
  }

  // ── listing ────────────────────────────────────────────────────────────────────────────

  /** For the list of campaigns: status, latest date, and the leaders of each group. */
  summary(): CampaignSummary {
    const latest = this.timeline.latest();
    const evaluation = latest ? this.results.evaluationOf(latest.id) : null;
    const rules = this.info.rules;
    const leaders = rules.groups.map((g) => ({
      groupId: g.id,
      groupName: g.name,
      units: evaluation ? leadersOf(evaluation, g.id, rules) : [],
    }));
    return {
      id: this.id,
      title: this.info.title,
      authority: this.info.authority,
      period: this.info.period,
      ruleSetId: this.info.ruleSetId,
      sample: this.sample || (latest?.sample ?? false),
      archived: this.archived,
      status: this.timeline.statusOf(latest),
      finalisation: this.finalisation(),
      awardsPrizes: this.awardsPrizes,
      round: this.round !== null,
      roundable: this.roundable,
      latestAsOf: latest?.asOf ?? null,
      units: this.rosterList.length,
      leaders,
    };
  }

  // ── exports ────────────────────────────────────────────────────────────────────────────

  /** What an export says about its source (status, as-of date, input hash, sample flag). */
  exportSource(asOf: string | undefined, generatedAt: string): { evaluation: Evaluation; meta: ExportMeta; snapshot: SnapshotMeta } {
    const snapshot = this.timeline.resolve(asOf);
    if (!snapshot) throw new HttpError('no_snapshot');
    return {
      evaluation: this.results.evaluationOf(snapshot.id),
      snapshot: this.timeline.meta(snapshot),
      meta: {
        ruleSet: this.ruleSet,
        status: this.timeline.statusOf(snapshot),
        asOf: snapshot.asOf,
        inputSha256: snapshot.sha256,
        sample: this.sample || snapshot.sample,
        generatedAt,
        units: this.results.unitsOf(snapshot.id),
        decision: this.decisionOf(snapshot),
      },
    };
  }
}

/** A group's first three: by rank when the rule set scores, else by targets met. */
function leadersOf(evaluation: Evaluation, groupId: string, rules: CampaignInfo['rules']): Leader[] {
  const units = evaluation.units.filter((u) => u.groupId === groupId);
  const classLabel = (id: string | null | undefined) => rules.classes.find((c) => c.id === id)?.label ?? null;
  const targetsMet = (u: UnitResult) => {
    if (!u.targets) return null;
    const values = Object.values(u.targets);
    return { met: values.filter(Boolean).length, of: values.length };
  };
  const chosen = rules.scored
    ? units.filter((u) => u.rank !== null).slice(0, 3)
    : [...units].sort((a, b) => (targetsMet(b)?.met ?? 0) - (targetsMet(a)?.met ?? 0) || a.unitName.localeCompare(b.unitName, 'vi')).slice(0, 3);
  return chosen.map((u) => ({
    unitId: u.unitId,
    unitName: u.unitName,
    rank: u.rank,
    score: u.score,
    class: classLabel(u.class),
    prize: u.prize?.label ?? null,
    targetsMet: targetsMet(u),
  }));
}
