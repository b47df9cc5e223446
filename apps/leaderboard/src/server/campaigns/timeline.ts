import type { PublicationStatus, SnapshotMeta } from '../../contract.js';
import type { SnapshotRecord, Store } from '../../store/store.js';
import { HttpError } from '../errors.js';

/** A real calendar date written YYYY-MM-DD. */
export function isRealDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * One campaign's snapshots in time: which count (not retracted; for each as-of date the newest
 * upload — docs/decisions/0008-snapshots-supersede-retract-finalise.md), which one an as-of date
 * shows, which came before it, and which is final. Read from the store, re-read after each change.
 */
export class SnapshotTimeline {
  private snapshots: SnapshotRecord[] = [];
  private effectiveList: SnapshotRecord[] = [];
  private finalId: number | null = null;

  constructor(
    private readonly store: Store,
    private readonly campaignId: string,
  ) {
    this.reload();
  }

  reload(): void {
    this.snapshots = this.store.listSnapshots(this.campaignId);
    this.finalId = this.store.getFinalisation(this.campaignId)?.snapshotId ?? null;
    const byAsOf = new Map<string, SnapshotRecord>();
    for (const s of this.snapshots) {
      if (s.retracted) continue;
      const current = byAsOf.get(s.asOf);
      if (!current || s.id > current.id) byAsOf.set(s.asOf, s);
    }
    this.effectiveList = [...byAsOf.values()].sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0));
  }

  get isFinal(): boolean {
    return this.finalId !== null;
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

  meta(s: SnapshotRecord): SnapshotMeta {
    const superseded = !s.retracted && this.snapshots.some((o) => o.asOf === s.asOf && o.id > s.id && !o.retracted);
    return {
      id: s.id,
      asOf: s.asOf,
      sourceFileName: s.sourceFileName,
      sha256: s.sha256,
      rowCount: s.rowCount,
      createdBy: s.createdBy,
      createdAt: s.createdAt,
      retracted: s.retracted,
      sample: s.sample,
      superseded,
    };
  }

  /** Every snapshot, newest first, retracted and superseded ones included and marked. */
  list(): SnapshotMeta[] {
    return [...this.snapshots].reverse().map((s) => this.meta(s));
  }
}
