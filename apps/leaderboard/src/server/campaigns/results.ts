import { LRUCache } from 'lru-cache';
import { explainer, gapFinder, type Evaluation, type Explanation, type Gaps, type RuleSet, type StandingContext, type TieRun, type UnitInput, type UnitResult } from '@thidua/scoring';
import type { UnitHistoryPoint } from '../../contract.js';
import type { Standing, StoredEvaluation } from '../../store/results.js';
import type { Store } from '../../store/store.js';

/**
 * How many bytes of parsed evaluations a campaign keeps in memory (exports and the campaign list
 * read them whole). A parsed evaluation takes about four times its JSON; the default holds the
 * latest of a 10,000-unit campaign and one more.
 */
export const defaultParsedEvaluationBytes = 48 * 1024 * 1024;

/**
 * A campaign's results as they were stored when each snapshot was stored (store/results.ts): the
 * leaderboard of any date, a unit's result and history, rank changes — read, never recomputed. A
 * unit's gaps and working are found for that unit alone, from its stored statistics and those of
 * the unit ranked above it (the library's gapFinder and explainer). Nothing here evaluates a snapshot.
 */
export class StoredResults {
  private readonly parsed: LRUCache<number, { evaluation: Evaluation }>;
  /** Compiled once, when the campaign is loaded: a unit's page after a restart compiles nothing. */
  private readonly findGaps: (unit: UnitInput, above: UnitInput | null) => Gaps;
  private readonly explainUnit: (unit: UnitInput) => Explanation;

  constructor(
    private readonly store: Store,
    ruleSet: RuleSet,
    private readonly parsedBytes = defaultParsedEvaluationBytes,
  ) {
    this.parsed = new LRUCache({ maxSize: parsedBytes });
    this.findGaps = gapFinder(ruleSet);
    this.explainUnit = explainer(ruleSet);
  }

  /** The evaluation (without gaps) as the leaderboard serves it: stored bytes (and their compressed form), sent as they are. */
  evaluation(snapshotId: number): StoredEvaluation {
    const stored = this.store.results.evaluation(snapshotId);
    if (stored === null) throw new Error(`no stored results for snapshot ${snapshotId}`);
    return stored;
  }

  /** The stored evaluation as an object (exports, the campaign list), kept within a byte budget. */
  evaluationOf(snapshotId: number): Evaluation {
    const kept = this.parsed.get(snapshotId);
    if (kept) return kept.evaluation;
    const json = Buffer.from(this.evaluation(snapshotId).bytes).toString('utf8');
    const evaluation = JSON.parse(json) as Evaluation;
    // Parsed objects take about four times their text; one too large for the budget is not kept.
    const size = json.length * 4;
    if (size <= this.parsedBytes) this.parsed.set(snapshotId, { evaluation }, { size });
    return evaluation;
  }

  totalAwarded(snapshotId: number): number {
    return this.store.results.totalAwarded(snapshotId) ?? 0;
  }

  standings(snapshotId: number): Map<string, Standing> {
    return this.store.results.standings(snapshotId);
  }

  /** A unit's stored result (without gaps); null when the unit is not in the snapshot. */
  unitResult(snapshotId: number, unitId: string): UnitResult | null {
    const row = this.store.results.unit(snapshotId, unitId);
    return row ? (JSON.parse(row.resultJson) as UnitResult) : null;
  }

  /** A unit's stored result (without gaps) and what its standing reads beside it (its group's ranked count, its tie run). */
  unitRecord(snapshotId: number, unitId: string): { result: UnitResult; context: StandingContext } | null {
    const row = this.store.results.unit(snapshotId, unitId);
    if (!row) return null;
    return { result: JSON.parse(row.resultJson) as UnitResult, context: { ranked: row.groupRanked, tie: row.tieJson ? (JSON.parse(row.tieJson) as TieRun) : null } };
  }

  rankOf(snapshotId: number, unitId: string): number | null {
    return this.store.results.unit(snapshotId, unitId)?.rank ?? null;
  }

  /** One unit's statistics in a snapshot, as stored; null when it is not in it. */
  unitInputs(snapshotId: number, unitId: string): UnitInput | null {
    return this.store.getSnapshotUnit(snapshotId, unitId);
  }

  /** A unit's gaps, from its statistics, against the unit listed just before its tie class (held fixed). */
  gapsOf(snapshotId: number, result: UnitResult, unit: UnitInput): Gaps {
    const aboveId = result.rank === null ? null : this.store.results.above(snapshotId, result.groupId, result.rank);
    const above = aboveId === null ? null : this.store.getSnapshotUnit(snapshotId, aboveId);
    return this.findGaps(unit, above);
  }

  /** One unit's working, from its stored statistics. */
  explanationOf(unit: UnitInput): Explanation {
    return this.explainUnit(unit);
  }

  /** A unit's points in the snapshots given (oldest first): one indexed query. */
  history(unitId: string, snapshots: readonly { id: number; asOf: string }[]): UnitHistoryPoint[] {
    const byId = new Map(this.store.results.history(unitId, snapshots.map((s) => s.id)).map((r) => [r.snapshotId, r]));
    const points: UnitHistoryPoint[] = [];
    for (const s of snapshots) {
      const r = byId.get(s.id);
      if (!r) continue;
      points.push({ snapshotId: s.id, asOf: s.asOf, score: r.score, rank: r.rank, eligible: r.eligible, prize: r.prizeJson ? JSON.parse(r.prizeJson) : null, class: r.classId });
    }
    return points;
  }

  /** A snapshot's statistics as stored (exports list them beside the figures). */
  unitsOf(snapshotId: number): UnitInput[] {
    return this.store.getSnapshotUnits(snapshotId);
  }
}
