import type { PublicationStatus, SnapshotMeta, SnapshotState } from '../../contract.js';
import type { Finalisation, SnapshotRecord, Store } from '../../store/store.js';
import { HttpError } from '../errors.js';

/** A real calendar date written YYYY-MM-DD. */
export function isRealDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Publication order: when it was published, then the order of upload. */
const publishedLater = (a: SnapshotRecord, b: SnapshotRecord) =>
  (a.publishedAt ?? '') > (b.publishedAt ?? '') || ((a.publishedAt ?? '') === (b.publishedAt ?? '') && a.id > b.id);

/** The snapshots that count among these: for each as-of date the latest published and not retracted, oldest date first. */
function effectiveOf(snapshots: readonly SnapshotRecord[]): SnapshotRecord[] {
  const byAsOf = new Map<string, SnapshotRecord>();
  for (const s of snapshots) {
    if (s.retracted || s.publishedAt === null) continue;
    const current = byAsOf.get(s.asOf);
    if (!current || publishedLater(s, current)) byAsOf.set(s.asOf, s);
  }
  return [...byAsOf.values()].sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0));
}

/**
 * One campaign's snapshots in time: which count (published and not retracted; for each as-of date
 * the latest published — docs/decisions/0008-snapshots-supersede-retract-finalise.md), which one an
 * as-of date shows, which came before it, and which is final. Pending uploads (a clerk's, waiting
 * for a publisher) never count. Read from the store, re-read after each change.
 */
export class SnapshotTimeline {
  private snapshots: SnapshotRecord[] = [];
  private effectiveList: SnapshotRecord[] = [];
  private finalId: number | null = null;
  private finalRecord: Finalisation | null = null;

  constructor(
    private readonly store: Store,
    private readonly campaignId: string,
  ) {
    this.reload();
  }

  reload(): void {
    this.snapshots = this.store.listSnapshots(this.campaignId);
    this.finalRecord = this.store.getFinalisation(this.campaignId);
    this.finalId = this.finalRecord?.snapshotId ?? null;
    this.effectiveList = effectiveOf(this.snapshots);
  }

  get isFinal(): boolean {
    return this.finalId !== null;
  }

  get finalisation(): Finalisation | null {
    return this.finalRecord;
  }

  /** Snapshots that count, oldest as-of date first. */
  effective(): readonly SnapshotRecord[] {
    return this.effectiveList;
  }

  latest(): SnapshotRecord | null {
    return this.effectiveList[this.effectiveList.length - 1] ?? null;
  }

  /** The snapshot shown for `asOf` (the latest on or before it), or the latest; null if none. */
  resolve(asOf?: string): SnapshotRecord | null {
    if (asOf === undefined) return this.latest();
    if (!isRealDate(asOf)) throw new HttpError('invalid_as_of', { detail: { vi: asOf, en: asOf } });
    let found: SnapshotRecord | null = null;
    for (const s of this.effectiveList) if (s.asOf <= asOf) found = s;
    if (!found) throw new HttpError('no_snapshot', { detail: { vi: asOf, en: asOf } });
    return found;
  }

  /**
   * What retracting `s` would leave: the snapshots that would count, and the one that would then
   * stand for `s`'s date (an earlier publication of the same date, else the last before it; null if none).
   */
  withoutOf(s: SnapshotRecord): { effective: SnapshotRecord[]; standsFor: SnapshotRecord | null } {
    const effective = effectiveOf(this.snapshots.filter((o) => o.id !== s.id));
    let standsFor: SnapshotRecord | null = null;
    for (const o of effective) if (o.asOf <= s.asOf) standsFor = o;
    return { effective, standsFor };
  }

  /** The counting snapshot before `s` (by as-of date). */
  previousOf(s: SnapshotRecord): SnapshotRecord | null {
    let previous: SnapshotRecord | null = null;
    for (const o of this.effectiveList) if (o.asOf < s.asOf) previous = o;
    return previous;
  }

  /** The counting snapshot for exactly this as-of date, which a new upload would supersede. */
  atAsOf(asOf: string): SnapshotRecord | null {
    return this.effectiveList.find((s) => s.asOf === asOf) ?? null;
  }

  find(id: number): SnapshotRecord | null {
    return this.snapshots.find((s) => s.id === id) ?? null;
  }

  statusOf(snapshot: { id: number } | null): PublicationStatus {
    return snapshot !== null && snapshot.id === this.finalId ? 'final' : 'provisional';
  }

  /** Pending: uploaded by a clerk, waiting for a publisher. */
  pending(): readonly SnapshotRecord[] {
    return this.snapshots.filter((s) => s.publishedAt === null && !s.retracted);
  }

  stateOf(s: SnapshotRecord): { state: SnapshotState; replacedBy: number | null } {
    if (s.retracted) return { state: 'retracted', replacedBy: null };
    if (s.publishedAt === null) return { state: 'pending', replacedBy: null };
    const effective = this.atAsOf(s.asOf);
    if (effective && effective.id !== s.id) return { state: 'replaced', replacedBy: effective.id };
    return { state: this.latest()?.id === s.id ? 'live' : 'published', replacedBy: null };
  }

  meta(s: SnapshotRecord): SnapshotMeta {
    const { state, replacedBy } = this.stateOf(s);
    return {
      id: s.id,
      asOf: s.asOf,
      sourceFileName: s.sourceFileName,
      sha256: s.sha256,
      rowCount: s.rowCount,
      createdBy: s.createdBy,
      createdAt: s.createdAt,
      state,
      publishedBy: s.publishedBy,
      publishedAt: s.publishedAt,
      retracted: s.retracted,
      retractedBy: s.retractedBy,
      retractedAt: s.retractedAt,
      sample: s.sample,
      superseded: state === 'replaced',
      replacedBy,
    };
  }

  /** Every snapshot, newest first, marked with its state; pending ones only when asked (never public). */
  list(opts: { pending: boolean } = { pending: false }): SnapshotMeta[] {
    return [...this.snapshots]
      .reverse()
      .filter((s) => opts.pending || s.publishedAt !== null)
      .map((s) => this.meta(s));
  }
}
