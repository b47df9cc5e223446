import { LRUCache } from 'lru-cache';
import { evaluate, explainer, type Evaluation, type Explanation, type RuleSet, type UnitInput } from '@thidua/scoring';
import type { UnitHistoryPoint } from '../../contract.js';
import type { Store } from '../../store/store.js';

/** What a unit's history and rank changes need of each snapshot. */
export type UnitSummary = Omit<UnitHistoryPoint, 'snapshotId' | 'asOf'>;

/** How many snapshots' full evaluations stay in memory (latest, previous, and a couple browsed). */
const keptSnapshots = 4;

/**
 * The library's evaluation of each stored snapshot, computed once and kept while it is in use: a
 * 10,000-unit evaluation is megabytes of objects, so only the last few are kept whole, and of every
 * snapshot only the small per-unit summary that histories and rank changes read. The leaderboard,
 * the exports and an upload's answer need no gaps, so those evaluations are made without them; a
 * unit's page asks for its gaps, and the snapshot's evaluation with gaps is made then, once. Every
 * figure comes from @thidua/scoring; nothing here re-implements a rule.
 */
export class EvaluationCache {
  private readonly evaluations = new LRUCache<number, Evaluation>({ max: keptSnapshots });
  private readonly withGaps = new LRUCache<number, Evaluation>({ max: 2 });
  private readonly units = new LRUCache<number, UnitInput[]>({ max: keptSnapshots });
  private readonly boards = new LRUCache<number, string>({ max: keptSnapshots });
  private readonly summaries = new Map<number, Map<string, UnitSummary>>();
  private explainUnit: ((unit: UnitInput) => Explanation) | null = null;

  constructor(
    private readonly store: Store,
    private readonly ruleSet: RuleSet,
  ) {}

  /** A snapshot's statistics as stored. */
  unitsOf(snapshotId: number): UnitInput[] {
    let units = this.units.get(snapshotId);
    if (!units) {
      units = this.store.getSnapshotUnits(snapshotId);
      this.units.set(snapshotId, units);
    }
    return units;
  }

  /** The evaluation of a stored snapshot, without gaps (the same object while it stays cached). */
  evaluationOf(snapshotId: number): Evaluation {
    let evaluation = this.evaluations.get(snapshotId);
    if (!evaluation) {
      evaluation = evaluate(this.unitsOf(snapshotId), this.ruleSet, { gaps: false });
      this.remember(snapshotId, evaluation);
    }
    return evaluation;
  }

  /** The evaluation of a stored snapshot with every unit's gaps (what a unit's page shows). */
  evaluationWithGapsOf(snapshotId: number): Evaluation {
    let evaluation = this.withGaps.get(snapshotId);
    if (!evaluation) {
      evaluation = evaluate(this.unitsOf(snapshotId), this.ruleSet);
      this.withGaps.set(snapshotId, evaluation);
    }
    return evaluation;
  }

  /** Keeps an evaluation just made without gaps (an upload's), with the statistics it was made from. */
  remember(snapshotId: number, evaluation: Evaluation, units?: UnitInput[]): void {
    this.evaluations.set(snapshotId, evaluation);
    if (units) this.units.set(snapshotId, units);
    if (!this.summaries.has(snapshotId)) {
      const summary = new Map<string, UnitSummary>();
      for (const u of evaluation.units) {
        summary.set(u.unitId, { score: u.score, rank: u.rank, eligible: u.eligible, prize: u.prize ?? null, class: u.class ?? null });
      }
      this.summaries.set(snapshotId, summary);
    }
  }

  summaryOf(snapshotId: number): Map<string, UnitSummary> {
    let summary = this.summaries.get(snapshotId);
    if (!summary) {
      this.evaluationOf(snapshotId);
      summary = this.summaries.get(snapshotId) as Map<string, UnitSummary>;
    }
    return summary;
  }

  /** The evaluation as the leaderboard publishes it (without gaps), serialised once. */
  boardJsonOf(snapshotId: number): string {
    let json = this.boards.get(snapshotId);
    if (json === undefined) {
      json = JSON.stringify(this.evaluationOf(snapshotId));
      this.boards.set(snapshotId, json);
    }
    return json;
  }

  /** One unit's working, from the snapshot's stored statistics; null when the unit is not in it. */
  explanationOf(snapshotId: number, unitId: string): { explanation: Explanation; inputs: UnitInput } | null {
    const unit = this.unitsOf(snapshotId).find((u) => u.id === unitId);
    if (!unit) return null;
    this.explainUnit ??= explainer(this.ruleSet);
    return { explanation: this.explainUnit(unit), inputs: unit };
  }
}
