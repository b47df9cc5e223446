import { publishedFigures, type Evaluation, type RuleSet, type UnitResult } from '@thidua/scoring';
import { formatDecimal, formatVnd, pick, textTable, type Lang } from './output.js';

export interface TableSource {
  fileName: string;
  fileSha256: string;
  warningsCount: number;
}

const words = {
  ruleSet: { vi: 'Bộ quy tắc', en: 'Rule set' },
  file: { vi: 'Tệp số liệu', en: 'Statistics file' },
  units: { vi: 'đơn vị', en: 'units' },
  rank: { vi: 'Hạng', en: 'Rank' },
  id: { vi: 'Mã', en: 'ID' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  score: { vi: 'Điểm', en: 'Score' },
  class: { vi: 'Xếp loại', en: 'Class' },
  targets: { vi: 'Chỉ tiêu đạt', en: 'Targets met' },
  prize: { vi: 'Giải', en: 'Prize' },
  ineligible: { vi: 'Không đủ điều kiện xếp hạng', en: 'Not eligible' },
  vacant: { vi: 'Giải để trống', en: 'Vacant prizes' },
  undecided: { vi: 'Chưa phân định (hội đồng quyết định)', en: 'Undecided (for the committee)' },
  groupTotal: { vi: 'Tiền thưởng của nhóm', en: 'Awarded in this group' },
  budget: { vi: 'trên tổng', en: 'of a budget of' },
  total: { vi: 'Tổng tiền thưởng', en: 'Total awarded' },
  warnings: { vi: 'Cảnh báo (không chặn)', en: 'Warnings (not blocking)' },
  tied: { vi: 'đồng hạng, chưa phân định', en: 'tied, undecided' },
  noneRanked: { vi: '(không có đơn vị nào được xếp hạng)', en: '(no unit ranked)' },
  notMet: { vi: 'Chưa đạt', en: 'Not met' },
  needed: { vi: 'cần thêm', en: 'needs' },
  outOfReach: { vi: 'chưa thể đạt', en: 'out of reach' },
};

/** The figures the rule set publishes, as table columns (a short name, and % for a share). */
function shownFigures(ruleSet: RuleSet, lang: Lang): { id: string; title: string; percent: boolean }[] {
  return publishedFigures(ruleSet).map((f) => ({ id: f.id, title: pick(f.short, lang), percent: f.percent }));
}

/**
 * The result as an aligned plain-text report, one table per group: the ranking (or, for a rule set
 * of targets, each unit's targets met), with the figures the rule set publishes, then who is not
 * ranked and why, vacant and undecided prizes, and the money.
 */
export function scoreTable(evaluation: Evaluation, ruleSet: RuleSet, source: TableSource, lang: Lang): string {
  const w = (k: keyof typeof words) => pick(words[k], lang);
  const out: string[] = [];
  out.push(pick(ruleSet.title, lang));
  out.push(
    `${w('ruleSet')}: ${ruleSet.id} (@thidua/scoring ${evaluation.libraryVersion}) · ${w('file')}: ${source.fileName} · ` +
      `SHA-256 ${source.fileSha256.slice(0, 16)}… · ${evaluation.units.length} ${w('units')}`,
  );
  const scored = ruleSet.score !== undefined;
  const prized = ruleSet.groups.some((g) => (g.prizes ?? []).length > 0);
  const shown = shownFigures(ruleSet, lang);
  const classOf = new Map((ruleSet.classes?.levels ?? []).map((l) => [l.id, pick(l.label, lang)]));
  const targets = ruleSet.targets ?? [];
  const moveLabel = new Map((ruleSet.moves ?? []).map((m) => [m.id, pick(m.label, lang)]));
  const byId = new Map(evaluation.units.map((u) => [u.unitId, u]));

  for (const group of evaluation.groups) {
    const ruleGroup = ruleSet.groups.find((g) => g.id === group.id);
    out.push('');
    out.push(`${ruleGroup ? pick(ruleGroup.shortName, lang) + ' — ' : ''}${pick(group.name, lang)}`);
    const prizeCell = (u: UnitResult) =>
      u.prize ? `${pick(u.prize.label, lang)} (${formatVnd(u.prize.amount, lang)})` : (u.undecidedPrizeIds ?? []).length > 0 ? `? ${w('tied')}` : '';
    const listed = scored ? group.ranking.map((id) => byId.get(id) as UnitResult) : evaluation.units.filter((u) => u.groupId === group.id);
    const header = [...(scored ? [w('rank')] : []), w('id'), w('unit'), ...(scored ? [w('score')] : []), ...shown.map((f) => f.title)];
    if (ruleSet.classes) header.push(w('class'));
    if (targets.length > 0) header.push(w('targets'));
    if (prized) header.push(w('prize'));
    const rows = listed.map((u) => {
      const cells = [...(scored ? [String(u.rank)] : []), u.unitId, u.unitName, ...(scored ? [formatDecimal(u.score, lang)] : [])];
      for (const f of shown) {
        const v = u.metrics[f.id] ?? null;
        cells.push(v === null ? '—' : `${formatDecimal(v, lang)}${f.percent ? '%' : ''}`);
      }
      if (ruleSet.classes) cells.push(u.class ? (classOf.get(u.class) ?? u.class) : '—');
      if (targets.length > 0) cells.push(`${targets.filter((t) => u.targets?.[t.id]).length}/${targets.length}`);
      if (prized) cells.push(prizeCell(u));
      return cells;
    });
    if (rows.length === 0) out.push(w('noneRanked'));
    else out.push(textTable(header, rows, header.map((_, i) => (i === 1 || i === 2 || (!scored && i < 2) ? 'left' : 'right'))));
    // Targets not met, with the moves still needed.
    for (const u of listed) {
      const missed = targets.filter((t) => u.targets?.[t.id] === false);
      if (missed.length === 0) continue;
      const parts = missed.map((t) => {
        const need = u.gaps?.targets?.[t.id];
        const move = moveLabel.get(t.move ?? ruleSet.moves?.[0]?.id ?? '') ?? '';
        return `${pick(t.label, lang)} (${need === undefined ? w('notMet') : need === null ? w('outOfReach') : `${w('needed')} ${need} ${move}`})`;
      });
      out.push(`  · ${u.unitName}: ${parts.join('; ')}`);
    }
    if (scored && group.ineligibleUnitIds.length > 0) {
      out.push(`${w('ineligible')}:`);
      for (const id of group.ineligibleUnitIds) {
        const u = byId.get(id) as UnitResult;
        out.push(`  · ${u.unitName} (${u.unitId}) — ${(u.reasons ?? []).map((r) => pick(r.message, lang)).join('; ')}`);
      }
    }
    if (group.vacantPrizes.length > 0) {
      const labels = group.vacantPrizes.map((id) => {
        const p = ruleGroup?.prizes?.find((x) => x.id === id);
        return p ? pick(p.label, lang) : id;
      });
      out.push(`${w('vacant')}: ${labels.join(', ')}`);
    }
    for (const u of group.undecided) out.push(`${w('undecided')}: ${pick(u.message, lang)}`);
    if (prized) out.push(`${w('groupTotal')}: ${formatVnd(group.totalAwarded, lang)} ${w('budget')} ${formatVnd(group.budget, lang)}`);
  }
  if (prized) {
    out.push('');
    out.push(`${w('total')}: ${formatVnd(evaluation.totalAwarded, lang)}`);
  }
  if (evaluation.warnings.length > 0 || source.warningsCount > 0) {
    out.push(`${w('warnings')}: ${Math.max(evaluation.warnings.length, source.warningsCount)}`);
    for (const warning of evaluation.warnings) out.push(`  ! ${pick(warning.message, lang)}`);
  }
  return out.join('\n') + '\n';
}
