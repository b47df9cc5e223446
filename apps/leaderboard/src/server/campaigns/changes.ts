import { createHash } from 'node:crypto';
import { evaluate, ScoringInputError, type Evaluation } from '@thidua/scoring';
import { parseStatsFile, parseUnitsJson, type ParsedStats, type SheetIssue } from '@thidua/stats-io';
import type { Actor, Decision, Finalisation, SnapshotEvent, SnapshotMeta, UploadResult } from '../../contract.js';
import type { Store } from '../../store/store.js';
import { HttpError } from '../errors.js';
import type { Campaign } from './campaign.js';
import { compareUpload, comparisonWarnings } from './comparison.js';
import { isRealDate } from './timeline.js';

export interface UploadInput {
  bytes: Uint8Array;
  fileName: string;
  asOf: string;
  actor: Actor;
  dryRun: boolean;
  /** Published as stored (a publisher's upload), or kept pending for a publisher (a clerk's). */
  publish: boolean;
  /** Seeded demo data. */
  sample?: boolean;
}

/** An upload's outcome, with the evaluation kept as the object the cache holds. */
export type Upload = UploadResult;

/** Maps a library issue (path [index, field]) to a sheet issue; rows as Excel counts them. */
function scoringIssueToSheet(issue: { path: (string | number)[]; code: string; message: { vi: string; en: string } }): SheetIssue {
  const [index, field] = issue.path;
  return {
    row: typeof index === 'number' ? index + 2 : null,
    column: typeof field === 'string' ? field : null,
    field: typeof field === 'string' ? field : null,
    code: issue.code,
    message: issue.message,
  };
}

/**
 * What changes a campaign's published results: uploading a statistics file as a snapshot (published
 * at once, or pending until a publisher publishes it), retracting one, and freezing the latest as
 * final on the award decision. Every change is one transaction of the store with its audit line; a
 * refused change stores nothing.
 */
export class CampaignChanges {
  constructor(
    private readonly store: Store,
    private readonly campaign: Campaign,
    private readonly clock: () => Date,
    private readonly emit: (e: SnapshotEvent) => void,
  ) {}

  private refuseIfClosed(): void {
    if (this.campaign.timeline.isFinal) throw new HttpError('campaign_finalized');
    if (this.campaign.archived) throw new HttpError('campaign_archived');
  }

  /** Checks that asOf is a real date inside the campaign period. */
  checkAsOf(asOf: string): void {
    if (!isRealDate(asOf)) throw new HttpError('invalid_as_of', { detail: { vi: asOf, en: asOf } });
    const { start, end } = this.campaign.ruleSet.period;
    if (asOf < start || asOf > end) {
      throw new HttpError('as_of_outside_period', {
        detail: { vi: `${asOf} không thuộc ${start} … ${end}`, en: `${asOf} is not within ${start} … ${end}` },
      });
    }
  }

  private async parse(input: UploadInput): Promise<ParsedStats> {
    const { ruleSet, roster } = this.campaign;
    if (/\.json$/i.test(input.fileName)) return parseUnitsJson(new TextDecoder().decode(input.bytes), { ruleSet, roster });
    return parseStatsFile(input.bytes, { fileName: input.fileName, ruleSet, roster: [...roster] });
  }

  /**
   * Validates a statistics file against the rule set and the roster, evaluates it and, unless a dry
   * run, stores it as a snapshot in one transaction. Any issue refuses the whole file.
   */
  async upload(input: UploadInput): Promise<UploadResult> {
    this.refuseIfClosed();
    this.checkAsOf(input.asOf);
    if (input.bytes.length === 0) throw new HttpError('missing_file');

    const parsed = await this.parse(input);
    if (parsed.issues.length > 0) throw new HttpError('invalid_stats_file', { issues: parsed.issues });

    let evaluation: Evaluation;
    try {
      // Without gaps: the answer and the leaderboard need none (a unit's page has them, made on demand).
      evaluation = evaluate(parsed.units, this.campaign.ruleSet, { gaps: false });
    } catch (err) {
      if (err instanceof ScoringInputError) throw new HttpError('invalid_stats_file', { issues: err.issues.map(scoringIssueToSheet) });
      throw err;
    }
    const comparison = compareUpload(this.campaign, input.asOf, evaluation, parsed.units);
    const warnings = [...parsed.warnings, ...comparisonWarnings(input.asOf, comparison)];
    if (input.dryRun) return { dryRun: true, snapshot: null, rowCount: parsed.rowCount, evaluation, issues: [], warnings, comparison };
    // Checked again after the await: another request may have finalised meanwhile.
    this.refuseIfClosed();

    const superseded = this.campaign.timeline.atAsOf(input.asOf);
    const id = this.store.insertSnapshot({
      campaignId: this.campaign.id,
      asOf: input.asOf,
      sourceFileName: input.fileName,
      sha256: createHash('sha256').update(input.bytes).digest('hex'),
      rowCount: parsed.rowCount,
      createdBy: input.actor,
      createdAt: this.clock().toISOString(),
      publish: input.publish,
      sample: input.sample ?? false,
      units: parsed.units,
      auditDetail: {
        ...(input.publish && superseded ? { supersedes: superseded.id } : {}),
        warnings: warnings.length,
        ...(comparison.olderThanShown ? { olderThanShown: comparison.shownAsOf } : {}),
      },
    });
    this.campaign.evaluations.remember(id, evaluation, parsed.units);
    this.campaign.reload();
    const record = this.campaign.timeline.find(id);
    if (input.publish) this.emit({ type: 'published', campaignId: this.campaign.id, snapshotId: id, asOf: input.asOf });
    return {
      dryRun: false,
      snapshot: record ? this.campaign.timeline.meta(record) : null,
      rowCount: parsed.rowCount,
      evaluation,
      issues: [],
      warnings,
      comparison,
    };
  }

  /** Publishes a pending snapshot: it takes the place of any published for its date. */
  publish(snapshotId: number, actor: Actor): SnapshotMeta {
    this.refuseIfClosed();
    const s = this.campaign.timeline.find(snapshotId);
    if (!s) throw new HttpError('snapshot_not_found');
    if (s.retracted) throw new HttpError('already_retracted');
    if (s.publishedAt !== null) throw new HttpError('already_published');
    const superseded = this.campaign.timeline.atAsOf(s.asOf);
    const shown = this.campaign.timeline.latest();
    this.store.publishSnapshot(this.campaign.id, snapshotId, actor, this.clock().toISOString(), {
      asOf: s.asOf,
      sourceFileName: s.sourceFileName,
      uploadedBy: s.createdBy,
      ...(superseded ? { supersedes: superseded.id } : {}),
      ...(shown && s.asOf < shown.asOf ? { olderThanShown: shown.asOf } : {}),
    });
    this.campaign.reload();
    this.emit({ type: 'published', campaignId: this.campaign.id, snapshotId, asOf: s.asOf });
    return this.campaign.timeline.meta(this.campaign.timeline.find(snapshotId) ?? s);
  }

  /** Withdraws a snapshot, published or pending: it is kept, marked retracted. */
  retract(snapshotId: number, actor: Actor): SnapshotMeta {
    this.refuseIfClosed();
    const s = this.campaign.timeline.find(snapshotId);
    if (!s) throw new HttpError('snapshot_not_found');
    if (s.retracted) throw new HttpError('already_retracted');
    const wasPublished = s.publishedAt !== null;
    this.store.retractSnapshot(this.campaign.id, snapshotId, actor, this.clock().toISOString(), {
      asOf: s.asOf,
      sourceFileName: s.sourceFileName,
      ...(wasPublished ? {} : { pending: true }),
    });
    this.campaign.reload();
    if (wasPublished) this.emit({ type: 'retracted', campaignId: this.campaign.id, snapshotId, asOf: s.asOf });
    return this.campaign.timeline.meta(this.campaign.timeline.find(snapshotId) ?? s);
  }

  /** Freezes the latest published snapshot as the final result (kết quả chính thức), on the award decision. */
  finalize(decision: Decision, actor: Actor): { snapshot: SnapshotMeta; finalisation: Finalisation } {
    this.refuseIfClosed();
    const latest = this.campaign.timeline.latest();
    if (!latest) throw new HttpError('nothing_to_finalize');
    if (!isRealDate(decision.date)) throw new HttpError('invalid_request', { detail: { vi: `ngày quyết định "${decision.date}"`, en: `decision date "${decision.date}"` } });
    const evaluation = this.campaign.evaluations.evaluationOf(latest.id);
    this.store.finalize(this.campaign.id, latest.id, decision, actor, this.clock().toISOString(), {
      asOf: latest.asOf,
      sourceFileName: latest.sourceFileName,
      sha256: latest.sha256,
      totalAwardedVnd: evaluation.totalAwarded,
    });
    this.campaign.reload();
    this.emit({ type: 'finalized', campaignId: this.campaign.id, snapshotId: latest.id, asOf: latest.asOf });
    return { snapshot: this.campaign.timeline.meta(latest), finalisation: this.campaign.finalisation() as Finalisation };
  }
}
