import type { Evaluation, RuleSet, UnitInput } from '@thidua/scoring';
import { formatDateVi as viDate } from '@thidua/stats-io';
import type { SheetIssue, UploadComparison } from '../../contract.js';
import type { Standing } from '../../store/results.js';
import type { Store } from '../../store/store.js';

type PrizeText = { label: { vi: string; en: string }; amount: number };
const prizeOf = (p: PrizeText | null | undefined) => (p ? { label: p.label, amount: p.amount } : null);
const storedPrize = (json: string | null | undefined): PrizeText | null => (json ? (JSON.parse(json) as PrizeText) : null);

/**
 * Counts that went down, listed one by one up to this many: a file whose every count went down (a
 * sheet of another period) is said in one line after them, not in a warning per cell.
 */
export const listedDecreases = 100;

/** Input cells that changed, listed one by one up to this many (a national weekly file changes them all). */
export const listedInputChanges = 200;

/** What is published, read from a store's stored results and statistics. */
export function storedSource(store: Pick<Store, 'results' | 'getSnapshotUnits'>, effective: PublishedSource['effective']): PublishedSource {
  return {
    effective,
    standings: (id) => store.results.standings(id),
    totalAwarded: (id) => store.results.totalAwarded(id),
    units: (id) => store.getSnapshotUnits(id),
  };
}

/** What a comparison reads of what is published: stored results and statistics, by snapshot. */
export interface PublishedSource {
  /** The counting snapshots, oldest as-of date first. */
  effective: readonly { id: number; asOf: string }[];
  standings(snapshotId: number): Map<string, Standing>;
  totalAwarded(snapshotId: number): number | null;
  units(snapshotId: number): UnitInput[];
}

/**
 * What an upload would change against what is published, for the official to read before
 * publishing: the rank moves and the prizes gained or lost (with their amounts), against the
 * figures published for the same date if any, else those the board shows; and the three things an
 * official would want to be warned of — the upload replaces published figures, its date is older
 * than the one shown (the board will not change), a cumulative count went down. Every figure is
 * the library's evaluation or a stored result; nothing is recomputed here.
 */
export function compareUpload(published: PublishedSource, ruleSet: RuleSet, asOf: string, evaluation: Evaluation, units: readonly UnitInput[]): UploadComparison {
  const effective = published.effective;
  // Each snapshot's statistics read once (the one compared with and the one before may be the same).
  const read = new Map<number, UnitInput[]>();
  const publishedUnits = (id: number) => read.get(id) ?? (read.set(id, published.units(id)), read.get(id) as UnitInput[]);
  const shown = effective[effective.length - 1] ?? null;
  const sameDate = effective.find((s) => s.asOf === asOf) ?? null;
  const against = sameDate ?? shown;

  const rankMoves: UploadComparison['rankMoves'] = [];
  const prizeChanges: UploadComparison['prizeChanges'] = [];
  let totalAwardedBefore: number | null = null;
  if (against) {
    const before = published.standings(against.id);
    totalAwardedBefore = published.totalAwarded(against.id);
    for (const u of evaluation.units) {
      const b = before.get(u.unitId);
      const beforeRank = b?.rank ?? null;
      if (beforeRank !== u.rank) rankMoves.push({ unitId: u.unitId, unitName: u.unitName, groupId: u.groupId, before: beforeRank, now: u.rank });
      const beforePrize = prizeOf(storedPrize(b?.prizeJson));
      const nowPrize = prizeOf(u.prize);
      if (beforePrize?.label.vi !== nowPrize?.label.vi || beforePrize?.amount !== nowPrize?.amount) {
        prizeChanges.push({ unitId: u.unitId, unitName: u.unitName, groupId: u.groupId, before: beforePrize, now: nowPrize });
      }
    }
  }

  // Every input that differs from the figures compared with: the clerk checks the right cell was edited.
  const inputChanges: UploadComparison['inputChanges'] = [];
  let inputChangeCount = 0;
  if (against) {
    const inputs = ruleSet.inputs.filter((i) => i.kind !== 'text');
    const published = new Map(publishedUnits(against.id).map((u) => [u.id, u]));
    for (const u of units) {
      const b = published.get(u.id);
      for (const input of inputs) {
        const before = b?.[input.id] ?? null;
        const now = u[input.id] ?? null;
        if (String(before) === String(now)) continue;
        if (inputChangeCount++ < listedInputChanges) inputChanges.push({ unitId: u.id, unitName: u.name, input: input.id, label: input.short ?? input.label, before, now });
      }
    }
  }

  // Cumulative counts only grow: compare with the published snapshot just before this date.
  const decreases: UploadComparison['decreases'] = [];
  let decreaseCount = 0;
  const previous = [...effective].reverse().find((s) => s.asOf < asOf) ?? null;
  if (previous) {
    const counts = ruleSet.inputs.filter((i) => i.kind === 'count');
    const earlier = new Map(publishedUnits(previous.id).map((u) => [u.id, u]));
    for (const u of units) {
      const e = earlier.get(u.id);
      if (!e) continue;
      for (const input of counts) {
        const now = u[input.id];
        const before = e[input.id];
        if (typeof now === 'number' && typeof before === 'number' && now < before && decreaseCount++ < listedDecreases) {
          decreases.push({ unitId: u.id, unitName: u.name, input: input.id, label: input.short ?? input.label, before, now, previousAsOf: previous.asOf });
        }
      }
    }
  }

  return {
    against: against ? { snapshotId: against.id, asOf: against.asOf } : null,
    shownAsOf: shown?.asOf ?? null,
    replacesPublished: sameDate !== null,
    olderThanShown: shown !== null && asOf < shown.asOf,
    rankMoves,
    prizeChanges,
    totalAwardedBefore,
    totalAwardedNow: evaluation.totalAwarded,
    inputChangeCount,
    inputChanges,
    decreaseCount,
    decreases,
  };
}

/** The comparison's warnings, worded for the official, after the file's own. */
export function comparisonWarnings(asOf: string, c: UploadComparison): SheetIssue[] {
  const warnings: SheetIssue[] = [];
  const whole = (code: string, vi: string, en: string): SheetIssue => ({ row: null, column: null, field: null, code, message: { vi, en } });
  if (c.replacesPublished) {
    warnings.push(
      whole(
        'replaces_published',
        `Đã có số liệu công bố đến ngày ${viDate(asOf)}: khi công bố, tệp này sẽ thay thế số liệu đó (số liệu cũ vẫn được lưu).`,
        `Figures as of ${viDate(asOf)} are already published: publishing this file replaces them (the old ones stay stored).`,
      ),
    );
  }
  if (c.olderThanShown && c.shownAsOf) {
    warnings.push(
      whole(
        'older_than_shown',
        `Ngày số liệu ${viDate(asOf)} cũ hơn ngày đang hiển thị (${viDate(c.shownAsOf)}): công bố xong, bảng xếp hạng vẫn hiển thị số liệu đến ngày ${viDate(c.shownAsOf)}.`,
        `The date ${viDate(asOf)} is older than the one shown (${viDate(c.shownAsOf)}): once published, the board still shows the figures as of ${viDate(c.shownAsOf)}.`,
      ),
    );
  }
  const unlisted = c.decreaseCount - c.decreases.length;
  if (unlisted > 0) {
    const previous = c.decreases[0]?.previousAsOf ?? '';
    warnings.push(
      whole(
        'counts_decrease',
        `${unlisted} số liệu khác cũng thấp hơn kỳ trước (đến ngày ${viDate(previous)}), ngoài ${c.decreases.length} số liệu nêu dưới đây — tệp có phải của kỳ khác? Số liệu lũy kế không thể giảm.`,
        `${unlisted} more figures are lower than before (as of ${viDate(previous)}), beyond the ${c.decreases.length} listed below — is the file of another period? Cumulative figures cannot go down.`,
      ),
    );
  }
  for (const d of c.decreases) {
    warnings.push({
      row: null,
      column: d.label.vi,
      field: d.input,
      code: 'counts_decrease',
      message: {
        vi: `${d.unitName}: "${d.label.vi}" là ${d.now}, thấp hơn kỳ trước (${d.before}, đến ngày ${viDate(d.previousAsOf)}) — số liệu lũy kế không thể giảm.`,
        en: `${d.unitName}: "${d.label.en}" is ${d.now}, lower than before (${d.before}, as of ${viDate(d.previousAsOf)}) — cumulative figures cannot go down.`,
      },
    });
  }
  return warnings;
}
