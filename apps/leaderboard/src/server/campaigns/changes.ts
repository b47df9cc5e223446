import { createHash } from 'node:crypto';
import { formatDateVi } from '@thidua/stats-io';
import type { Actor, Decision, Finalisation, SnapshotComparison, SnapshotEvent, SnapshotRetraction, SnapshotMeta, UploadResult } from '../../contract.js';
import type { Store } from '../../store/store.js';
import { HttpError } from '../errors.js';
import type { WorkPool } from '../work/pool.js';
import { ruleSetSha256 } from '../work/results-record.js';
import { storageFailure } from '../work/storage-failure.js';
import type { DatabaseRef } from '../work/tasks.js';
import type { Campaign } from './campaign.js';
import { compareUpload, comparisonWarnings, storedSource } from './comparison.js';
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

/** An upload's answer: everything but the evaluation, and the evaluation's JSON (megabytes for a national roster, sent as made). */
export interface UploadAnswer {
  result: Omit<UploadResult, 'evaluation'>;
  /** UTF-8, as the worker serialised it. */
  evaluationJson: Uint8Array;
}

/** The answer as the API sends it (the evaluation's bytes put in as they are, never serialised twice). */
export function uploadAnswerJson(answer: UploadAnswer): Buffer {
  const head = JSON.stringify(answer.result);
  return Buffer.concat([Buffer.from(`${head.slice(0, -1)},"evaluation":`), answer.evaluationJson, Buffer.from('}')]);
}

/**
 * What changes a campaign's published results: uploading a statistics file as a snapshot (published
 * at once, or pending until a publisher publishes it), retracting one, and freezing the latest as
 * final on the award decision. Every change is one transaction of the store with its audit line; a
 * refused change stores nothing.
 */
export class CampaignChanges {
  private readonly ruleSetSha: string;

  constructor(
    private readonly store: Store,
    private readonly campaign: Campaign,
    private readonly work: WorkPool,
    /** The database as the worker threads open it. */
    private readonly database: DatabaseRef,
    private readonly clock: () => Date,
    private readonly emit: (e: SnapshotEvent) => void,
  ) {
    this.ruleSetSha = ruleSetSha256(campaign.ruleSet);
  }

  private refuseIfClosed(): void {
    if (this.campaign.timeline.isFinal) throw new HttpError('campaign_finalized');
    if (this.campaign.archived) throw new HttpError('campaign_archived');
  }

  /** Checks that asOf is a real date inside the campaign period. */
  checkAsOf(asOf: string): void {
    if (!isRealDate(asOf)) throw new HttpError('invalid_as_of', { detail: { vi: asOf, en: asOf } });
    const { start, end } = this.campaign.ruleSet.period;
    if (asOf < start || asOf > end) {
      // Dates as officials write them (DD/MM/YYYY), in both languages.
      const [day, from, to] = [asOf, start, end].map(formatDateVi);
      throw new HttpError('as_of_outside_period', {
        detail: { vi: `ngày ${day} không thuộc thời gian thi đua ${from} – ${to}`, en: `${day} is not within the campaign period ${from} – ${to}` },
      });
    }
  }

  /**
   * Validates a statistics file against the rule set and the roster, evaluates it, compares it with
   * what is published and, unless a dry run, stores it as a snapshot with its results and its audit
   * line in one transaction — all in a worker thread, the event loop only answering meanwhile. Any
   * issue refuses the whole file; a campaign finalised or archived meanwhile refuses it too.
   */
  async upload(input: UploadInput): Promise<UploadAnswer> {
    this.refuseIfClosed();
    this.checkAsOf(input.asOf);
    if (input.bytes.length === 0) throw new HttpError('missing_file');

    const { ruleSet, roster, timeline } = this.campaign;
    const superseded = timeline.atAsOf(input.asOf);
    const outcome = await this.work.upload({
      ...this.database,
      bytes: input.bytes,
      fileName: input.fileName,
      asOf: input.asOf,
      ruleSet,
      ruleSetSha256: this.ruleSetSha,
      roster,
      effective: timeline.effective().map((s) => ({ id: s.id, asOf: s.asOf })),
      store: input.dryRun
        ? null
        : {
            campaignId: this.campaign.id,
            sourceFileName: input.fileName,
            sha256: createHash('sha256').update(input.bytes).digest('hex'),
            createdBy: input.actor,
            createdAt: this.clock().toISOString(),
            publish: input.publish,
            sample: input.sample ?? false,
            supersedes: superseded?.id ?? null,
          },
    });
    if (!outcome.ok) {
      if ('issues' in outcome) throw new HttpError('invalid_stats_file', { issues: outcome.issues });
      if ('closed' in outcome) {
        this.campaign.reload();
        throw new HttpError(outcome.closed);
      }
      throw storageFailure(outcome.sqlite);
    }
    const { rowCount, warnings, comparison, evaluationJson, snapshotId } = outcome;
    let snapshot: SnapshotMeta | null = null;
    if (snapshotId !== null) {
      this.campaign.reload();
      const record = this.campaign.timeline.find(snapshotId);
      snapshot = record ? this.campaign.timeline.meta(record) : null;
      if (input.publish) this.emit({ type: 'published', campaignId: this.campaign.id, snapshotId, asOf: input.asOf });
    }
    return { result: { dryRun: input.dryRun, snapshot, rowCount, issues: [], warnings, comparison }, evaluationJson };
  }

  /**
   * A stored upload — pending, for its publisher — compared with what is published now, as its clerk
   * saw it at upload: figures changed per unit, rank moves, prizes gained or lost, and the warnings.
   * Read from the stored results of both; nothing is evaluated.
   */
  comparisonOf(snapshotId: number): SnapshotComparison {
    const { timeline, results, ruleSet } = this.campaign;
    const s = timeline.find(snapshotId);
    if (!s) throw new HttpError('snapshot_not_found');
    const effective = timeline.effective().filter((o) => o.id !== s.id).map((o) => ({ id: o.id, asOf: o.asOf }));
    const comparison = compareUpload(storedSource(this.store, effective), ruleSet, s.asOf, results.evaluationOf(s.id), results.unitsOf(s.id));
    return { snapshot: timeline.meta(s), comparison, warnings: comparisonWarnings(s.asOf, comparison) };
  }

  /**
   * What retracting a snapshot would change, the comparison in reverse: its figures (before)
   * against those that would then stand for its date (after). Read from stored results.
   */
  retractionOf(snapshotId: number): SnapshotRetraction {
    const { timeline, results, ruleSet } = this.campaign;
    const s = timeline.find(snapshotId);
    if (!s) throw new HttpError('snapshot_not_found');
    const snapshot = timeline.meta(s);
    const changes = snapshot.state === 'live' ? 'board' : snapshot.state === 'published' ? 'history' : 'nothing';
    if (changes === 'nothing') return { snapshot, changes, standsFor: null, comparison: null };
    const { standsFor } = timeline.withoutOf(s);
    if (!standsFor) return { snapshot, changes, standsFor: null, comparison: null };
    const comparison = compareUpload(storedSource(this.store, [{ id: s.id, asOf: s.asOf }]), ruleSet, standsFor.asOf, results.evaluationOf(standsFor.id), results.unitsOf(standsFor.id));
    return { snapshot, changes, standsFor: { snapshotId: standsFor.id, asOf: standsFor.asOf }, comparison };
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
    this.store.finalize(this.campaign.id, latest.id, decision, actor, this.clock().toISOString(), {
      asOf: latest.asOf,
      sourceFileName: latest.sourceFileName,
      sha256: latest.sha256,
      totalAwardedVnd: this.campaign.results.totalAwarded(latest.id),
    });
    this.campaign.reload();
    this.emit({ type: 'finalized', campaignId: this.campaign.id, snapshotId: latest.id, asOf: latest.asOf });
    return { snapshot: this.campaign.timeline.meta(latest), finalisation: this.campaign.finalisation() as Finalisation };
  }
}
